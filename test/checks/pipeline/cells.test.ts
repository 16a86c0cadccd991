import fc from "fast-check";
import { isWords, parseAmountText, parseAmountWords, readCell, withoutUnit } from "../../../src/checks/cells";
import { textOf } from "../../helpers/random";
import { isErrorValue } from "../../../src/sheet/sheetData";
import { asTypedInSwedishExcel } from "../../helpers/swedishExcel";

/** Numbers as people paste them from published reports (data table: text → value). */
const cases: [string, number | null][] = [
  ["1 234", 1234],
  ["– 429 783", -429783], // en dash and a space
  ["\u2212 1 116", -1116], // minus sign
  ["\u2010 12", -12],
  ["\u2011 12", -12],
  ["\u2012 12", -12],
  ["\u2014 12", -12],
  ["\u2015 12", -12],
  ["- 429 783", -429783], // a hyphen with a space
  ["-429783", -429783],
  ["429 783-", -429783], // trailing minus
  ["429 783 –", -429783],
  ["(1 234)", -1234],
  ["( 1 234 )", -1234],
  ["1\u00a0234\u00a0567", 1234567],
  ["1\u202f234", 1234],
  ["−24,37", -24.37],
  ["1 234,5", 1234.5],
  ["1234.5", 1234.5],
  ["1,234", 1234],
  ["12,345,678", 12345678],
  ["1,234.50", 1234.5],
  ["0,125", 0.125],
  ["1.234.567", 1234567],
  ["+12", 12],
  ["$ 8,407,756", 8407756],
  ["$ (548,000)", -548000],
  ["$10,615,170", 10615170],
  ["1 234 kr", 1234],
  ["12 832 tkr", 12832], // the table's unit after each figure (Jämtlands räddningstjänstförbund)
  ["1,5 mnkr", 1.5],
  ["– 429 tkr", -429],
  ["tkr", null],
  ["–", 0], // a lone dash: nil
  ["-", 0],
  ["−", 0],
  ["0", 0],
  ["", null],
  ["Kommunen 2019", null],
  ["12O5", null],
  ["2019-12-31", null],
  ["12/31/2017", null],
  ["1 2 3", null],
  ["x".repeat(50), null],
];

describe("stage 1: amounts as printed", () => {
  test.each(cases)("%p → %p", (text, value) => {
    expect(parseAmountText(text)).toBe(value);
  });

  test("a cell: number, text figure, nil, blank, error value or words", () => {
    expect(readCell(12, isErrorValue)).toEqual({ kind: "number", value: 12, text: false });
    expect(readCell("– 12", isErrorValue)).toEqual({ kind: "number", value: -12, text: true });
    expect(readCell("–", isErrorValue)).toEqual({ kind: "nil", value: 0 });
    expect(readCell("  ", isErrorValue)).toEqual({ kind: "blank" });
    expect(readCell(null, isErrorValue)).toEqual({ kind: "blank" });
    expect(readCell(Number.NaN, isErrorValue)).toEqual({ kind: "blank" });
    expect(readCell("#VALUE!", isErrorValue)).toEqual({ kind: "error", error: "#VALUE!" });
    expect(readCell("12O5", isErrorValue)).toEqual({ kind: "text", digits: true });
    expect(readCell("ej tillämpligt", isErrorValue)).toEqual({ kind: "text", digits: false });
    expect(readCell(true, isErrorValue)).toEqual({ kind: "text", digits: false });
  });

  test("what Swedish Excel makes of a typed text (the corpus builds its typed copies with it)", () => {
    expect(asTypedInSwedishExcel("1 234")).toBe(1234);
    expect(asTypedInSwedishExcel("-1 234,5")).toBe(-1234.5);
    expect(asTypedInSwedishExcel("1\u00a0234")).toBe(1234);
    expect(asTypedInSwedishExcel("– 429 783")).toBe("– 429 783");
    expect(asTypedInSwedishExcel("Kommunen 2019")).toBe("Kommunen 2019");
  });
});

/**
 * A text with a letter no currency word has (a label, "12abc") is refused before the reading: for any text
 * over figures, separators, signs, currency words and other letters, the reading itself refuses it too.
 */
test("a letter outside SEK, USD, EUR and kr: no amount, by the shortcut and by the reading", () => {
  const pieces = [
    ..."0123456789 .,-+()\u2013\u00a0$€£".split(""),
    ...["SEK", "sek", "USD", "EUR", "kr", "Kr.", " tkr", " mnkr", "kSEK"],
    ..."aoKtnzåöÅEé".split(""),
  ];
  fc.assert(
    fc.property(textOf(pieces, 10), (text) => {
      if (isWords(text)) {
        expect(parseAmountText(text)).toBeNull();
        expect(parseAmountWords(text)).toBeNull();
      } else
        expect(parseAmountText(text)).toBe(text.length > 40 ? null : parseAmountWords(withoutUnit(text)));
    }),
    { numRuns: 20_000, seed: 19 },
  );
});
