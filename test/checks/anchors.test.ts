import { checkWorkbook } from "../../src/checks";
import { ANCHOR_COLUMN } from "../../src/sheet/vocabulary";
import { EXAMPLE_OPTIONS, TEMPLATES } from "../../src/templates";
import { columnLetter } from "../../src/sheet/a1";
import { render } from "../helpers/headless";

/**
 * Issue 8: a sheet the add-in wrote is read through its anchors (the hidden role column), so a user may
 * rename its labels and insert rows and it is still checked.
 */
function editedBudget() {
  const t = render(TEMPLATES.budget(EXAMPLE_OPTIONS));
  const sheet = t.sheetName("budget");
  const id = t.wb.hf.getSheetId(sheet)!;
  // A new line inside Kansli och styrelse: the group's SUM formulas take it in.
  const rent = t.rowOf("budget", "Lokalhyra");
  t.wb.hf.addRows(id, [rent, 1]);
  const inserted = rent + 1;
  t.wb.setValues(sheet, [
    { address: `A${inserted}`, value: "   Städning" },
    { address: `C${inserted}`, value: -30 },
    { address: `D${inserted}`, value: -31 },
    { address: `E${inserted}`, value: -32 },
    // …and its allocation key, as the sheet asks (a new line without one is a finding: tested below).
    { address: `J${inserted}`, value: 1 },
    { address: `K${inserted}`, value: 0 },
    { address: `L${inserted}`, value: 0 },
  ]);
  // Labels in the association's own words, none of which the vocabulary knows as a sum or a result.
  const renamed: Record<string, string> = {
    "Summa intäkter": "Alla intäkter",
    "Summa kansli och styrelse": "Kansli, styrelse",
    "Summa kostnader": "Alla kostnader",
    Resultat: "Årets utfall",
  };
  const rows: Record<string, number> = {};
  for (const [from, to] of Object.entries(renamed)) {
    rows[to] = t.rowOf("budget", from);
    t.wb.setValue(sheet, `A${rows[to]}`, to);
  }
  return { t, sheet, rows };
}

describe("anchors", () => {
  test("a template sheet with edited labels and an inserted row is still recognised and checked", () => {
    const { t, sheet, rows } = editedBudget();
    expect(t.wb.value(sheet, `C${rows["Kansli, styrelse"]}`)).toBe(-2550); // the SUM took in the new line
    const clean = checkWorkbook([t.wb.sheetData(sheet)]);
    expect(clean.recognised).toEqual([{ sheet, kind: "budget", unit: "tkr" }]);
    expect(clean.findings).toEqual([]);

    // A wrong figure typed over the edited subtotal and over the result: found there, through the anchors.
    t.wb.setValue(sheet, `D${rows["Kansli, styrelse"]}`, -2000);
    t.wb.setValue(sheet, `E${rows["Årets utfall"]}`, 50);
    const { findings } = checkWorkbook([t.wb.sheetData(sheet)]);
    expect(findings.map((f) => `${f.code} ${f.cell}`)).toEqual([
      `sumMismatch D${rows["Kansli, styrelse"]}`,
      `resultMismatch E${rows["Årets utfall"]}`,
    ]);
  });

  test("the inserted line without a key is one finding, on that line", () => {
    const { t, sheet } = editedBudget();
    const row = t.rowOf("budget", "Städning");
    t.wb.setValues(
      sheet,
      ["J", "K", "L"].map((c) => ({ address: `${c}${row}`, value: null })),
    );
    const { findings } = checkWorkbook([t.wb.sheetData(sheet)]);
    expect(findings.map((f) => `${f.code} ${f.cell}`)).toEqual([`allocationMissing J${row}`]);
  });

  test("without its anchors the labels do not say sum, but the arithmetic of the other years does", () => {
    const { t, sheet, rows } = editedBudget();
    t.wb.setValue(sheet, `D${rows["Kansli, styrelse"]}`, -2000);
    const data = t.wb.sheetData(sheet);
    const anchorColumn = ANCHOR_COLUMN - 1;
    for (const row of data.values) if (row.length > anchorColumn) row[anchorColumn] = "";
    const { findings } = checkWorkbook([data]);
    // 2021 and 2023 are the sum of the group's lines: the row is a subtotal with one wrong figure, 2022.
    const found = findings.find((f) => f.cell === `D${rows["Kansli, styrelse"]}`);
    expect(found).toMatchObject({ severity: "error", code: "subtotalOneOff" });
    expect(found?.params).toMatchObject({ printed: -2000, sum: -2626 });
    expect(findings.filter((f) => f.code === "sumMismatch" || f.code === "resultMismatch")).toEqual([]);
    // Read as a subtotal, the group's row needs no allocation key (it was asked for one).
    expect(findings.map((f) => f.code)).not.toContain("allocationMissing");
  });

  test("the anchors are in a hidden column of every statement sheet the add-in writes", () => {
    const spec = TEMPLATES.budget(EXAMPLE_OPTIONS);
    for (const sheet of spec.sheets) {
      expect(sheet.hiddenColumns).toEqual([ANCHOR_COLUMN]);
      const anchors = sheet.cells.map((row) => row[ANCHOR_COLUMN - 1]?.value).filter(Boolean);
      expect(anchors).toContain("finsam:statement");
      expect(anchors).toContain("finsam:result");
    }
    expect(columnLetter(ANCHOR_COLUMN)).toBe("AD");
  });
});
