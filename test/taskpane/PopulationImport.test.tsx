/** @jest-environment jsdom */
import "../helpers/jsdom";
// What the pane loads on first need, loaded up front: a dynamic import then resolves at once.
import "../../src/checks";
import "../../src/taskpane/populationImporter";
import * as React from "react";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { blankOptions } from "../../src/templates";
import type { WorkbookService } from "../../src/workbook/service";
import type { InsertResult } from "../../src/workbook/placement";
import { toStored } from "../../src/workbook/storedOptions";
import { SCB_HOSTS } from "../../src/population/scb";
import { WORKER_THRESHOLD_BYTES, type ToWorker } from "../../src/population/offThread";
import { answer as workerAnswer } from "../../src/taskpane/populationWorker";
import type { FakeWorker } from "../helpers/fakeWorker";

// The pane below the gallery is a chunk loaded after the first paint: loaded (and transpiled) once here, so
// that a slow machine under coverage does not outwait the tests' timeouts.
beforeAll(() => import("../../src/taskpane/PaneBody"), 60_000);

// The module that names the worker's URL (import.meta, which CommonJS tests cannot load): the test's worker.
const mockWorkers: FakeWorker[] = [];
jest.mock("../../src/taskpane/spawnPopulationWorker", () => ({
  spawnPopulationWorker: () => {
    const worker = jest.requireActual("../helpers/fakeWorker").scriptedWorker();
    worker.reply({ type: "ready" });
    mockWorkers.push(worker);
    return worker;
  },
}));

const FIXTURES = join(__dirname, "..", "fixtures", "scb");
const answer = readFileSync(join(FIXTURES, "api-v2-data.json"), "utf8");

/** Five members of Umeåregionen, band 20–64; the blank start's first year is next year. */
const stored = toStored({
  ...blankOptions(),
  firstYear: 2026,
  municipalities: ["Umeå", "Vännäs", "Vindeln", "Robertsfors", "Nordmaling"].map((name) => ({
    name,
    population: null,
  })),
});

/** What fetch answers, as far as the importer reads it (jsdom has no Response). */
const reply = (status: number, body: string) =>
  ({ ok: status < 400, status, headers: { get: () => null }, text: async () => body }) as unknown as Response;

function service(): jest.Mocked<WorkbookService> {
  return {
    insert: jest.fn(async (): Promise<InsertResult[]> => []),
    readSheets: jest.fn(async () => []),
    select: jest.fn(async () => undefined),
    loadOptions: jest.fn(async () => stored),
    saveOptions: jest.fn(async () => undefined),
  } as unknown as jest.Mocked<WorkbookService>;
}

async function renderPane(fetchImpl: typeof fetch) {
  const s = service();
  render(
    <FluentProvider theme={webLightTheme}>
      <App service={s} initialLocale="sv" insideOffice={true} fetchOptions={{ fetchImpl }} />
    </FluentProvider>,
  );
  await screen.findByText("Kommunkod 2480");
  fireEvent.change(screen.getByLabelText("Referensår (31 december)"), { target: { value: "2024" } });
  return s;
}

const populations = () =>
  screen
    .getAllByLabelText("Befolkning i arbetsför ålder")
    .map((el) => (el as HTMLInputElement).value.replace(/\s/g, ""));

describe("Befolkning från SCB in the pane", () => {
  test("Hämta från SCB: the members' sums go into the form, the reference date and source with them", async () => {
    const urls: string[] = [];
    const s = await renderPane(async (url) => {
      urls.push(String(url));
      return reply(200, answer);
    });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Hämta från SCB" }));
    });
    expect(
      await screen.findByText(
        "Befolkning 20–64 år per 2024-12-31 för 5 kommuner inläst från SCB:s API (version 2). Summorna står i formuläret.",
      ),
    ).toBeTruthy();
    expect(urls).toHaveLength(1);
    expect(populations()).toEqual(["57362", "4901", "3418", "3982", "4123"]);
    expect((screen.getByLabelText("Befolkningens referensdatum") as HTMLInputElement).value).toBe(
      "2024-12-31",
    );
    // Insert carries the populations, the imported values and where they came from.
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Infoga Budget" }));
    });
    const options = s.insert.mock.calls[0][1];
    expect(options.municipalities[2]).toEqual({
      name: "Vindeln",
      population: 3418,
      code: "2404",
      imported: 3418,
    });
    expect(options.populationSource).toMatchObject({ table: "TAB638", matrix: "BE0101N1", via: "api-v2" });
    expect(options.regionName).toBe("Region Västerbotten");
  });

  test("offline: a message in words and the form unchanged", async () => {
    await renderPane(async () => Promise.reject(new TypeError("Failed to fetch")));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Hämta från SCB" }));
    });
    expect(await screen.findByText(/^SCB gick inte att nå/)).toBeTruthy();
    expect(populations()).toEqual(["", "", "", "", ""]);
  });

  test("a pasted table missing a member: the pane names it and changes nothing", async () => {
    await renderPane(async () => Promise.reject(new Error("no network in this test")));
    const table = readFileSync(join(FIXTURES, "befolkning-tabb.csv"), "utf8")
      .split("\r\n")
      .filter((line) => !line.includes("Vännäs"))
      .join("\n");
    fireEvent.change(screen.getByLabelText("Eller klistra in tabellen här"), { target: { value: table } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Läs in inklistrad tabell" }));
    });
    const alert = await screen.findByText("Inget ändrades:");
    expect(within(alert.closest("div")!).getByText("Vännäs finns inte i filen.")).toBeTruthy();
    expect(populations()).toEqual(["", "", "", "", ""]);
  });

  test("a file chosen in the pane (CSV with semicolons)", async () => {
    await renderPane(async () => Promise.reject(new Error("no network in this test")));
    const file = new File([readFileSync(join(FIXTURES, "befolkning-semikolon.csv"))], "befolkning.csv");
    Object.defineProperty(file, "arrayBuffer", {
      value: async () => new Uint8Array(readFileSync(join(FIXTURES, "befolkning-semikolon.csv"))).buffer,
    });
    await act(async () => {
      fireEvent.change(screen.getByLabelText("Fil från Statistikdatabasen (CSV, xlsx eller JSON-stat)"), {
        target: { files: [file] },
      });
    });
    await waitFor(() => expect(populations()).toEqual(["57362", "4901", "3418", "3982", "4123"]));
    expect(screen.getByText(/inläst från CSV-fil/)).toBeTruthy();
  });
});

describe("a large file in the pane: read in the worker, the spinner turning meanwhile", () => {
  const g = globalThis as { Worker?: unknown };
  beforeAll(() => (g.Worker = class {}));
  afterAll(() => delete g.Worker);
  beforeEach(() => void mockWorkers.splice(0));

  /** SCB's table as Excel's Unicode text: about 500 KB, above the threshold. */
  const unicodeText = () =>
    new Uint8Array(
      Buffer.from("\uFEFF" + readFileSync(join(FIXTURES, "befolkning-tabb.csv"), "utf8"), "utf16le"),
    );
  async function choose(bytes: Uint8Array) {
    const file = new File([bytes.slice()], "befolkning.txt");
    Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.slice().buffer });
    await act(async () => {
      fireEvent.change(screen.getByLabelText("Fil från Statistikdatabasen (CSV, xlsx eller JSON-stat)"), {
        target: { files: [file] },
      });
    });
    await waitFor(() => expect(mockWorkers[0]?.sent).toHaveLength(1));
    return mockWorkers[0];
  }

  test("the read goes to the worker; the pane shows it is reading until the answer, then the sums", async () => {
    await renderPane(async () => Promise.reject(new Error("no network in this test")));
    expect(unicodeText().byteLength).toBeGreaterThan(WORKER_THRESHOLD_BYTES);
    const worker = await choose(unicodeText());
    expect(screen.getByText("Läser filen …")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Hämta från SCB" }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () => worker.reply(await workerAnswer(worker.sent[0] as ToWorker)));
    await waitFor(() => expect(populations()).toEqual(["57362", "4901", "3418", "3982", "4123"]));
    expect(screen.getByText(/inläst från CSV-fil/)).toBeTruthy();
    expect(screen.queryByText("Läser filen …")).toBeNull();
    expect(worker.terminated).toBe(true);
  });

  test("the worker stops while reading: the catalogue's words, the form unchanged, the buttons back", async () => {
    await renderPane(async () => Promise.reject(new Error("no network in this test")));
    const worker = await choose(unicodeText());
    await act(async () => worker.crash());
    expect(await screen.findByText(/^Läsningen av filen avbröts oväntat/)).toBeTruthy();
    expect(populations()).toEqual(["", "", "", "", ""]);
    expect((screen.getByRole("button", { name: "Hämta från SCB" }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });
});

test("SCB's hosts are declared where the add-in declares its network: manifest AppDomains and the pane's CSP", () => {
  const root = join(__dirname, "..", "..");
  const manifest = readFileSync(join(root, "manifest.xml"), "utf8");
  const domains = [...manifest.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1]);
  expect(domains).toEqual([...SCB_HOSTS]);
  for (const page of ["src/taskpane/taskpane.html", "src/workbench/workbench.html"]) {
    const csp = /content="[^"]*connect-src ([^;"]+)/
      .exec(readFileSync(join(root, page), "utf8"))?.[1]
      .split(" ");
    expect(csp).toEqual(["'self'", ...SCB_HOSTS]);
  }
});
