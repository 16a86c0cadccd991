import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EXAMPLE_OPTIONS } from "../../src/templates";
import { excelService } from "../../src/workbook/excelService";
import { planImport, readOutcome } from "../../src/sie/importOutcome";
import { FakeContext, FakeWorksheet } from "../helpers/fakeExcel";
import { DIR, expected } from "../sie/corpusData";

/**
 * The outcome import through Office.js, against the recording fake: two syncs to read, one to write; only the
 * outcome column and the status block are written; the protected sheet is opened and protected again.
 */
let context: FakeContext;
beforeEach(() => {
  context = new FakeContext();
  (globalThis as unknown as { Excel: unknown }).Excel = {
    run: <T>(fn: (c: unknown) => Promise<T>) => fn(context),
  };
});

test("the förbund's year into Utfall mot budget: one sync writes, nothing else is touched", async () => {
  const user = new FakeWorksheet("Mina siffror", context.workbook);
  user.cells.set("1,1", "Eget");
  context.workbook.sheetList.push(user);
  await excelService.insert(["budget"], EXAMPLE_OPTIONS);
  const read = readOutcome(new Uint8Array(readFileSync(join(DIR, "forbund-2023.se"))));
  if (!read.ok) throw new Error();
  const before = context.syncs;
  const writesBefore = context.workbook.writes.length;
  let syncsBeforeWrite = 0;
  const write = await excelService.writeOutcome((sheets) => {
    syncsBeforeWrite = context.syncs - before;
    const planned = planImport(read.read, "forbund-2023.se", sheets, expected["forbund-2023.se"].map);
    if (!planned.ok) throw new Error(JSON.stringify(planned.problem));
    return { sheet: planned.plan.sheet, cells: planned.plan.plan.cells, block: planned.plan.plan.block };
  });
  expect(write?.sheet).toBe("Utfall mot budget");
  expect(syncsBeforeWrite).toBe(2);
  expect(context.syncs - before).toBe(3); // one sync writes the outcome
  const writes = context.workbook.writes.slice(writesBefore);
  expect(new Set(writes.map((w) => w.sheet))).toEqual(new Set(["Utfall mot budget"]));
  const columns = writes.filter((w) => w.address).map((w) => /^([A-Z]+)/.exec(w.address)![1]);
  expect(new Set(columns)).toEqual(new Set(["B", "L"]));
  expect(writes.map((w) => w.property)).toEqual(expect.arrayContaining(["unprotect", "protect"]));
  expect(user.cells.get("1,1")).toBe("Eget");
  const outcome = context.workbook.sheetList.find((s) => s.name === "Utfall mot budget")!;
  expect(outcome.protected_).toBe(true);
  const resultCell = write!.cells[write!.cells.length - 1];
  expect(outcome.cells.get(`${resultCell.row},2`)).toBe(
    Math.round(expected["forbund-2023.se"].resultOre / 100_000),
  );
});

test("a plan that decides nothing writes nothing", async () => {
  await excelService.insert(["budget"], EXAMPLE_OPTIONS);
  const writes = context.workbook.writes.length;
  expect(await excelService.writeOutcome(() => null)).toBeNull();
  expect(context.workbook.writes.length).toBe(writes);
});
