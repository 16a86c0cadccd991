/** @jest-environment jsdom */
import "../helpers/jsdom";
import * as React from "react";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { messages } from "../../src/i18n";
import { OutcomeImport } from "../../src/taskpane/OutcomeImport";
import { EXAMPLE_OPTIONS } from "../../src/templates";
import { HeadlessService } from "../../src/workbench/headlessService";
import { DIR } from "../sie/corpusData";

/** The pane's SIE import against the headless workbook: a real file in, the outcome on the sheet. */
async function setup() {
  const service = new HeadlessService();
  await service.insert(["budget"], EXAMPLE_OPTIONS);
  render(
    <FluentProvider theme={webLightTheme}>
      <OutcomeImport t={messages("sv")} service={service} />
    </FluentProvider>,
  );
  return service;
}

const upload = (name: string, bytes: Uint8Array) => {
  const file = new File([new Uint8Array(bytes)], name);
  // jsdom's File has no arrayBuffer(): give it the one the pane reads.
  Object.defineProperty(file, "arrayBuffer", {
    value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  });
  fireEvent.change(screen.getByLabelText("SIE-fil"), { target: { files: [file] } });
};

test("a förbund's year fills Utfall mot budget; the pane says the period and what is not mapped", async () => {
  const service = await setup();
  fireEvent.change(screen.getByRole("textbox"), { target: { value: "4" } });
  upload("forbund-2023.se", new Uint8Array(readFileSync(join(DIR, "forbund-2023.se"))));
  await waitFor(() => expect(screen.getByText(/rader på Utfall mot budget fylldes i/)).toBeTruthy());
  expect(screen.getByText(/Period 2023-01–2023-04 \(4 mån\.\), ur periodsaldon/)).toBeTruthy();
  expect(screen.getByText(/konton \(.* kr\) är ej fördelade/)).toBeTruthy();
  expect(screen.getByText(/standardkontoplanen/)).toBeTruthy();
  expect(service.workbook.value("Utfall mot budget", "L1")).toBe("Inläst från bokföringen (SIE)");
});

test("a file that is not SIE is refused in words, and nothing is written", async () => {
  const service = await setup();
  const before = service.workbook.sheetData("Utfall mot budget");
  upload("budget.xlsx", new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]));
  await waitFor(() => expect(screen.getByText(/inte en SIE-fil/)).toBeTruthy());
  expect(service.workbook.sheetData("Utfall mot budget")).toEqual(before);
});

test("months outside 1–12 are said before any file is read", async () => {
  await setup();
  fireEvent.change(screen.getByRole("textbox"), { target: { value: "13" } });
  expect(screen.getByText(/Ange antal månader 1–12/)).toBeTruthy();
  expect((screen.getByRole("button", { name: "Välj SIE-fil" }) as HTMLButtonElement).disabled).toBe(true);
});
