/**
 * How Swedish Excel would store a text typed into a cell: a number when it reads as one (space, no-break
 * space or point as thousands separator, decimal comma, a leading minus or hyphen), else the text as typed.
 * Typographic dashes, trailing minus signs and parentheses stay text — Excel does not take those.
 */
export function asTypedInSwedishExcel(text: string): string | number {
  const t = text.replace(/[\u00a0\u202f]/g, " ").trim();
  const m = /^(-?)(\d{1,3}(?: \d{3})+|\d+)(?:,(\d+))?$/.exec(t);
  if (!m) return text;
  const value = Number(`${m[1]}${m[2].replace(/ /g, "")}${m[3] ? `.${m[3]}` : ""}`);
  return Number.isFinite(value) ? value : text;
}
