import { checkWorkbook } from "../../src/checks";
import { EXAMPLE_OPTIONS } from "../../src/templates";
import { EXCEL_READ, excelService, readInBlocks, type ReadContext } from "../../src/workbook/excelService";
import { messages } from "../../src/i18n";
import { readNoteText } from "../../src/workbook/readNotes";
import { readStored, toStored } from "../../src/workbook/storedOptions";
import { FakeContext, FakeWorksheet } from "../helpers/fakeExcel";

/**
 * The one module that talks to Excel, against the recording fake: Excel.run hands it the fake context, and
 * Office's document settings are a small fake of their own whose save can fail.
 */
let context: FakeContext;
let settings: { store: Map<string, unknown>; fail: boolean };

beforeEach(() => {
  context = new FakeContext();
  settings = { store: new Map(), fail: false };
  const g = globalThis as unknown as { Excel: unknown; Office: unknown };
  g.Excel = { run: <T>(fn: (c: unknown) => Promise<T>) => fn(context) };
  g.Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      document: {
        settings: {
          get: (key: string) => settings.store.get(key) ?? null,
          set: (key: string, value: unknown) => settings.store.set(key, value),
          saveAsync: (callback: (r: { status: string; error?: Error }) => void) =>
            setTimeout(() =>
              callback(
                settings.fail
                  ? { status: "failed", error: new Error("Dokumentet är skrivskyddat.") }
                  : { status: "succeeded" },
              ),
            ),
        },
      },
    },
  };
});

function sheet(name: string, cells: Record<string, unknown>): FakeWorksheet {
  const ws = new FakeWorksheet(name, context.workbook);
  for (const [key, value] of Object.entries(cells)) ws.cells.set(key, value);
  context.workbook.sheetList.push(ws);
  return ws;
}

test("readSheets: each sheet's used range with where it starts; an empty sheet is left out", async () => {
  // A statement typed from C5 (row 5, column 3): the used range does not start at A1.
  sheet("Blad1", {
    "5,3": "Resultaträkning (tkr)",
    "6,4": "Utfall 2023",
    "7,3": "Summa intäkter",
    "7,4": 100,
  });
  sheet("Tomt", {});
  const sheets = await excelService.readSheets();
  expect(sheets).toEqual([
    {
      name: "Blad1",
      origin: { row: 5, column: 3 },
      values: [
        ["Resultaträkning (tkr)", ""],
        ["", "Utfall 2023"],
        ["Summa intäkter", 100],
      ],
    },
  ]);
  // The names, then every used range's address and size, then the values and formulas (issue 20: one
  // request for every sheet's whole used range was more than Excel on the web answers).
  expect(context.syncs).toBe(3);
});

test("readSheets feeds the check, which names cells where they are on the sheet", async () => {
  sheet("Blad1", {
    "5,3": "Driftsredovisning (tkr)",
    "6,4": "Utfall 2023",
    "6,5": "Budget 2023",
    "7,3": "Intäkter",
    "8,3": "Försäkringskassan",
    "8,4": 100,
    "8,5": 100,
    "9,3": "Region Västerbotten",
    "9,4": 50,
    "9,5": 50,
    "10,3": "Summa intäkter",
    "10,4": 160,
    "10,5": 150,
  });
  const { findings } = checkWorkbook(await excelService.readSheets());
  expect(findings.map((f) => [f.code, f.cell])).toEqual([["sumMismatch", "D10"]]);
});

describe("within Excel's limits (issue 20): Excel on the web answers a request with at most about 5 MB", () => {
  const FIVE_MB = 5 * 1024 * 1024;
  const budget = () =>
    sheet("Budget", {
      "1,1": "Driftsredovisning (tkr)",
      "2,2": "Utfall 2023",
      "2,3": "Budget 2023",
      "3,1": "Försäkringskassan",
      "3,2": 100,
      "3,3": 100,
      "4,1": "Region Västerbotten",
      "4,2": 50,
      "4,3": 50,
      "5,1": "Summa intäkter",
      "5,2": "=SUM(B3:B4)",
      "5,3": 150,
    }).results.set("5,2", 160);
  const ledger = (name: string, rows: number, columns: number) => {
    const ws = sheet(name, {});
    for (let r = 1; r <= rows; r++)
      for (let c = 1; c <= columns; c++)
        ws.cells.set(`${r},${c}`, c === 1 ? `Verifikation ${r}` : r * c + 0.25);
    return ws;
  };

  test("a 50 000-row sheet beside the budget: the budget is checked, the large sheet gets its note", async () => {
    budget();
    ledger("Huvudbok", 50_000, 12);
    context.requestBytes = FIVE_MB;
    const read = await excelService.readWorkbook!();
    expect(read.sheets.map((s) => s.name)).toEqual(["Budget"]);
    expect(read.sheets[0].formulas?.[4][1]).toBe("=SUM(B3:B4)");
    expect(read.notes).toEqual([
      { kind: "sheetTooLargeInExcel", sheet: "Huvudbok", cells: 600_000, limit: EXCEL_READ.sheetCells },
    ]);
    expect(readNoteText(messages("sv"), read.notes[0])).toBe(
      "Huvudbok har 600 000 celler i sitt använda område; högst 500 000 läses per blad, så bladet kontrollerades inte.",
    );
    const { findings } = checkWorkbook(read.sheets);
    // The wrong cached sum is an error; the budget's total typed beside a formula is a warning (it is right).
    expect(findings.map((f) => [f.severity, f.code, f.cell])).toEqual([
      ["error", "sumMismatch", "B5"],
      ["warning", "typedOver", "C5"],
    ]);
    expect(context.largestAnswer).toBeLessThanOrEqual(FIVE_MB);
  });

  test("a 30 000-row ledger that fits is read in blocks, each request's answer under the limit", async () => {
    budget();
    const ws = ledger("Huvudbok", 30_000, 10);
    context.requestBytes = FIVE_MB;
    // The whole used range in one request, as the pane read it before, is more than Excel answers.
    const all = 2 * JSON.stringify([...ws.cells.values()]).length; // values and formulas
    expect(all).toBeGreaterThan(FIVE_MB);
    const read = await excelService.readWorkbook!();
    expect(read.notes).toEqual([]);
    const rows = read.sheets.find((s) => s.name === "Huvudbok")!.values;
    expect(rows).toHaveLength(30_000);
    expect(rows[29_999]).toEqual([
      "Verifikation 30000",
      ...[2, 3, 4, 5, 6, 7, 8, 9, 10].map((c) => 30_000 * c + 0.25),
    ]);
    expect(context.largestAnswer).toBeLessThanOrEqual(FIVE_MB);
    expect(context.syncs).toBeGreaterThan(3);
  });

  test("a request that fails costs only its sheets, each with a note; the rest is checked", async () => {
    budget();
    ledger("Export", 100, 3);
    context.beforeSync = (n) => {
      if (n === 4)
        context.requestBytes = 10; // the second block's request fails
      else context.requestBytes = null;
    };
    const read = await readInBlocks(context as unknown as ReadContext, { ...EXCEL_READ, requestCells: 200 });
    expect(read.sheets.map((s) => s.name)).toEqual(["Budget"]);
    expect(read.notes).toEqual([{ kind: "sheetFailedInExcel", sheet: "Export" }]);
  });
});

test("select: activates the sheet and selects the cell", async () => {
  sheet("Budget", { "1,1": "Budget 2021–2023" });
  await excelService.select("Budget", "C12");
  expect(context.workbook.active).toBe("Budget");
  expect(context.workbook.selected).toBe("Budget!C12");
});

test("options: saved under the add-in's key in the versioned form, and read back as stored", async () => {
  await excelService.saveOptions(EXAMPLE_OPTIONS);
  expect(settings.store.get("finsam.options")).toEqual(toStored(EXAMPLE_OPTIONS));
  expect(readStored(await excelService.loadOptions())).toEqual({ options: EXAMPLE_OPTIONS, problem: null });
});

test("stale settings from another version come back raw, and are ignored with a note, never cast", async () => {
  settings.store.set("finsam.options", { version: 99, options: { anything: true } });
  expect(readStored(await excelService.loadOptions())).toEqual({ options: null, problem: "unknownVersion" });
  settings.store.set("finsam.options", "en sträng");
  expect(readStored(await excelService.loadOptions())).toEqual({ options: null, problem: "invalid" });
  settings.store.clear();
  expect(readStored(await excelService.loadOptions())).toEqual({ options: null, problem: null });
});

test("a failed save rejects with Office's error (the pane ignores it: the insert itself is done)", async () => {
  settings.fail = true;
  await expect(excelService.saveOptions(EXAMPLE_OPTIONS)).rejects.toThrow("Dokumentet är skrivskyddat.");
});

test("insert: one template after another in one Excel.run, with progress", async () => {
  const progress: [number, number][] = [];
  const results = await excelService.insert(["avgifter", "socialbudget"], EXAMPLE_OPTIONS, (done, total) =>
    progress.push([done, total]),
  );
  expect(results.map((r) => r.sheets)).toEqual([["Avgiftsfördelning"], ["Social budget"]]);
  expect(progress).toEqual([
    [1, 2],
    [2, 2],
  ]);
  expect(context.workbook.sheetList.map((s) => s.name)).toEqual(["Avgiftsfördelning", "Social budget"]);
});
