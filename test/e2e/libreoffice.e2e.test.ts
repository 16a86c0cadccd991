/**
 * The exported example in an independent spreadsheet program: LibreOffice (Debian's libreoffice-calc)
 * recalculates every formula of `finsam export --template alla --exempel` and prints it. A member without the
 * add-in must see the same figures as we cached: no native formula may be an error or another number (only the
 * FINSAM.* cells, the checks, are #NAME? there). Every sheet carries its page setup, and the Budget prints its
 * three years with their labels on one page wide. Skipped with a warning where LibreOffice is missing; in CI
 * (CI=true) a missing LibreOffice fails, as the browser tests do without Chromium.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { isErrorValue } from "../../src/sheet/sheetData";
import { EXAMPLE_OPTIONS, TEMPLATE_IDS, TEMPLATES } from "../../src/templates";
import { templatesToXlsx } from "../../src/workbook/xlsx/xlsxWriter";
import { readXlsx, readXlsxFormulas } from "../../src/workbook/xlsx/xlsxReader";

const SOFFICE = "/usr/bin/soffice";
const available = existsSync(SOFFICE) && existsSync("/usr/bin/pdftotext");
if (!available && process.env.CI)
  throw new Error(
    `${SOFFICE} or pdftotext is missing: CI must install them (apt-get install -y libreoffice-calc poppler-utils)`,
  );
if (!available)
  console.warn(
    `LibreOffice tests skipped: ${SOFFICE} or pdftotext not found (apt-get install -y libreoffice-calc poppler-utils).`,
  );
const describeLibreOffice = available ? describe : describe.skip;

const dir = mkdtempSync(join(tmpdir(), "finsam-lo-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A profile of our own that makes LibreOffice recalculate every formula of an .xlsx on load (always). */
function profile(): string {
  const home = join(dir, "profile");
  mkdirSync(join(home, "user"), { recursive: true });
  writeFileSync(
    join(home, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return `file://${home}`;
}

function convert(file: string, to: "xlsx" | "pdf", out: string): string {
  mkdirSync(out, { recursive: true });
  execFileSync(
    SOFFICE,
    [`-env:UserInstallation=${profile()}`, "--headless", "--convert-to", to, "--outdir", out, file],
    {
      stdio: "ignore",
      timeout: 120_000,
    },
  );
  const result = join(out, file.replace(/^.*\//, "").replace(/\.xlsx$/, `.${to}`));
  if (!existsSync(result)) throw new Error(`LibreOffice wrote no ${result}`);
  return result;
}

const CUSTOM = /_xldudf_FINSAM_|FINSAM\./i;
/** The cached value we poison: the Budget's Summa intäkter 2021 (11 489 tkr), a native SUM. */
const POISON = {
  sheet: "xl/worksheets/sheet1.xml",
  from: /(<c r="C16"[^>]*><f>SUM\(C7:C15\)<\/f><v>)11489(<\/v>)/,
};

describeLibreOffice("the exported example in LibreOffice", () => {
  let original: Buffer;
  let recalculated: Awaited<ReturnType<typeof readXlsx>>;
  beforeAll(async () => {
    original = (await templatesToXlsx(TEMPLATE_IDS.map((id) => TEMPLATES[id](EXAMPLE_OPTIONS)))).buffer;
    const zip = await JSZip.loadAsync(original);
    const xml = await zip.file(POISON.sheet)!.async("string");
    expect(xml).toMatch(POISON.from);
    zip.file(POISON.sheet, xml.replace(POISON.from, "$199999$2"));
    const poisoned = join(dir, "exempel.xlsx");
    writeFileSync(poisoned, await zip.generateAsync({ type: "nodebuffer" }));
    recalculated = await readXlsx(readFileSync(convert(poisoned, "xlsx", join(dir, "recalculated"))));
  }, 180_000);

  test("it recalculated: the poisoned cached value comes back as the sum", () => {
    const budget = recalculated.find((s) => s.name === "Budget")!;
    expect(budget.values[15][2]).toBe(11489);
  });

  test("no native formula cell is an error or another number than we cached", async () => {
    const formulas = await readXlsxFormulas(original);
    const cached = await readXlsx(original);
    const wrong: string[] = [];
    let compared = 0;
    for (const sheet of formulas) {
      const ours = cached.find((s) => s.name === sheet.name)!;
      const theirs = recalculated.find((s) => s.name === sheet.name);
      if (!theirs) throw new Error(`LibreOffice lost the sheet ${sheet.name}`);
      sheet.rows.forEach((row, r) =>
        row.forEach((f, c) => {
          if (typeof f !== "string" || !f.startsWith("=") || CUSTOM.test(f)) return;
          compared++;
          const [a, b] = [ours.values[r]?.[c], theirs.values[r]?.[c]];
          const same =
            typeof a === "number" && typeof b === "number"
              ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a))
              : (a ?? "") === (b ?? "");
          if (isErrorValue(b) || !same)
            wrong.push(
              `${sheet.name}!R${r + 1}C${c + 1} ${f}: ours ${JSON.stringify(a)}, LibreOffice ${JSON.stringify(b)}`,
            );
        }),
      );
    }
    expect(compared).toBeGreaterThan(500);
    expect(wrong).toEqual([]);
  });

  test("every sheet has fit-to-page, a print area and print titles", async () => {
    const zip = await JSZip.loadAsync(original);
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    // Every sheet of every template (Budget and Utfall mot budget, Uppföljning and Kontoplan, …).
    const expected = TEMPLATE_IDS.reduce((n, id) => n + TEMPLATES[id](EXAMPLE_OPTIONS).sheets.length, 0);
    expect(sheets).toHaveLength(expected);
    for (const f of sheets) {
      const xml = await zip.file(f)!.async("string");
      expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
      expect(xml).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*fitToWidth="1" fitToHeight="0"/);
      expect(xml).toMatch(/<oddFooter>&amp;LSida &amp;P av &amp;N&amp;R&amp;D<\/oddFooter>/);
      const id = Number(/sheet(\d+)\.xml$/.exec(f)![1]) - 1;
      expect(workbook).toMatch(
        new RegExp(`_xlnm.Print_Area" localSheetId="${id}">[^<]*\\$[A-Z]+\\$1:\\$[A-Z]+\\$\\d+<`),
      );
      expect(workbook).toMatch(new RegExp(`_xlnm.Print_Titles" localSheetId="${id}">`));
    }
  });

  test("the Budget prints its three years with their labels on one page wide", async () => {
    const file = join(dir, "budget.xlsx");
    writeFileSync(file, (await templatesToXlsx([TEMPLATES.budget(EXAMPLE_OPTIONS)])).buffer);
    const pdf = convert(file, "pdf", join(dir, "pdf"));
    const first = execFileSync("pdftotext", ["-layout", "-f", "1", "-l", "1", pdf, "-"], {
      encoding: "utf8",
    });
    expect(first).toMatch(/2021\s+2022\s+2023/);
    expect(first).toMatch(/Försäkringskassan\s+5[ ,.\u00a0]?690\s+5[ ,.\u00a0]?690\s+5[ ,.\u00a0]?690/);
    expect(first).toMatch(/Summa intäkter\s+11[ ,.\u00a0]?489\s+11[ ,.\u00a0]?493\s+11[ ,.\u00a0]?496/);
    // The allocation keys are not printed; the header names the association and the sheet.
    expect(first).not.toMatch(/Strukturövergripande\s+Individinriktade\s+Andelar/);
    expect(first).toContain("Samordningsförbundet Umeåregionen");
    expect(first).toMatch(/Sida 1 av \d+/);
    const all = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    // Every page that shows the year columns shows the row labels too (the label column is repeated).
    for (const page of all.split("\f").filter((p) => /2021\s+2022\s+2023/.test(p)))
      expect(page).toMatch(/Budget 2021–2023/);
  }, 120_000);
});
