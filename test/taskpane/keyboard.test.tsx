/** @jest-environment jsdom */
import "../helpers/jsdom";
// What the pane loads on first need, loaded up front: a dynamic import then resolves at once.
import "../../src/checks";
import "../../src/taskpane/populationImporter";
import * as React from "react";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { blankOptions, EXAMPLE_OPTIONS, type TemplateId } from "../../src/templates";
import type { WorkbookService } from "../../src/workbook/service";
import type { InsertResult } from "../../src/workbook/placement";
import { toStored } from "../../src/workbook/storedOptions";

// The pane below the gallery is a chunk loaded after the first paint: loaded (and transpiled) once here, so
// that a slow machine under coverage does not outwait the tests' timeouts.
beforeAll(() => import("../../src/taskpane/PaneBody"), 60_000);

/**
 * The pane by keyboard alone, with user-event: Tab order, arrow keys in the gallery, focus after insert.
 * Fluent's focus manager (tabster) moves focus only to elements it sees laid out; jsdom lays nothing out, so
 * every element here reports a small box, as a browser would.
 */
beforeAll(() => {
  // and CSS.escape, which user-event's radio arrows use.
  (globalThis as unknown as { CSS: unknown }).CSS ??= {
    escape: (v: string) => v.replace(/["\\\]]/g, "\\$&"),
  };
  Object.defineProperty(HTMLElement.prototype, "offsetParent", {
    configurable: true,
    get() {
      return this.parentElement;
    },
  });
  HTMLElement.prototype.getBoundingClientRect = () =>
    ({
      x: 0,
      y: 0,
      top: 0,
      left: 0,
      bottom: 10,
      right: 10,
      width: 10,
      height: 10,
      toJSON: () => ({}),
    }) as DOMRect;
  HTMLElement.prototype.getClientRects = function () {
    return [this.getBoundingClientRect()] as unknown as DOMRectList;
  };
});

function service(): jest.Mocked<WorkbookService> {
  return {
    insert: jest.fn(async (ids: TemplateId[]): Promise<InsertResult[]> =>
      ids.map((id) => ({ template: id, sheets: ["Budget"], tables: [], names: [], renamed: [] })),
    ),
    readSheets: jest.fn(async () => []),
    select: jest.fn(async () => undefined),
    loadOptions: jest.fn(async () =>
      toStored({
        ...blankOptions(),
        municipalities: EXAMPLE_OPTIONS.municipalities.map((m) => ({ name: m.name, population: null })),
      }),
    ),
    saveOptions: jest.fn(async () => undefined),
  } as unknown as jest.Mocked<WorkbookService>;
}

async function renderPane() {
  const s = service();
  render(
    <FluentProvider theme={webLightTheme}>
      <App service={s} initialLocale="sv" insideOffice={true} />
    </FluentProvider>,
  );
  await screen.findByText("Kommunkod 2480");
  return s;
}

const nameOf = (el: Element | null) =>
  el?.getAttribute("aria-label") ||
  (el?.id && document.querySelector(`label[for="${el.id}"]`)?.textContent) ||
  (el instanceof HTMLInputElement && el.closest("label")?.textContent) ||
  el?.textContent?.trim() ||
  "";

test("Tab goes through the pane top to bottom: language, the chosen template, content, the fields", async () => {
  const user = userEvent.setup();
  await renderPane();
  const stops: string[] = [];
  for (let i = 0; i < 7; i++) {
    await user.tab();
    stops.push(nameOf(document.activeElement));
  }
  expect(stops).toEqual([
    "English – byt språk till engelska",
    expect.stringMatching(/^Budget/), // one stop for the whole gallery: the chosen template
    "Tomt", // one stop for the content choice
    "Förbundets namn",
    "Första budgetår",
    "Region",
    "Statlig tilldelning (tkr)",
  ]);
});

test("arrow keys move between the templates, and Insert follows the choice", async () => {
  const user = userEvent.setup();
  await renderPane();
  await user.tab();
  await user.tab();
  expect(nameOf(document.activeElement)).toMatch(/^Budget/);
  await user.keyboard("{ArrowDown}");
  expect(nameOf(document.activeElement)).toMatch(/^Avgiftsfördelning/);
  expect(screen.getByRole("button", { name: "Infoga Avgiftsfördelning" })).toBeTruthy();
  await user.keyboard("{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}");
  expect(screen.getByRole("button", { name: "Infoga Budget" })).toBeTruthy(); // round again
  await user.keyboard("{ArrowUp}");
  expect(screen.getByRole("button", { name: "Infoga Uppföljning" })).toBeTruthy();
});

test("after an insert by keyboard the focus is on its result, which says what was made", async () => {
  const user = userEvent.setup();
  const s = await renderPane();
  screen.getByRole("button", { name: "Infoga Budget" }).focus();
  await user.keyboard("{Enter}");
  await waitFor(() => expect(s.insert).toHaveBeenCalledTimes(1));
  await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("insert-result")));
  expect(document.activeElement?.textContent).toMatch(/^Infogat: Budget\./);
});
