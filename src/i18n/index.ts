import { sv, type Messages } from "./sv";
import type { Locale } from "./format";

export type { Messages } from "./sv";
export { formatNumber, formatPercent, type Locale } from "./format";

/**
 * The catalogues at hand. Swedish, the product language, is always here; English is loaded on first need
 * (`loadLocale`): in the pane a chunk of its own, so the first screen carries one language. The command line
 * and the tests load it at start (src/i18n/all.ts).
 */
const catalogues: Partial<Record<Locale, Messages>> = { sv };
let current: Locale = "sv";

/** Swedish is the product language; English when Office's display language is English. */
export function localeFromLanguageTag(tag: string | null | undefined): Locale {
  return tag && /^en\b/i.test(tag) ? "en" : "sv";
}

/** Makes a locale's catalogue available (idempotent). */
export async function loadLocale(locale: Locale): Promise<void> {
  if (catalogues[locale]) return;
  if (locale === "en") catalogues.en = (await import(/* webpackChunkName: "i18n-en" */ "./en")).en;
}

/** For hosts that have every catalogue at hand already (src/i18n/all.ts). */
export function provideCatalogue(locale: Locale, catalogue: Messages): void {
  catalogues[locale] = catalogue;
}

export function isLoaded(locale: Locale): boolean {
  return catalogues[locale] !== undefined;
}

/** Switches the language of messages; the locale's catalogue must be loaded (`loadLocale`). */
export function setLocale(locale: Locale): void {
  if (!catalogues[locale]) throw new Error(`catalogue "${locale}" is not loaded`);
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
