import { BLANK_OPTIONS, EXAMPLE_OPTIONS, TEMPLATE_IDS, TEMPLATES } from "../../src/templates";
import type { TemplateOptions } from "../../src/templates/spec";
import { render } from "../helpers/headless";

const contents: [string, TemplateOptions][] = [
  ["example", EXAMPLE_OPTIONS],
  ["blank", BLANK_OPTIONS],
];

describe.each(TEMPLATE_IDS)("template %s", (id) => {
  test.each(contents)("%s content: every formula evaluates without an error", (_content, options) => {
    const t = render(TEMPLATES[id](options));
    expect(t.errors()).toEqual([]);
  });

  test("example content: every check cell says OK", () => {
    const spec = TEMPLATES[id](EXAMPLE_OPTIONS);
    const t = render(spec);
    const checks = spec.sheets.flatMap((s) => t.checks(s.key));
    // Impactindex's one check is FINSAM.IMPACTINDEX against the native index; its statuses are tested below.
    expect(checks.length).toBeGreaterThan(0);
    for (const check of checks)
      expect(`${check.address}: ${String(check.value)}`).toBe(`${check.address}: OK`);
  });

  test("blank content: check cells are empty or OK, never a false alarm", () => {
    const spec = TEMPLATES[id](BLANK_OPTIONS);
    const t = render(spec);
    for (const check of spec.sheets.flatMap((s) => t.checks(s.key)))
      expect(["", "OK", "Inga indikatorer ännu"]).toContain(check.value);
  });

  test("the spec is well-formed: rectangular, formulas start with =, sheets keyed uniquely", () => {
    const spec = TEMPLATES[id](EXAMPLE_OPTIONS);
    expect(new Set(spec.sheets.map((s) => s.key)).size).toBe(spec.sheets.length);
    for (const sheet of spec.sheets) {
      const width = sheet.cells[0].length;
      for (const row of sheet.cells) expect(row.length).toBe(width);
      for (const cell of sheet.cells.flat())
        if (cell?.formula) expect(cell.formula.startsWith("=")).toBe(true);
      expect(sheet.name.length).toBeLessThanOrEqual(31);
    }
  });
});

describe("Budget with the 2021–2023 example", () => {
  // A fresh workbook for every test: tests change inputs.
  let t: ReturnType<typeof render>;
  beforeEach(() => (t = render(TEMPLATES.budget(EXAMPLE_OPTIONS))));
  const years = (label: string, nth = 1) => t.rowValues("budget", label, 3, 5, nth);

  test.each([
    ["Summa intäkter", [11489, 11493, 11496]],
    ["Summa kansli och styrelse", [-2520, -2595, -2670]],
    ["Summa verksamhetsnära kostnader", [-485, -450, -525]],
    ["Summa verksamheter", [-9630, -8550, -8310]],
    ["Summa kostnader", [-12635, -11595, -11505]],
    ["Resultat", [-1146, -102, -9]],
    ["Eget kapital vid årets början", [2040, 894, 792]],
    ["Eget kapital vid årets slut", [894, 792, 783]],
  ])("%s", (label, expected) => {
    expect(years(label)).toEqual(expected);
  });

  test("the equity ceiling for the members' allotment, and for total income when chosen", () => {
    // 2021 members' allotment: 5 690 + 2 844 + 2 845 = 11 379 tkr → 1 400 + 15 % of 4 379 = 2 056,85
    expect(years("Bas (tkr)")).toEqual([11379, 11380, 11380]);
    expect(years("Rekommenderat tak (tkr)")[0]).toBeCloseTo(2056.85, 9);
    expect(years("Eget kapital mot taket")).toEqual(["Under taket", "Under taket", "Under taket"]);
    t.wb.setValue(t.sheetName("budget"), `B${t.rowOf("budget", "Bas för taket")}`, "Årets totala intäkter");
    expect(years("Bas (tkr)")).toEqual([11489, 11493, 11496]);
    expect(years("Rekommenderat tak (tkr)")[0]).toBeCloseTo(2073.35, 9);
  });

  test("the cost distribution in tkr and %: the example's keys, adding up to the total costs", () => {
    // 2021 by hand from the example's keys: administration = board 200 + auditors 50 + accounting 370 + other
    // 125 + 45 % of staff 1 580 and rent 85 + 20 % of conferences 55 + 40 % of travel 55 + half the web 40.
    const admin2021 = 200 + 50 + 370 + 125 + 0.45 * (1580 + 85) + 0.2 * 55 + 0.4 * 55 + 0.5 * 40;
    expect(admin2021).toBeCloseTo(1547.25, 9);
    expect(t.rowValues("budget", "Administration", 3, 5)).toEqual([-1547, -1590, -1640]);
    const amounts = [1, 2, 3].map(
      (i) =>
        t.rowValues(
          "budget",
          ["Administration", "Strukturövergripande insatser", "Individinriktade insatser"][i - 1],
          3,
          5,
        ) as number[],
    );
    expect([0, 1, 2].map((y) => amounts.reduce((a, r) => a + r[y], 0))).toEqual([-12635, -11595, -11505]);
    const shares = t.rowValues("budget", "Administration", 6, 8) as number[];
    expect(shares[0]).toBeCloseTo(1547 / 12635, 9);
    expect(t.rowValues("budget", "Summa kostnader", 6, 8, 2)).toEqual([1, 1, 1]);
  });

  test("the outcome sheet: deviation = outcome − budget, and the checks allow tkr rounding", () => {
    const row = t.rowValues("outcome", "Summa intäkter", 2, 5) as number[];
    expect(row[1]).toBe(11489);
    expect(row[2]).toBe(row[0] - row[1]);
    expect(row[3]).toBe("OK");
  });

  test("changing an input moves the totals and the checks as a person expects", () => {
    const sheet = t.sheetName("budget");
    t.wb.setValue(sheet, `C${t.rowOf("budget", "Försäkringskassan")}`, 5700);
    expect(years("Summa intäkter")[0]).toBe(11499);
    expect(years("Resultat")[0]).toBe(-1136);
    expect(years("Eget kapital vid årets slut")).toEqual([904, 802, 793]);
    expect(t.rowValues("budget", "Regionen = halva statens tilldelning", 3, 3)[0]).toBe(
      "Summan är 2 845, inte 2 850 (differens -5; tillåtet ±1).",
    );
    // and on the outcome sheet the budget column follows
    expect(t.rowValues("outcome", "Försäkringskassan", 3, 3)[0]).toBe(5700);
  });

  test("a printed outcome subtotal that is off by more than rounding is caught", () => {
    const sheet = t.sheetName("outcome");
    const r = t.rowOf("outcome", "Summa kansli och styrelse");
    const printed = t.wb.value(sheet, `B${r}`) as number;
    t.wb.setValue(sheet, `B${r}`, printed + 10);
    expect(t.wb.value(sheet, `E${r}`)).toMatch(/^Summan är .*, inte .* \(differens -10; tillåtet ±4,5\)\.$/);
  });
});

describe("Avgiftsfördelning with the 2021 example", () => {
  // A fresh workbook for every test: tests change inputs.
  let t: ReturnType<typeof render>;
  beforeEach(() => (t = render(TEMPLATES.avgifter(EXAMPLE_OPTIONS))));
  // Municipalities appear twice in column A: in the population table, then in the split.
  const amount = (label: string) => t.rowValues("fees", label, 5, 5, label.endsWith("kommun") ? 2 : 1)[0];
  const municipalities = EXAMPLE_OPTIONS.municipalities.map((m) => m.name);

  test("state 5 690, region 2 845, municipalities adding up to exactly 2 845", () => {
    expect(amount("Staten (Försäkringskassan)")).toBe(5690);
    expect(amount("Region Västerbotten")).toBe(2845);
    const fees = municipalities.map((m) => amount(m) as number);
    expect(fees).toEqual([2361, 145, 114, 83, 105, 37]);
    expect(fees.reduce((a, b) => a + b, 0)).toBe(2845);
    expect(t.rowValues("fees", "Summa", 4, 5)).toEqual([1, 11380]);
  });

  test("changing the allotment or a population re-splits exactly", () => {
    const sheet = t.sheetName("fees");
    t.wb.setValue(sheet, `B${t.rowOf("fees", "Statlig tilldelning (tkr)")}`, 6001);
    expect(amount("Region Västerbotten")).toBe(3001); // 3 000,5 rounded half up
    expect(municipalities.reduce((s, m) => s + (amount(m) as number), 0)).toBe(3001);
    expect(t.rowValues("fees", "Kommunerna tillsammans = regionen", 5, 5)[0]).toBe("OK");
    t.wb.setValue(sheet, `B${t.rowOf("fees", "Bjurholms kommun")}`, 10);
    expect(amount("Bjurholms kommun")).toBeGreaterThan((37 * 3001) / 2845);
    expect(municipalities.reduce((s, m) => s + (amount(m) as number), 0)).toBe(3001);
  });
});

describe("Social budget with the 2023 example", () => {
  // A fresh workbook for every test: tests change inputs.
  let t: ReturnType<typeof render>;
  beforeEach(() => (t = render(TEMPLATES.socialbudget(EXAMPLE_OPTIONS))));

  test("area weight sums 104 / 43 / 51 / 29 / 23 within ±5 percentage points, WEIGHTCHECK OK", () => {
    const sums = [
      "Samhälls- och medborgarnytta",
      "God samordning och medlemsnytta",
      "Jämlik samverkan",
      "Deltagarnöjdhet",
      "Medarbetarnöjdhet",
    ].map((a) => t.rowValues("social", a, 4, 4)[0]);
    expect(sums).toEqual([104, 43, 51, 29, 23]);
    expect(t.rowValues("social", "Viktkontroll", 2, 2)[0]).toBe("OK");
  });

  test("one weight set to 12 is named by WEIGHTCHECK", () => {
    const sheet = t.sheetName("social");
    const cells = t.wb.cells(sheet);
    const firstWeight = cells.find((c) => c.value === "Vikt")!;
    const r = Number(firstWeight.address.slice(1)) + 1;
    t.wb.setValue(sheet, `D${r}`, 12);
    expect(t.rowValues("social", "Viktkontroll", 2, 2)[0]).toBe("Vikt ej heltal 1–10: rad 1 (12).");
    expect(t.rowValues("social", "Samhälls- och medborgarnytta", 4, 4)[0]).toBe(106);
  });
});

describe("Impactindex with the illustrative 2023 example", () => {
  // A fresh workbook for every test: tests change inputs.
  let t: ReturnType<typeof render>;
  beforeEach(() => (t = render(TEMPLATES.impactindex(EXAMPLE_OPTIONS))));

  test("the index per area and platform is within 0–100, and the total is computed from the indicators", () => {
    const total = t.rowValues("impact", "Totalt", 2, 5) as number[];
    for (const v of total) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(100);
    }
    const [last, change, status] = t.rowValues("impact", "Totalt", 6, 8);
    expect(last).toBe(69.3);
    expect(change).toBeCloseTo(total[3] - 69.3, 9);
    expect(status).toBe(total[3] >= 70 ? "Når målet" : "Under målet");
  });

  test("every index cell equals DOMAIN.md's rule computed here from the indicator table's inputs", () => {
    // The rule, by hand: an indicator is reached when it is measured, its survey (if any) reached the lowest
    // response rate (50 %), and its outcome is at least the target (at most, when lower is better); a near miss
    // within the tolerance does not count by default. Index = Σ weights reached / Σ all weights × 100.
    const sheet = t.sheetName("impact");
    const header = t.rowOf("impact", "Målområde", 2);
    const rows: unknown[][] = [];
    for (let r = header + 1; t.wb.value(sheet, `A${r}`) !== null && t.wb.value(sheet, `A${r}`) !== ""; r++)
      rows.push(t.wb.values(sheet, `A${r}:S${r}`)[0]);
    expect(rows.length).toBe(40); // the 2023 social budget's indicators
    const reached = (row: unknown[], platform: number) => {
      const [target, , lower, response] = row.slice(3, 7) as [number, number, boolean, number | null];
      const outcome = row[7 + platform * 3];
      if (typeof outcome !== "number") return false;
      if (typeof response === "number" && response < 0.5) return false;
      return lower ? outcome <= target : outcome >= target;
    };
    const index = (platform: number, area?: string) => {
      const own = rows.filter((row) => area === undefined || row[0] === area);
      const all = own.reduce((s, row) => s + (row[2] as number), 0);
      const hit = own.filter((row) => reached(row, platform)).reduce((s, row) => s + (row[2] as number), 0);
      return (hit / all) * 100;
    };
    for (let p = 0; p < 4; p++) {
      expect(t.rowValues("impact", "Totalt", 2 + p, 2 + p)[0]).toBeCloseTo(index(p), 9);
      for (const area of ["Samhälls- och medborgarnytta", "Jämlik samverkan", "Deltagarnöjdhet"])
        expect(t.rowValues("impact", area, 2 + p, 2 + p)[0]).toBeCloseTo(index(p, area), 9);
    }
  });

  test("participant outcomes feed the rate indicators: Ungdomstorget 110 positive of 155 ended", () => {
    expect(t.rowValues("impact", "Positiv lösning, av avslutade", 4, 4)[0]).toBeCloseTo(110 / 155, 12);
    expect(t.rowValues("impact", "Genomströmning (avslutade / deltagare)", 4, 4)[0]).toBeCloseTo(
      155 / 350,
      12,
    );
  });

  test("changing an outcome changes the status, the area index and the total", () => {
    const sheet = t.sheetName("impact");
    const before = t.rowValues("impact", "Totalt", 2, 2)[0] as number;
    const area = t.rowValues("impact", "Samhälls- och medborgarnytta", 2, 2)[0] as number;
    // Ungdomstorget: 20 positive solutions for women instead of 52, so 78 of 155 ended: far under 70 %.
    t.wb.setValue(sheet, `B${t.rowOf("impact", "varav positiv lösning")}`, 20);
    expect(t.rowValues("impact", "Positiv lösning, av avslutade", 4, 4)[0]).toBeCloseTo(78 / 155, 12);
    const statusRow = t.rowOf("impact", "Samhälls- och medborgarnytta", 2);
    expect(t.wb.value(sheet, `J${statusRow}`)).toBe("Ej uppnått");
    expect(t.rowValues("impact", "Samhälls- och medborgarnytta", 2, 2)[0]).toBeLessThan(area);
    expect(t.rowValues("impact", "Totalt", 2, 2)[0]).toBeLessThan(before);
  });
});
