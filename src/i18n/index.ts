import type { Messages } from "./sv";
import type { Locale } from "./format";
import { FIRST_SCREEN, type FirstScreenMessages } from "./firstScreen";

export type { Messages } from "./sv";
export type { FirstScreenMessages } from "./firstScreen";
export { formatNumber, formatPercent, type Locale } from "./format";

/**
 * The catalogues at hand. Each is a chunk of its own, loaded on first need (`loadLocale`): the pane's first
 * screen needs only its own few strings (`firstScreen`, in both languages), so it paints before either
 * catalogue has arrived. The command line, the workbench and the tests load both at start (src/i18n/all.ts).
 */
const catalogues: Partial<Record<Locale, Messages>> = {};
let current: Locale = "sv";

/** Swedish is the product language; English when Office's display language is English. */
export function localeFromLanguageTag(tag: string | null | undefined): Locale {
  return tag && /^en\b/i.test(tag) ? "en" : "sv";
}

/** Makes a locale's catalogue available (once). */
export async function loadLocale(locale: Locale): Promise<void> {
  if (catalogues[locale]) return;
  catalogues[locale] =
    locale === "en"
      ? (await import(/* webpackChunkName: "i18n-en" */ "./en")).en
      : (await import(/* webpackChunkName: "i18n-sv" */ "./sv")).sv;
}

/** For hosts that have every catalogue at hand already (src/i18n/all.ts). */
export function provideCatalogue(locale: Locale, catalogue: Messages): void {
  catalogues[locale] = catalogue;
}

export function isLoaded(locale: Locale): boolean {
  return catalogues[locale] !== undefined;
}

/** The language of messages from now on (what `messages()` answers in, once its catalogue is loaded). */
export function setLocale(locale: Locale): void {
  current = locale;
}

export function getLocale(): Locale {
  return current;
}

/** The messages of a locale (the current one by default); the locale's catalogue must be loaded. */
export function messages(locale: Locale = current): Messages {
  const catalogue = catalogues[locale];
  if (!catalogue) throw new Error(`catalogue "${locale}" is not loaded`);
  return catalogue;
}

/** The first screen's strings: always at hand, in either language. */
export function firstScreen(locale: Locale = current): FirstScreenMessages {
  return FIRST_SCREEN[locale];
}
