/** @jest-environment jsdom */
import "../helpers/jsdom";
import * as React from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { EXAMPLE_OPTIONS } from "../../src/templates";
import { displayValue } from "../../src/workbench/format";
import { HeadlessService } from "../../src/workbench/headlessService";
import { Workbench } from "../../src/workbench/Workbench";

/** The workbench in jsdom: the grid follows the headless workbook, and typing in a yellow cell recalculates. */
test("insert, select a cell, type a new value: the split follows", async () => {
  const service = new HeadlessService();
  const { container } = render(
    <FluentProvider theme={webLightTheme}>
      <Workbench service={service} />
    </FluentProvider>,
  );
  expect(screen.getByText("Inga blad ännu: infoga en mall i panelen till vänster.")).toBeTruthy();
  await act(async () => {
    await service.insert(["avgifter"], EXAMPLE_OPTIONS);
  });
  const grid = within(container.querySelector('table[data-sheet="Avgiftsfördelning"]') as HTMLElement);
  const rowOf = (label: string, nth = 0) =>
    grid.getAllByText(label)[nth].closest("tr") as HTMLTableRowElement;
  const cell = (label: string, column: string, nth = 0) =>
    rowOf(label, nth).querySelector(`td[data-address^="${column}"]`) as HTMLElement;
  expect(cell("Region Västerbotten", "E").textContent).toBe("2 845");
  // The allotment is an input: select it, type, press Ange.
  fireEvent.click(cell("Statlig tilldelning (tkr)", "B"));
  expect(screen.getByTestId("selected-address").textContent).toMatch(/^Avgiftsfördelning!B\d+$/);
  fireEvent.change(screen.getByRole("textbox", { name: "Cellens innehåll" }), { target: { value: "6 001" } });
  fireEvent.click(screen.getByRole("button", { name: "Ange" }));
  expect(cell("Region Västerbotten", "E").textContent).toBe("3 001");
  // A computed cell cannot be typed into.
  fireEvent.click(cell("Region Västerbotten", "E"));
  expect((screen.getByRole("button", { name: "Ange" }) as HTMLButtonElement).disabled).toBe(true);
  // Another sheet by its tab.
  await act(async () => {
    await service.insert(["socialbudget"], EXAMPLE_OPTIONS);
  });
  fireEvent.click(screen.getByRole("tab", { name: "Social budget" }));
  expect(container.querySelector('table[data-sheet="Social budget"]')).toBeTruthy();
});

test.each([
  [1234.5, "#,##0.00;-#,##0.00;0", "1 234,50"],
  [-12635, "#,##0;-#,##0;0", "-12 635"],
  [0, "#,##0;-#,##0;0", "0"],
  [0.416, "0.0%", "41,6 %"],
  [43830, "yyyy-mm-dd", "2019-12-31"],
  [3.5, "+0.0;-0.0;0.0", "+3,5"],
  [-3.5, "+0.0;-0.0;0.0", "-3,5"],
  [true, "General", "SANT"],
  [{ error: "#VALUE!", message: "x" }, "General", "#VALUE!"],
  ["text", "@", "text"],
  [null, "General", ""],
])("displayValue(%p, %p) = %p, as Swedish Excel shows it", (value, format, shown) => {
  expect(displayValue(value, format)).toBe(shown);
});
