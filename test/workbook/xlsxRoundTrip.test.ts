import ExcelJS from "exceljs";
import { EXAMPLE_OPTIONS, TEMPLATE_IDS, TEMPLATES } from "../../src/templates";
import { HeadlessWorkbook } from "../../src/workbook/headless/headlessWorkbook";
import { templatesToXlsx } from "../../src/workbook/xlsx/xlsxWriter";
import { readXlsx } from "../../src/workbook/xlsx/xlsxReader";

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
