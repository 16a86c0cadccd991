/** @jest-environment jsdom */
import "../helpers/jsdom";
// The checks load on first need in the pane; loaded up front here, the dynamic import resolves at once.
import "../../src/checks";
import * as React from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";

/**
 * A pseudo-locale: every message of the catalogue wrapped in ⟦ ⟧. With it in place, any text the pane, the
 * workbench or the command line shows that is not wrapped was written into the code instead of the catalogue
 * — and would stay Swedish for an English user. Data (names, codes, numbers, the age bands, function names)
 * is allowed as it is.
 */
function pseudo<T>(value: T): T {
  if (typeof value === "string") return `⟦${value}⟧` as T;
  if (typeof value === "function")
    return ((...args: unknown[]) => {
      const out = (value as (...a: unknown[]) => unknown)(...args);
      return typeof out === "string" ? `⟦${out}⟧` : out;
    }) as T;
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === "locale" ? v : pseudo(v)]),
    ) as T;
  return value;
}

jest.mock("../../src/i18n", () => {
  const actual = jest.requireActual("../../src/i18n");
  const catalogue = pseudo(actual.messages("sv"));
  const first = pseudo(actual.firstScreen("sv"));
  return { ...actual, messages: () => catalogue, firstScreen: () => first };
});

jest.mock("../../src/workbench/messages", () => {
  const actual = jest.requireActual("../../src/workbench/messages");
  const catalogue = pseudo(actual.WORKBENCH_MESSAGES.sv);
  return { ...actual, workbenchMessages: () => catalogue };
});

// Imported after the mocks, so that they see the pseudo-locale.
import { App } from "../../src/taskpane/App";
import { Workbench } from "../../src/workbench/Workbench";
import { HeadlessService } from "../../src/workbench/headlessService";
import { main } from "../../src/tools/cli";
import { blankOptions, EXAMPLE_OPTIONS } from "../../src/templates";
import { toStored } from "../../src/workbook/storedOptions";
import type { WorkbookService } from "../../src/workbook/service";

// The pane below the gallery is a chunk loaded after the first paint: loaded (and transpiled) once here, so
// that a slow machine under coverage does not outwait the tests' timeouts.
beforeAll(() => import("../../src/taskpane/PaneBody"), 60_000);

/** Text that is data, not words of the product: names, codes, numbers, bands, function names, symbols. */
const DATA = [
  /^[\d\s.,:%+−–—()/-]*$/, // numbers, dates, punctuation
  /^[↑↓✕…]$/,
  /^\d+–\d+ år$/, // an age band, stored on the sheet as it is
  /^FINSAM\.[A-ZÅÄÖ]+$/,
  /^FINSAM$/,
  /^[A-ZÅÄÖ]{5,}$/, // a function's name (FEESPLIT, AVGIFTSFÖRDELNING)
  /^\.$/,
];

function unwrapped(root: HTMLElement, data: string[]): string[] {
  const found: string[] = [];
  const isData = (text: string) => DATA.some((re) => re.test(text)) || data.includes(text);
  const check = (text: string | null, where: string) => {
    const t = (text ?? "").trim();
    if (!t || isData(t)) return;
    // A text node may hold several messages side by side, or a message inside data.
    let outside = t;
    for (let i = 0; i < 5 && outside.includes("⟦"); i++) outside = outside.replace(/⟦[^⟦⟧]*⟧/g, "");
    outside = outside.trim();
    if (outside && !isData(outside)) found.push(`${where}: ${t}`);
  };
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.parentElement?.closest("style,script,table[data-sheet]")) continue; // the sheet's own cells are data
    check(n.textContent, "text");
  }
  for (const el of root.querySelectorAll("[aria-label],[title],[placeholder]"))
    for (const attr of ["aria-label", "title", "placeholder"])
      if (el.hasAttribute(attr)) check(el.getAttribute(attr), attr);
  return found;
}

const MEMBERS = EXAMPLE_OPTIONS.municipalities.map((m) => m.name);
const DATA_TEXTS = [...MEMBERS, "Region Västerbotten", "Samordningsförbundet", "Umeå", "2480"];

function service(): WorkbookService {
  return {
    writeOutcome: jest.fn(async () => null),
    insert: jest.fn(async () => [
      { template: "budget", sheets: ["Budget"], tables: [], names: [], renamed: [] },
    ]),
    readSheets: jest.fn(async () => [
      {
        name: "Blad1",
        values: [
          ["Driftsredovisning (tkr)"],
          ["", "Utfall 2023"],
          ["Intäkter"],
          ["Försäkringskassan", 1],
          ["Summa intäkter", 5],
        ],
      },
    ]),
    select: jest.fn(async () => undefined),
    loadOptions: jest.fn(async () =>
      toStored({
        ...blankOptions(),
        regionName: "Region Västerbotten",
        municipalities: MEMBERS.map((name) => ({ name, population: null })),
      }),
    ),
    saveOptions: jest.fn(async () => undefined),
  } as unknown as WorkbookService;
}

test("the task pane shows no word that is not in the catalogue: idle, after an insert, after a check", async () => {
  const { container } = render(
    <FluentProvider theme={webLightTheme}>
      <App service={service()} initialLocale="sv" insideOffice={false} />
    </FluentProvider>,
  );
  await screen.findAllByText(/Kommunkod/);
  expect(unwrapped(container, [...DATA_TEXTS, "2460", "2401", "2404", "2409", "2403"])).toEqual([]);
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: /Infoga alla/ }));
  });
  await act(async () => {
    fireEvent.click(screen.getAllByRole("button", { name: /Kontrollera arbetsboken/ })[0]);
  });
  await screen.findByText(/FINSAM-blad kontrollerade|Hittade inga FINSAM-blad/);
  expect(unwrapped(container, [...DATA_TEXTS, "2460", "2401", "2404", "2409", "2403"])).toEqual([]);
});

test("the workbench's own words are in the catalogue too", async () => {
  const { container } = render(
    <FluentProvider theme={webLightTheme}>
      <Workbench service={new HeadlessService()} />
    </FluentProvider>,
  );
  await screen.findByText(/Arbetsbänk/);
  expect(unwrapped(container, DATA_TEXTS)).toEqual([]);
});

test("the command line prints only the catalogue's words", async () => {
  const lines: string[] = [];
  const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
  await main(["--help"], io);
  await main(["check"], io);
  await main(["oklart"], io);
  await main(["export", "--template", "ingen"], io);
  await main(["check", "/finns/inte.xlsx"], io);
  expect(lines.length).toBeGreaterThan(4);
  const strip = (line: string) => {
    let out = line;
    for (let i = 0; i < 5 && out.includes("⟦"); i++) out = out.replace(/⟦[^⟦⟧]*⟧/gs, "");
    return out.trim();
  };
  for (const line of lines) expect(strip(line)).toBe("");
});
