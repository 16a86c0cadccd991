/** @jest-environment jsdom */
import "../helpers/jsdom";
// What the pane loads on first need, loaded up front: a dynamic import then resolves at once.
import "../../src/checks";
import "../../src/taskpane/populationImporter";
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { FUNCTION_IDS } from "../../src/functions/catalog";
import { blankOptions, EXAMPLE_OPTIONS, TEMPLATE_IDS } from "../../src/templates";
import { toStored } from "../../src/workbook/storedOptions";
import type { WorkbookService } from "../../src/workbook/service";
import { InsertFailed, type InsertResult } from "../../src/workbook/officeRenderer";
import { readOfficeEnvironment } from "../../src/taskpane/office";
import { mountPane } from "../../src/taskpane/mount";
import { getLocale, setLocale } from "../../src/i18n";
import { impactIndex } from "../../src/functions/functions";

// The pane below the gallery is a chunk loaded after the first paint: loaded (and transpiled) once here, so
// that a slow machine under coverage does not outwait the tests' timeouts.
beforeAll(() => import("../../src/taskpane/PaneBody"), 60_000);

function fakeService(overrides: Partial<WorkbookService> = {}): jest.Mocked<WorkbookService> {
  return {
    insert: jest.fn(async (ids) =>
      ids.map((id): InsertResult => ({
        template: id,
        sheets: [id === "budget" ? "Budget" : "Avgiftsfördelning (2)"],
        tables: [],
        names: [],
        renamed:
          id === "avgifter"
            ? [{ kind: "sheet", requested: "Avgiftsfördelning", actual: "Avgiftsfördelning (2)" }]
            : [],
      })),
    ),
    readSheets: jest.fn(async () => []),
    select: jest.fn(async () => undefined),
    loadOptions: jest.fn(async () => null),
    saveOptions: jest.fn(async () => undefined),
    ...overrides,
  } as jest.Mocked<WorkbookService>;
}

/** A workbook where a blank start already has its members (stored by an earlier insert). */
const MEMBERS = toStored({
  ...blankOptions(),
  regionName: "Region Västerbotten",
  regionCode: "24",
  municipalities: EXAMPLE_OPTIONS.municipalities.map((m) => ({
    name: m.name,
    population: null,
    code: m.code,
  })),
});
const withMembers = (overrides: Partial<WorkbookService> = {}) =>
  fakeService({ loadOptions: jest.fn(async () => MEMBERS), ...overrides });

async function renderApp(service = fakeService(), locale: "sv" | "en" = "sv") {
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <App service={service} initialLocale={locale} insideOffice={true} />
    </FluentProvider>,
  );
  await waitFor(() => expect(service.loadOptions).toHaveBeenCalled());
  // The form and the actions are a chunk of their own, loaded once the first screen is painted.
  await screen.findByRole("button", { name: locale === "sv" ? "Infoga alla" : "Insert all" });
  return { service, view };
}

const population = (i: number) =>
  within(screen.getByRole("group", { name: `Kommun ${i}` })).getByLabelText("Befolkning i arbetsför ålder");
const memberName = (i: number) =>
  within(screen.getByRole("group", { name: `Kommun ${i}` })).getByLabelText("Kommun");

describe("task pane", () => {
  test("choosing a template changes what Insert inserts", async () => {
    await renderApp();
    expect(screen.getByRole("button", { name: "Infoga Budget" })).toBeTruthy();
    fireEvent.click(screen.getByRole("radio", { name: /^Avgiftsfördelning/ }));
    expect(screen.getByRole("button", { name: "Infoga Avgiftsfördelning" })).toBeTruthy();
    expect(within(screen.getByRole("radiogroup", { name: "Välj mall" })).getAllByRole("radio")).toHaveLength(
      TEMPLATE_IDS.length,
    );
  });

  test("a blank start is blank: no members, no region, next year; Insert waits for a member", async () => {
    await renderApp();
    expect(screen.queryAllByRole("group", { name: /^Kommun \d/ })).toHaveLength(0);
    expect((screen.getByLabelText("Region") as HTMLInputElement).value).toBe("");
    expect((screen.getByLabelText("Första budgetår") as HTMLInputElement).value).toBe(
      String(new Date().getFullYear() + 1),
    );
    expect(screen.getByText("Lägg till minst en kommun.")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Infoga Budget" }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole("button", { name: "Hämta från SCB" }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText("Välj medlemskommunerna först.")).toBeTruthy();
  });

  test("a member typed by name gets its code, and the region follows from it", async () => {
    await renderApp();
    fireEvent.click(screen.getByRole("button", { name: "Lägg till kommun" }));
    fireEvent.change(memberName(1), { target: { value: "Vindelns kommun" } });
    expect(screen.getByText("Kommunkod 2404")).toBeTruthy();
    expect((screen.getByLabelText("Region") as HTMLInputElement).value).toBe("Region Västerbotten");
    expect(screen.getByText("Regionen följer av kommunkoderna: Region Västerbotten.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Lägg till kommun" }));
    fireEvent.change(memberName(2), { target: { value: "Umeåregionen" } });
    expect(screen.getByText("Okänd kommun – välj i listan.")).toBeTruthy();
  });

  test("a bad member value shows a message under the field and disables Insert", async () => {
    await renderApp(withMembers());
    const insert = () => screen.getByRole("button", { name: "Infoga Budget" }) as HTMLButtonElement;
    expect(insert().disabled).toBe(false);
    fireEvent.change(population(2), { target: { value: "-5" } });
    expect(screen.getByText("Får inte vara negativt.")).toBeTruthy();
    expect(insert().disabled).toBe(true);
    expect((screen.getByRole("button", { name: "Infoga alla" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(population(2), { target: { value: "5 100" } });
    expect(insert().disabled).toBe(false);
    fireEvent.change(memberName(1), { target: { value: "" } });
    expect(screen.getByText("Fyll i fältet.")).toBeTruthy();
    expect(insert().disabled).toBe(true);
    fireEvent.change(screen.getByLabelText("Första budgetår"), { target: { value: "1850" } });
    expect(screen.getByText("Ange ett år mellan 2000 och 2100.")).toBeTruthy();
  });

  test("members can be added, removed and reordered", async () => {
    await renderApp(withMembers());
    await screen.findByText("Kommunkod 2480");
    const names = () => screen.getAllByLabelText("Kommun").map((el) => (el as HTMLInputElement).value);
    expect(names()).toEqual(EXAMPLE_OPTIONS.municipalities.map((m) => m.name));
    fireEvent.click(screen.getByRole("button", { name: "Flytta ned Umeå kommun" }));
    expect(names().slice(0, 2)).toEqual(["Vännäs kommun", "Umeå kommun"]);
    fireEvent.click(screen.getByRole("button", { name: "Ta bort Bjurholms kommun" }));
    fireEvent.click(screen.getByRole("button", { name: "Lägg till kommun" }));
    expect(names()).toHaveLength(6);
    expect(names()[5]).toBe("");
    expect(screen.getByText("Fyll i fältet.")).toBeTruthy();
  });

  test("inserting calls the workbook service with the chosen template and options, then names the sheets", async () => {
    const { service } = await renderApp();
    fireEvent.click(screen.getByRole("radio", { name: /^Exempel/ }));
    fireEvent.change(screen.getByLabelText("Förbundets namn"), {
      target: { value: "Samordningsförbundet Test" },
    });
    fireEvent.click(screen.getByRole("radio", { name: /^Avgiftsfördelning/ }));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Infoga Avgiftsfördelning" }));
    });
    expect(service.insert).toHaveBeenCalledTimes(1);
    const [ids, options] = service.insert.mock.calls[0];
    expect(ids).toEqual(["avgifter"]);
    expect(options).toEqual({ ...EXAMPLE_OPTIONS, associationName: "Samordningsförbundet Test" });
    expect(await screen.findByText(/Infogat: Avgiftsfördelning \(2\)\./)).toBeTruthy();
    expect(
      screen.getByText("Avgiftsfördelning fanns redan, så det nya heter Avgiftsfördelning (2)."),
    ).toBeTruthy();
    expect(service.saveOptions).toHaveBeenCalledWith(options);
  });

  test("Infoga alla inserts every template in one call", async () => {
    const { service } = await renderApp(withMembers());
    await screen.findByText("Kommunkod 2480");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Infoga alla" }));
    });
    expect(service.insert.mock.calls[0][0]).toEqual([
      "budget",
      "avgifter",
      "socialbudget",
      "impactindex",
      "arsbokslut",
      "uppfoljning",
    ]);
  });

  test("an error from Excel is shown as a readable message", async () => {
    const service = withMembers({
      insert: jest.fn(async () => Promise.reject(new Error("Arbetsboken är skrivskyddad."))),
    });
    await renderApp(service);
    await screen.findByText("Kommunkod 2480");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Infoga Budget" }));
    });
    expect(await screen.findByText("Det gick inte att infoga: Arbetsboken är skrivskyddad.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Infoga Budget" })).toBeTruthy();
  });

  test("a failed insert says whether the workbook is as it was, or what remains", async () => {
    for (const [remaining, text] of [
      [
        { sheets: [], names: [] },
        "Det gick inte att infoga: Anslutningen bröts. Det som hann skapas togs bort: arbetsboken är som förut.",
      ],
      [
        { sheets: ["Budget (2)"], names: ["FINSAM_Budget_Resultat_2"] },
        "Det gick inte att infoga: Anslutningen bröts. Det som hann skapas kunde inte tas bort helt; kontrollera och ta bort för hand: Budget (2), FINSAM_Budget_Resultat_2.",
      ],
    ] as const) {
      const service = withMembers({
        insert: jest.fn(async () =>
          Promise.reject(
            new InsertFailed(new Error("Anslutningen bröts"), {
              sheets: [...remaining.sheets],
              names: [...remaining.names],
            }),
          ),
        ),
      });
      const { view } = await renderApp(service);
      await screen.findByText("Kommunkod 2480");
      await act(async () => {
        fireEvent.click(screen.getByRole("button", { name: "Infoga Budget" }));
      });
      expect(await screen.findByText(text)).toBeTruthy();
      view.unmount();
    }
  });

  test("stored options that cannot be read are ignored with a note, and the form starts empty", async () => {
    await renderApp(
      fakeService({ loadOptions: jest.fn(async () => ({ version: 1, options: { firstYear: "x" } })) }),
    );
    expect(
      await screen.findByText(
        "De val som sparats i arbetsboken gick inte att läsa och användes inte; formuläret börjar tomt.",
      ),
    ).toBeTruthy();
  });

  test("switching language: English labels, and back", async () => {
    await renderApp();
    fireEvent.click(screen.getByRole("button", { name: "English – byt språk till engelska" }));
    // English is a chunk of its own: the pane switches once it is loaded.
    await waitFor(() =>
      expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("FINSAM for Excel"),
    );
    expect(screen.getByRole("button", { name: "Insert Budget" })).toBeTruthy();
    expect(screen.getByLabelText("State allotment (tkr)")).toBeTruthy();
    expect(document.title).toBe("FINSAM for Excel");
    fireEvent.click(screen.getByRole("button", { name: "Svenska – switch language to Swedish" }));
    await waitFor(() =>
      expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("FINSAM för Excel"),
    );
  });

  test("English from the start when Office is in English: the pane, and the custom functions' messages", async () => {
    const g = globalThis as { Office?: unknown };
    g.Office = { context: { displayLanguage: "en-US", officeTheme: { bodyBackgroundColor: "#ffffff" } } };
    const container = document.createElement("div");
    document.body.appendChild(container);
    const service = fakeService();
    let root: Awaited<ReturnType<typeof mountPane>> | undefined;
    try {
      await act(async () => {
        root = await mountPane(container, service, { host: "Excel" });
      });
      expect(await screen.findByRole("button", { name: "Insert all" })).toBeTruthy();
      expect(screen.queryByText(/outside Excel/)).toBeNull(); // inside Office: a host was reported
      expect(getLocale()).toBe("en");
      // The custom functions share the runtime: their messages are English too.
      expect(() => impactIndex([[1]], [["ja"]])).toThrow(/^Attainment must be 0–1 or TRUE\/FALSE/);
    } finally {
      act(() => root?.unmount());
      container.remove();
      delete g.Office;
      setLocale("sv");
    }
  });

  test("the options last used in this workbook are loaded from the document", async () => {
    const service = fakeService({
      loadOptions: jest.fn(async () => ({ ...EXAMPLE_OPTIONS, associationName: "Sparat förbund" })),
    });
    await renderApp(service);
    await waitFor(() =>
      expect((screen.getByLabelText("Förbundets namn") as HTMLInputElement).value).toBe("Sparat förbund"),
    );
  });

  test("Kontrollera arbetsboken lists findings in words, and a button selects the cell", async () => {
    const sheet = {
      name: "Drift",
      values: [
        ["", "Utfall", "Budget", "Avvikelse"],
        ["Intäkter", "", "", ""],
        ["Staten", 5690, 5690, 0],
        ["Regionen", 2845, 2845, 5],
        ["Summa intäkter", 8535, 8535, 0],
      ],
    };
    const service = fakeService({ readSheets: jest.fn(async () => [sheet]) });
    await renderApp(service);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Kontrollera arbetsboken" }));
    });
    expect(await screen.findByText("1 FINSAM-blad kontrollerade: 1 fel, 0 varningar.")).toBeTruthy();
    const list = screen.getByRole("list", { name: "Resultat av kontrollen" });
    expect(within(list).getByText("Fel:")).toBeTruthy();
    expect(within(list).getByText(/Regionen: avvikelsen 5 ska vara Utfall − Budget = 0\./)).toBeTruthy();
    fireEvent.click(within(list).getByRole("button", { name: "Visa Drift!D4" }));
    expect(service.select).toHaveBeenCalledWith("Drift", "D4");
  });

  test("a workbook with nothing recognised says so, and why a sheet that looks like a statement was not read", async () => {
    const sheet = {
      name: "Blad1",
      values: [
        ["Kostnader", "Belopp"],
        ["Arvoden", 200],
        ["Revision", 50],
        ["Summa", 250],
      ],
    };
    const service = fakeService({ readSheets: jest.fn(async () => [sheet]) });
    await renderApp(service);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Kontrollera arbetsboken" }));
    });
    expect(
      await screen.findByText(
        "Hittade inga FINSAM-blad eller uppställningar i arbetsboken, så inget kontrollerades.",
      ),
    ).toBeTruthy();
    const list = screen.getByRole("list", { name: "Blad som inte lästes" });
    expect(
      within(list).getByText(/^Blad1 liknar en resultatuppställning .* så den kontrollerades inte\.$/),
    ).toBeTruthy();
  });

  test("the functions are listed", async () => {
    await renderApp();
    const list = within(screen.getByRole("region", { name: "Funktioner" })).getAllByRole("listitem");
    expect(list).toHaveLength(FUNCTION_IDS.length);
    // By the names Swedish Excel shows (the metadata overlay's), and the English ones in English.
    expect(list[1].textContent).toMatch(/^FINSAM\.AVGIFTSFÖRDELNING/);
    fireEvent.click(screen.getByRole("button", { name: "English – byt språk till engelska" }));
    expect(
      within(await screen.findByRole("region", { name: "Functions" })).getAllByRole("listitem")[1]
        .textContent,
    ).toMatch(/^FINSAM\.FEESPLIT/);
  });

  test("the environment: no Office means no host, Swedish unless the browser says English", () => {
    expect(readOfficeEnvironment(null)).toEqual({
      host: null,
      locale: navigator.language.startsWith("en") ? "en" : "sv",
      dark: false,
    });
    const g = globalThis as { Office?: unknown };
    g.Office = { context: { displayLanguage: "en-US", officeTheme: { bodyBackgroundColor: "#1f1f1f" } } };
    try {
      expect(readOfficeEnvironment({ host: "Excel" })).toEqual({ host: "Excel", locale: "en", dark: true });
    } finally {
      delete g.Office;
    }
  });
});
