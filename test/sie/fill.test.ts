import { readFileSync } from "node:fs";
import { join } from "node:path";
import { addr } from "../../src/sheet/a1";
import type { SheetData } from "../../src/sheet/sheetData";
import { budgetTemplate } from "../../src/templates/budget";
import { EXAMPLE_OPTIONS } from "../../src/templates";
import type { MapRange } from "../../src/sie/accountMap";
import { planImport, readOutcome } from "../../src/sie/importOutcome";
import { STATUS_TITLE } from "../../src/sie/fill";
import { checkWorkbook } from "../../src/checks";
import type { HeadlessWorkbook } from "../../src/workbook/headless/headlessWorkbook";
import { render } from "../helpers/headless";
import { DIR, expected } from "./corpusData";

/**
 * The förbund's year filled into Utfall mot budget in the headless engine: every line is the sum of its
 * accounts (in tkr, rounded so the lines add up), the result equals the file's result, the reconciliation cell
 * says OK, and the workbook check finds nothing to report on the filled sheet.
 */
const bytes = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));

export function sheetWithFormulas(wb: HeadlessWorkbook, name: string): SheetData {
  const data = wb.sheetData(name);
  const formulas = data.values.map((row) => row.map(() => null as string | null));
  for (const c of wb.cells(name)) {
    if (!c.formula) continue;
    const m = /^([A-Z]+)(\d+)$/.exec(c.address)!;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    (formulas[Number(m[2]) - 1] ??= [])[col - 1] = c.formula;
  }
  return { ...data, formulas };
}

function fill(map: MapRange[] | null = expected["forbund-2023.se"].map, months?: number) {
  const r = render(budgetTemplate(EXAMPLE_OPTIONS));
  const name = r.sheetName("outcome");
  const read = readOutcome(bytes("forbund-2023.se"), months);
  if (!read.ok) throw new Error(JSON.stringify(read.problem));
  const sheets = [sheetWithFormulas(r.wb, r.sheetName("budget")), sheetWithFormulas(r.wb, name)];
  const planned = planImport(read.read, "forbund-2023.se", sheets, map ?? undefined);
  if (!planned.ok) throw new Error(JSON.stringify(planned.problem));
  const { plan } = planned.plan;
  r.wb.setValues(name, [
    ...plan.cells.map((c) => ({ address: addr(c.row, c.column), value: c.value })),
    ...plan.block.values.flatMap((line, i) =>
      line.map((v, j) => ({
        address: addr(plan.block.row + i, plan.block.column + j),
        value: plan.block.formulas[i][j] ?? (v === "" ? null : v),
      })),
    ),
  ]);
  return { r, name, planned: planned.plan, read: read.read };
}

test("every line is the sum of its accounts in tkr; the result is the file's result; reconciled", () => {
  const { r, name, planned } = fill();
  const e = expected["forbund-2023.se"];
  expect(planned.plan.unit).toBe("tkr");
  expect(planned.plan.unplaced).toEqual([]);
  expect(planned.plan.untouched).toEqual([]);
  for (const [row, kronor] of Object.entries(e.rowsKronor)) {
    const v = r.rowValues("outcome", row, 2, 2)[0] as number;
    const indented = r.wb
      .cells(name)
      .find((c) => c.address.startsWith("A") && String(c.value).trim() === row);
    expect(indented).toBeDefined();
    expect(Math.abs(v - kronor / 1000)).toBeLessThan(1); // rounded by largest remainder: within a tkr
  }
  const result = r.rowValues("outcome", "Resultat", 2, 2)[0];
  expect(result).toBe(Math.round(e.resultOre / 100_000));
  expect(r.wb.value(name, "M11")).toBe("OK");
  expect(r.wb.value(name, "M12")).toBe("OK");
  expect(r.wb.value(name, "L1")).toBe(STATUS_TITLE);
  expect(r.errors()).toEqual([]);
  for (const c of r.checks("outcome"))
    expect([c.address, c.value]).toEqual([c.address, expect.stringMatching(/^(OK|)$/)]);
  const check = checkWorkbook([r.wb.sheetData(r.sheetName("budget")), r.wb.sheetData(name)]);
  expect(check.findings.filter((f) => f.sheet === name && f.severity === "error")).toEqual([]);
});

test("with the default map the unmapped accounts are listed and the check cell says how much", () => {
  const { r, name, planned } = fill(null);
  expect(planned.mapSheet).toBeNull();
  const listed = r.wb
    .cells(name)
    .filter((c) => /^L(1[4-9]|[2-9]\d)$/.test(c.address) && c.value !== null && c.value !== "");
  expect(listed.map((c) => String(c.value))).toEqual(planned.mapped.unmapped.map((u) => u.account));
  expect(String(r.wb.value(name, "M11"))).toMatch(/^Ej fördelat: -?\d+ kr$/);
  expect(r.wb.value(name, "M12")).toBe("OK");
});

test("an import over an earlier one rewrites its own block; a block taken by the user is refused", () => {
  const { r, name, read } = fill();
  const again = planImport(read, "igen.se", [sheetWithFormulas(r.wb, name)], expected["forbund-2023.se"].map);
  expect(again.ok).toBe(true);
  r.wb.setValue(name, "L1", "Mina anteckningar");
  const refused = planImport(
    read,
    "igen.se",
    [sheetWithFormulas(r.wb, name)],
    expected["forbund-2023.se"].map,
  );
  expect(refused).toEqual({ ok: false, problem: { kind: "blockTaken" } });
});

test("no Utfall mot budget sheet: said, nothing written", () => {
  const read = readOutcome(bytes("forbund-2023.se"));
  if (!read.ok) throw new Error();
  expect(planImport(read.read, "x.se", [{ name: "Blad1", values: [["hej"]] }])).toEqual({
    ok: false,
    problem: { kind: "noOutcomeSheet" },
  });
});
