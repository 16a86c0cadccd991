import type { Theme } from "@fluentui/react-components";

/**
 * Fluent's design tokens as the CSS variables they stand for: `token.spacingVerticalL` is
 * `"var(--spacingVerticalL)"`, exactly what Fluent's `tokens.spacingVerticalL` holds. Fluent's `tokens` is one
 * object of every token (30 KB minified) that no bundler can tree-shake; this gives the same strings, checked
 * against Fluent's Theme type, for nothing (test/taskpane/tokens.test.ts holds them equal).
 */
export const token = new Proxy({} as Record<keyof Theme, string>, {
  get: (_, name) => `var(--${String(name)})`,
});
