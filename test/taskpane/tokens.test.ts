import { tokens, webLightTheme } from "@fluentui/react-components";
import { token } from "../../src/taskpane/tokens";

test("every theme token is the same CSS variable through `token` as through Fluent's `tokens`", () => {
  // The theme's tokens (what `token` is typed for); Fluent's `tokens` also has z-indices with fallbacks.
  const names = Object.keys(webLightTheme) as (keyof typeof webLightTheme)[];
  expect(names.length).toBeGreaterThan(300);
  for (const name of names) expect(token[name]).toBe(tokens[name]);
});
