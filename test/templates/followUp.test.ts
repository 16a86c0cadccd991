import { BUDGET_2021_2023 } from "../../src/examples/budget2021";
import { EXAMPLE_OPTIONS } from "../../src/templates";
import { followUpTemplate, FOLLOW_UP } from "../../src/templates/followUp";
import { budgetTemplate } from "../../src/templates/budget";
import { checkWorkbook } from "../../src/checks";
import { readForecast } from "../../src/checks/followUp";
import { readAccountMap } from "../../src/sie/accountMap";
import { BLANK_MEMBERS, render } from "../helpers/headless";

/** The interim report evaluated headlessly with the example, and what the next budget round reads from it. */
const example = () => render(followUpTemplate(EXAMPLE_OPTIONS));
/** Excel's ROUND: halves away from nil. */
const round = (v: number) => Math.sign(v) * Math.round(Math.abs(v));

test("the example evaluates without an error cell; the forecast defaults to outcome × 12 / months", () => {
  const r = example();
  expect(r.errors()).toEqual([]);
  const [budget, outcome, , forecast, deviation] = r.rowValues("followUp", "Ungdomstorget", 2, 6) as number[];
  expect(budget).toBe(-3200);
  expect(forecast).toBe(round((outcome * 12) / 8));
  expect(deviation).toBe(forecast - budget);
  expect(r.rowValues("followUp", FOLLOW_UP.period, 2, 2)[0]).toBe("jan–aug 2021");
  // A row where nothing is booked keeps its budget as the forecast.
  const reserv = r.rowValues("followUp", "Reserv HFE", 2, 5) as number[];
  expect(reserv[3]).toBe(reserv[1] === 0 ? reserv[0] : round((reserv[1] * 12) / 8));
});

test("result and equity at year end by budget and forecast; the ceiling beside it", () => {
  const r = example();
  const result = r.rowValues("followUp", "Resultat", 2, 6) as number[];
  expect(result[0]).toBe(-1146); // the board's budget for 2021
  expect(r.rowValues("followUp", FOLLOW_UP.equityBudget, 2, 2)[0]).toBe(
    BUDGET_2021_2023.openingEquity - 1146,
  );
  expect(r.rowValues("followUp", FOLLOW_UP.equityForecast, 2, 2)[0]).toBe(
    BUDGET_2021_2023.openingEquity + result[3],
  );
  expect(typeof r.rowValues("followUp", FOLLOW_UP.ceiling, 2, 2)[0]).toBe("number");
  expect(r.rowValues("followUp", "Prognosen mot taket", 2, 2)[0]).toMatch(/^(Under|Över) taket$/);
});

test("the anchors give the next budget round its starting equity", () => {
  const r = example();
  const sheets = [r.wb.sheetData(r.sheetName("followUp"))];
  const forecast = readForecast(sheets);
  const result = r.rowValues("followUp", "Resultat", 5, 5)[0] as number;
  expect(forecast).toEqual({
    sheet: "Uppföljning",
    year: 2021,
    equity: BUDGET_2021_2023.openingEquity + result,
  });
  // The next plan (2022–2024) starts from it: its equity rolls forward from the forecast.
  const next = render(budgetTemplate({ ...BLANK_MEMBERS, firstYear: 2022 }));
  const startRow = next.rowOf("budget", "Eget kapital vid årets början");
  next.wb.setValue(next.sheetName("budget"), `C${startRow}`, forecast!.equity);
  expect(next.rowValues("budget", "Eget kapital vid årets slut", 3, 3)[0]).toBe(forecast!.equity);
});

test("the workbook check recognises it and finds nothing on the example", () => {
  const r = example();
  const check = checkWorkbook(Object.values(r.placement.sheets).map((s) => r.wb.sheetData(s)));
  expect(check.recognised).toContainEqual({ sheet: "Uppföljning", kind: "followUp", unit: "tkr" });
  expect(check.findings).toEqual([]);
});

test("a planted wrong forecast deviation is found, and nothing else", () => {
  const r = example();
  const name = r.sheetName("followUp");
  const row = r.rowOf("followUp", "Vuxentorget");
  const printed = r.wb.value(name, `F${row}`) as number;
  r.wb.setValue(name, `F${row}`, printed + 40);
  const check = checkWorkbook([r.wb.sheetData(name)]);
  expect(check.findings).toEqual([
    expect.objectContaining({ sheet: name, cell: `F${row}`, severity: "error", code: "deviationMismatch" }),
  ]);
});

test("a forecast typed over, and its deviation with it, is no error; a wrong subtotal is", () => {
  const r = example();
  const name = r.sheetName("followUp");
  const row = r.rowOf("followUp", "Analys");
  r.wb.setValue(name, `E${row}`, -120); // the economist's own judgement: the deviation formula follows
  expect(checkWorkbook([r.wb.sheetData(name)]).findings).toEqual([]);
  const sum = r.rowOf("followUp", "Summa verksamhetsnära kostnader");
  r.wb.setValue(name, `C${sum}`, -999);
  const found = checkWorkbook([r.wb.sheetData(name)]).findings;
  expect(found.map((f) => [f.cell, f.code])).toEqual([[`C${sum}`, "sumMismatch"]]);
});

test("Kontoplan: the default ranges and every row name, read back as a map", () => {
  const r = render(followUpTemplate(EXAMPLE_OPTIONS));
  const map = readAccountMap(r.wb.sheetData(r.sheetName("accountMap")));
  expect(map?.problems).toEqual([]);
  expect(map?.map.slice(0, 2)).toEqual([
    { from: "5000", to: "5999", row: "Kanslipersonal" },
    { from: "6000", to: "7999", row: "Övrigt kontor och adm." },
  ]);
  expect(map?.map.map((m) => m.row)).toContain("Umeå kommun");
});

test("blank: no error cell either", () => {
  const r = render(followUpTemplate(BLANK_MEMBERS));
  expect(r.errors()).toEqual([]);
});
