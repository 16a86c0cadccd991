import { checkWorkbook } from "../../src/checks";
import { BLANK_OPTIONS, EXAMPLE_OPTIONS, TEMPLATES } from "../../src/templates";
import { HeadlessWorkbook } from "../../src/workbook/headless/headlessWorkbook";
import { render } from "../helpers/headless";

/** Issue 12: the Årsbokslut template — every cross-reference a formula, every check a visible cell. */
const CHECKS = [
  "Balansräkningen balanserar",
  "Årets resultat lika i resultaträkning, balansräkning och kassaflödesanalys",
  "Likvida medel vid årets slut = kassa och bank",
  "Eget kapital = föregående års + årets resultat",
  "Regionen = halva statens tilldelning (not 1)",
  "Kommunerna tillsammans = regionen (not 1)",
];

describe("Årsbokslut", () => {
  test("the example evaluates without an error cell, every check says OK and the workbook check finds nothing", () => {
    const t = render(TEMPLATES.arsbokslut(EXAMPLE_OPTIONS));
    expect(t.errors()).toEqual([]);
    const checks = CHECKS.map((c) => t.rowValues("annual", c, 3, 4));
    expect(checks).toEqual([
      ["OK", "OK"],
      ["OK", "OK"],
      ["OK", "OK"],
      ["OK", null],
      ["OK", "OK"],
      ["OK", "OK"],
    ]);
    expect(checkWorkbook([t.wb.sheetData(t.sheetName("annual"))]).findings).toEqual([]);
  });

  test("the year's result is the notes' lines added up, by hand", () => {
    const t = render(TEMPLATES.arsbokslut(EXAMPLE_OPTIONS));
    const cell = (label: string, nth = 1) => t.rowValues("annual", label, 3, 3, nth)[0] as number;
    // Not 1: the state, the six municipalities, the region, other income; Not 2: three kinds of cost.
    const income = [
      "Försäkringskassan",
      ...EXAMPLE_OPTIONS.municipalities.map((m) => m.name),
      "Region Västerbotten",
      "Övriga intäkter",
    ]
      .map((l) => cell(l))
      .reduce((a, b) => a + b, 0);
    const costs = ["Personalkostnader", "Köpta tjänster och insatser", "Övriga kostnader"]
      .map((l) => cell(l))
      .reduce((a, b) => a + b, 0);
    expect(income).toBe(11_490_000);
    const result =
      income + costs + cell("Avskrivningar") + cell("Finansiella intäkter") + cell("Finansiella kostnader");
    expect(cell("Årets resultat")).toBe(result);
    expect(cell("Årets resultat", 2)).toBe(result); // in the balance sheet's equity
    expect(cell("Soliditet")).toBeCloseTo(cell("Summa eget kapital") / cell("SUMMA TILLGÅNGAR"), 12);
  });

  test("changing one balance-sheet figure flips exactly the checks that depend on it", () => {
    const t = render(TEMPLATES.arsbokslut(EXAMPLE_OPTIONS));
    const sheet = t.sheetName("annual");
    const r = t.rowOf("annual", "Fordringar");
    t.wb.setValue(sheet, `C${r}`, (t.wb.value(sheet, `C${r}`) as number) + 1_000);
    const now = CHECKS.map((c) => t.rowValues("annual", c, 3, 3)[0]);
    expect(now).toEqual(["Skiljer 1000", "OK", "Skiljer -1000", "OK", "OK", "OK"]);
    // The workbook check says the same two things: cash and bank no longer match, nor do the totals.
    const codes = checkWorkbook([t.wb.sheetData(sheet)])
      .findings.map((f) => f.code)
      .sort();
    expect(codes).toEqual(["balanceMismatch", "cashMismatch"]);
  });

  test("a blank 'Årets kassaflöde' is a warning, not a crash", () => {
    const t = render(TEMPLATES.arsbokslut(EXAMPLE_OPTIONS));
    const sheet = t.sheetName("annual");
    const r = t.rowOf("annual", "Årets kassaflöde");
    t.wb.setValue(sheet, `C${r}`, null);
    const { findings } = checkWorkbook([t.wb.sheetData(sheet)]);
    expect(findings.filter((f) => f.code === "cashFlowBlank").map((f) => `${f.severity} ${f.cell}`)).toEqual([
      `warning C${r}`,
    ]);
  });

  test("blank: no error cell, and the pane's other templates are untouched by it", () => {
    const t = render(TEMPLATES.arsbokslut(BLANK_OPTIONS));
    expect(t.errors()).toEqual([]);
  });
});

describe("Årsbokslut, the next year", () => {
  test("inserted beside last year's sheet, last year's column takes its figures from it", () => {
    const wb = new HeadlessWorkbook();
    const first = wb.insert(TEMPLATES.arsbokslut(EXAMPLE_OPTIONS)).sheets.annual;
    const second = wb.insert(TEMPLATES.arsbokslut({ ...EXAMPLE_OPTIONS, content: "blank", firstYear: 2025 }))
      .sheets.annual;
    expect([first, second]).toEqual(["Årsbokslut", "Årsbokslut (2)"]);
    const row = (label: string) =>
      Number(
        wb
          .cells(second)
          .find((c) => /^A\d+$/.test(c.address) && c.value === label)!
          .address.slice(1),
      );
    // Last year's (D) typed figures are this sheet's predecessor's this-year (C) figures.
    for (const label of ["Fordringar", "Kassa och bank", "Försäkringskassan", "Personalkostnader"])
      expect([label, wb.value(second, `D${row(label)}`)]).toEqual([label, wb.value(first, `C${row(label)}`)]);
    expect(wb.formula(second, `D${row("Fordringar")}`)).toMatch(
      new RegExp(`^='?Årsbokslut'?!C${row("Fordringar")}$`),
    );
    // And so last year's totals follow: the balance sheet of last year balances on the new sheet too.
    expect(wb.value(second, `D${row("SUMMA TILLGÅNGAR")}`)).toBe(
      wb.value(first, `C${row("SUMMA TILLGÅNGAR")}`),
    );
  });
});
