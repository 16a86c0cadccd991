import { checkWorkbook, type Finding } from "../../src/checks";
import { type SheetData } from "../../src/sheet/sheetData";
import { messages } from "../../src/i18n";
import { EXAMPLE_OPTIONS, TEMPLATE_IDS, TEMPLATES } from "../../src/templates";
import { render } from "../helpers/headless";

const brief = (f: Finding) => `${f.severity} ${f.code} ${f.sheet}!${f.cell}`;

/** Every template with example content in one workbook, read back as values. */
function exampleWorkbook() {
  const rendered = TEMPLATE_IDS.map((id) => render(TEMPLATES[id](EXAMPLE_OPTIONS)));
  return rendered.flatMap((t) => Object.values(t.placement.sheets).map((name) => t.wb.sheetData(name)));
}

/**
 * Utfall mot budget typed in from an accounting report: each figure rounded to tkr from kronor, so rows
 * and their sums disagree by rounding (three lines of 1 400 kr print as 1 + 1 + 1 against a sum of 4).
 */
function reportSheet(): SheetData {
  const kr = {
    income: [
      ["Försäkringskassan", 5_690_000, 5_690_000],
      ["Kommunerna", 2_844_600, 2_845_000],
      ["Regionen", 2_845_400, 2_845_000],
    ],
    admin: [
      ["Arvoden", -201_400, -200_000],
      ["Revision", -51_400, -50_000],
      ["Kansli", -1_581_400, -1_580_000],
    ],
    activities: [
      ["Ungdomstorget", -3_150_300, -3_200_000],
      ["Vuxentorget", -2_700_450, -2_625_000],
    ],
  } as const;
  const t = (v: number) => Math.round(v / 1000);
  const line = (label: string, outcome: number, budget: number) => [
    label,
    t(outcome),
    t(budget),
    t(outcome) - t(budget),
  ];
  const sumRow = (label: string, rows: readonly (readonly [string, number, number])[]) => {
    const o = rows.reduce((a, r) => a + r[1], 0);
    const b = rows.reduce((a, r) => a + r[2], 0);
    return [label, t(o), t(b), t(o) - t(b)];
  };
  const costs = [...kr.admin, ...kr.activities];
  const all = [...kr.income, ...costs];
  return {
    name: "Driftsredovisning",
    values: [
      ["Driftsredovisning januari–december", "", "", ""],
      ["", "Utfall", "Budget", "Avvikelse"],
      ["Intäkter", "", "", ""],
      ...kr.income.map((r) => line(r[0], r[1], r[2])),
      sumRow("Summa intäkter", kr.income),
      ["Kostnader", "", "", ""],
      ["Kansli och styrelse", "", "", ""],
      ...kr.admin.map((r) => line(r[0], r[1], r[2])),
      sumRow("Summa kansli och styrelse", kr.admin),
      ["Verksamheter", "", "", ""],
      ...kr.activities.map((r) => line(r[0], r[1], r[2])),
      sumRow("Summa verksamheter", kr.activities),
      sumRow("Summa kostnader", costs),
      sumRow("Resultat", all),
    ],
  };
}

const cellOf = (sheet: SheetData, label: string, column: number) => {
  const r = sheet.values.findIndex((row) => row[0] === label);
  return { r, c: column, address: `${String.fromCharCode(65 + column)}${r + 1}` };
};

describe("workbook check", () => {
  test("the four example templates are recognised and give no findings", () => {
    const { recognised, findings } = checkWorkbook(exampleWorkbook());
    expect(recognised.map((r) => r.kind)).toEqual([
      "budget",
      "outcome",
      "fees",
      "social",
      "impact",
      "resultStatement",
      "followUp",
    ]);
    expect(findings.map(brief)).toEqual([]);
  });

  test("a report typed in from kronor: rounding differences alone give no findings", () => {
    const sheet = reportSheet();
    // The printed sums really do differ from their printed rows here: rounding must be allowed for.
    const admin = sheet.values.slice(8, 11).reduce((a, r) => a + (r[1] as number), 0);
    expect(admin).not.toBe(sheet.values[11][1]);
    const { recognised, findings } = checkWorkbook([sheet]);
    expect(recognised).toEqual([{ sheet: "Driftsredovisning", kind: "outcome" }]);
    expect(findings).toEqual([]);
  });

  test("a wrong deviation on a single row, a subtotal, a total and the result: exactly those four findings", () => {
    const sheet = reportSheet();
    const wrong = [
      cellOf(sheet, "Revision", 3),
      cellOf(sheet, "Summa kansli och styrelse", 3),
      cellOf(sheet, "Summa kostnader", 3),
      cellOf(sheet, "Resultat", 3),
    ];
    for (const { r, c } of wrong) sheet.values[r][c] = (sheet.values[r][c] as number) + 7;
    const { findings } = checkWorkbook([sheet]);
    expect(findings.map(brief)).toEqual(
      wrong.map((w) => `error deviationMismatch Driftsredovisning!${w.address}`),
    );
    expect(messages("sv").findings.deviationMismatch(findings[0].params)).toBe(
      "Revision: avvikelsen 6 ska vara Utfall − Budget = -1.",
    );
  });

  test("a subtotal off by more than rounding, with its deviation following it: one finding, on the subtotal", () => {
    const sheet = reportSheet();
    const { r } = cellOf(sheet, "Summa verksamheter", 1);
    sheet.values[r][1] = (sheet.values[r][1] as number) + 10;
    sheet.values[r][3] = (sheet.values[r][3] as number) + 10;
    const { findings } = checkWorkbook([sheet]);
    expect(findings.map(brief)).toEqual([`error sumMismatch Driftsredovisning!B${r + 1}`]);
    expect(messages("sv").findings.sumMismatch(findings[0].params)).toBe(
      "Summa verksamheter (Utfall): -5 841, men delarna blir -5 850 (differens -9; avrundning förklarar högst ±1,5). Summan togs som rad 15–16.",
    );
  });

  test("the template's outcome sheet: one wrong printed subtotal is one finding, though its summary repeats it", () => {
    const t = render(TEMPLATES.budget(EXAMPLE_OPTIONS));
    const sheet = t.sheetName("outcome");
    const r = t.rowOf("outcome", "Summa kansli och styrelse");
    t.wb.setValue(sheet, `B${r}`, (t.wb.value(sheet, `B${r}`) as number) - 10);
    expect(t.rowValues("outcome", "Summa kansli och styrelse", 2, 2, 2)[0]).toBe(t.wb.value(sheet, `B${r}`)); // the summary follows
    const { findings } = checkWorkbook([t.wb.sheetData(sheet)]);
    expect(findings.map((f) => `${f.code} ${f.cell}`)).toEqual([`sumMismatch B${r}`]);
  });

  test("the budget sheet: a hand-edited sum, a broken equity roll-forward, a region that is not half the state", () => {
    const t = render(TEMPLATES.budget(EXAMPLE_OPTIONS));
    const sheet = t.sheetName("budget");
    t.wb.setValue(sheet, `D${t.rowOf("budget", "Summa verksamheter")}`, -8600);
    t.wb.setValue(sheet, `E${t.rowOf("budget", "Eget kapital vid årets början")}`, 800);
    t.wb.setValue(sheet, `C${t.rowOf("budget", "Region Västerbotten")}`, 2900);
    const { findings } = checkWorkbook([t.wb.sheetData(sheet)]);
    // The region typed wrong is one finding: the municipalities still pay half the state's amount.
    expect(findings.map((f) => `${f.code} ${f.cell}`)).toEqual([
      `regionNotHalfOfState C${t.rowOf("budget", "Region Västerbotten")}`,
      `sumMismatch D${t.rowOf("budget", "Summa verksamheter")}`,
      `equityStartMismatch E${t.rowOf("budget", "Eget kapital vid årets början")}`,
    ]);
  });

  test("equity above the ceiling is a warning", () => {
    const t = render(TEMPLATES.budget(EXAMPLE_OPTIONS));
    const sheet = t.sheetName("budget");
    t.wb.setValue(sheet, `C${t.rowOf("budget", "Eget kapital vid årets början")}`, 4000);
    const { findings } = checkWorkbook([t.wb.sheetData(sheet)]);
    expect(findings.map((f) => `${f.severity} ${f.code} ${f.params.year}`)).toEqual([
      "warning equityAboveCeiling 2021",
      "warning equityAboveCeiling 2022",
      "warning equityAboveCeiling 2023",
    ]);
    expect(messages("sv").findings.equityAboveCeiling(findings[0].params)).toBe(
      "Eget kapital 2021 (2 854 tkr) är över det rekommenderade taket 2 056,85 tkr.",
    );
  });

  test("fees that do not add up exactly to the region's amount", () => {
    const t = render(TEMPLATES.avgifter(EXAMPLE_OPTIONS));
    const data = t.wb.sheetData(t.sheetName("fees"));
    const r = data.values.findIndex((row, i) => row[0] === "Vännäs kommun" && i > 20);
    data.values[r][4] = 146; // rounded by hand, as in the 2021 budget
    const { findings } = checkWorkbook([data]);
    expect(findings.map((f) => f.code)).toEqual(["municipalitiesNotRegion"]);
    expect(messages("sv").findings.municipalitiesNotRegion(findings[0].params)).toBe(
      "Kommunerna (tkr): tillsammans 2 846, men regionen betalar 2 845.",
    );
  });

  test("social budget: a weight outside 1–10 is an error, an area outside its share a warning", () => {
    const t = render(TEMPLATES.socialbudget(EXAMPLE_OPTIONS));
    const sheet = t.sheetName("social");
    const first =
      Number(
        t.wb
          .cells(sheet)
          .find((c) => c.value === "Vikt")!
          .address.slice(1),
      ) + 1;
    for (let i = 0; i < 8; i++) t.wb.setValue(sheet, `D${first + i}`, i === 0 ? 12 : 10); // 132 of 278: 47,5 %
    const { findings } = checkWorkbook([t.wb.sheetData(sheet)]);
    expect(findings.map((f) => `${f.severity} ${f.code} ${f.cell}`)).toEqual([
      `error invalidWeight D${first}`,
      `warning areaShareOutside E${t.rowOf("social", "Samhälls- och medborgarnytta")}`,
    ]);
  });

  test("Impactindex: an indicator without an outcome is a warning pointing at the cell", () => {
    const t = render(TEMPLATES.impactindex(EXAMPLE_OPTIONS));
    const sheet = t.sheetName("impact");
    const r = t.rowOf("impact", "Deltagarnöjdhet", 2);
    t.wb.setValue(sheet, `K${r}`, null);
    const { findings } = checkWorkbook([t.wb.sheetData(sheet)]);
    expect(findings.map((f) => `${f.severity} ${f.code} ${f.cell} ${f.params.platform}`)).toEqual([
      `warning missingOutcome K${r} Vuxentorget`,
    ]);
  });
});
