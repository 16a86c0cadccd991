import type { SheetData } from "../sheet/sheetData";
import type { FillPlan } from "../sie/fill";
import type { TemplateSpec } from "../templates/spec";

/**
 * The command line's export of a filled Utfall mot budget: the template read as a sheet (to plan the import
 * on), and the plan's cells written into the template before it is rendered.
 */
/** A template's sheet as a reader gives it back: constants as values, a formula as 0 with its text beside. */
export function specSheetData(spec: TemplateSpec, key: string): SheetData {
  const sheet = spec.sheets.find((s) => s.key === key);
  if (!sheet) throw new Error(`no sheet ${key}`);
  const values = sheet.cells.map((row) => row.map((c) => (c?.formula ? 0 : (c?.value ?? ""))));
  const formulas = sheet.cells.map((row) => row.map((c) => c?.formula ?? null));
  return { name: sheet.name, values, formulas };
}

/** Writes a plan's cells into a template before it is rendered (the command line's export). */
export function applyToSpec(spec: TemplateSpec, key: string, plan: FillPlan): TemplateSpec {
  const sheets = spec.sheets.map((s) => {
    if (s.key !== key) return s;
    const cells = s.cells.map((row) => [...row]);
    const put = (r: number, c: number, cell: NonNullable<(typeof cells)[number][number]>) => {
      while (cells.length < r) cells.push([]);
      const row = cells[r - 1];
      while (row.length < c) row.push(undefined);
      row[c - 1] = cell;
    };
    for (const { row, column, value } of plan.cells)
      put(row, column, { ...(cells[row - 1]?.[column - 1] ?? {}), value, formula: undefined });
    plan.block.values.forEach((line, i) =>
      line.forEach((v, j) => {
        const f = plan.block.formulas[i][j];
        if (v === "" && !f) return;
        put(
          plan.block.row + i,
          plan.block.column + j,
          f ? { formula: f, style: "check" } : { value: v, style: i === 0 ? "section" : "label" },
        );
      }),
    );
    const width = Math.max(...cells.map((r) => r.length));
    const square = cells.map((r) => [...r, ...Array.from({ length: width - r.length }, () => undefined)]);
    return {
      ...s,
      cells: square,
      columnWidths: [
        ...s.columnWidths,
        ...Array.from({ length: Math.max(0, 14 - s.columnWidths.length) }, () => 12),
      ],
    };
  });
  return { ...spec, sheets };
}
