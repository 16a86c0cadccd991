import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/tools/cli";

const dir = mkdtempSync(join(tmpdir(), "finsam-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** The row of the sheet whose column A says `label`. */
function rowOf(ws: ExcelJS.Worksheet, label: string): number {
  let found = 0;
  ws.eachRow((row, r) => {
    if (!found && String(row.getCell(1).value ?? "").trim() === label) found = r;
  });
  if (!found) throw new Error(`no row ${label}`);
  return found;
}

describe("finsam command line", () => {
  const file = join(dir, "x.xlsx");

  test("export --template alla --exempel writes every sheet", async () => {
    const r = await run("export", "--template", "alla", "--exempel", "--out", file);
    expect(r).toEqual({
      code: 0,
      out: `Skrev ${file}: Budget, Utfall mot budget, Avgiftsfördelning, Social budget, Impactindex, Årsbokslut, Uppföljning, Kontoplan.`,
      err: "",
    });
  }, 30_000);

  test("the file opens with the .xlsx library: formulas with the 2021–2023 totals cached, formats, tables, validation", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const budget = book.getWorksheet("Budget")!;
    const cached = (label: string, column: string) => {
      const v = budget.getCell(`${column}${rowOf(budget, label)}`).value as ExcelJS.CellFormulaValue;
      return { formula: v.formula, result: v.result };
    };
    expect(cached("Summa intäkter", "C")).toEqual({
      formula: expect.stringMatching(/^SUM\(C\d+:C\d+\)$/),
      result: 11489,
    });
    expect(["C", "D", "E"].map((c) => cached("Resultat", c).result)).toEqual([-1146, -102, -9]);
    expect(["C", "D", "E"].map((c) => cached("Eget kapital vid årets slut", c).result)).toEqual([
      894, 792, 783,
    ]);
    // The ceiling in native formulas (readable without the add-in); FINSAM.EQUITYCAP checks it below.
    expect(cached("Rekommenderat tak (tkr)", "C")).toEqual({
      formula: expect.not.stringContaining("FINSAM"),
      result: 2056.85,
    });
    expect(cached("Taket = FINSAM.EQUITYCAP", "C")).toEqual({
      formula: expect.stringContaining("_xldudf_FINSAM_EQUITYCAP("),
      result: "OK",
    });
    expect(budget.getCell(`C${rowOf(budget, "Summa intäkter")}`).numFmt).toBe("#,##0;-#,##0;0");
    expect(budget.getCell(`C${rowOf(budget, "Försäkringskassan")}`).protection).toMatchObject({
      locked: false,
    });
    const social = book.getWorksheet("Social budget")!;
    expect(Object.keys((social as unknown as { tables: Record<string, unknown> }).tables)).toEqual([
      "FINSAM_Indikatorer",
    ]);
    const firstIndicator = (() => {
      let r = 0;
      social.eachRow((row, n) => {
        if (!r && row.getCell(4).value === "Vikt") r = n + 1;
      });
      return r;
    })();
    expect(social.getCell(`D${firstIndicator}`).dataValidation).toMatchObject({
      type: "whole",
      formulae: [1, 10],
    });
    const fees = book.getWorksheet("Avgiftsfördelning")!;
    const region = fees.getCell(`E${rowOf(fees, "Region Västerbotten")}`).value as ExcelJS.CellFormulaValue;
    expect(region.result).toBe(2845);
    expect(book.definedNames.model.map((n) => n.name)).toEqual(
      expect.arrayContaining(["FINSAM_Budget_Resultat", "FINSAM_Avgifter_Belopp"]),
    );
  });

  test("check on the exported file: no errors, exit 0", async () => {
    const r = await run("check", file);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const lines = r.out.split("\n");
    expect(lines[lines.length - 1]).toBe(`${file}: 7 FINSAM-blad, 0 fel, 0 varningar.`);
    // A line per statement: what was read and checked.
    expect(lines).toContain("Årsbokslut A18:G37: Balansräkning, 26 belopp lästa, 26 kontrollerade.");
  });

  test("a copy with one budget figure changed by hand: a finding on that cell, exit 1", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const budget = book.getWorksheet("Budget")!;
    const cell = `C${rowOf(budget, "Summa kansli och styrelse")}`;
    budget.getCell(cell).value = -2600; // typed over the formula
    const copy = join(dir, "changed.xlsx");
    await book.xlsx.writeFile(copy);
    const r = await run("check", copy);
    expect(r.code).toBe(1);
    expect(r.out.split("\n")[0]).toBe(
      `Budget!${cell}\tfel\tSumma kansli och styrelse (2021): -2 600 är inskrivet som ett tal där cellerna bredvid har formler; grannarna anger =SUM(C20:C27).`,
    );
    const json = JSON.parse((await run("check", copy, "--json")).out);
    expect(json.findings[0]).toMatchObject({ sheet: "Budget", cell, severity: "error", code: "typedOver" });
  });

  test("a file that cannot be read: a clear message, exit 2, no stack trace", async () => {
    const missing = await run("check", join(dir, "saknas.xlsx"));
    expect(missing.code).toBe(2);
    expect(missing.err).toBe(`Kan inte läsa ${join(dir, "saknas.xlsx")}: filen finns inte.`);
    const text = join(dir, "text.xlsx");
    writeFileSync(text, "inte ett kalkylblad");
    const bad = await run("check", text);
    expect(bad).toEqual({
      code: 2,
      out: "",
      err: `Kan inte läsa ${text}: inte en .xlsx-fil.`,
    });
    expect(bad.err).not.toMatch(/\bat \w+ \(/);
  });

  test("nothing recognised: exit 3, with why each sheet that looks like a statement was not read, in Swedish and English", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Medlemmar").addRows([
      ["Kommun", "Invånare"],
      ["Umeå", 130000],
    ]);
    book.addWorksheet("Blad1").addRows([
      ["Kostnader", "Belopp"],
      ["Arvoden", 200],
      ["Revision", 50],
      ["Summa", 250],
    ]);
    const other = join(dir, "annat.xlsx");
    await book.xlsx.writeFile(other);
    const sv = await run("check", other);
    expect(sv).toEqual({
      code: 3,
      out: [
        "Ej läst: Blad1 liknar en resultatuppställning (summarader med belopp) men har ingen rubrikrad som anger perioder (t.ex. Utfall, Budget, Prognos eller år), så den kontrollerades inte.",
        `${other}: inga FINSAM-blad eller uppställningar kändes igen, så inget kontrollerades.`,
      ].join("\n"),
      err: "",
    });
    const en = await run("check", other, "--lang", "en");
    expect(en.code).toBe(3);
    expect(en.out).toBe(
      [
        "Not read: Blad1 looks like a financial statement (sum rows with amounts) but has no header row naming periods (e.g. Actual, Budget, Forecast or years), so it was not checked.",
        `${other}: no FINSAM sheets or statements recognised, so nothing was checked.`,
      ].join("\n"),
    );
    expect(JSON.parse((await run("check", other, "--json")).out).notRead).toEqual([
      expect.objectContaining({ sheet: "Blad1", reason: "noPeriodHeader" }),
    ]);
  });

  test("usage, unknown template, English", async () => {
    expect((await run("export", "--template", "foo")).code).toBe(2);
    expect((await run("--help")).out).toMatch(/^Användning:/);
    expect((await run("check", file, "--lang", "en")).out.split("\n").pop()).toBe(
      `${file}: 7 FINSAM sheets, 0 errors, 0 warnings.`,
    );
    expect(readFileSync(file).subarray(0, 2).toString()).toBe("PK");
  });
});
