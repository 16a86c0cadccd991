import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkWorkbook } from "../../src/checks";
import { readXlsx } from "../../src/workbook/xlsx/xlsxReader";

/**
 * The layout corpus (test/fixtures/layouts, made by build.ts there from the seeds' tables): statements as
 * associations print them, varied along every axis the check must read, with planted errors and the
 * findings they must give. Precision and recall over the whole corpus must both be 100 %.
 */
const corpora = ["layouts", "annual"].map((name) => {
  const dir = join(__dirname, "..", "fixtures", name);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => f.slice(0, -5))
    .sort();
  return { name, dir, files };
});

interface Truth {
  description: string;
  axes?: string[];
  sheet?: string;
  unit: string;
  findings: { sheet: string; cell: string; code: string }[];
}

const key = (f: { sheet: string; cell: string; code: string }) => `${f.sheet}!${f.cell} ${f.code}`;

describe.each(corpora)("$name corpus", ({ name: corpus, dir, files }) => {
  const rows: { name: string; kind: string; unit: string; expected: number; found: number; tp: number }[] =
    [];

  test.each(files)("%s", async (name) => {
    const truth = JSON.parse(readFileSync(join(dir, `${name}.json`), "utf8")) as Truth;
    const sheets = await readXlsx(readFileSync(join(dir, `${name}.xlsx`)));
    const { recognised, findings } = checkWorkbook(sheets);
    const expected = new Set(truth.findings.map(key));
    const found = findings.filter((f) => f.severity === "error").map(key);
    const tp = found.filter((f) => expected.has(f)).length;
    const r = truth.sheet ? recognised.find((s) => s.sheet === truth.sheet) : recognised[0];
    rows.push({
      name,
      kind: recognised.map((x) => x.kind).join("+") || "—",
      unit: r?.unit ?? "—",
      expected: expected.size,
      found: found.length,
      tp,
    });
    expect(r).toBeDefined();
    expect(r?.unit).toBe(truth.unit);
    expect(found.sort()).toEqual([...expected].sort());
  });

  afterAll(() => {
    const expected = rows.reduce((a, r) => a + r.expected, 0);
    const found = rows.reduce((a, r) => a + r.found, 0);
    const tp = rows.reduce((a, r) => a + r.tp, 0);
    const pct = (x: number) => (100 * x).toFixed(1);
    const table = rows
      .map(
        (r) =>
          `${r.name.padEnd(36)} ${r.kind.padEnd(8)} ${r.unit.padEnd(4)} expected ${r.expected}, found ${r.found}, right ${r.tp}`,
      )
      .join("\n");
    const axes = new Set(
      files.flatMap((n) => (JSON.parse(readFileSync(join(dir, `${n}.json`), "utf8")) as Truth).axes ?? []),
    );
    console.log(
      `${corpus} corpus: ${rows.length} workbooks, ${axes.size} axes, ${expected} planted errors, ${found} findings.\n` +
        `Precision ${pct(found ? tp / found : 1)} %, recall ${pct(expected ? tp / expected : 1)} %.\n${table}`,
    );
  });
});
