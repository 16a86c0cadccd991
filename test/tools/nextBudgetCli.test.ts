import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/tools/cli";
import { readXlsx } from "../../src/workbook/xlsx/xlsxReader";

const dir = mkdtempSync(join(tmpdir(), "finsam-next-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("finsam next-budget", () => {
  const example = join(dir, "exempel.xlsx");
  const next = join(dir, "nasta.xlsx");
  beforeAll(async () => {
    expect((await run("export", "--template", "alla", "--exempel", "--out", example)).code).toBe(0);
  }, 30_000);

  test("writes the old sheets and the 2022–2024 proposal into a new file; the input file is left as it was", async () => {
    const before = readFileSync(example);
    const r = await run("next-budget", example, "--out", next, "--tilldelning", "5 800", "--index", "2,0");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Skrev ${next}: de gamla bladen och förslaget Budget 2022–2024.`);
    expect(r.out).toContain("Avgiftsnyckel: befolkningen i arbetsför ålder 2019-12-31");
    expect(readFileSync(example).equals(before)).toBe(true);

    const sheets = await readXlsx(readFileSync(next));
    const old = await readXlsx(before);
    expect(sheets.map((s) => s.name)).toEqual([...old.map((s) => s.name), "Budget 2022–2024"]);
    // The old sheets read back cell for cell as before.
    for (const s of old) expect(sheets.find((x) => x.name === s.name)?.values).toEqual(s.values);
    const proposal = sheets[sheets.length - 1];
    const row = (label: string) => proposal.values.find((v) => String(v[0]).trim() === label)!;
    const members = [
      "Umeå kommun",
      "Vännäs kommun",
      "Nordmaling kommun",
      "Vindeln kommun",
      "Robertsfors kommun",
      "Bjurholms kommun",
    ];
    expect(members.reduce((a, m) => a + (row(m)[2] as number), 0)).toBe(2900); // cached by the writer
    expect(row("Region Västerbotten").slice(2, 5)).toEqual([2900, 2900, 2900]);
    // The exported example has an interim report (Uppföljning) for 2021: its forecast equity is the start.
    expect(row("Eget kapital vid årets början")[2]).toBe(601);
    expect(row("Kanslipersonal").slice(2, 5)).toEqual([-1620, -1660, -1693]);

    expect((await run("check", next)).code).toBe(0);
  }, 60_000);

  test("without --tilldelning the old plan's figure is used and said; bad numbers and missing files are refused", async () => {
    const r = await run("next-budget", example, "--out", join(dir, "b.xlsx"));
    expect(r.code).toBe(0);
    expect(r.out).toContain("Statlig tilldelning 5 690 tkr ur den gamla planen");
    expect(await run("next-budget", example, "--tilldelning", "fem")).toMatchObject({
      code: 2,
      err: '--tilldelning: "fem" är inget tal.',
    });
    expect((await run("next-budget", join(dir, "finns-inte.xlsx"))).code).toBe(2);
    expect((await run("next-budget")).code).toBe(2);
    const same = await run("next-budget", example, "--out", example);
    expect(same.code).toBe(2);
    expect(statSync(example).size).toBeGreaterThan(0);
  }, 60_000);

  test("a workbook without a budget: exit 3 and why", async () => {
    const fees = join(dir, "avgifter.xlsx");
    await run("export", "--template", "avgifter", "--exempel", "--out", fees);
    const r = await run("next-budget", fees, "--out", join(dir, "c.xlsx"));
    expect(r).toMatchObject({
      code: 3,
      err: "Förslaget kunde inte skapas: Ingen budget med år som kolumner hittades i arbetsboken.",
    });
  }, 60_000);
});
