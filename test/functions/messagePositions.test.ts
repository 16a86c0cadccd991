import * as F from "../../src/functions/functions";
import { setLocale } from "../../src/i18n";

/**
 * Issue 9: which row and column a message names, per function, for ranges that are a row, a column, that
 * start with blanks, or that are ragged. Positions are counted inside the range the user gave, from 1.
 */
const message = (call: () => unknown): string => {
  try {
    return String(call());
  } catch (error) {
    return (error as Error).message;
  }
};
const column = (...v: unknown[]) => v.map((x) => [x]);
const row = (...v: unknown[]) => [v];

const CASES: [string, () => unknown, string][] = [
  // IMPACTINDEX
  [
    "IMPACTINDEX, a column: the third cell",
    () => F.impactIndex(column(1, 2, "x"), column(true, true, true)),
    "Text där ett tal ska stå: vikterna rad 3, kolumn 1",
  ],
  [
    "IMPACTINDEX, a row: the third cell",
    () => F.impactIndex(row(1, 2, 3), row(true, true, 2)),
    "Måluppfyllelse ska vara 0–1 eller SANT/FALSKT: måluppfyllelsen rad 1, kolumn 3",
  ],
  [
    "IMPACTINDEX, starting with blanks",
    () => F.impactIndex(column(null, null, 4), column(null, null, "ja")),
    "måluppfyllelsen rad 3, kolumn 1",
  ],
  [
    "IMPACTINDEX, ragged",
    () => F.impactIndex([[1, 2], [3]], [[true, true], [true]]),
    "raderna är olika långa (rad 2 har 1 celler, rad 1 har 2)",
  ],
  [
    "IMPACTINDEX, text for partialCredit",
    () => F.impactIndex(column(1), column(true), null as never, null, "ja"),
    'Text där SANT eller FALSKT ska stå: delpoäng "ja"',
  ],
  // FEESPLIT
  [
    "FEESPLIT, a column",
    () => F.feeSplit(column(10, 20, "tjugo"), 100),
    'befolkningstalen rad 3, kolumn 1 "tjugo"',
  ],
  [
    "FEESPLIT, a row",
    () => F.feeSplit(row(10, 20, "tjugo"), 100),
    'befolkningstalen rad 1, kolumn 3 "tjugo"',
  ],
  [
    "FEESPLIT, starting with blanks",
    () => F.feeSplit(column(null, 5), 100),
    "Värde saknas: befolkningstalen rad 1, kolumn 1",
  ],
  ["FEESPLIT, ragged", () => F.feeSplit([[1, 2], [3]], 100), "rad 2 har 1 celler, rad 1 har 2"],
  // FINANCING
  ["FINANCING, a row", () => F.financing(100, row(1, -2)), "(nr 2)"],
  ["FINANCING, ragged", () => F.financing(100, [[1], [2, 3]]), "rad 2 har 2 celler, rad 1 har 1"],
  // EQUITYCAP
  [
    "EQUITYCAP, a missing rate after blank rows names the row as it stands",
    () =>
      F.equityCap(8_000_000, 1, [
        [null, null],
        [null, null],
        [7_000_000, null],
      ]),
    "Värde saknas: trappstegen rad 3, kolumn 2",
  ],
  [
    "EQUITYCAP, ragged steps",
    () => F.equityCap(8_000_000, 1, [[7_000_000, 0.2], [null]]),
    "rad 2 har 1 celler, rad 1 har 2",
  ],
  // WEIGHTCHECK
  [
    "WEIGHTCHECK, indicators in a column: rows",
    () => F.weightCheck(column("A", "A"), column(5, 12), column("A"), column(100)),
    "Vikt ej heltal 1–10: rad 2 (12)",
  ],
  [
    "WEIGHTCHECK, indicators in a row: columns",
    () => F.weightCheck(row("A", "A", "A"), row(5, 5, 0.5), column("A"), column(100)),
    "Vikt ej heltal 1–10: kolumn 3 (0,5)",
  ],
  [
    "WEIGHTCHECK, after blank rows",
    () => F.weightCheck(column(null, null, "B"), column(null, null, 5), column("A"), column(100)),
    'Okänt målområde: rad 3 ("B")',
  ],
  [
    "WEIGHTCHECK, a block: row and column",
    () =>
      F.weightCheck(
        [
          ["A", "A"],
          ["A", "A"],
        ],
        [
          [5, 5],
          [5, 11],
        ],
        column("A"),
        column(100),
      ),
    "rad 2, kolumn 2 (11)",
  ],
  // TOPSHARE
  ["TOPSHARE, a row", () => F.topShare(row(1, 2, "x"), 1), "svarsantalen rad 1, kolumn 3"],
  ["TOPSHARE, ragged", () => F.topShare([[1, 2], [3]], 1), "rad 2 har 1 celler, rad 1 har 2"],
  // GOALMET
  [
    "GOALMET, text for lowerIsBetter",
    () => F.goalMet(1, 2, null, null, null, "lägre"),
    "Text där SANT eller FALSKT ska stå",
  ],
  ["GOALMET, a range for a value", () => F.goalMet([[1], [2]], 2), "ska vara ett enda värde"],
  // CHECKSUM
  [
    "CHECKSUM, a row",
    () => F.checkSum(row(1, 2, true), 3),
    "SANT/FALSKT där ett tal ska stå: delarna rad 1, kolumn 3",
  ],
  ["CHECKSUM, ragged", () => F.checkSum([[1, 2], [3]], 6), "rad 2 har 1 celler, rad 1 har 2"],
  // COSTSPLIT
  [
    "COSTSPLIT, a key row of 95 % after blank lines",
    () =>
      F.costSplit(column(null, null, -5), [
        [null, null, null],
        [null, null, null],
        [0.5, 0.4, 0.05],
      ]),
    "Andelarna på rad 1 blir 95 %",
  ],
  [
    "COSTSPLIT, amounts in a row with text",
    () =>
      F.costSplit(row(-5, "x"), [
        [1, 0, 0],
        [1, 0, 0],
      ]),
    'beloppen rad 1, kolumn 2 "x"',
  ],
  // SOLIDITET
  ["SOLIDITET, a range for the equity", () => F.soliditet([[1], [2]], 10), "ska vara ett enda värde"],
];

describe("messages point at the right cell", () => {
  beforeAll(() => setLocale("sv"));
  test.each(CASES)("%s", (_name, call, phrase) => {
    expect(message(call)).toContain(phrase);
  });
});
