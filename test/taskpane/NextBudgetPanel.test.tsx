/** @jest-environment jsdom */
import "../helpers/jsdom";
import * as React from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { messages } from "../../src/i18n";
import { NextBudgetPanel } from "../../src/taskpane/NextBudgetPanel";
import { EXAMPLE_OPTIONS, TEMPLATE_IDS, TEMPLATES } from "../../src/templates";
import { excelService } from "../../src/workbook/excelService";
import { HeadlessWorkbook } from "../../src/workbook/headless/headlessWorkbook";
import { FakeContext } from "../helpers/fakeExcel";

/**
 * Ny budgetomgång in the pane against the recording fake of Excel: the example workbook is inserted first (as
 * a user would have it, every figure computed), then the panel reads it and inserts the proposal — new sheets
 * only, two syncs.
 */
let context: FakeContext;
beforeEach(() => {
  // The example workbook as Excel would show it: every formula computed (by the headless engine).
  const engine = new HeadlessWorkbook();
  for (const id of TEMPLATE_IDS) engine.insert(TEMPLATES[id](EXAMPLE_OPTIONS));
  const sheets: Record<string, Record<string, unknown>> = {};
  for (const name of engine.sheetNames()) {
    const cells: Record<string, unknown> = {};
    engine.sheetData(name).values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== "" && v !== null && v !== undefined) cells[`${r + 1},${c + 1}`] = v;
      }),
    );
    sheets[name] = cells;
  }
  context = FakeContext.withUserContent({ sheets, tables: [], names: [] });
  (globalThis as unknown as { Excel: unknown }).Excel = {
    run: <T,>(fn: (c: unknown) => Promise<T>) => fn(context),
  };
});

function renderPanel() {
  render(
    <FluentProvider theme={webLightTheme}>
      <NextBudgetPanel t={messages("sv")} service={excelService} />
    </FluentProvider>,
  );
  return {
    allotment: screen.getByLabelText("Statlig tilldelning för de nya åren (tkr)") as HTMLInputElement,
    run: screen.getByRole("button", { name: "Skapa budgetförslag" }),
  };
}

test("reads the example, inserts Budget 2022–2024 in two syncs, changes no cell of the old sheets", async () => {
  const { allotment, run } = renderPanel();
  const before = new Map(context.workbook.sheetList.map((ws) => [ws.name, new Map(ws.cells)]));
  const writesBefore = context.workbook.writes.length;
  fireEvent.change(allotment, { target: { value: "5 800" } });
  const syncsBefore = context.syncs;
  let insertSyncs = 0;
  context.beforeSync = (n) => {
    // The read is the first Excel.run (three syncs: the names, the used ranges' sizes, the blocks); the
    // insert the second.
    if (n > syncsBefore + 3) insertSyncs++;
  };
  await act(async () => fireEvent.click(run));
  const result = await screen.findByTestId("next-budget-result");
  expect(result.textContent).toContain("Förslaget finns på bladet Budget 2022–2024.");
  expect(result.textContent).toContain("befolkningen i arbetsför ålder 2019-12-31");
  expect(insertSyncs).toBeLessThanOrEqual(2);
  const sheet = context.workbook.sheetList.find((ws) => ws.name === "Budget 2022–2024")!;
  expect(sheet).toBeDefined();
  // Every write of the insert went to the new sheet; the old sheets' cells are as they were.
  const writes = context.workbook.writes.slice(writesBefore);
  expect(new Set(writes.map((w) => w.sheet))).toEqual(new Set(["Budget 2022–2024"]));
  for (const [name, cells] of before)
    expect(new Map(context.workbook.sheetList.find((ws) => ws.name === name)!.cells)).toEqual(cells);
  // Printed for the board like every template: one page wide, titles repeated.
  const layout = writes.filter((w) => w.property.startsWith("pageLayout.")).map((w) => [w.property, w.value]);
  expect(layout).toEqual(
    expect.arrayContaining([
      ["pageLayout.zoom", { horizontalFitToPages: 1, verticalFitToPages: 0 }],
      ["pageLayout.setPrintTitleRows", "$1:$5"],
      ["pageLayout.setPrintTitleColumns", "$A:$A"],
    ]),
  );
});

test("an ambiguous allotment is refused with both readings, only once the field is left; nothing is read", async () => {
  const { allotment, run } = renderPanel();
  expect(screen.queryByText(/kan läsas som/)).toBeNull();
  fireEvent.change(allotment, { target: { value: "5.690" } });
  expect(screen.queryByText(/kan läsas som/)).toBeNull();
  fireEvent.blur(allotment);
  expect(screen.getByText(/"5.690" kan läsas som 5 690 eller 5,69/)).toBeTruthy();
  const syncs = context.syncs;
  await act(async () => fireEvent.click(run));
  expect(context.syncs).toBe(syncs);
});

test("pressing the button with nothing typed shows what is missing", async () => {
  const { run } = renderPanel();
  expect(screen.queryByText("Fyll i fältet.")).toBeNull();
  await act(async () => fireEvent.click(run));
  expect(screen.getByText("Fyll i fältet.")).toBeTruthy();
});
