import { HeadlessWorkbook, type HeadlessValue } from "../../src/workbook/headless/headlessWorkbook";
import type { TemplateOptions, TemplateSpec } from "../../src/templates/spec";
import { BLANK_OPTIONS, EXAMPLE_OPTIONS } from "../../src/templates";
import { addr } from "../../src/sheet/a1";

/** A template rendered into the headless engine, with lookups by row label as a person reads a sheet. */
export function render(spec: TemplateSpec) {
  const wb = new HeadlessWorkbook();
  const placement = wb.insert(spec);
  const sheetName = (key: string) => placement.sheets[key];
  /** The row whose column A says `text` (the n-th such row, from 1). */
  const rowOf = (key: string, text: string, nth = 1): number => {
    const rows = wb
      .cells(sheetName(key))
      .filter((c) => /^A\d+$/.test(c.address) && typeof c.value === "string" && c.value.trim() === text)
      .map((c) => Number(c.address.slice(1)));
    if (rows.length < nth) throw new Error(`no row "${text}" on ${sheetName(key)}`);
    return rows[nth - 1];
  };
  const rowValues = (
    key: string,
    text: string,
    fromColumn: number,
    toColumn: number,
    nth = 1,
  ): HeadlessValue[] => {
    const r = rowOf(key, text, nth);
    return wb.values(sheetName(key), `${addr(r, fromColumn)}:${addr(r, toColumn)}`)[0];
  };
  /** The values of the cells the spec marks as checks. */
  const checks = (key: string) => {
    const sheet = spec.sheets.find((s) => s.key === key)!;
    const out: { address: string; value: HeadlessValue }[] = [];
    sheet.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell?.style === "check")
          out.push({ address: addr(r + 1, c + 1), value: wb.value(sheetName(key), addr(r + 1, c + 1)) });
      }),
    );
    return out;
  };
  return {
    wb,
    placement,
    sheetName,
    rowOf,
    rowValues,
    checks,
    errors: () => wb.errors(Object.values(placement.sheets)),
  };
}

/** A blank start after the members have been added: the example association's members, nothing filled in. */
export const BLANK_MEMBERS: TemplateOptions = {
  ...BLANK_OPTIONS,
  regionName: EXAMPLE_OPTIONS.regionName,
  regionCode: EXAMPLE_OPTIONS.regionCode,
  municipalities: EXAMPLE_OPTIONS.municipalities.map((m) => ({
    name: m.name,
    population: null,
    code: m.code,
  })),
};
