import { checkWorkbook } from "../../src/checks";
import { type SheetData } from "../../src/sheet/sheetData";
import { BUDGET_2021_2023 } from "../../src/examples/budget2021";
import { EXAMPLE_OPTIONS, TEMPLATES } from "../../src/templates";
import { render } from "../helpers/headless";

/**
 * Issue 13: the cost distribution by allocation key, per cost line. Expected figures are computed here by
 * hand from the 2021–2023 budget's lines and the keys the test sets, with largest-remainder rounding.
 */
const columns = ["J", "K", "L"] as const;

/** Whole tkr by largest remainder, adding up to the total exactly (the rule the sheet's formulas follow). */
function largestRemainder(raw: number[], total: number): number[] {
  const trunc = raw.map((v) => Math.trunc(v));
  let left = Math.round(total) - trunc.reduce((a, b) => a + b, 0);
  const order = raw
    .map((v, k) => ({ k, rem: Math.abs(v - Math.trunc(v)) }))
    .sort((a, b) => b.rem - a.rem || a.k - b.k);
  const out = [...trunc];
  for (let i = 0; left !== 0; i = (i + 1) % 3) {
    out[order[i].k] += Math.sign(left);
    left -= Math.sign(left);
  }
  return out;
}

function budgetWithKeys() {
  const t = render(TEMPLATES.budget(EXAMPLE_OPTIONS));
  const sheet = t.sheetName("budget");
  const groups = BUDGET_2021_2023.costGroups;
  const keys: [number, number, number][] = [
    [0.4, 0.6, 0],
    [0, 1, 0],
    [0, 0.1, 0.9],
  ]; // secretariat, operational, platforms
  groups.forEach((g, gi) =>
    g.lines.forEach((line) => {
      const r = t.rowOf("budget", line.label);
      t.wb.setValues(
        sheet,
        columns.map((c, k) => ({ address: `${c}${r}`, value: keys[gi][k] })),
      );
    }),
  );
  return { t, sheet, groups, keys };
}

describe("cost distribution by allocation key", () => {
  test("secretariat 40/60/0, platforms 0/10/90: the distribution computed by hand, in tkr and %", () => {
    const { t, groups, keys } = budgetWithKeys();
    for (let y = 0; y < 3; y++) {
      const sums = groups.map((g) => g.lines.reduce((a, l) => a + l.amounts[y], 0)); // -2520, -485, -9630 in 2021
      const raw = [0, 1, 2].map((k) => sums.reduce((a, s, gi) => a + s * keys[gi][k], 0));
      const total = sums.reduce((a, b) => a + b, 0);
      const expected = largestRemainder(raw, total);
      const shown = ["Administration", "Strukturövergripande insatser", "Individinriktade insatser"].map(
        (label) => t.rowValues("budget", label, 3 + y, 3 + y)[0],
      );
      expect(shown).toEqual(expected);
      expect(expected.reduce((a, b) => a + b, 0)).toBe(total);
      const percent = ["Administration", "Strukturövergripande insatser", "Individinriktade insatser"].map(
        (label) => t.rowValues("budget", label, 6 + y, 6 + y)[0] as number,
      );
      percent.forEach((p, k) => expect(p).toBeCloseTo(expected[k] / total, 12));
    }
    // 2021 by hand, written out: administration 40 % of 2 520 = 1 008; structural 60 % of 2 520 + 485 + 10 % of 9 630.
    expect(t.rowValues("budget", "Administration", 3, 3)[0]).toBe(-1008);
    expect(t.rowValues("budget", "Strukturövergripande insatser", 3, 3)[0]).toBe(-(1512 + 485 + 963));
    expect(t.rowValues("budget", "Individinriktade insatser", 3, 3)[0]).toBe(-8667);
  });

  test("changing one share moves exactly the amounts it affects", () => {
    const { t, sheet } = budgetWithKeys();
    const read = () =>
      ["Administration", "Strukturövergripande insatser", "Individinriktade insatser"].map(
        (label) => t.rowValues("budget", label, 3, 5) as number[],
      );
    const before = read();
    // Kanslipersonal 2021–2023: 1 580 / 1 620 / 1 660. From 40/60/0 to 50/50/0: 10 % moves to administration.
    const r = t.rowOf("budget", "Kanslipersonal");
    t.wb.setValues(sheet, [
      { address: `J${r}`, value: 0.5 },
      { address: `K${r}`, value: 0.5 },
    ]);
    const after = read();
    expect(after[0].map((v, y) => v - before[0][y])).toEqual([-158, -162, -166]);
    expect(after[1].map((v, y) => v - before[1][y])).toEqual([158, 162, 166]);
    expect(after[2]).toEqual(before[2]);
  });

  test("a line whose shares add up to 95 % is a finding on that line", () => {
    const { t, sheet } = budgetWithKeys();
    const r = t.rowOf("budget", "Analys");
    t.wb.setValues(sheet, [
      { address: `K${r}`, value: 0.9 },
      { address: `L${r}`, value: 0.05 },
    ]);
    const { findings } = checkWorkbook([t.wb.sheetData(sheet)]);
    expect(findings.map((f) => `${f.code} ${f.cell} ${f.params.percent}`)).toEqual([
      `allocationNot100 J${r} 95`,
    ]);
    expect(t.rowValues("budget", "Fördelningsnycklarna blir 100 % på varje rad", 3, 3)[0]).toBe(
      "1 rad utan nyckel på 100 %",
    );
  });

  test("a hand-made distribution table with one wrong per cent and one wrong amount: exactly those two findings", () => {
    const sheet: SheetData = {
      name: "Årsredovisning",
      values: [
        ["Kostnadsfördelning 2023", "", ""],
        ["", "tkr", "%"],
        ["Administration", 1_359, 11.9],
        ["Strukturövergripande insatser", 2_171 + 40, 19.0], // the amount typed 40 too high
        ["Individinriktade insatser", 7_905, 59.1], // the per cent should be 69,1
        ["Summa", 11_435, 100.0],
      ],
    };
    const { findings } = checkWorkbook([sheet]);
    expect(findings.map((f) => `${f.code} ${f.cell}`)).toEqual([
      "distributionAmount B4",
      "distributionShare C5",
    ]);
    // And the clean table gives nothing; a wrong sum is one finding on the sum.
    sheet.values[3][1] = 2_171;
    sheet.values[4][2] = 69.1;
    expect(checkWorkbook([sheet]).findings).toEqual([]);
    sheet.values[5][1] = 11_535;
    expect(checkWorkbook([sheet]).findings.map((f) => `${f.code} ${f.cell}`)).toEqual(["distributionSum B6"]);
  });

  test("beside a statement, the printed distribution must agree with its total costs", () => {
    const sheet: SheetData = {
      name: "Utfall",
      values: [
        ["", "Utfall 2023", "Budget 2023", "Avvikelse"],
        ["Intäkter", "", "", ""],
        ["Bidrag", 11_500, 11_500, 0],
        ["Summa intäkter", 11_500, 11_500, 0],
        ["Kostnader", "", "", ""],
        ["Kansli", -3_530, -3_500, -30],
        ["Verksamheter", -7_905, -8_000, 95],
        ["Summa kostnader", -11_435, -11_500, 65],
        ["Resultat", 65, 0, 65],
        [],
        ["Kostnadsfördelning", "Utfall 2023 tkr", "Utfall 2023 %"],
        ["Administration", 1_359, 11.9],
        ["Strukturövergripande insatser", 2_171, 19.0],
        ["Individinriktade insatser", 7_905, 69.1],
        ["Summa", 11_535, 100.0], // should be 11 435
      ],
    };
    sheet.values[14][1] = 11_435;
    expect(checkWorkbook([sheet]).findings).toEqual([]);
    sheet.values[11][1] = 1_459; // 100 too many, and so the sum printed accordingly
    sheet.values[14][1] = 11_535;
    sheet.values[11][2] = 12.6;
    sheet.values[12][2] = 18.8;
    sheet.values[13][2] = 68.5;
    expect(checkWorkbook([sheet]).findings.map((f) => `${f.code} ${f.cell}`)).toEqual([
      "distributionTotal B15",
    ]);
  });
});
