import { checkWorkbook } from "../../src/checks";
import { readFeeKey, readForecasts, readPlan } from "../../src/checks/planReader";
import { memberFinancing } from "../../src/domain/financing";
import { ANCHOR_COLUMN, anchorText } from "../../src/sheet/vocabulary";
import type { SheetData } from "../../src/sheet/sheetData";
import { EXAMPLE_OPTIONS, TEMPLATE_IDS, TEMPLATES } from "../../src/templates";
import { nextBudgetFrom, type NextBudgetChoices } from "../../src/templates/nextBudgetFrom";
import type { TemplateSpec } from "../../src/templates/spec";
import { HeadlessWorkbook } from "../../src/workbook/headless/headlessWorkbook";
import { templatesToXlsx } from "../../src/workbook/xlsx/xlsxWriter";
import { readXlsx } from "../../src/workbook/xlsx/xlsxReader";

/** The exported example workbook, read back as the command line reads it. */
let example: SheetData[];
beforeAll(async () => {
  // Without the interim report (Uppföljning), so that the old plan's own figures are what is rolled forward;
  // a test below adds one.
  const ids = TEMPLATE_IDS.filter((id) => id !== "uppfoljning");
  const { buffer } = await templatesToXlsx(ids.map((id) => TEMPLATES[id](EXAMPLE_OPTIONS)));
  example = await readXlsx(buffer);
}, 60_000);

/** Renders a spec headless: a row's values by its label (the first cell, trimmed). */
function render(spec: TemplateSpec) {
  const wb = new HeadlessWorkbook();
  const placement = wb.insert(spec);
  const data = wb.sheetData(placement.sheets[spec.sheets[0].key]);
  const row = (text: string) => {
    const found = data.values.find((r) => String(r[0] ?? "").trim() === text);
    if (!found) throw new Error(`no row ${text}`);
    return found;
  };
  return {
    data,
    row,
    years: (text: string) => row(text).slice(2, 5),
    previous: (text: string) => row(text).slice(6, 8),
  };
}

function roll(sheets: SheetData[], choices: NextBudgetChoices) {
  const result = nextBudgetFrom(sheets, choices);
  if ("problem" in result) throw new Error(result.problem);
  return { ...result, ...render(result.spec) };
}

const MEMBERS = [
  "Umeå kommun",
  "Vännäs kommun",
  "Nordmaling kommun",
  "Vindeln kommun",
  "Robertsfors kommun",
  "Bjurholms kommun",
];

/** An interim report as issue 22 writes it: the forecast's year and equity on anchored rows. */
function interimReport(year: number, equity: number): SheetData {
  const row = (cells: unknown[], anchor?: string) => {
    const r: unknown[] = Array.from({ length: ANCHOR_COLUMN }, (_, i) => cells[i] ?? "");
    if (anchor) r[ANCHOR_COLUMN - 1] = anchor;
    return r;
  };
  return {
    name: "Uppföljning",
    values: [
      row([`Uppföljning ${year}`]),
      row(["Räkenskapsår", year], anchorText("forecastYear")),
      row(["Eget kapital vid årets slut enligt prognos", "", equity], anchorText("forecastEquity")),
    ],
  };
}

describe("Ny budgetomgång from the exported example (2021–2023)", () => {
  test("a 2022–2024 plan: the old plan's 2022 and 2023 as its start, 2024 continued by the index", () => {
    const { row, years, previous } = roll(example, { stateAllotment: 5800, costIndex: 0.02 });
    const { data } = roll(example, { stateAllotment: 5800, costIndex: 0.02 });
    expect(data.values[4].slice(2, 5)).toEqual([2022, 2023, 2024]); // the header row
    // Costs: 2022 and 2023 as the old plan had them; 2024 = 2023 × 1.02, whole tkr.
    expect(years("Kanslipersonal")).toEqual([-1620, -1660, Math.round(-1660 * 1.02)]);
    expect(years("Summa kostnader").slice(0, 2)).toEqual([-11595, -11505]);
    // Other income: the old plan's later years, the new last year flat.
    expect(years("Anställningsstöd, AF")).toEqual([113, 116, 116]);
    // Föregående plan and the change beside every row.
    expect(previous("Summa kostnader")).toEqual([-11595, -11505]);
    expect(row("Försäkringskassan").slice(6, 10)).toEqual([5690, 5690, 110, 110]);
  });

  test("the fees add up to the region's quarter exactly, by the fee sheet's key, as FINSAM.FINANCING splits it", () => {
    const { years, input } = roll(example, { stateAllotment: 5800, costIndex: 0 });
    expect(years("Region Västerbotten")).toEqual([2900, 2900, 2900]);
    const fees = MEMBERS.map((m) => years(m)[0] as number);
    expect(fees.reduce((a, b) => a + b, 0)).toBe(2900);
    expect(fees).toEqual(memberFinancing(5800, input.feeKey.weights).municipalities);
    expect(input.feeKey.source).toMatch(/2019-12-31.*Avgiftsfördelning/);
  });

  test("an allotment that does not halve evenly: the region rounds half up, the municipalities split exactly that", () => {
    const { years, input } = roll(example, { stateAllotment: 5691, costIndex: 0 });
    const region = years("Region Västerbotten")[0] as number;
    expect(region).toBe(2846);
    const fees = MEMBERS.map((m) => years(m)[0] as number);
    expect(fees.reduce((a, b) => a + b, 0)).toBe(region);
    expect(fees).toEqual(memberFinancing(5691, input.feeKey.weights).municipalities);
  });

  test("equity starts where the old plan's 2021 ended (894), and the sheet says so; the ceiling per year", () => {
    const { years, row, data } = roll(example, { stateAllotment: 5800, costIndex: 0.02 });
    expect(years("Eget kapital vid årets början")[0]).toBe(894);
    const [start, result, end] = [
      "Eget kapital vid årets början",
      "Resultat",
      "Eget kapital vid årets slut",
    ].map(years);
    for (let y = 0; y < 3; y++) expect(end[y]).toBe((start[y] as number) + (result[y] as number));
    expect(
      data.values.some((r) =>
        /Eget kapital vid årets början 2022: eget kapital vid årets slut 2021 enligt Budget/.test(
          String(r[0]),
        ),
      ),
    ).toBe(true);
    // Ceiling on the members' allotment 5 800 + 2 900 + 2 900 = 11 600 tkr: 1 400 + 15 % of 4 600 = 2 090 tkr.
    expect(years("Rekommenderat tak (tkr)")).toEqual([2090, 2090, 2090]);
    expect(years("Marginal till taket (tkr)")[0]).toBe(2090 - (end[0] as number));
    expect(row("Taket = FINSAM.EQUITYCAP (tillägget)").slice(2, 5)).toEqual(["OK", "OK", "OK"]);
  });

  test("with an interim report's forecast for 2021, equity starts at the forecast", () => {
    const sheets = [...example, interimReport(2021, 1234)];
    expect(readForecasts(sheets)).toEqual([{ sheet: "Uppföljning", year: 2021, equity: 1234 }]);
    const { years, input } = roll(sheets, { stateAllotment: 5800, costIndex: 0 });
    expect(years("Eget kapital vid årets början")[0]).toBe(1234);
    expect(input.opening.source).toBe("helårsprognosen för 2021 (bladet Uppföljning)");
    // A forecast for another year is not this year's: the old plan's figure stands.
    const other = roll([...example, interimReport(2020, 1234)], { stateAllotment: 5800, costIndex: 0 });
    expect(other.years("Eget kapital vid årets början")[0]).toBe(894);
  });

  test("no allotment given: the old plan's figure for 2022, and the result says it was taken from there", () => {
    const result = nextBudgetFrom(example, { stateAllotment: null, costIndex: 0 });
    expect("input" in result && result.input.stateAllotment).toBe(5690);
    expect("allotmentFromPlan" in result && result.allotmentFromPlan).toBe(true);
  });

  test("the proposal passes the workbook check, and the old sheets are read the same before and after", () => {
    const { spec } = roll(example, { stateAllotment: 5800, costIndex: 0.02 });
    const wb = new HeadlessWorkbook();
    const placement = wb.insert(spec);
    const { findings, recognised } = checkWorkbook([...example, wb.sheetData(placement.sheets.next)]);
    expect(recognised.map((r) => r.sheet)).toContain("Budget 2022–2024");
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("every formula of the proposal evaluates without an error", () => {
    const { data } = roll(example, { stateAllotment: 5800, costIndex: 0.02 });
    const errors = data.values.flat().filter((v) => typeof v === "string" && /^#[A-Z/0!?]+/.test(v));
    expect(errors).toEqual([]);
  });
});

describe("a budget typed by hand, as the 2020 board papers print it", () => {
  const text = (rows: (string | number)[][]): SheetData => ({ name: "VP 2021-2023", values: rows });
  const seed = text([
    ["Samordningsförbundet Umeåregionen"],
    ["", 2021, 2022, 2023],
    ["Intäkter"],
    [" - Försäkringskassan", 5690, 5690, 5690],
    [" - Umeå kommun, 82,9% av arb-bef.", 2359, 2353, 2353],
    [" - Vännäs kommun, 5,1% av arb-bef.", 146, 148, 148],
    [" - Bjurholms kommun, 1,3 % av arb-bef.", 37, 37, 37],
    [" - Region Västerbotten", 2845, 2845, 2845],
    [" - Anställningsstöd, AF", 110, 113, 116],
    ["Summa intäkter", 11187, 11186, 11189],
    ["Kostnader"],
    ["Kansli och styrelse"],
    [" - Kanslipersonal", -1580, -1620, -1660],
    [" - Lokalhyra", -85, -90, -95],
    ["Summa kansli och styrelse", -1665, -1710, -1755],
    ["Verksamheter"],
    [" - Ungdomstorget", -3200, -2800, -2700],
    ["Summa verksamheter", -3200, -2800, -2700],
    ["Summa kostnader", -4865, -4510, -4455],
    ["Resultat", 6322, 6676, 6734],
    ["Eget kapital vid årets början", 2040, 8362, 15038],
    ["Eget kapital vid årets slut", 8362, 15038, 21772],
  ]);

  test("is read by its words: members, the shares in the labels, the groups, equity", () => {
    const read = readPlan([seed]);
    if ("problem" in read) throw new Error(read.problem);
    const { plan } = read;
    expect(plan.years).toEqual([2021, 2022, 2023]);
    expect(plan.municipalities.map((m) => m.name)).toEqual([
      "Umeå kommun",
      "Vännäs kommun",
      "Bjurholms kommun",
    ]);
    plan.municipalities.forEach((m, i) => expect(m.share).toBeCloseTo([0.829, 0.051, 0.013][i], 12));
    expect(plan.otherIncome.map((l) => l.label)).toEqual(["Anställningsstöd, AF"]);
    expect(plan.costGroups.map((g) => [g.name, g.lines.length])).toEqual([
      ["Kansli och styrelse", 2],
      ["Verksamheter", 1],
    ]);
    expect(plan.equityEnd[0]).toBe(8362);
  });

  test("rolls forward with the printed shares as the key, and the fees still add up to the quarter", () => {
    const { years, input } = roll([seed], { stateAllotment: 6000, costIndex: 0.03 });
    expect(input.feeKey.source).toMatch(/andelarna av arb-bef\. i VP 2021-2023/);
    const fees = ["Umeå kommun", "Vännäs kommun", "Bjurholms kommun"].map((m) => years(m)[0] as number);
    expect(fees.reduce((a, b) => a + b, 0)).toBe(3000);
    expect(years("Ungdomstorget")).toEqual([-2800, -2700, Math.round(-2700 * 1.03)]);
    expect(years("Eget kapital vid årets början")[0]).toBe(8362);
  });

  test("what is not a plan says why", () => {
    expect(readPlan([text([["Anteckningar"], ["inget här"]])])).toEqual({ problem: "noBudget" });
    const noMembers = text([
      ["", 2021, 2022],
      ["Intäkter"],
      ["Bidrag", 10, 10],
      ["Summa intäkter", 10, 10],
      ["Kostnader"],
      ["Lokal", -5, -5],
      ["Summa kostnader", -5, -5],
      ["Resultat", 5, 5],
    ]);
    expect(readPlan([noMembers])).toEqual({ problem: "noMembers" });
    expect(nextBudgetFrom([noMembers], { stateAllotment: 1, costIndex: 0 })).toEqual({
      problem: "noMembers",
    });
  });
});

test("the fee key of the example's fee sheet: its members, populations, budget year and reference date", () => {
  const key = readFeeKey(example);
  expect(key?.budgetYear).toBe(2021);
  expect(key?.referenceDate).toBe("2019-12-31");
  expect(key?.members.map((m) => m.name)).toEqual(MEMBERS);
});
