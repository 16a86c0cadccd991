/** @jest-environment jsdom */
import * as React from "react";
import { render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { messages } from "../../src/i18n";
import { FUNCTION_IDS } from "../../src/functions/catalog";
import { readOfficeEnvironment } from "../../src/taskpane/office";

function renderApp(locale: "sv" | "en", insideOffice = true) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App t={messages(locale)} insideOffice={insideOffice} />
    </FluentProvider>,
  );
}

describe("task pane", () => {
  test("in Swedish: the title, one sentence, and every function with its summary", () => {
    renderApp("sv");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("FINSAM för Excel");
    const list = within(screen.getByRole("region", { name: "Funktioner" })).getAllByRole("listitem");
    expect(list).toHaveLength(FUNCTION_IDS.length);
    list.forEach((li, i) =>
      expect(li.textContent).toMatch(new RegExp(`^FINSAM\\.${FUNCTION_IDS[i]}[A-ZÅÄÖ][a-zåäö]`)),
    );
    expect(screen.getByText("Viktad måluppfyllelse 0–100, totalt eller för ett målområde.")).toBeTruthy();
    expect(screen.queryByRole("status")).toBeNull();
  });

  test("in English, and outside Office it says so", () => {
    renderApp("en", false);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("FINSAM for Excel");
    expect(screen.getByRole("status").textContent).toMatch(/outside Excel/);
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
