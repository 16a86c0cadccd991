import { sv, type Messages } from "./sv";
import { en } from "./en";
import type { Locale } from "./format";

export type { Messages } from "./sv";
export { formatNumber, formatPercent, type Locale } from "./format";

const catalogues: Record<Locale, Messages> = { sv, en };
let current: Locale = "sv";

/** Swedish is the product language; English when Office's display language is English. */
export function localeFromLanguageTag(tag: string | null | undefined): Locale {
  return tag && /^en\b/i.test(tag) ? "en" : "sv";
}

export function setLocale(locale: Locale): void {
  current = locale;
}

export function getLocale(): Locale {
  return current;
}

/** The messages of a locale (the current one by default). */
export function messages(locale: Locale = current): Messages {
  return catalogues[locale];
}
