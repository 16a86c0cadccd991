import fc from "fast-check";
import { checkWorkbook, type Finding } from "../../src/checks";
import { largestRemainderSplit } from "../../src/domain/rounding";
import { rowRole } from "../../src/sheet/vocabulary";
import { TEMPLATES } from "../../src/templates";
import { addr } from "../../src/sheet/a1";
import type { TemplateSpec } from "../../src/templates/spec";
import { BLANK_MEMBERS, render } from "../helpers/headless";

/**
 * Issue 15's regression suite: each template inserted blank, its inputs filled with random amounts and a
 * random subset of input rows left empty (seeded), must give no error; then one printed sum changed must
 * give exactly one finding, on that cell. Counts are printed.
 */
const FILLINGS = 200;
const SEED = 20261126;

/** A seeded generator of fillings (fast-check's, so a failure prints its seed and can be replayed). */
function fillings<T>(arb: fc.Arbitrary<T>): T[] {
  return fc.sample(arb, { numRuns: FILLINGS, seed: SEED });
}

/** The spec's input cells with a number format, by sheet key, grouped by row. */
function amountInputs(spec: TemplateSpec, key: string): Map<number, number[]> {
  const sheet = spec.sheets.find((s) => s.key === key)!;
  const rows = new Map<number, number[]>();
  sheet.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell?.style === "input" && cell.format && /#,##0/.test(cell.format))
        rows.set(r + 1, [...(rows.get(r + 1) ?? []), c + 1]);
    }),
  );
  return rows;
}

/** The formula cells on rows that are sums or results, in the given columns. */
function sumCells(spec: TemplateSpec, key: string, columns: number[]): string[] {
  const sheet = spec.sheets.find((s) => s.key === key)!;
  const out: string[] = [];
  sheet.cells.forEach((row, r) => {
    const label = String(row[0]?.value ?? "");
    const role = rowRole(label);
    if (role !== "sum" && role !== "result") return;
    for (const c of columns) if (row[c - 1]?.formula) out.push(addr(r + 1, c));
  });
  return out;
}

const errors = (findings: Finding[]) => findings.filter((f) => f.severity === "error");
const brief = (f: Finding) => `${f.code} ${f.sheet}!${f.cell} ${JSON.stringify(f.params)}`;

interface Tally {
  fillings: number;
  falseFindings: number;
  planted: number;
  found: number;
}
const tallies: Record<string, Tally> = {};
afterAll(() => {
  for (const [name, t] of Object.entries(tallies))
    console.log(
      `${name}: ${t.fillings} fillings, ${t.falseFindings} false findings; ${t.planted} planted sums, ${t.found} found exactly once`,
    );
});

describe("fill and blank: the add-in's own sheets give no false alarm", () => {
  test("Budget and Utfall mot budget: the issue's case, one input row left empty in every year column", () => {
    const t = render(TEMPLATES.budget(BLANK_MEMBERS));
    const budget = t.sheetName("budget");
    const inputs = amountInputs(TEMPLATES.budget(BLANK_MEMBERS), "budget");
    const entries: { address: string; value: number }[] = [];
    const lokalhyra = t.rowOf("budget", "Lokalhyra");
    const af = t.rowOf("budget", "Anställningsstöd, AF");
    const costTop = t.rowOf("budget", "Kostnader");
    for (const [r, cols] of inputs)
      for (const c of cols)
        if (r !== lokalhyra && r !== af && c >= 3 && c <= 5)
          entries.push({ address: addr(r, c), value: r > costTop ? -100 : 0 });
    t.wb.setValues(budget, entries);
    const { findings } = checkWorkbook([t.wb.sheetData(budget)]);
    expect(errors(findings).map(brief)).toEqual([]);
  });

  test(`Budget: ${FILLINGS} random fillings with rows left empty, then one changed sum each`, () => {
    const spec = TEMPLATES.budget(BLANK_MEMBERS);
    const t = render(spec);
    const tally: Tally = (tallies.Budget = { fillings: 0, falseFindings: 0, planted: 0, found: 0 });
    const sheets = { budget: t.sheetName("budget"), outcome: t.sheetName("outcome") };
    const budgetInputs = [...amountInputs(spec, "budget")].filter(([r]) => r < t.rowOf("budget", "Resultat"));
    const outcomeInputs = [...amountInputs(spec, "outcome")];
    const state = t.rowOf("budget", "Försäkringskassan");
    const region = t.rowOf("budget", BLANK_MEMBERS.regionName);
    const municipal = BLANK_MEMBERS.municipalities.map((m) => t.rowOf("budget", m.name));
    const costTop = t.rowOf("budget", "Kostnader");
    const outcomeCostTop = t.rowOf("outcome", "Kostnader");
    const outcomeSheet = spec.sheets.find((x) => x.key === "outcome")!;
    const outcomeLabels = new Map(
      outcomeSheet.cells.map((row, i) => [i + 1, String(row[0]?.value ?? "").trim()]),
    );
    const sums = [
      // The statement's sums (the cost distribution further down is a table of its own).
      ...sumCells(spec, "budget", [3, 4, 5])
        .filter((a) => Number(a.slice(1)) <= t.rowOf("budget", "Resultat"))
        .map((a) => ({ sheet: sheets.budget, address: a })),
      ...sumCells(spec, "outcome", [2]).map((a) => ({ sheet: sheets.outcome, address: a })),
    ];
    const runs = fillings(RUN);
    for (const run of runs) {
      let k = 0;
      const budgetEntries: { address: string; value: number | null }[] = [];
      for (const [r, cols] of budgetInputs) {
        const blank = run.blank[k % 200];
        for (const c of cols) {
          if (c < 3) continue; // the share column
          const amount = run.amounts[k++ % 200];
          let value: number | null = blank ? null : r > costTop ? -amount : amount;
          if (r === state) value = run.membersBlank ? null : run.state;
          if (r === region) value = run.membersBlank ? null : run.state / 2;
          const m = municipal.indexOf(r);
          if (m >= 0)
            value = run.membersBlank ? null : largestRemainderSplit(run.state / 2, [5, 3, 2, 1, 1, 1], 0)[m];
          budgetEntries.push({ address: addr(r, c), value });
        }
      }
      // The outcome is typed from a report: lines, and their printed sums as the report gives them (off
      // by a unit of rounding now and then).
      const outcomeEntries: { address: string; value: number | null }[] = [];
      let group = 0;
      let section: number[] = [];
      const totals: Record<string, number> = {};
      for (const [r, cols] of outcomeInputs) {
        const label = String(outcomeLabels.get(r) ?? "");
        const role = rowRole(label);
        // In kronor, each printed figure rounded to tkr on its own.
        const tkr = (kr: number) => Math.round(kr / 1000) + 0;
        let value: number | null;
        if (role === "sum" && !/^summa (intäkter|kostnader)$/i.test(label)) {
          value = tkr(group);
          section.push(group);
          group = 0;
        } else if (/^summa intäkter$/i.test(label)) {
          value = tkr(group);
          totals.income = group;
          group = 0;
        } else if (/^summa kostnader$/i.test(label)) {
          totals.costs = section.reduce((a, v) => a + v, 0);
          value = tkr(totals.costs);
          section = [];
        } else if (role === "result") {
          value = tkr((totals.income ?? 0) + (totals.costs ?? 0));
        } else {
          const v = run.blank[(k + r) % 200]
            ? null
            : run.amounts[k++ % 200] * 1000 + (run.amounts[(k * 7) % 200] % 999) - 499;
          const kr = v === null ? 0 : r > outcomeCostTop ? -v : v;
          value = v === null ? null : tkr(kr);
          group += kr;
        }
        for (const c of cols) outcomeEntries.push({ address: addr(r, c), value });
      }
      t.wb.setValues(sheets.budget, budgetEntries);
      t.wb.setValues(sheets.outcome, outcomeEntries);
      const data = () => [t.wb.sheetData(sheets.budget), t.wb.sheetData(sheets.outcome)];
      tally.fillings++;
      const clean = errors(checkWorkbook(data()).findings);
      tally.falseFindings += clean.length;
      expect(clean.map(brief)).toEqual([]);

      // One printed sum typed over: exactly one finding, on that cell.
      const target = sums[run.plant % sums.length];
      const formula = t.wb.formula(target.sheet, target.address)!;
      const printed = Number(t.wb.value(target.sheet, target.address));
      t.wb.setValue(target.sheet, target.address, printed + run.delta);
      const planted = errors(checkWorkbook(data()).findings);
      tally.planted++;
      if (planted.length === 1 && planted[0].cell === target.address && planted[0].sheet === target.sheet)
        tally.found++;
      expect(planted.map((f) => `${f.sheet}!${f.cell}`)).toEqual([`${target.sheet}!${target.address}`]);
      t.wb.setValue(target.sheet, target.address, formula);
    }
    expect(tally).toEqual({ fillings: FILLINGS, falseFindings: 0, planted: FILLINGS, found: FILLINGS });
  }, 120_000);

  /** One template: fill (random, some rows empty), check clean; plant one wrong figure, exactly one finding. */
  function suite(
    name: string,
    id: "avgifter" | "socialbudget" | "impactindex",
    fill: (run: Run, rows: Map<string, number>) => { sheetKey: string; entries: Entry[] },
    plant: (
      run: Run,
      rows: Map<string, number>,
      value: (a: string) => unknown,
    ) => { address: string; value: Entry["value"]; code: string; setUp?: Entry[] },
  ) {
    test(`${name}: ${FILLINGS} random fillings with rows left empty, then one planted error each`, () => {
      const spec = TEMPLATES[id](BLANK_MEMBERS);
      const t = render(spec);
      const key = spec.sheets[0].key;
      const sheet = t.sheetName(key);
      const rows = new Map<string, number>();
      spec.sheets[0].cells.forEach((row, i) => {
        const label = String(row[0]?.value ?? "").trim();
        if (label && !rows.has(label)) rows.set(label, i + 1);
        for (const cell of row)
          if (cell?.value !== undefined && typeof cell.value === "string" && !rows.has(cell.value))
            rows.set(cell.value, i + 1);
      });
      const tally: Tally = (tallies[name] = { fillings: 0, falseFindings: 0, planted: 0, found: 0 });
      for (const run of fillings(RUN)) {
        t.wb.setValues(sheet, fill(run, rows).entries);
        tally.fillings++;
        const all = checkWorkbook([t.wb.sheetData(sheet)]).findings;
        const clean = errors(all);
        tally.falseFindings += clean.length;
        expect(clean.map(brief)).toEqual([]);
        const p = plant(run, rows, (a) => t.wb.value(sheet, a));
        if (p.setUp) {
          t.wb.setValues(sheet, p.setUp);
          all.splice(0, all.length, ...checkWorkbook([t.wb.sheetData(sheet)]).findings);
        }
        const before = t.wb.formula(sheet, p.address) ?? t.wb.value(sheet, p.address);
        t.wb.setValue(sheet, p.address, p.value);
        // The findings the planted error adds (warnings about area shares may stand before and after).
        const before2 = new Set(all.map(brief));
        const found = checkWorkbook([t.wb.sheetData(sheet)])
          .findings.filter((f) => !before2.has(brief(f)))
          .filter((f) => f.code === p.code || f.severity === "error");
        tally.planted++;
        if (found.length === 1 && found[0].code === p.code) tally.found++;
        expect(found.map((f) => f.code)).toEqual([p.code]);
        t.wb.setValue(sheet, p.address, before as Entry["value"]);
      }
      expect(tally).toEqual({ fillings: FILLINGS, falseFindings: 0, planted: FILLINGS, found: FILLINGS });
    }, 120_000);
  }

  suite(
    "Avgiftsfördelning",
    "avgifter",
    (run, rows) => {
      const first = rows.get("Kommun")! + 1;
      const entries: Entry[] = [
        { address: `B${rows.get("Statlig tilldelning (tkr)")}`, value: run.state + 2 },
      ];
      BLANK_MEMBERS.municipalities.forEach((_, i) =>
        // Every member has a population (a blank one empties the whole split: see the closing note).
        entries.push({ address: `B${first + i}`, value: run.blank[i] && i > 0 ? 0 : run.amounts[i] + 1 }),
      );
      return { sheetKey: "fees", entries };
    },
    (run, rows, value) => {
      const region = rows.get("Part")! + 2;
      const address = `E${region + 1 + (run.plant % BLANK_MEMBERS.municipalities.length)}`;
      return { address, value: Number(value(address)) + run.delta, code: "municipalitiesNotRegion" };
    },
  );

  suite(
    "Social budget",
    "socialbudget",
    (run, rows) => {
      const first = rows.get("Vikt")! + 1;
      const areas = [
        "Samhälls- och medborgarnytta",
        "God samordning och medlemsnytta",
        "Jämlik samverkan",
        "Deltagarnöjdhet",
        "Medarbetarnöjdhet",
      ];
      const entries: Entry[] = [];
      for (let i = 0; i < 30; i++) {
        const blank = run.blank[i];
        entries.push(
          { address: `A${first + i}`, value: blank ? null : areas[run.amounts[i] % 5] },
          { address: `B${first + i}`, value: blank ? null : `Mål ${i + 1}` },
          { address: `C${first + i}`, value: blank ? null : `Indikator ${i + 1}` },
          { address: `D${first + i}`, value: blank ? null : 1 + (run.amounts[i + 30] % 10) },
        );
      }
      if (run.blank.slice(0, 30).every(Boolean))
        entries.push({ address: `A${first}`, value: areas[0] }, { address: `D${first}`, value: 5 });
      return { sheetKey: "social", entries };
    },
    (run, rows, value) => {
      const first = rows.get("Vikt")! + 1;
      let i = run.plant % 30;
      while (value(`D${first + i}`) === null || value(`D${first + i}`) === "") i = (i + 1) % 30;
      return { address: `D${first + i}`, value: run.delta > 0 ? 11 : 0.5, code: "invalidWeight" };
    },
  );

  suite(
    "Impactindex",
    "impactindex",
    (run, rows) => {
      const first = rows.get("Målvärde")! + 1;
      const entries: Entry[] = [];
      for (let i = 0; i < 30; i++) {
        const blank = run.blank[i];
        const at = (c: string, v: Entry["value"]) =>
          entries.push({ address: `${c}${first + i}`, value: blank ? null : v });
        at("A", "Deltagarnöjdhet");
        at("B", `Indikator ${i + 1}`);
        at("C", 1 + (run.amounts[i] % 10));
        at("D", run.amounts[i + 30] % 100);
        at("E", null);
        at("F", false);
        ["H", "K", "N"].forEach((c, p) =>
          at(c, run.blank[i + 60 + p] ? null : run.amounts[i + 90 + p] % 100),
        );
      }
      if (run.blank.slice(0, 30).every(Boolean))
        entries.push({ address: `C${first}`, value: 5 }, { address: `A${first}`, value: "Deltagarnöjdhet" });
      return { sheetKey: "impact", entries };
    },
    (run, rows, value) => {
      const first = rows.get("Målvärde")! + 1;
      for (let k = 0; k < 30; k++) {
        const i = (run.plant + k) % 30;
        const outcome = value(`H${first + i}`);
        const target = value(`D${first + i}`);
        if (typeof outcome === "number" && typeof target === "number" && outcome < target)
          return { address: `I${first + i}`, value: true, code: "reachedBelowTarget" };
      }
      // No row below its target in this filling: make one.
      return {
        address: `I${first}`,
        value: true,
        code: "reachedBelowTarget",
        setUp: [
          { address: `D${first}`, value: 100 },
          { address: `H${first}`, value: 1 },
          { address: `C${first}`, value: 5 },
          { address: `A${first}`, value: "Deltagarnöjdhet" },
        ],
      };
    },
  );
});

type Entry = { address: string; value: string | number | boolean | null };
type Run = {
  amounts: number[];
  blank: boolean[];
  state: number;
  membersBlank: boolean;
  plant: number;
  delta: number;
};
const RUN: fc.Arbitrary<Run> = fc.record({
  amounts: fc.array(fc.integer({ min: 0, max: 9_999 }), { minLength: 200, maxLength: 200 }),
  blank: fc.array(fc.boolean(), { minLength: 200, maxLength: 200 }),
  state: fc.integer({ min: 0, max: 10_000 }).map((x) => 2 * x),
  membersBlank: fc.boolean(),
  plant: fc.nat(),
  delta: fc.integer({ min: 5, max: 5_000 }).chain((d) => fc.constantFrom(d, -d)),
});
