/**
 * A number as a .xlsx file stores it (a cell's `<v>`): the XML Schema `xsd:double` lexical form, digits with an
 * optional sign, fraction and exponent — and nothing else. `12abc`, `0x10`, `1,5` and `1 000` are not numbers
 * (JavaScript's `parseFloat` would read 12, 0, 1 and 1); `NaN`, `INF` and `-INF` are valid xsd:double but no
 * value a cell can hold, so they are refused too, as is a value too large for a double (`1E+400`).
 */
const XSD_DOUBLE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The number the text stands for, or null when it is not a finite xsd:double. */
export function parseOoxmlNumber(text: string): number | null {
  const t = text.trim(); // xsd:double collapses surrounding whitespace
  if (t.length === 0 || t.length > 400 || !XSD_DOUBLE.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}
