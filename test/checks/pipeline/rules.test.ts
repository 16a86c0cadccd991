import { checkWorkbook, type Finding } from "../../../src/checks";
import { addedRows, shifted } from "../../../src/checks/rules/formulas";
import fc from "fast-check";
import { rowList, SEARCH, subtotalRun, totalsAbove } from "../../../src/checks/structure";
import { messages } from "../../../src/i18n";
import type { SheetData } from "../../../src/sheet/sheetData";
import { EXAMPLE_OPTIONS, TEMPLATES } from "../../../src/templates";
import { render } from "../../helpers/headless";

const brief = (f: Finding) => `${f.severity} ${f.code} ${f.cell}`;
const errors = (sheets: SheetData[]) =>
  checkWorkbook(sheets)
    .findings.filter((f) => f.severity === "error")
    .map(brief);

/** An RKR result statement as municipalities print it, kommun and koncern side by side, pasted from a page. */
const rr = (): unknown[][] => [
  ["Resultaträkning (mnkr)", "", "", "", "", ""],
  ["", "Not", "Kommunen 2019", "Kommunen 2018", "Koncernen 2019", "Koncernen 2018"],
  ["Verksamhetens intäkter", "2", "1 234", "1 198", "2 345", "2 200"],
  ["Verksamhetens kostnader", "3", "– 5 678", "– 5 432", "– 6 543", "– 6 300"],
  ["Avskrivningar", "4", "– 234", "– 220", "– 400", "– 390"],
  ["Verksamhetens nettokostnader", "", "– 4 678", "– 4 454", "– 4 598", "– 4 490"],
  ["Skatteintäkter", "5", "3 900", "3 800", "3 900", "3 800"],
  ["Generella statsbidrag och utjämning", "6", "800", "700", "800", "700"],
  ["Verksamhetens resultat", "", "22", "46", "102", "10"],
  ["Finansiella intäkter", "7", "20", "18", "15", "12"],
  ["Finansiella kostnader", "8", "\u2212 15", "\u2212 14", "\u2212 60", "\u2212 50"],
  ["Resultat efter finansiella poster", "", "27", "50", "57", "– 28"],
  ["Extraordinära poster", "", "–", "–", "–", "–"],
  ["Årets resultat", "", "27", "50", "57", "– 28"],
];

describe("stage 3: what a row adds, from arithmetic", () => {
  const figures = (table: Record<number, number[]>) => ({
    value: (r: number, c: number) => table[r]?.[c] ?? null,
    columns: [0, 1],
    step: () => 1,
  });

  test("a row that is the sum of the lines right above it is a subtotal, whatever its label", () => {
    const f = figures({ 1: [5, 7], 2: [3, 4], 3: [10, 20], 4: [13, 24] });
    expect(subtotalRun(f, 4, [1, 2, 3])).toEqual({ parts: [2, 3] });
    expect(subtotalRun(f, 3, [1, 2])).toBeNull();
    expect(subtotalRun(figures({ 1: [0, 0], 2: [0, 0], 3: [0, 0] }), 3, [1, 2])).toBeNull(); // zeros prove nothing
  });

  test("totals printed on their heading, above their lines", () => {
    const f = figures({ 1: [30, 40], 2: [10, 10], 3: [20, 30], 4: [2, 3], 5: [4, 4] });
    const { inside, heads } = totalsAbove(f, [1, 2, 3, 4, 5], () => null);
    expect(heads.get(1)).toEqual([2, 3]);
    expect([...inside].sort()).toEqual([2, 3]);
  });

  test("a heading over its lines with one wrong figure, where its other columns and the other headings add up", () => {
    // Two headings (rows 1 and 4) over their lines; columns 0–1 periods, 2 a deviation (evidence only).
    const table: Record<number, number[]> = {
      1: [300, 400, -100],
      2: [100, 100, 0],
      3: [200, 300, -100],
      4: [-250, 70, 20], // wrong in column 0: its lines add to 90
      5: [40, 30, 10],
      6: [50, 40, 10],
      7: [0, 0, 300], // a line of its own
    };
    const f = { value: (r: number, c: number) => table[r]?.[c] ?? null, columns: [0, 1], step: () => 1 };
    const { heads, nearly } = totalsAbove(f, [1, 2, 3, 4, 5, 6, 7], () => null, [2]);
    expect(heads.get(1)).toEqual([2, 3]);
    expect(heads.get(4)).toEqual([5, 6]);
    expect([...nearly]).toEqual([[4, 0]]);
    // No heading that adds up elsewhere in the table: a near miss alone is no reading.
    const alone = totalsAbove(f, [4, 5, 6, 7], () => null, [2]);
    expect(alone.nearly.size).toBe(0);
    // Two columns only (no evidence column): one misfit out of two decides nothing.
    expect(totalsAbove(f, [1, 2, 3, 4, 5, 6, 7], () => null).nearly.size).toBe(0);
  });

  /**
   * The search stops where no longer run could fit (a bound on what the lines left can add and take away). For
   * random tables — figures of either sign, zeros, blanks, rounded and decimal columns, rows that are the sum of
   * a run above them exactly, within a rounding step, or one figure off, with and without cost signs — both
   * searches read the same structure.
   */
  test("the bounded search reads what the whole search reads", () => {
    const figure = fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: -60, max: 60 }) },
      { weight: 1, arbitrary: fc.constantFrom(0, null, 0.5, -1.25, 1e9, -1e9) },
    );
    const table = fc.record({
      width: fc.integer({ min: 1, max: 4 }),
      step: fc.constantFrom(1, 0.1, 1000),
      lines: fc.array(fc.array(figure, { minLength: 4, maxLength: 4 }), { minLength: 2, maxLength: 100 }),
      // The row under test: the sum of the last `take` lines, then nudged in some columns.
      take: fc.integer({ min: 1, max: 45 }),
      nudge: fc.array(fc.constantFrom(0, 0, 0, 1, -1, 0.5, 7), { minLength: 4, maxLength: 4 }),
      signs: fc.array(fc.constantFrom(1, 1, -1), { minLength: 100, maxLength: 100 }),
      signed: fc.boolean(),
    });
    fc.assert(
      fc.property(table, ({ width, step, lines, take, nudge, signs, signed }) => {
        const rows: Record<number, (number | null)[]> = {};
        lines.forEach((l, i) => (rows[i + 1] = l.slice(0, width)));
        const row = lines.length + 1;
        const last = lines.slice(-Math.min(take, lines.length));
        rows[row] = Array.from({ length: width }, (_, c) =>
          last.reduce<number>((sum, l) => sum + (l[c] ?? 0), nudge[c]),
        );
        const f = {
          value: (r: number, c: number) => rows[r]?.[c] ?? null,
          columns: Array.from({ length: width }, (_, c) => c),
          step: () => step,
        };
        const order = lines.map((_, i) => i + 1);
        const costSign = signed ? (line: number) => signs[line % signs.length] : undefined;
        const both = <T>(read: () => T): [T, T] => {
          const bounded = read();
          SEARCH.bound = false;
          try {
            return [bounded, read()];
          } finally {
            SEARCH.bound = true;
          }
        };
        const [run, wholeRun] = both(() => subtotalRun(f, row, [...order], costSign));
        expect(run).toEqual(wholeRun);
        // As the reading asks: one list growing line by line, its window kept between calls.
        const growing: number[] = [];
        for (const line of order) {
          growing.push(line);
          const [a, b] = both(() => subtotalRun(f, row, growing, costSign));
          expect(a).toEqual(b);
          // …and the window kept between calls reads as a list read afresh.
          expect(a).toEqual(subtotalRun(f, row, [...growing], costSign));
        }
        const all = [...order, row];
        const [above, wholeAbove] = both(() => totalsAbove(f, [...all].reverse(), () => null));
        expect([...above.heads]).toEqual([...wholeAbove.heads]);
        expect([...above.inside].sort()).toEqual([...wholeAbove.inside].sort());
      }),
      { numRuns: 800, seed: 20 },
    );
  });

  test("rows as a person finds them", () => {
    expect(rowList([9, 3, 4, 5, 11])).toBe("3–5, 9, 11");
  });

  test("an RKR result statement, kommun and koncern, pasted with en dashes and minus signs: no error", () => {
    expect(errors([{ name: "RR", values: rr() }])).toEqual([]);
  });

  test("a wrong Verksamhetens nettokostnader is one error, on it, saying which rows it adds", () => {
    const values = rr();
    values[5][4] = "– 4 698";
    const { findings } = checkWorkbook([{ name: "RR", values }]);
    expect(findings.filter((f) => f.severity === "error").map(brief)).toEqual(["error sumMismatch E6"]);
    expect(messages("sv").findings.sumMismatch(findings[0].params)).toContain("Summan togs som rad 3–5.");
  });

  test("the koncern's result is checked against its own columns, not the kommun's", () => {
    const values = rr();
    values[13][4] = "67";
    expect(errors([{ name: "RR", values }])).toEqual(["error resultMismatch E14"]);
  });
});

describe("rules: cells, formulas, the fee sheet", () => {
  const sheet = (formulas?: (string | null)[][]): SheetData => ({
    name: "Budget",
    values: [
      ["", "Budget 2024", "Budget 2025"],
      ["Intäkter", "", ""],
      ["Avgifter", 100, 110],
      ["Bidrag", 50, 55],
      ["Övrigt", 10, 12],
      ["Summa intäkter", 160, 177],
    ],
    ...(formulas ? { formulas } : {}),
  });
  const none = () => sheet().values.map((r) => r.map(() => null as string | null));

  test("formulas: what a SUM adds and how it moves across", () => {
    expect(addedRows("=SUM(B3:B5)", 2)).toEqual([3, 4, 5]);
    expect(addedRows("=B3+B4+SUM(B5:B5)", 2)).toEqual([3, 4, 5]);
    expect(addedRows("=SUM(B3:C5)", 2)).toBeNull();
    expect(addedRows("=Blad2!B3", 2)).toBeNull();
    expect(addedRows("=AVERAGE(B3:B5)", 2)).toBeNull();
    expect(shifted("=SUM(B3:B5)+$B$1", 1)).toBe("=SUM(C3:C5)+$B$1");
  });

  test("a SUM leaving out a line of its group is reported with the rows it leaves out", () => {
    const formulas = none();
    formulas[5][1] = "=SUM(B4:B5)";
    formulas[5][2] = "=SUM(C3:C5)";
    const data = sheet(formulas);
    data.values[5][1] = 60; // its cached result
    const { findings } = checkWorkbook([data]);
    expect(findings.filter((f) => f.severity === "error").map(brief)).toEqual(["error formulaOmits B6"]);
    expect(messages("sv").findings.formulaOmits(findings[0].params)).toBe(
      "Summa intäkter (Budget 2024): formeln =SUM(B4:B5) utelämnar rad 3 i sin grupp.",
    );
  });

  test("a total after a total, whose SUM in one column leaves out the first: the formula is named, not its neighbour", () => {
    // `Summa nettokostnader` = `Summa kostnader` + avskrivningar: the reading by figures alone could follow the
    // formula that adds the last line only, and then call the other column's right total wrong.
    const values: unknown[][] = [
      ["", "Not", "2024", "2023"],
      ["Kostnader", "", "", ""],
      ["Driftskostnader", "", -57264, -52577],
      ["Personalkostnader", "3", -60894, -56894],
      ["Summa kostnader", "", -118158, -109471],
      ["Avskrivningar", "5", -59334, -62165],
      ["Summa nettokostnader", "", -59334, -171636],
    ];
    const formulas = values.map((r) => r.map(() => null as string | null));
    formulas[4][2] = "=SUM(C3:C4)";
    formulas[4][3] = "=SUM(D3:D4)";
    formulas[6][2] = "=SUM(C6:C6)";
    formulas[6][3] = "=SUM(D5:D6)";
    expect(errors([{ name: "Resultaträkning", values, formulas }])).toEqual(["error formulaSingle C7"]);
  });

  test("a total referring to one line only", () => {
    const formulas = none();
    formulas[5][1] = "=B5";
    formulas[5][2] = "=SUM(C3:C5)";
    const data = sheet(formulas);
    data.values[5][1] = 10;
    expect(errors([data])).toEqual(["error formulaSingle B6"]);
  });

  test("a number typed over a total among formulas, with the formula its neighbours imply", () => {
    const data: SheetData = {
      name: "Budget",
      values: [
        ["", "Budget 2024", "Budget 2025", "Budget 2026"],
        ["Avgifter", 100, 110, 120],
        ["Bidrag", 50, 55, 60],
        ["Övrigt", 10, 12, 14],
        ["Summa intäkter", 160, 180, 194],
      ],
      formulas: [[], [], [], [], [null, "=SUM(B2:B4)", null, "=SUM(D2:D4)"]],
    };
    const typed = checkWorkbook([data]).findings.find((f) => f.code === "typedOver")!;
    expect(brief(typed)).toBe("error typedOver C5");
    expect(typed.params.formula).toBe("=SUM(C2:C4)");
    data.values[4][2] = 177; // typed over, but with the figure the formula gives: a warning
    const again = checkWorkbook([data]).findings.map(brief);
    expect(again).toEqual(["warning typedOver C5"]);
  });

  test("an error value and a figure stored as text are findings on their cells", () => {
    const data = sheet();
    data.values[3][1] = "#VALUE!";
    data.values[4][2] = "12";
    expect(errors([data]).sort()).toEqual(["error errorValue B4", "error textFigure C5"]);
  });

  test("a negative population in the fee sheet is found, and its #VALUE! cells are not 'no errors'", () => {
    const t = render(TEMPLATES.avgifter(EXAMPLE_OPTIONS));
    const data = t.wb.sheetData(t.sheetName("fees"));
    const r = data.values.findIndex((row) => row[0] === "Vännäs kommun");
    data.values[r][1] = -5;
    data.values[r + 1][2] = "#VALUE!";
    const codes = checkWorkbook([data]).findings.map((f) => f.code);
    expect(codes).toContain("negativePopulation");
    expect(codes).toContain("errorValue");
  });

  test("the summary's plural forms", () => {
    expect(messages("sv").pane.checkedSummary(2, 1, 1)).toBe(
      "2 FINSAM-blad kontrollerade: 1 fel, 1 varning.",
    );
    expect(messages("sv").pane.checkedSummary(2, 0, 2)).toBe(
      "2 FINSAM-blad kontrollerade: 0 fel, 2 varningar.",
    );
    expect(messages("en").cli.summary("f", 1, 1, 2)).toBe("f: 1 FINSAM sheets, 1 error, 2 warnings.");
  });

  test("what was read and checked, per statement", () => {
    const data = sheet();
    data.values[3][2] = "5O";
    const { statements } = checkWorkbook([data]);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({ kind: "budget", figures: 7, unreadable: ["C4"] });
    expect(messages("sv").coverageLine(statements[0])).toContain("7 belopp lästa");
  });
});

describe("totals the words name but the sheet does not show how to figure (no false alarm)", () => {
  test("a bare 'Income' line is a line, not a result: the requirement below adds it in", () => {
    const sheet: SheetData = {
      name: "Budget",
      values: [
        ["What will the authority cost?", "2020/21", "2021/22"],
        ["", "£000", "£000"],
        ["Gross Expenditure", "90,357", "91,913"],
        ["Contribution to/from balances", "0", "0"],
        ["Income", "-2,734", "-2,565"],
        ["Budget Requirement", "87,623", "89,348"],
      ],
    };
    expect(errors([sheet])).toEqual([]);
  });

  test("a 'total' whose only part is another total is figured elsewhere: not checked, not an error", () => {
    const sheet: SheetData = {
      name: "Financing",
      values: [
        ["Sources of finance", "2023 budget £000", "2024 budget £000"],
        ["Revenue support grant", "(8,451)", "(9,010)"],
        ["General grants", "(25,788)", "(30,488)"],
        ["Retained business rates", "(56,682)", "(63,600)"],
        ["Total sources of finance", "(90,921)", "(103,098)"],
        ["Total Council Tax requirement", "152,700", "163,663"],
      ],
    };
    const result = checkWorkbook([sheet]);
    expect(result.findings.filter((f) => f.severity === "error").map(brief)).toEqual([]);
    // The sum above it is still checked: a wrong one is an error.
    const wrong = { ...sheet, values: sheet.values.map((r, i) => (i === 4 ? [r[0], "(91,921)", r[2]] : r)) };
    expect(errors([wrong])).toContain("error sumMismatch B5");
  });
});

describe("columns as printed: a year glued to its word, deviations, changes, percentages", () => {
  // A driftredovisning as pasted from a web page: nämnder over their units, a change against last year's
  // outcome (not in the table) in kronor and in percent, and a budget deviation.
  const drift = (): unknown[][] => [
    ["Driftredovisning (tkr)", "", "", "", "", ""],
    ["", "Utfall2024", "Förändring 2023/2024", "Förändring 2023/2024", "Budget 2024", "Budget-avvikelse"],
    ["Kommunstyrelsen", "– 21 700", "– 900", "4,3 %", "– 22 000", "300"],
    ["Kansli", "– 8 200", "– 300", "3,8 %", "– 8 500", "300"],
    ["Ekonomi", "– 13 500", "– 600", "4,7 %", "– 13 500", "0"],
    ["Bildningsnämnden", "– 95 000", "– 2 000", "2,2 %", "– 94 000", "– 1 000"],
    ["Förskola", "– 35 000", "– 1 500", "4,5 %", "– 34 000", "– 1 000"],
    ["Grundskola", "– 60 000", "– 500", "0,8 %", "– 60 000", ""],
  ];
  const sheet = (rows: unknown[][]): SheetData[] => [{ name: "Driftredovisning", values: rows }];

  test("clean: no error; the headings are read as the totals of their units, the change column is not checked", () => {
    const result = checkWorkbook(sheet(drift()));
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.recognised.map((r) => r.kind)).toEqual(["outcome"]);
    const [statement] = result.statements;
    // The percentages are no unreadable amounts; Utfall, Budget and the deviation are all checked, the change
    // against 2023 (its six figures) is read and said not to be.
    expect(statement.unreadable).toEqual([]);
    expect(statement.checked).toBe(statement.figures - 6);
    expect(statement.skippedColumns).toEqual(["Förändring 2023/2024"]);
  });

  test("a wrong figure on a heading is named on its cell, with the rows it was taken to add", () => {
    const rows = drift();
    rows[5][1] = "– 96 000";
    const found = checkWorkbook(sheet(rows)).findings.filter((f) => f.severity === "error");
    expect(found.map(brief)).toEqual(["error subtotalOneOff B6"]);
    expect(found[0].params).toMatchObject({ rows: "7–8", sum: -95000 });
  });

  test("a wrong deviation is named; a change against a year the table does not show is never called wrong", () => {
    const rows = drift();
    rows[3][5] = "500";
    expect(errors(sheet(rows))).toEqual(["error deviationMismatch F4"]);
    const changed = drift();
    changed[3][2] = "– 350";
    changed[2][2] = "– 950";
    expect(errors(sheet(changed))).toEqual([]);
  });
});

describe("a balance carried through the period", () => {
  const table = (): unknown[][] => [
    ["Kassaflödesanalys (mnkr)", "", ""],
    ["", "Kommunen 2024", "Koncernen 2024"],
    ["Årets resultat", "120", "150"],
    ["Justering för avskrivningar", "80", "95"],
    ["Summa löpande verksamhet", "200", "245"],
    ["Likvida medel vid årets början", "300", "410"],
    ["Likvida medel vid årets slut", "500", "655"],
    ["Räntebärande nettoskuld vid årets början", "-1 143", "-8 379"],
    ["Ökning/minskning av räntebärande fordringar", "1 088", "121"],
    ["Ökning/minskning av likvida medel", "200", "245"],
    ["Ökning/minskning av räntebärande skulder", "-1 839", "-930"],
    ["Räntebärande nettoskuld vid årets slut", "-1 694", "-8 943"],
  ];
  const check = (rows: unknown[][]) =>
    checkWorkbook([{ name: "KFA", values: rows }]).findings.filter((f) => f.code === "balanceCarried");

  test("the end is the start and the changes between; a wrong end is named where another column holds", () => {
    expect(check(table())).toEqual([]);
    const rows = table();
    rows[11][1] = "-1 600";
    expect(check(rows).map(brief)).toEqual(["error balanceCarried B12"]);
    expect(check(rows)[0].params).toMatchObject({ expected: -1694, printed: -1600 });
  });

  test("not understood, not judged: wrong in every column, or a total by words between", () => {
    const rows = table();
    rows[11][1] = "-1 600";
    rows[11][2] = "-9 000";
    expect(check(rows)).toEqual([]);
    const sections = table();
    sections[9][0] = "Summa förändringar";
    sections[11][1] = "-1 600";
    expect(check(sections)).toEqual([]);
  });
});

test("a line stating the change in liquid funds is the end less the start", () => {
  const kfa = (change: string): unknown[][] => [
    ["Kassaflödesanalys (tkr)", "", ""],
    ["", "2019", "2018"],
    ["Den löpande verksamheten", "", ""],
    ["Årets resultat", "94 133", "-6 019"],
    ["Justeringar för ej likviditetspåverkande poster", "128 342", "215 482"],
    ["Kassaflöde från den löpande verksamheten", "222 475", "209 463"],
    ["Investeringsverksamheten", "", ""],
    ["Förvärv av materiella anläggningstillgångar", "-494 931", "-634 986"],
    ["Kassaflöde från investeringsverksamheten", "-494 931", "-634 986"],
    ["Finansieringsverksamheten", "", ""],
    ["Förändring av nettolåneskuld", "312 294", "349 779"],
    ["Kassaflöde från finansieringsverksamheten", "312 294", "349 779"],
    ["Total kassaflöde", "39 838", "-75 744"],
    ["Likvida medel vid årets början", "10 544", "86 288"],
    ["Likvida medel vid årets slut", "50 382", "10 544"],
    ["Förändring i kassa enligt BR", change, "-75 744"],
  ];
  const sheets = (change: string): SheetData[] => [{ name: "Kassaflöde", values: kfa(change) }];
  expect(errors(sheets("39 838"))).toEqual([]);
  expect(errors(sheets("40 838"))).toEqual(["error cashChangeMismatch B16"]);
});

test("a balance's start against the end of the year before: a warning (restated), but an error for cash", () => {
  const rows = (start2016: string, what = "Nettolikviditet"): unknown[][] => [
    ["Kassaflödesanalys, mnkr", "", "", ""],
    ["", "2016", "2015", "2014"],
    ["Årets resultat", "321", "187", "242"],
    ["Kassaflöde från den löpande verksamheten", "321", "187", "242"],
    [`${what} vid årets början`, start2016, "675", "646"],
    [`${what} vid årets slut`, "1 313", "303", "675"],
  ];
  const found = (start: string, what?: string) =>
    checkWorkbook([{ name: "KFA", values: rows(start, what) }])
      .findings.filter((f) => f.code === "balanceStart")
      .map((f) => `${f.severity} ${f.cell}`);
  expect(found("303")).toEqual([]);
  // What the bank holds at the turn of the year is counted, never restated.
  expect(found("340")).toEqual(["error B5"]);
  // A balance that is an estimate (a provision) may be restated: the author's to explain.
  expect(found("340", "Avsättning för pensioner")).toEqual(["warning B5"]);
});

test("columns of entities beside their total, under a header naming no period: each added down, the total across", () => {
  const rows = (): unknown[][] => [
    ["Statement of Net Assets, June 30, 2010", "", "", ""],
    ["", "Governmental Activities", "Business-type Activities", "Total"],
    ["Current assets", "", "", ""],
    ["Cash and cash equivalents", "$ 152,238,503", "$ 32,077,526", "$ 184,316,029"],
    ["Receivables", "22,405,666", "3,786,862", "26,192,528"],
    ["Internal balances", "(5,542,961)", "5,542,961", "-"],
    ["Total current assets", "169,101,208", "41,407,349", "210,508,557"],
  ];
  const sheets = (values: unknown[][]): SheetData[] => [{ name: "Net Assets", values }];
  expect(errors(sheets(rows()))).toEqual([]);
  const down = rows();
  down[6][1] = "169,101,280";
  expect(errors(sheets(down))).toEqual(["error sumMismatch B7"]);
  const across = rows();
  across[4][3] = "26,192,582";
  expect(errors(sheets(across))).toEqual(["error acrossMismatch D5"]);
  // An error value among the figures: named on its cell, and its row is not added across.
  const broken = rows();
  broken[3][1] = "#VALUE!";
  expect(errors(sheets(broken))).toEqual(["error errorValue B4"]);
});

test("a column named by its money beside the periods is an amount column of the table", () => {
  const rows = (): unknown[][] => [
    ["Belopp i tkr", "Bruttokostnad tkr", "Intäkter tkr", "Netto 2024", "Netto 2023"],
    ["Kansli", "1 905", "-303", "1 602", "1 626"],
    ["Fritid", "2 230", "-981", "1 249", "1 346"],
    ["Kultur", "13 670", "-10 789", "2 881", "2 926"],
    ["Summa", "17 805", "-12 073", "5 732", "5 898"],
  ];
  const sheets = (values: unknown[][]): SheetData[] => [{ name: "Nettobudget", values }];
  expect(errors(sheets(rows()))).toEqual([]);
  const wrong = rows();
  wrong[4][1] = "17 850";
  expect(errors(sheets(wrong))).toEqual(["error sumMismatch B5"]);
});

describe("a share column beside the amounts: judged only where its lines make up the whole", () => {
  const fees = (
    total: unknown,
    shares: unknown[] = ["10,44", "8,23", "18,47", "14,27", "48,59"],
  ): unknown[][] => [
    ["Fördelning av medlemsavgiften", "", ""],
    ["Medlemskommuner", "Medlemsbidrag 2021", "Ägarfördelning"],
    ["Berg", "12 832", shares[0]],
    ["Bräcke", "10 262", shares[1]],
    ["Härjedalen", "22 222", shares[2]],
    ["Krokom", "18 603", shares[3]],
    ["Östersund", "42 136", shares[4]],
    ["Totalt", "106 055", total],
  ];
  const sheet = (rows: unknown[][]): SheetData[] => [{ name: "Avgift", values: rows }];

  test("clean: the shares add to 100 and the column counts as checked", () => {
    const result = checkWorkbook(sheet(fees("100,00")));
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.statements[0].skippedColumns).toEqual([]);
  });

  test("a total that is not the whole its lines make up is named, with the rows", () => {
    const found = checkWorkbook(sheet(fees("137,00"))).findings.filter((f) => f.severity === "error");
    expect(found.map(brief)).toEqual(["error sumMismatch C8"]);
    expect(found[0].params).toMatchObject({ printed: 137, sum: 100, rows: "3–7" });
  });

  test("shares of something else (lines not adding to 100) are never added: listed as not checked", () => {
    const rows = fees(100, [40, 35, 50, 61, 70]);
    const result = checkWorkbook(sheet(rows));
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.statements[0].skippedColumns).toEqual(["Ägarfördelning"]);
  });

  test("a share stored as text among numbers is named like an amount's", () => {
    const rows = fees(100, [10.44, "8.23", 18.47, 14.27, 48.59]);
    rows[1][1] = "Medlemsbidrag 2021";
    const values = rows.map((r, i) => (i >= 2 ? [r[0], Number(String(r[1]).replace(/ /g, "")), r[2]] : r));
    expect(errors(sheet(values))).toEqual(["error textFigure C4"]);
  });
});

describe("a total wrong in every column is not understood: a warning, never an error per column", () => {
  // Stockholm's key figures (2020): a national average named `Total …` under unrelated figures.
  const rows = (): unknown[][] => [
    ["Allmänt", 2018, 2019, 2020],
    ["Folkmängd", 962154, 974073, 975551],
    ["riksandel, procent", 9.4, 9.4, 9.4],
    ["Arbetslöshetstal, procent", 5.4, 6.1, 8.0],
    ["Stockholm", 29.98, 29.82, 29.82],
    ["Total kommunal medelskattesats, riket, kr", 32.12, 32.19, 32.28],
  ];
  test("one warning naming the columns, no error; its figures counted as not checked", () => {
    const result = checkWorkbook([{ name: "Nyckeltal", values: rows() }]);
    expect(result.findings.map(brief)).toEqual(["warning sumUnread B6"]);
    expect(result.findings[0].params.columns).toBe("2018, 2019, 2020");
    expect(messages("sv").findings.sumUnread(result.findings[0].params)).toContain(
      "kunde inte avgöra vilka rader summan avser",
    );
    expect(result.statements[0].uncheckedTotals).toBe(3);
  });
  test("wrong in one column of three: that figure is an error", () => {
    const values = [
      ["Kostnader", 2018, 2019, 2020],
      ["Primärvård", 100, 110, 120],
      ["Tandvård", 50, 55, 60],
      ["Summa kostnader", 150, 165, 190],
    ];
    expect(errors([{ name: "K", values }])).toEqual(["error sumMismatch D4"]);
  });
});

describe("English budget tables: qualified budgets, money headers, net cost of services", () => {
  test("`Amended Budget | Actual | $ Variance` are read; a wrong total is named", () => {
    const values = [
      ["General Fund Revenues", "Amended\nBudget", "Actual", "$ Variance"],
      ["Property Tax", 48397608, 48569008, 171400],
      ["Sales Tax", 17348298, 18503316, 1155018],
      ["Hotel Tax", 2900000, 2965630, 65630],
      ["Total", 68645906, 70037954, 1392048],
    ];
    expect(errors([{ name: "R", values }])).toEqual([]);
    values[4][1] = 68645916;
    expect(errors([{ name: "R", values }])).toEqual(["error sumMismatch B5"]);
  });
  test("columns named by their money alone, `Net Cost of … Services` and `Council Tax Requirement`", () => {
    const values: unknown[][] = [
      ["Service", "Gross Expenditure £'000", "Income £'000", "Net Expenditure £'000"],
      ["Leader", 2947, -285, 2662],
      ["Neighbourhood Services", 10264, -3874, 6390],
      ["Planning", 4361, -654, 3707],
      ["Net Cost of General Fund Services", 17572, -4813, 12759],
      ["Less: Government Grants", "", "", -2355],
      ["Council Tax Requirement", "", "", 10404],
    ];
    expect(errors([{ name: "B", values }])).toEqual([]);
    values[6][3] = 10504;
    expect(errors([{ name: "B", values }])).toEqual(["error resultMismatch D7"]);
  });
});

describe("amounts either side of the labels (`2017-18 Net | Portfolio | 2018-19 Net`)", () => {
  const values = (): unknown[][] => [
    ["2018/19 Revenue budget", "", ""],
    ["2017-18 Net (£000's)", "Portfolio", "2018-19 Net (£000's)"],
    [58733, "Children's Services", 62512],
    [9277, "Community Engagement", 9144],
    [29671, "Education and Skills", 23877],
    [97681, "Net Operating Budget", 95533],
  ];
  test("clean: read, every figure checked, no error", () => {
    const result = checkWorkbook([{ name: "R", values: values() }]);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.statements[0]).toMatchObject({ figures: 8, checked: 8 });
  });
  test("a wrong total left of its label is named", () => {
    const v = values();
    v[5][0] = 97781;
    expect(errors([{ name: "R", values: v }])).toEqual(["error sumMismatch A6"]);
  });
});

describe("labels, breakdowns and rows as real tables print them", () => {
  test("a note's `Bokfört värde` adds its lines; a line under a `Varav …` heading is inside the line above", () => {
    const values = [
      ["Tkr", "Kommunen 2019", "Kommunen 2018"],
      ["Aktier", 63067, 63067],
      ["Varav ägd andel", "", ""],
      ["Kommunhuset i Värmdö AB 100%", 59536, 59536],
      ["Andelar", 45761, 45761],
      ["Utlämnade lån", 4679, 4623],
      ["Bokfört värde", 113507, 113451],
    ];
    expect(errors([{ name: "Not 17", values }])).toEqual([]);
    values[6][1] = 113607;
    expect(errors([{ name: "Not 17", values }])).toEqual(["error sumMismatch B7"]);
  });

  test("levels side by side: the last label is the row's own, a group name repeated down gives no role", () => {
    const values = [
      ["LEVEL1", "LEVEL2", "2021", "2022", "2023"],
      ["Total Other Expenses", "Revolving Funds", 2356214, 1867411, 3542786],
      ["Total Other Expenses", "Grants", 156074, 146444, 149764],
      ["Total Other Expenses", "Grants Total", 156074, 146444, 149764],
      ["Total Other Expenses Total", "", 2512288, 2013855, 3692550],
    ];
    expect(errors([{ name: "E", values }])).toEqual([]);
    values[4][2] = 2512388;
    expect(errors([{ name: "E", values }])).toEqual(["error sumMismatch C5"]);
  });

  test("a 'total' that fits only where its figures are zeros is not understood: no error", () => {
    const values = [
      ["", "FY2021", "FY2022", "FY2023"],
      ["Upfront Fibre Payment", 0, 0, 0],
      ["Net Cash Flow for Other Financial Assets", 773, 0, 0],
      ["CFI - Interest Income", 8400, 5933, 11103],
      ["Net cash used in investing activities", 9173, 5933, 11103],
    ];
    expect(errors([{ name: "KF", values }])).toEqual([]);
  });

  test("a line whose figure is an error value is a line, not a heading: its total is not checked", () => {
    const values = [
      ["Expenditure", "£000", ""],
      ["Staff costs", "#VALUE!", ""],
      ["Other operating expenses", 232157, ""],
      ["Depreciation", 32515, ""],
      ["Total expenditure", 647010, ""],
    ];
    expect(errors([{ name: "IE", values }])).toEqual(["error errorValue B2"]);
  });
});

describe("a total equal to another total is no reading of its own lines", () => {
  test("`Total Liabilities and Fund Balances` off its two lines is named though it equals `Total Assets`", () => {
    const values = [
      ["($1,000s)", "9/30/90", "6/30/91"],
      ["Investments", 251302, 257775],
      ["Receivables and other assets", 4316, 2951],
      ["Total Assets", 255618, 260726],
      ["Liabilities", 3355, 953],
      ["Fund Balances", 252263, 259733],
      ["Total Liabilities and Fund Balances", 255618, 260726],
    ];
    expect(errors([{ name: "BS", values }])).toEqual(["error sumMismatch C7"]);
  });
});

describe("a five-year overview: the statements' figures by name hold year by year", () => {
  const overview = (): unknown[][] => [
    ["Fem år i sammandrag", "", "", ""],
    ["Umeå kommun", 2017, 2016, 2015],
    ["Folkmängd 31 december", 125080, 122892, 120777],
    ["Verksamhetens nettokostnader (mnkr)", -6458, -6327, -6131],
    ["Skatteintäkter och generella statsbidrag (mnkr)", 6719, 6405, 6044],
    ["Verksamhetens nettokostnader (% av skatteintäkter)", 96, 99, 102],
    ["Finansnetto (mnkr)", -3, 8, 46],
    ["Årets resultat (mnkr)", 259, 85, -42],
    ["Tillgångar totalt (mnkr)", 13977, 14834, 14122],
    ["Tillgångar per invånare (kr)", 111744, 120708, 120396],
    ["Skulder, avsättningar totalt (mnkr)", 9927, 11072, 10444],
    ["Eget kapital totalt (mnkr)", 4050, 3762, 3678],
  ];
  test("clean: read as a five-year overview, no error, its figures counted", () => {
    const result = checkWorkbook([{ name: "Fem år", values: overview() }]);
    expect(result.recognised).toEqual([{ sheet: "Fem år", kind: "keyFigures" }]);
    expect(result.findings).toEqual([]);
    expect(result.statements[0]).toMatchObject({ figures: 30, checked: 21 });
  });
  test("assets that are not liabilities plus equity in one year: named, with the rows", () => {
    const values = overview();
    values[8][3] = 14541;
    const found = checkWorkbook([{ name: "Fem år", values }]).findings;
    expect(found.map(brief)).toEqual(["error sumMismatch D9"]);
    expect(found[0].params).toMatchObject({ column: "2015", sum: 14122, rows: "11–12" });
  });
  test("names that hold in no year are not understood: nothing is said", () => {
    const values = overview();
    for (const c of [1, 2, 3]) values[7][c] = Number(values[7][c]) + 500;
    expect(checkWorkbook([{ name: "Fem år", values }]).findings).toEqual([]);
  });
});

describe("a figure typed as text in the year range is a figure, not a header", () => {
  test("`1940.11` under `Amount` makes no period column", () => {
    const values = [
      ["Category", "Subcategory", "Amount"],
      ["Income", "40100 Sales", "2522048.58"],
      ["Expenses", "70525 Office Events", "1940.11"],
      ["Expenses", "70530 Office Meals", "20183.44"],
      ["Total Expenses", "", "22123.55"],
      ["Net Income", "", "2499925.03"],
    ];
    expect(errors([{ name: "PL", values }])).toEqual([]);
  });
});

describe("a table whose totals carry no word: its arithmetic shows them", () => {
  test("`TILLGÅNGAR` under its lines in every year is a total; a wrong year is named", () => {
    const values: unknown[][] = [
      ["", 2019, 2020, 2021],
      ["Materiella anläggningstillgångar", 572247, 617128, 666317],
      ["Finansiella anläggningstillgångar", 291614, 304299, 311686],
      ["Omsättningstillgångar", 252536, 277848, 312906],
      ["TILLGÅNGAR", 1116397, 1199275, 1290909],
    ];
    expect(checkWorkbook([{ name: "BR", values }]).recognised).toHaveLength(1);
    expect(errors([{ name: "BR", values }])).toEqual([]);
    values[4][2] = 1199375;
    expect(errors([{ name: "BR", values }])).toEqual(["error subtotalOneOff C5"]);
  });
});

describe("a line the author leaves out of a total in every year it has a figure", () => {
  test("`Net income from continuing operations` among its own parts: a warning, not an error per year", () => {
    const values: unknown[][] = [
      ["Metric", "FY2013", "FY2014", "FY2015", "FY2016"],
      ["Consolidated net income", 8626, 7124, 7366, 6550],
      ["Depreciation and amortization", 1977, 1976, 1970, 1787],
      ["(Income) Loss from discontinued operations", "", "", 0, 0],
      ["Net income from continuing operations", "", "", 7366, 6550],
      ["Net change in operating assets and liabilities", -932, -439, -157, -221],
      ["Net cash provided by operating activities", 9671, 8661, 9179, 8116],
    ];
    const found = checkWorkbook([{ name: "CF", values }]).findings;
    expect(found.filter((f) => f.severity === "error")).toEqual([]);
    expect(found.map(brief)).toEqual(["warning sumAmbiguous D7"]);
    expect(found[0].params).toMatchObject({ column: "FY2015, FY2016", other: "2–4, 6" });
  });
});

describe("a table pasted without its column heads", () => {
  const values = (): unknown[][] => [
    ["Income from Continuing Operations", "", ""],
    ["General Revenue", 961, 963],
    ["User Charges & Fees", 2176, 1941],
    ["Total Income", 3137, 2904],
    ["Expenses from Continuing Operations", "", ""],
    ["Employee Costs", 2326, 2811],
    ["Materials & Services", 3990, 2867],
    ["Total Expense", 6316, 5678],
  ];
  test("its columns of figures are read unnamed; a wrong total is named by the column's letter", () => {
    expect(errors([{ name: "U", values: values() }])).toEqual([]);
    const v = values();
    v[7][1] = 6416;
    const found = checkWorkbook([{ name: "U", values: v }]).findings.filter((f) => f.severity === "error");
    expect(found.map(brief)).toEqual(["error sumMismatch B8"]);
    expect(found[0].params.column).toBe("kolumn B");
  });
  test("pasted as text (`2,176`, `(1,123)`), the same", () => {
    const v = values().map((r) => r.map((c) => (typeof c === "number" ? c.toLocaleString("en-US") : c)));
    v[7][1] = "6,416";
    expect(errors([{ name: "U", values: v }])).toEqual(["error sumMismatch B8"]);
  });
  test("one column of figures alone is not read (nothing shows what its totals add)", () => {
    const one = values().map((r) => r.slice(0, 2));
    one[7][1] = 6416;
    expect(errors([{ name: "U", values: one }])).toEqual([]);
  });
});
