import type { Grid } from "../grid";
import { rowLabel, type AmountColumn, type StatementLayout } from "../layout";
import type { Finding } from "../types";

/**
 * Rule: what the cells of a recognised sheet hold. Every error value (`#VALUE!`, `#REF!` …) is a finding on
 * its cell — a sheet showing one is never "without errors". In a statement's amount columns, a text that
 * Excel would have taken as a number, where the column's other figures are numbers (typed with an
 * apostrophe, or into a cell formatted as text), is left out by every SUM above it; a text with digits that reads as no amount at all (`12O5`) is a mistyped
 * figure. Words in an amount column (`ej tillämpligt`) are not figures and are only counted as not read.
 */
export const meta = {
  id: "cellValues",
  appliesTo: "every recognised sheet",
  severity: "error",
  codes: ["errorValue", "textFigure", "notAFigure"],
  doc: "Error values anywhere on a recognised sheet; figures stored as text or mistyped in amount columns.",
} as const;

const MAX_PER_SHEET = 100;
const TRANSIENT = new Set(["#N/A", "#GETTING_DATA", "#BUSY!"]);

export function errorValues(g: Grid): Finding[] {
  const out: Finding[] = [];
  for (let r = g.firstRow; r <= g.lastRow && out.length < MAX_PER_SHEET; r++)
    for (let c = g.firstColumn; c < g.firstColumn + g.columns && out.length < MAX_PER_SHEET; c++) {
      const error = g.error(r, c);
      if (!error) continue;
      const formula = g.formula(r, c);
      out.push({
        sheet: g.sheet.name,
        cell: g.address(r, c),
        // #N/A is "not available": what the add-in's functions show while an input is left blank.
        severity: TRANSIENT.has(error) ? "warning" : "error",
        code: "errorValue",
        params: {
          error,
          label: rowLabel(g, r, g.firstColumn, Math.max(g.firstColumn, c - 1)),
          ...(formula ? { formula } : {}),
        },
      });
    }
  return out;
}

/** The amount columns of a statement, with their name. */
const amountColumns = (l: StatementLayout) => [...l.periods, ...(l.total ? [l.total] : []), ...l.deviations];

export function textsInAmounts(
  g: Grid,
  layout: StatementLayout,
  lastRow = layout.lastRow,
  columns: AmountColumn[] = amountColumns(layout),
): Finding[] {
  const out: Finding[] = [];
  for (const { column, name } of columns) {
    let numbers = 0;
    let texts = 0;
    for (let r = layout.firstRow; r <= lastRow; r++) {
      const value = g.at(r, column);
      // A number (most cells): a figure, or blank where it is not finite; no reading to make.
      if (typeof value === "number") {
        if (Number.isFinite(value)) numbers++;
        continue;
      }
      const v = g.reading(r, column);
      if (v.kind === "number" && v.text && excelWouldTake(g.text(r, column))) texts++;
      else if (v.kind === "number" && !v.text) numbers++;
    }
    // Where most figures are numbers, one stored as text is left out of the sums; where all are text (a
    // pasted table), text is how the figures came. Figures Excel could not have taken as typed (`– 429`, a
    // typographic minus) say nothing either way: they are text however the table came.
    const typed = numbers > 0 && numbers >= 2 * texts;
    for (let r = layout.firstRow; r <= lastRow; r++) {
      if (typeof g.at(r, column) === "number") continue; // a figure typed as one: nothing to say
      const v = g.reading(r, column);
      const label = rowLabel(g, r, layout.labelFrom, layout.labelTo);
      const text = g.text(r, column);
      if (v.kind === "number" && v.text && typed && excelWouldTake(text))
        out.push(at(g, r, column, "textFigure", { label, column: name, text }));
      // A share printed with its sign (`3,7 %`) is a percentage, not a mistyped figure.
      else if (v.kind === "text" && v.digits && label !== "" && !/%\s*$/.test(text))
        out.push({ ...at(g, r, column, "notAFigure", { label, column: name, text }), severity: "warning" });
    }
  }
  return out;
}

/**
 * Would Excel have stored this text as a number had it been typed (digits, spaces between thousands, a
 * decimal comma or point, a leading hyphen)? Then it was made text on purpose or by a format. A figure with
 * a typographic minus (`– 429 783`) was pasted: Excel cannot take it, and how it came is no finding.
 */
const excelWouldTake = (text: string) => /^-?\d{1,3}([ \u00a0]?\d{3})*([,.]\d+)?$/.test(text.trim());

function at(g: Grid, r: number, c: number, code: Finding["code"], params: Finding["params"]): Finding {
  return { sheet: g.sheet.name, cell: g.address(r, c), severity: "error", code, params };
}
