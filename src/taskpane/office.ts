import { localeFromLanguageTag, type Locale } from "../i18n";

/**
 * Everything the task pane needs to know from Office, read in one place so that components never touch
 * the Office API. Outside Office (a browser, a test) `Office` may be missing or report no host.
 */
export interface OfficeEnvironment {
  host: string | null;
  locale: Locale;
  dark: boolean;
}

export function readOfficeEnvironment(info: { host?: unknown } | null): OfficeEnvironment {
  const office = typeof Office === "undefined" ? undefined : Office;
  const context = office?.context;
  const host = info?.host ? String(info.host) : null;
  const background = context?.officeTheme?.bodyBackgroundColor;
  return {
    host,
    locale: localeFromLanguageTag(
      context?.displayLanguage ?? (typeof navigator === "undefined" ? null : navigator.language),
    ),
    dark: background ? isDark(background) : false,
  };
}

/** Resolves when Office.js is ready, or at once outside Office. */
export function whenOfficeReady(): Promise<{ host?: unknown } | null> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return Promise.resolve(null);
  return Office.onReady().then((info) => info ?? null);
}

function isDark(hexColor: string): boolean {
  const hex = hexColor.replace("#", "");
  if (hex.length < 6) return false;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}
