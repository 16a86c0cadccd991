/**
 * Stage 1 of the check: what a cell holds, read the way a person reads a printed figure. Amounts reach a
 * sheet typed into Excel (numbers), pasted from a web page or a PDF (text with typographic minus signs and
 * no-break spaces), or as an error value of a formula. Everything downstream asks this module what a cell is.
 */

/** What a cell in an amount column holds. */
export type CellReading =
  | { kind: "number"; value: number; text: boolean }
  | { kind: "nil"; value: 0 } // a lone dash: printed as nothing, read as 0
  | { kind: "blank" }
  | { kind: "error"; error: string }
  | { kind: "text"; digits: boolean }; // words, or a mistyped figure when it has digits

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
/** A letter that no currency word below contains (ASCII s, e, k, u, d, r in either case). */
const NOT_CURRENCY_LETTER = /[^\P{L}SEKUDRsekudr]/u;
const UNIT_AFTER = /(?<=\d[\d\s\u00a0\u202f,.)-]*)\s*(tkr|mkr|mnkr|tsek|ksek|msek)\.?\s*$/i;
const LEADERS = /^\s*\.{2,}\s*|\s*\.{2,}\s*$/g;
const SPACES = /[\u00a0\u202f\u2007\u2009\u200a\u2002-\u2006]/g;
/** Whole part with thousands separated by a space or a point (Swedish) or a comma (English), or none. */
const SV = /^(\d{1,3}(?:[ .]\d{3})+|\d+)(?:,(\d+))?$/;
const EN = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * An amount printed as text → its value, or null: "1 234" → 1234, "– 429 783" → -429783 (any dash, also a
 * hyphen with a space), "1 234-" → -1234 (a trailing minus), "(1 234)" → -1234, "1 234,5" and "1,234.5" →
 * 1234.5, no-break and narrow spaces as thousands separators. A lone dash is nil (0). At most 40 characters.
 */
export function parseAmountText(text: string): number | null {
  if (text.length > 40) return null;
  // A unit of the table printed after each figure ("12 832 tkr", "1,5 mnkr"): the figure in that unit.
  const t = withoutUnit(text);
  // A letter other than those of the currency words taken away below (SEK, USD, EUR, kr) leaves no amount:
  // a label ("Konto 3010") is refused here, before the replaces.
  if (isWords(t)) return null;
  return parseAmountWords(t);
}

/** Does a text hold a letter no currency word has (so it is no amount: a label, "12abc")? */
export const isWords = (text: string): boolean => NOT_CURRENCY_LETTER.test(text) && !unitAfter(text);

/** A text without the unit printed after its figure ("12 832 tkr" → "12 832"). */
export const withoutUnit = (text: string): string => (unitAfter(text) ? text.replace(UNIT_AFTER, "") : text);

/** Does a text end in a unit after a figure ("12 832 tkr")? A look at its last letter first (most labels end in another). */
function unitAfter(text: string): boolean {
  const last = text.trimEnd();
  const c = last.charCodeAt(last.length - 1) | 0x20;
  return (c === 0x72 || c === 0x6b || c === 0x2e) && UNIT_AFTER.test(text); // r, k, "."
}

/** The reading itself (exported for the test that holds the shortcut above to it). */
export function parseAmountWords(text: string): number | null {
  // Dot leaders of a printed page before or after the figure ("........ $18,239").
  let t = text.replace(SPACES, " ").replace(LEADERS, "").replace(DASHES, "-").trim();
  // A currency sign before or after the figure ("$ 8,407,756", "$ (548,000)", "1 234 kr").
  t = t
    .replace(/^([-(]?)\s*(?:[$€£]|SEK|USD|EUR)\s*/i, "$1")
    .replace(/\s*(?:[$€£]|kr|SEK)\.?$/i, "")
    .trim();
  if (t === "") return null;
  if (/^-{1,2}$/.test(t)) return 0; // "–" or "--" for nil
  let sign = 1;
  if (/^\(.*\)$/.test(t)) {
    sign = -1;
    t = t.slice(1, -1).trim();
  }
  if (/^[-+] ?\S/.test(t)) {
    if (t[0] === "-") sign = -sign;
    t = t.slice(1).trim();
  } else if (/\S ?-$/.test(t)) {
    sign = -sign;
    t = t.slice(0, -1).trim();
  }
  // "1,234" and "12,345,678" are English thousands (a Swedish amount with three decimals is rarer than that).
  const english = /^[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/.test(t) || /^\d+\.\d+$/.test(t);
  const sv = english ? null : SV.exec(t);
  const en = sv ? null : EN.exec(t);
  const m = sv ?? en;
  if (!m) return null;
  const whole = m[1].replace(/[ .,]/g, "");
  const value = Number(`${whole}${m[2] ? `.${m[2]}` : ""}`) * sign;
  return Number.isFinite(value) ? (value === 0 ? 0 : value) : null;
}

/** Is a text a lone dash (nil)? */
export const isNilText = (text: string) => /^[-]{1,2}$/.test(text.replace(DASHES, "-").trim());

/** Excel's errors as values give their text; a reader passes them through. */
export function readCell(value: unknown, isError: (v: unknown) => boolean): CellReading {
  if (value === null || value === undefined) return { kind: "blank" };
  if (typeof value === "number")
    return Number.isFinite(value) ? { kind: "number", value, text: false } : { kind: "blank" };
  if (typeof value === "boolean") return { kind: "text", digits: false };
  if (typeof value !== "string") return { kind: "blank" };
  if (value.trim() === "") return { kind: "blank" };
  if (isError(value)) return { kind: "error", error: value.trim().toUpperCase() };
  if (isNilText(value)) return { kind: "nil", value: 0 };
  const parsed = parseAmountText(value);
  if (parsed !== null) return { kind: "number", value: parsed, text: true };
  return { kind: "text", digits: /\d/.test(value) };
}
