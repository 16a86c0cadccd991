import ExcelJS from "exceljs";
import { EXAMPLE_OPTIONS, TEMPLATE_IDS, TEMPLATES } from "../../src/templates";
import { HeadlessWorkbook } from "../../src/workbook/headless/headlessWorkbook";
import { templatesToXlsx } from "../../src/workbook/xlsx/xlsxWriter";
import { readXlsx, readXlsxFormulas } from "../../src/workbook/xlsx/xlsxReader";
import JSZip from "jszip";
import { checkWorkbook } from "../../src/checks";
import { fromFileSpelling, toFileSpelling } from "../../src/sheet/formulaSpelling";
import { columnLetter } from "../../src/sheet/a1";

/** Issue 15: the .xlsx reader keeps cached values exactly, and reads what the workbench shows. */
describe(".xlsx reader", () => {
  test("cached formula values round-trip exactly: 0, −0, tiny and huge numbers, booleans, errors, shared and array formulas", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("Celler");
    const cells: [string, ExcelJS.CellValue][] = [
      ["A1", { formula: "B1-C1", result: 0 }],
      ["A2", { formula: "B1*-1", result: -0 }],
      ["A3", { formula: "1E-300*1", result: 1e-300 }],
      ["A4", { formula: "1E+300*1", result: 1e300 }],
      ["A5", { formula: "B1>C1", result: false }],
      ["A6", { formula: "B1=C1", result: true }],
      ["A7", { formula: "1/0", result: { error: "#DIV/0!" } }],
      ["A8", { formula: "B1", result: -1234.5 }],
      ["A9", { sharedFormula: "A8", result: 0 } as ExcelJS.CellValue],
      ["A10", { formula: "SUM(B1:C1)", shareType: "array", ref: "A10", result: 0 } as ExcelJS.CellValue],
      ["A11", 0],
      ["A12", "text"],
    ];
    for (const [address, value] of cells) ws.getCell(address).value = value;
    const [sheet] = await readXlsx(Buffer.from(await book.xlsx.writeBuffer()));
    expect(sheet.values.map((row) => row[0])).toEqual([
      0,
      0,
      1e-300,
      1e300,
      false,
      true,
      "#DIV/0!",
      -1234.5,
      0,
      0,
      0,
      "text",
    ]);
  });

  test("the exported example workbook reads back as the workbench shows it, cell by cell", async () => {
    const specs = TEMPLATE_IDS.map((id) => TEMPLATES[id](EXAMPLE_OPTIONS));
    const { buffer } = await templatesToXlsx(specs);
    const read = await readXlsx(buffer);
    const engine = new HeadlessWorkbook();
    const names = specs.flatMap((spec) => Object.values(engine.insert(spec).sheets));
    expect(read.map((s) => s.name)).toEqual(names);
    let compared = 0;
    for (const sheet of read) {
      const shown = engine.sheetData(sheet.name).values;
      const rows = Math.max(shown.length, sheet.values.length);
      for (let r = 0; r < rows; r++) {
        const width = Math.max(shown[r]?.length ?? 0, sheet.values[r]?.length ?? 0);
        for (let c = 0; c < width; c++) {
          const a = shown[r]?.[c] ?? "";
          const b = sheet.values[r]?.[c] ?? "";
          compared++;
          if (typeof a === "number" && typeof b === "number")
            expect([sheet.name, r + 1, c + 1, b]).toEqual([sheet.name, r + 1, c + 1, expect.closeTo(a, 9)]);
          else expect([sheet.name, r + 1, c + 1, b]).toEqual([sheet.name, r + 1, c + 1, a]);
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  }, 30_000);
});

describe("custom functions in files: _xldudf_FINSAM_… as Excel writes them, FINSAM.… as users type them", () => {
  test("the two spellings convert both ways, string literals untouched, [n]! accepted", () => {
    const typed = '=IF(A1="FINSAM.GOALMET(x)",FINSAM.GOALMET(B2,C2),finsam.topshare(D2:D6,3))+SUM(E1)';
    const inFile = toFileSpelling(typed);
    expect(inFile).toBe(
      '=IF(A1="FINSAM.GOALMET(x)",_xldudf_FINSAM_GOALMET(B2,C2),_xldudf_FINSAM_TOPSHARE(D2:D6,3))+SUM(E1)',
    );
    expect(fromFileSpelling(inFile)).toBe(
      '=IF(A1="FINSAM.GOALMET(x)",FINSAM.GOALMET(B2,C2),FINSAM.TOPSHARE(D2:D6,3))+SUM(E1)',
    );
    expect(fromFileSpelling("=[1]!_xldudf_FINSAM_CHECKSUM(A1:A3,A4)")).toBe("=FINSAM.CHECKSUM(A1:A3,A4)");
    expect(toFileSpelling("=XFINSAM.GOALMET(1)")).toBe("=XFINSAM.GOALMET(1)");
  });

  test("the headless engine evaluates both spellings", () => {
    const engine = new HeadlessWorkbook();
    engine.addUserSheet("Blad1", [
      [1, 2, 7, 20, 10],
      [
        "=_xldudf_FINSAM_TOPSHARE(A1:E1,3)",
        "=[1]!_xldudf_FINSAM_TOPSHARE(A1:E1,3)",
        "=FINSAM.TOPSHARE(A1:E1,3)",
      ],
    ]);
    expect(engine.values("Blad1", "A2:C2")).toEqual([[0.925, 0.925, 0.925]]);
  });

  test("finsam export writes Excel's spelling, and the file recalculates to its cached values in the engine", async () => {
    const specs = TEMPLATE_IDS.map((id) => TEMPLATES[id](EXAMPLE_OPTIONS));
    const { buffer } = await templatesToXlsx(specs);
    const zip = await JSZip.loadAsync(buffer);
    const xml = (
      await Promise.all(
        Object.keys(zip.files)
          .filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))
          .map((f) => zip.file(f)!.async("string")),
      )
    ).join("");
    expect(xml).toContain("_xldudf_FINSAM_EQUITYCAP(");
    expect(xml).toContain("_xldudf_FINSAM_IMPACTINDEX(");
    expect(xml).not.toMatch(/[^_]FINSAM\.[A-Z]+\(/);

    const engine = new HeadlessWorkbook();
    engine.addUserSheets(await readXlsxFormulas(buffer));
    const cached = await readXlsx(buffer);
    let formulas = 0;
    for (const sheet of cached)
      sheet.values.forEach((row, r) =>
        row.forEach((v, c) => {
          const address = `${columnLetter(c + 1)}${r + 1}`;
          const now = engine.value(sheet.name, address) ?? "";
          if (engine.formula(sheet.name, address)?.includes("FINSAM.")) formulas++;
          if (typeof v === "number")
            expect([sheet.name, address, now]).toEqual([sheet.name, address, expect.closeTo(v, 9)]);
        }),
      );
    expect(formulas).toBeGreaterThan(30); // the checks: the figures themselves are native formulas now
  }, 30_000);

  test("finsam check reads a file in either spelling the same", async () => {
    const { buffer } = await templatesToXlsx([TEMPLATES.budget(EXAMPLE_OPTIONS)]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    book.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula && cell.formula?.includes("_xldudf_"))
            cell.value = {
              formula: fromFileSpelling(`=${cell.formula}`).slice(1),
              result: cell.result,
            } as ExcelJS.CellFormulaValue;
        }),
      ),
    );
    const dotted = Buffer.from(await book.xlsx.writeBuffer());
    expect(checkWorkbook(await readXlsx(dotted))).toEqual(checkWorkbook(await readXlsx(buffer)));
  });
});
