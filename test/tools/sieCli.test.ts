import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUDGET_2021_2023 } from "../../src/examples/budget2021";
import { mapOutcome, type MapRange } from "../../src/sie/accountMap";
import { periodOutcome } from "../../src/sie/outcome";
import { parseSie } from "../../src/sie/parse";
import { EXAMPLE_OPTIONS, TEMPLATES } from "../../src/templates";
import { budgetData } from "../../src/templates/budget";
import { label, SheetBuilder } from "../../src/templates/sheetBuilder";
import type { TemplateSpec } from "../../src/templates/spec";
import { main } from "../../src/tools/cli";
import { templatesToXlsx } from "../../src/workbook/xlsx/xlsxWriter";
import { readXlsx } from "../../src/workbook/xlsx/xlsxReader";
import { DIR, expected } from "../sie/corpusData";

/** finsam outcome and finsam budget-sie, end to end through files. */
const dir = mkdtempSync(join(tmpdir(), "finsam-sie-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** A Kontoplan sheet as the economist fills it in. */
function kontoplan(map: readonly MapRange[]): TemplateSpec {
  const b = new SheetBuilder("accountMap", "Kontoplan");
  b.row([label("Kontoplan", "title")]);
  b.row(["Konto från", "Konto till", "Rad"].map((h) => label(h, "header")));
  for (const m of map) b.row([m.from, m.to, m.row]);
  return { id: "uppfoljning", sheets: [b.build({ columnWidths: [10, 10, 30] })], names: [] };
}

async function writeXlsx(name: string, specs: TemplateSpec[]) {
  const file = join(dir, name);
  writeFileSync(file, (await templatesToXlsx(specs)).buffer);
  return file;
}

const forbund = join(DIR, "forbund-2023.se");

test("outcome: the förbund's year with its Kontoplan fills Utfall mot budget, reconciled, exit 0", async () => {
  const e = expected["forbund-2023.se"];
  const map = await writeXlsx("kontoplan.xlsx", [kontoplan(e.map)]);
  const out = join(dir, "utfall.xlsx");
  const r = await run("outcome", forbund, "--map", map, "--exempel", "--out", out, "--json");
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  const json = JSON.parse(r.out);
  expect(json.companyName).toBe(e.companyName);
  expect(json.orgNumber).toBe(e.orgNumber);
  expect(json.year).toEqual({ start: "2023-01-01", end: "2023-12-31" });
  expect(json.result * 100).toBeCloseTo(e.resultOre, 6);
  expect(json.unmapped).toEqual([]);
  expect(json.reconciled).toBe(true);
  // The written workbook: Utfall mot budget carries the lines, its result the file's, and the check passes.
  const sheets = await readXlsx(readFileSync(out));
  const outcome = sheets.find((s) => s.name === "Utfall mot budget")!;
  const resultRow = outcome.values.find((row) => row[0] === "Resultat")!;
  expect(resultRow[1]).toBe(Math.round(e.resultOre / 100_000));
  const check = await run("check", out, "--json");
  expect(JSON.parse(check.out).findings.filter((f: { severity: string }) => f.severity === "error")).toEqual(
    [],
  );
});

test("outcome: with the default map the unmapped accounts are listed, exit 1; up to April from #PSALDO", async () => {
  const r = await run("outcome", forbund, "--months", "4");
  expect(r.code).toBe(1);
  expect(r.out).toMatch(/Period 2023-01–2023-04 \(4 mån\.\), ur periodsaldon \(#PSALDO\)\./);
  expect(r.out).toMatch(/Ej fördelat: 3522 Medlemsavgift Vännäs kommun/);
  expect(r.out).toMatch(/standardkontoplanen/);
});

test("outcome: a broken file, a file that is not SIE, no file: exit 2 with the reason", async () => {
  const broken = await run("outcome", join(DIR, "broken.se"));
  expect(broken).toEqual({
    code: 2,
    out: "",
    err: expect.stringMatching(/Rad 5: #RES har ett belopp som inte går att läsa/),
  });
  const csv = join(dir, "x.csv");
  writeFileSync(csv, "Konto;Belopp\n3010;-100\n");
  expect((await run("outcome", csv)).err).toMatch(/inte en SIE-fil/);
  expect((await run("outcome")).code).toBe(2);
  expect((await run("outcome", forbund, "--months", "13")).code).toBe(2);
  expect((await run("outcome", join(DIR, "nope.se"))).code).toBe(2);
});

/** One account per budget line of the example: income 3501…, costs 4501…. */
function onePerLine(): MapRange[] {
  const { data } = budgetData(EXAMPLE_OPTIONS);
  const income = data.income.map((l, i) => ({ from: String(3501 + i), to: String(3501 + i), row: l.label }));
  const costs = data.costGroups
    .flatMap((g) => g.lines)
    .map((l, i) => ({ from: String(4501 + i), to: String(4501 + i), row: l.label }));
  return [...income, ...costs];
}

/** A strict reading of what budget-sie writes: every record one of the 4B labels it uses, well-formed, CRLF. */
const STRICT: Record<string, RegExp> = {
  "#FLAGGA": /^#FLAGGA [01]$/,
  "#PROGRAM": /^#PROGRAM "[^"]+" \S+$/,
  "#FORMAT": /^#FORMAT PC8$/,
  "#GEN": /^#GEN \d{8}$/,
  "#SIETYP": /^#SIETYP 2$/,
  "#FNAMN": /^#FNAMN "(?:[^"\\]|\\.)*"$/,
  "#RAR": /^#RAR 0 \d{8} \d{8}$/,
  "#KONTO": /^#KONTO \d{4} "(?:[^"\\]|\\.)*"$/,
  "#PBUDGET": /^#PBUDGET 0 \d{4}(0[1-9]|1[0-2]) \d{4} \{\} -?\d+(\.\d{2})?$/,
};

test("budget-sie: the example budget back into the ledger and read again gives the same figures", async () => {
  const map = onePerLine();
  const book = await writeXlsx("budget.xlsx", [TEMPLATES.budget(EXAMPLE_OPTIONS), kontoplan(map)]);
  const out = join(dir, "budget.se");
  const r = await run("budget-sie", book, "--year", "2021", "--out", out);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  const bytes = new Uint8Array(readFileSync(out));
  const text = Buffer.from(bytes).toString("latin1");
  expect(text.endsWith("\r\n")).toBe(true);
  for (const line of text.split("\r\n").filter(Boolean)) {
    const rule = STRICT[line.split(" ")[0]];
    expect([line, rule?.test(line)]).toEqual([line, true]);
  }
  const parsed = parseSie(bytes);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
  expect(parsed.file.companyName).toBe(EXAMPLE_OPTIONS.associationName);
  const read = periodOutcome(parsed.file, { source: "budget" });
  if (!read.ok) throw new Error();
  const mapped = mapOutcome(read.outcome.accounts, parsed.file, map);
  const { data } = budgetData(EXAMPLE_OPTIONS);
  const lines = [...data.income, ...data.costGroups.flatMap((g) => g.lines)];
  expect(mapped.rows.map((row) => [row.row, row.ore / 100_000])).toEqual(
    lines.map((l) => [l.label, l.amounts[0] + 0]),
  );
  expect(mapped.result / 100_000).toBe(-1146); // the board's 2021 result
  // Evenly by default: every month a twelfth of the year to the krona, the months adding up to the year.
  const account = map.find((m) => m.row === "Ungdomstorget")!.from;
  const months = parsed.file.pbudget.filter((p) => p.account === account);
  expect(months).toHaveLength(12);
  expect(months.reduce((a, p) => a + p.ore, 0)).toBe(3_200_000 * 100);
  for (const p of months) expect(Math.abs(p.ore - (3_200_000 * 100) / 12)).toBeLessThanOrEqual(100);
});

test("budget-sie: a profile spreads the year by its weights; the default map places nothing (exit 1, listed)", async () => {
  const book = await writeXlsx("budget2.xlsx", [TEMPLATES.budget(EXAMPLE_OPTIONS), kontoplan(onePerLine())]);
  const out = join(dir, "profil.se");
  const profile = "0,0,0,0,0,0,0,0,0,0,0,1";
  expect((await run("budget-sie", book, "--year", "2022", "--out", out, "--profile", profile)).code).toBe(0);
  const parsed = parseSie(new Uint8Array(readFileSync(out)));
  if (!parsed.ok) throw new Error();
  expect(new Set(parsed.file.pbudget.map((p) => p.period))).toEqual(new Set(["202212"]));
  const state = parsed.file.pbudget.find((p) => p.account === "3501")!;
  expect(state.ore).toBe(-BUDGET_2021_2023.income[0].amounts[1] * 100_000);

  const plain = await writeXlsx("plain.xlsx", [TEMPLATES.budget(EXAMPLE_OPTIONS)]);
  const r = await run("budget-sie", plain, "--year", "2021", "--out", join(dir, "p.se"));
  expect(r.code).toBe(1);
  expect(r.out).toMatch(/Ej placerad: Försäkringskassan \(inget konto i Kontoplan\)/);
  expect((await run("budget-sie", plain, "--year", "1999", "--out", join(dir, "q.se"))).code).toBe(2);
  expect((await run("budget-sie", plain, "--out", join(dir, "q.se"))).code).toBe(2);
  expect(
    (await run("budget-sie", plain, "--year", "2021", "--out", join(dir, "q.se"), "--profile", "1,2")).code,
  ).toBe(2);
});
