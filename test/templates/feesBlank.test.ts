import { TEMPLATES } from "../../src/templates";
import { BLANK_MEMBERS, render } from "../helpers/headless";

/** A member without a population: no split yet, and the sheet says whose population is missing. */
test("Avgiftsfördelning with one population filled in: the others say 'Befolkning saknas', no error cell", () => {
  const t = render(TEMPLATES.avgifter(BLANK_MEMBERS));
  const sheet = t.sheetName("fees");
  const first = t.rowOf("fees", "Kommun") + 1;
  t.wb.setValues(sheet, [
    { address: `B${first}`, value: 100 },
    { address: `B${t.rowOf("fees", "Statlig tilldelning (tkr)")}`, value: 5690 },
  ]);
  expect(t.errors()).toEqual([]);
  const amount = (name: string) => t.rowValues("fees", name, 5, 5, 2)[0];
  expect(amount("Umeå kommun")).toBe("");
  expect(amount("Vännäs kommun")).toBe("Befolkning saknas");
  // Filled in: the split adds up to the region's amount.
  BLANK_MEMBERS.municipalities.forEach((_, i) => t.wb.setValue(sheet, `B${first + i}`, 100 + i));
  expect(t.errors()).toEqual([]);
  const amounts = BLANK_MEMBERS.municipalities.map((m) => amount(m.name) as number);
  expect(amounts.reduce((a, b) => a + b, 0)).toBe(2845);
});

test("Utfall mot budget: a printed subtotal left blank says 'Summa saknas', not #VALUE!", () => {
  const t = render(TEMPLATES.budget({ ...BLANK_MEMBERS }));
  const sheet = t.sheetName("outcome");
  const r = t.rowOf("outcome", "Arvoden till styrelsen");
  t.wb.setValue(sheet, `B${r}`, -200);
  expect(t.errors()).toEqual([]);
  expect(t.rowValues("outcome", "Summa kansli och styrelse", 5, 5)[0]).toBe("Summa saknas");
});
