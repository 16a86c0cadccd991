import { makeStyles, typographyStyles } from "@fluentui/react-components";

/**
 * Fluent's type ramp as classes, for the pane's first screen (header, gallery, section headings): the same
 * fonts, sizes and line heights as Fluent's Title3, Subtitle2, Body1 and Caption1, on plain elements. Computed
 * at build time (Griffel's loader), they save the first paint the render of a Text component per line.
 */
export const useTypography = makeStyles({
  title3: { ...typographyStyles.title3, margin: 0 },
  subtitle2: { ...typographyStyles.subtitle2, margin: 0 },
  body1: typographyStyles.body1,
  caption1: typographyStyles.caption1,
});
