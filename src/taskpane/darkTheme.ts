// Loaded by mount.tsx only when Office shows a dark theme.
export { webDarkTheme } from "@fluentui/react-components";
