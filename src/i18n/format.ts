/** Number display for messages: Swedish "1 234,5" and "41,6 %", English "1,234.5" and "41.6 %". */
export type Locale = "sv" | "en";

const intlLocale: Record<Locale, string> = { sv: "sv-SE", en: "en-GB" };
const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number, locale: Locale, maximumFractionDigits = 4): string {
  // Beyond a thousand billion, or too small for the decimals, as Excel shows it: 1,00E+308 (sv), 1.00E+308 (en).
  if (
    Number.isFinite(value) &&
    value !== 0 &&
    (Math.abs(value) >= 1e15 || Math.abs(value) < 10 ** -maximumFractionDigits)
  ) {
    const text = value.toExponential(2).replace("e", "E");
    return locale === "sv" ? text.replace(".", ",") : text;
  }
  // Whole numbers (nearly every figure a message names) grouped by hand: what Intl prints, without loading its
  // locale data for the first one (a tenth of a short check's own time).
  if (Number.isSafeInteger(value) && !Object.is(value, -0))
    return groupDigits(value, locale === "sv" ? " " : ",");
  const key = `${locale}:${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits, useGrouping: true });
    numberFormats.set(key, format);
  }
  // A plain space and hyphen-minus: Intl's no-break space and U+2212 minus look odd in an Excel cell.
  return format
    .format(value)
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/\u2212/g, "-");
}

function groupDigits(value: number, separator: string): string {
  const digits = String(Math.abs(value));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += separator + digits.slice(i, i + 3);
  return value < 0 ? `-${out}` : out;
}

export function formatPercent(share: number, locale: Locale, decimals = 1): string {
  return `${formatNumber(share * 100, locale, decimals)} %`;
}
