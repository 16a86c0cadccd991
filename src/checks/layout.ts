import {
  anchorRole,
  type AnchorRole,
  columnKind,
  normalise,
  PERIOD_KINDS,
  roleOfKey,
  rowRole,
  unitIn,
  type ColumnKind,
  type RowRole,
  type Unit,
} from "../sheet/vocabulary";
import type { Grid } from "./grid";
import { subtotalRun, totalsAbove, type Figures } from "./structure";

/**
 * Where a statement sits on a sheet and what its columns hold, found the way an accountant finds it: a
 * header row naming periods (`Utfall 2023`, `Budget helår`, bare years, `Prognos`), deviations and a sum
 * column, with row labels to its left, anywhere on the sheet. Nothing here knows the templates.
 */
export interface AmountColumn {
  column: number;
  kind: ColumnKind;
  /** The header as printed, for messages ("Utfall 2023", "2022"). */
  name: string;
}

export interface StatementLayout {
  headerRow: number;
  /** Labels are read from these columns (the first text cell of a row counts). */
  labelFrom: number;
  labelTo: number;
  /** Period columns: each is added up down. */
  periods: AmountColumn[];
  /** A `Summa`/`Totalt` column: the period columns added up across. */
  total: AmountColumn | null;
  deviations: AmountColumn[];
  firstRow: number;
  lastRow: number;
  unit: Unit | null;
  /** The printed precision: 1 for whole units, 0.1 for one decimal … (the coarsest of the columns'). */
  step: number;
  /** Each amount column's own printed precision. */
  steps: Map<number, number>;
  /** The roles the template wrote beside its rows (a sheet the add-in made), or null: read the labels. */
  anchors: Map<number, AnchorRole> | null;
  /** Columns of shares beside the amounts (`Ägarfördelning`, `Andel %`, `3,7 %`): never added as amounts. */
  shares?: AmountColumn[];
}

/** A row's role: its anchor on a sheet the add-in wrote, else what its label says. */
export function roleAt(layout: StatementLayout, row: number, label: string): AnchorRole | null {
  if (layout.anchors) return layout.anchors.get(row) ?? null;
  return rowRole(label);
}

/** The anchors of a sheet, by row, when it has a statement anchor. */
function anchorsOf(g: Grid): Map<number, AnchorRole> | null {
  const anchors = new Map<number, AnchorRole>();
  for (let r = g.firstRow; r <= g.lastRow; r++)
    for (let c = g.firstColumn; c < g.firstColumn + g.columns; c++) {
      const role = anchorRole(g.at(r, c));
      if (role) anchors.set(r, role);
    }
  return [...anchors.values()].includes("statement") ? anchors : null;
}

/** Why a sheet that looks like a statement was not read as one. */
export type NotReadReason = "noPeriodHeader" | "noSumRows" | "noLabels";

const MAX_HEADER_SCAN = 400;

/** Every statement on a sheet, top to bottom (a sheet may print an outcome table and a budget under it). */
export function findStatements(g: Grid): { layouts: StatementLayout[]; reason: NotReadReason | null } {
  const layouts: StatementLayout[] = [];
  let reason: NotReadReason | null = null;
  for (let from = g.firstRow; from <= g.lastRow && layouts.length < 20;) {
    const found = findStatement(g, from);
    if (!found) break;
    if ("reason" in found) {
      if (layouts.length === 0) reason = found.reason;
      break;
    }
    layouts.push(found.layout);
    if (found.layout.anchors) break; // a sheet the add-in wrote has one statement
    from = found.layout.lastRow + 1;
  }
  return { layouts, reason: layouts.length > 0 ? null : reason };
}

export function findStatement(
  g: Grid,
  fromRow = g.firstRow,
): { layout: StatementLayout } | { reason: NotReadReason } | null {
  // A sheet the add-in wrote: its statement starts at the anchored header, whatever its labels say now.
  const anchors = fromRow === g.firstRow ? anchorsOf(g) : null;
  if (anchors) {
    for (const [r, role] of anchors) {
      if (role !== "statement") continue;
      const header = headerAt(g, r);
      if (!header) continue;
      const found = layoutBelow(g, r, header, anchors);
      if ("layout" in found) return found;
    }
  }
  let reason: NotReadReason | null = null;
  const lastScan = Math.min(g.lastRow, fromRow + MAX_HEADER_SCAN);
  for (let r = fromRow; r <= lastScan; r++) {
    const header = headerAt(g, r);
    if (!header) continue;
    const layout = layoutBelow(g, r, header);
    if ("layout" in layout) return layout;
    reason ??= layout.reason;
  }
  if (reason) return { reason };
  if (fromRow !== g.firstRow || !looksLikeStatement(g)) return null;
  // No header at all (a table pasted without its column heads): its columns of figures are read unnamed,
  // where its totals by words are two or more and every such column holds most rows' figures.
  const unnamed = unnamedColumns(g);
  if (unnamed) {
    const layout = layoutBelow(g, g.firstRow - 1, unnamed);
    if ("layout" in layout) return layout;
  }
  return { reason: "noPeriodHeader" };
}

/**
 * The columns of figures of a table printed with no header: right of a label column, each with figures on
 * most of the rows that have any (percentages are shares, comments are words), named by their letter. Only
 * where the table has two totals by words or more and two such columns or more; else null.
 */
function unnamedColumns(g: Grid): AmountColumn[] | null {
  const last = Math.min(g.lastRow, g.firstRow + MAX_HEADER_SCAN);
  let sums = 0;
  let rows = 0;
  const counts = new Map<number, number>();
  for (let r = g.firstRow; r <= last; r++) {
    const role = rowRole(g.text(r, g.firstColumn));
    let any = false;
    for (let c = g.firstColumn + 1; c < g.firstColumn + g.columns; c++)
      if (g.number(r, c) !== null || /^[-\u2010-\u2015\u2212–—]$/.test(g.text(r, c))) {
        counts.set(c, (counts.get(c) ?? 0) + 1);
        any = true;
      }
    if (!any) continue;
    rows++;
    if (role === "sum" || role === "result") sums++;
  }
  if (sums < 2 || rows < 4) return null;
  const columns = [...counts]
    .filter(([, n]) => n * 10 >= rows * 6)
    .map(([column]) => column)
    .sort((a, b) => a - b);
  // One column shows nothing of what its totals add (an export's totals by category far below its lines).
  if (columns.length < 2) return null;
  return columns.map((column) => ({
    column,
    kind: "entity" as const,
    name: `kolumn ${g.address(g.firstRow, column).replace(/\d+$/, "")}`,
  }));
}

function headerAt(g: Grid, r: number): AmountColumn[] | null {
  const cells: AmountColumn[] = [];
  let leftmost: number | null = null;
  for (let c = g.firstColumn; c < g.firstColumn + g.columns; c++) {
    if (g.blank(r, c)) continue;
    leftmost ??= c;
    const kind = columnKind(g.at(r, c));
    if (kind) cells.push({ column: c, kind, name: String(g.at(r, c)).trim().replace(/\s+/g, " ") });
  }
  const periods = cells.filter((a) => PERIOD_KINDS.has(a.kind));
  if (periods.length === 0) return entityHeader(g, r) ?? moneyHeader(g, r) ?? unitHeader(g, r);
  // One bare number in the year range is a figure (2 040 tkr), not a header; two or more years are a header.
  if (periods.length === 1 && typeof g.at(r, periods[0].column) === "number") return null;
  // A title ("Budget 2021–2023") is the row's first cell; a header has its labels' column to the left.
  if (periods[0].column === leftmost || periods[0].column === g.firstColumn) {
    if (periods.length < 2) return null;
    // Amounts left of the labels (`2017-18 Net | Portfolio | 2018-19 Net`): a header where a column of labels
    // stands between its periods.
    if (periods[0].column === g.firstColumn && labelsBetween(g, r, cells) === null) return null;
  }
  // Beside the periods, a column named by its money and a word (`Gross Expenditure £'000`, `Bruttokostnad
  // tkr`) with figures under it: an amount column of the table, added down like the periods.
  const taken = new Set(cells.map((c) => c.column));
  for (let c = g.firstColumn + 1; c < g.firstColumn + g.columns; c++) {
    const v = g.at(r, c);
    if (taken.has(c) || typeof v !== "string" || !namesMoney(v) || !figuresBelow(g, r, c)) continue;
    cells.push({ column: c, kind: "entity", name: v.trim() });
  }
  return cells.sort((a, b) => a.column - b.column);
}

/**
 * The column of labels between a header's periods, when the first period stands in the sheet's first column:
 * the first column right of it, left of another period, not an amount column, whose rows below hold three
 * labels or more and no figure. Else null.
 */
function labelsBetween(g: Grid, r: number, cells: AmountColumn[]): number | null {
  const taken = new Set(cells.map((c) => c.column));
  const last = Math.max(...cells.filter((c) => PERIOD_KINDS.has(c.kind)).map((c) => c.column));
  for (let c = g.firstColumn + 1; c < last; c++) {
    if (taken.has(c)) continue;
    let labels = 0;
    for (let b = r + 1; b <= Math.min(g.lastRow, r + 30); b++) {
      if (g.number(b, c) !== null) return null;
      if (/\p{L}{3,}/u.test(g.text(b, c))) labels++;
    }
    return labels >= 3 ? c : null;
  }
  return null;
}

/** A header naming a share (of members, of the total): `Ägarfördelning`, `Andel %`, `Share`, `Percent`. */
const SHARE = /andel|fördelning|procent|%|\bshare\b|percent|\bper ?cent\b/;

/** The share columns right of the labels: those read as percentages, and those whose header names a share. */
function sharesBeside(g: Grid, headerRow: number, labelTo: number, cells: AmountColumn[]): AmountColumn[] {
  const shares = cells.filter((c) => c.kind === "share");
  const taken = new Set(cells.map((c) => c.column));
  for (let c = labelTo + 1; c < g.firstColumn + g.columns; c++) {
    const name = g.text(headerRow, c).trim();
    if (taken.has(c) || name.length > 60 || !SHARE.test(normalise(name)) || !figuresBelow(g, headerRow, c))
      continue;
    shares.push({ column: c, kind: "share", name });
  }
  return shares;
}

/**
 * A header naming no period but two or more amounts by their money, right of the labels (`Service | Gross
 * Expenditure £'000 | Income £'000 | Net Expenditure £'000`), with figures under each: amount columns.
 */
function moneyHeader(g: Grid, r: number): AmountColumn[] | null {
  const cells: AmountColumn[] = [];
  for (let c = g.firstColumn + 1; c < g.firstColumn + g.columns; c++) {
    const v = g.at(r, c);
    if (typeof v === "string" && namesMoney(v) && figuresBelow(g, r, c))
      cells.push({ column: c, kind: "entity", name: v.trim().replace(/\s+/g, " ") });
  }
  if (cells.length < 2 || (g.blank(r, g.firstColumn) === false && g.number(r, g.firstColumn) !== null))
    return null;
  return cells;
}

/**
 * A header naming only the unit over one amount column, right of the labels (`Income | £000`, `Resultat |
 * tkr`): the column's figures are read as one period's. A table of its own only where its totals say so.
 */
function unitHeader(g: Grid, r: number): AmountColumn[] | null {
  if (!/\p{L}{3,}/u.test(g.text(r, g.firstColumn))) return null;
  const cells: AmountColumn[] = [];
  for (let c = g.firstColumn + 1; c < g.firstColumn + g.columns; c++) {
    if (g.blank(r, c)) continue;
    const v = g.at(r, c);
    if (typeof v !== "string" || !UNIT_ONLY.test(v.trim()) || !figuresBelow(g, r, c)) return null;
    cells.push({ column: c, kind: "entity", name: v.trim() });
  }
  return cells.length === 1 ? cells : null;
}

/**
 * A unit alone: `£000`, `£'000`, `$000`, `£m`, `tkr`, `mnkr`, `Belopp tkr`, `(kr)`. Not `Amount` alone: an
 * export's `Category | Account | Amount` prints its totals by category far below, which one column cannot show.
 */
const UNIT_ONLY =
  /^(belopp( i)?|amounts?( in)?)?\s*\(?([£$€]\s*'?(000|m|k|million|thousands?)?|'?000s?|tkr|mkr|mnkr|kr|ksek|msek|sek|tusental kronor|tusen kronor|miljoner kronor)\)?$/i;

/** A header naming an amount by its money and some other word (not a unit alone: `Tkr`, `Belopp i mnkr`). */
function namesMoney(text: string): boolean {
  const t = text.trim();
  if (t.length > 60 || isUnitHeading(t)) return false;
  const money = /(£|\$|€)\s*'?0{3}|'000|\b(tkr|mkr|mnkr|ksek|msek|kr|sek)\b|\((tkr|mkr|mnkr|kr)\)|[£$€]/i;
  return money.test(t) && /\p{L}{3,}/u.test(t.replace(money, ""));
}

/** A figure under a header cell within the next few rows (a section heading may stand first). */
function figuresBelow(g: Grid, r: number, column: number): boolean {
  for (let b = r + 1; b <= Math.min(g.lastRow, r + 4); b++) if (g.number(b, column) !== null) return true;
  return false;
}

/**
 * A header naming no period but the columns of entities or funds and, rightmost, their total
 * (`Governmental Activities | Business-type Activities | Total`, `Kommunen | Bolagen | Totalt`): each column an
 * amount column, the total added across. Only where the row below has a figure in each of them.
 */
function entityHeader(g: Grid, r: number): AmountColumn[] | null {
  const texts: { column: number; name: string }[] = [];
  for (let c = g.firstColumn; c < g.firstColumn + g.columns; c++) {
    if (g.blank(r, c)) continue;
    const v = g.at(r, c);
    if (typeof v !== "string" || g.number(r, c) !== null) return null;
    texts.push({ column: c, name: v.trim() });
  }
  // The label column may carry the first section's word (`Assets`): it is no entity.
  if (texts.length > 0 && texts[0].column === g.firstColumn) texts.shift();
  if (texts.length < 3) return null;
  const total = texts[texts.length - 1];
  if (columnKind(total.name) !== "total") return null;
  const entities = texts.slice(0, -1);
  if (entities.some((e) => columnKind(e.name) !== null || e.name.length > 60)) return null;
  if (!texts.every(({ column }) => figuresBelow(g, r, column))) return null;
  // A group's name spans its columns (`Governmental Fund Types` over `General | Special Revenue | Capital
  // Projects`): a column left blank under it, with figures below, is one of the group's, named by the row below.
  const spanned: { column: number; name: string }[] = [];
  for (let c = entities[0].column + 1; c < total.column; c++) {
    if (!g.blank(r, c) || !figuresBelow(g, r, c)) continue;
    const owner = [...entities].reverse().find((e) => e.column < c)!;
    spanned.push({ column: c, name: g.text(r + 1, c).replace(/\s+/g, " ") || owner.name });
  }
  return [
    ...[...entities, ...spanned]
      .sort((a, b) => a.column - b.column)
      .map((e) => ({ column: e.column, kind: "entity" as const, name: e.name })),
    { column: total.column, kind: "total" as const, name: total.name },
  ];
}

function layoutBelow(
  g: Grid,
  headerRow: number,
  cells: AmountColumn[],
  anchors: Map<number, AnchorRole> | null = null,
): { layout: StatementLayout } | { reason: NotReadReason } {
  const firstAmount = Math.min(
    ...cells.filter((c) => c.kind !== "note" && c.kind !== "share").map((c) => c.column),
  );
  const amountColumns = cells.filter(
    (c) => PERIOD_KINDS.has(c.kind) || c.kind === "total" || c.kind === "deviation",
  );
  // The labels stand left of the amounts, or (a year printed either side of them) between the periods.
  const between = firstAmount === g.firstColumn ? labelsBetween(g, headerRow, cells) : null;
  const labelFrom = between ?? g.firstColumn;
  const labelTo = between ?? firstAmount - 1;
  if (labelTo < labelFrom) return { reason: "noLabels" };

  // The statement runs down to its last result row, or to the next header or the end of the figures.
  let lastRow = headerRow;
  let lastResult = 0;
  let balanceSheet = false;
  let figures = 0;
  let sums = 0;
  let labels = 0;
  let gap = false; // a row without figures since the last result
  let sumAfterResult = 0;
  for (let r = headerRow + 1; r <= g.lastRow; r++) {
    if (r > headerRow + 1 && !anchors && startsNewTable(g, r)) break;
    if (anchors?.get(r) === "statement" && r > headerRow) break;
    const text = rowText(g, r, labelFrom, labelTo);
    const numbers = amountColumns.some((c) => g.number(r, c.column) !== null);
    if (text.label) labels++;
    if (!numbers) {
      gap = true; // a heading or an empty row: what follows is another block
      continue;
    }
    lastRow = r;
    const role = anchors ? (anchors.get(r) ?? null) : text.role;
    if (text.key === "summa tillgångar") balanceSheet = true;
    if (role === "sum" || role === "result") sums++;
    // A total right under the last result, in the same block (a balanskravsutredning's `Summa` of the result
    // and the deficit carried from earlier years): the statement goes on to it.
    if (role === "sum" && lastResult && !gap) sumAfterResult = r;
    if (role === "result") gap = false;
    // A balance sheet's "Årets resultat" is a line of its equity, and a cash-flow statement starts from it:
    // neither ends the statement.
    if (role === "result" && !balanceSheet && figures > 0) lastResult = r;
    figures++;
  }
  if (labels < 2) return { reason: "noLabels" };
  if (lastResult)
    lastRow = carriesResult(g, amountColumns, lastResult, sumAfterResult) ? sumAfterResult : lastResult;

  // A second header row under the first, naming each period's year ("Utfall" over "2023"): part of the header.
  let firstRow = headerRow + 1;
  const periodCells = cells.filter((c) => PERIOD_KINDS.has(c.kind));
  const below = periodCells.map((c) => g.at(headerRow + 1, c.column));
  if (
    rowLabel(g, headerRow + 1, labelFrom, labelTo) === "" &&
    below.some((v) => columnKind(v) === "year") &&
    below.every((v) => v === null || v === undefined || v === "" || columnKind(v) === "year")
  ) {
    firstRow = headerRow + 2;
    periodCells.forEach((c, i) => {
      if (below[i] !== "" && below[i] !== null && below[i] !== undefined)
        c.name = `${c.name} ${String(below[i])}`;
    });
  }
  // A column of percentages (`3,7 %` beside the change in kronor, under the same header) is a share, not
  // amounts: never added up, and its figures are no unreadable amounts.
  for (const c of cells)
    if (c.kind !== "note" && c.kind !== "share" && percentColumn(g, c.column, firstRow, lastRow))
      c.kind = "share";
  const layout: StatementLayout = {
    headerRow,
    labelFrom,
    labelTo,
    periods: cells.filter((c) => PERIOD_KINDS.has(c.kind)),
    total: cells.find((c) => c.kind === "total" && c.column > firstAmount) ?? null,
    deviations: cells.filter((c) => c.kind === "deviation"),
    firstRow,
    lastRow,
    unit: unitAbove(g, headerRow),
    step: 1,
    steps: new Map(),
    anchors,
    shares: sharesBeside(g, headerRow, labelTo, cells),
  };
  layout.steps = printedSteps(g, layout);
  layout.step = layout.steps.size > 0 ? Math.max(...layout.steps.values()) : 1;
  // No total by its words: a table only where its own arithmetic shows totals — two group rows or more, each
  // the sum of the lines right below it in every amount column (a driftsredovisning's nämnd over its units).
  if (
    sums === 0 &&
    !totalBelowLines(g, layout) &&
    totalsAbove(
      figuresOf(g, layout),
      figureRows(g, layout),
      (r) => rowText(g, r, labelFrom, labelTo).role,
      layout.deviations.map((d) => d.column),
    ).heads.size < 2
  )
    return { reason: "noSumRows" };
  return { layout };
}

/**
 * Is the total under a result its sum with the lines between, in some column (a key figure under a five-year
 * overview's result, `Summa tillgångar`, is not: it belongs to no sum of the table)?
 */
function carriesResult(g: Grid, columns: AmountColumn[], result: number, total: number): boolean {
  if (total <= result) return false;
  return columns.some(({ column }) => {
    const printed = g.number(total, column);
    if (printed === null || printed === 0) return false;
    let sum = 0;
    let parts = 0;
    for (let r = result; r < total; r++) {
      const v = g.number(r, column);
      if (v !== null) {
        sum += v;
        parts++;
      }
    }
    // Within rounding of whole units (the columns' printed steps are read once the table's rows are known).
    return parts >= 2 && Math.abs(sum - printed) <= (parts + 1) / 2;
  });
}

/** Are most of a column's filled cells in the table percentages as text (`3,7 %`, `-5,7%`)? */
function percentColumn(g: Grid, column: number, firstRow: number, lastRow: number): boolean {
  let percents = 0;
  let filled = 0;
  for (let r = firstRow; r <= lastRow; r++) {
    const v = g.at(r, column);
    if (typeof v === "number") filled++;
    else if (typeof v === "string" && v.trim() !== "") {
      filled++;
      if (/\d\s*%$/.test(v.trim())) percents++;
    }
  }
  return percents > 0 && percents * 2 > filled;
}

/** The figures of a statement's amount columns, as the arithmetic of structure.ts reads them. */
function figuresOf(g: Grid, layout: StatementLayout): Figures {
  const columns = [...layout.periods, ...(layout.total ? [layout.total] : [])].map((c) => c.column);
  return {
    value: (r, c) => g.number(r, c),
    columns,
    step: (c, r) => (r === undefined ? stepOf(layout, c) : stepAt(g, layout, r, c)),
  };
}

/**
 * A total its arithmetic shows below its lines, whatever its words (`TILLGÅNGAR` under the five kinds of
 * assets): a row that is the sum of three or more lines right above it in each of two amount columns or more
 * (in all but one of three or more).
 * Looked for among the first rows only (a table with no total by words is rarely long).
 */
function totalBelowLines(g: Grid, layout: StatementLayout): boolean {
  const f = figuresOf(g, layout);
  if (f.columns.length < 2) return false;
  const rows = figureRows(g, layout).slice(0, MAX_ARITHMETIC_ROWS);
  for (let i = 3; i < rows.length; i++) {
    const run = subtotalRun(f, rows[i], rows.slice(Math.max(0, i - 40), i));
    // All columns but one (of three or more) show it as well: the one is a wrong figure to name.
    const shown = run && (!run.oneOff || f.columns.length >= 3);
    if (run && shown && !run.signs && run.parts.length >= 3) return true;
  }
  return false;
}

const MAX_ARITHMETIC_ROWS = 300;

function figureRows(g: Grid, layout: StatementLayout): number[] {
  const columns = [...layout.periods, ...(layout.total ? [layout.total] : [])].map((c) => c.column);
  const rows: number[] = [];
  for (let r = layout.firstRow; r <= layout.lastRow; r++)
    if (columns.some((c) => g.number(r, c) !== null)) rows.push(r);
  return rows;
}

/** A later header row with at least two period columns of text starts another table. */
function startsNewTable(g: Grid, r: number): boolean {
  // A cheap look first (every line of a long table asks): a line with one text (its label) and no two years
  // among its numbers is no header.
  let strings = 0;
  let yearNumbers = 0;
  for (let c = g.firstColumn; c < g.firstColumn + g.columns; c++) {
    const v = g.at(r, c);
    if (typeof v === "string" && v.trim() !== "") strings++;
    else if (typeof v === "number" && columnKind(v) === "year") yearNumbers++;
  }
  if (strings < 2 && yearNumbers < 2) return false;
  let periods = 0;
  let texts = 0;
  let others = 0; // numbers that are no year
  const years = new Set<number>();
  for (let c = g.firstColumn; c < g.firstColumn + g.columns; c++) {
    const v = g.at(r, c);
    // "Not" heads a column too; a unit ("Belopp i mnkr", "Tkr") stands where a header row's label would.
    if (typeof v === "string" && v.trim() !== "" && columnKind(v) === null && !isUnitHeading(v)) texts++;
    if (typeof v === "string" && PERIOD_KINDS.has(columnKind(v) ?? "note")) periods++;
    if (typeof v === "number") {
      if (columnKind(v) === "year") years.add(v);
      else others++;
    }
  }
  // Two headers of periods; or two or more different years as numbers, and no other figure, on a row with no
  // label but the unit (a budget's year row; a balanskravsutredning's "Belopp i mnkr | 2016 | 2017 | 2018" as
  // Excel stores years typed in cells).
  return periods >= 2 || (years.size >= 2 && others === 0 && texts === 0);
}

/** A text that only says the unit of the figures ("Belopp i mnkr", "Tkr", "Miljoner kronor"). */
function isUnitHeading(text: string): boolean {
  return (
    unitIn(text) !== null &&
    /^(belopp( i)?|amounts?( in)?)?[\s,:]*(\(?(tkr|mkr|mnkr|kr|ksek|msek|sek|tusentals kronor|tusen kronor|miljoner kronor)\)?)?[\s.:]*$/i.test(
      text.trim(),
    )
  );
}

/** The first text of a row among the label columns (an amount typed as text is not a label). */
export function rowLabel(g: Grid, r: number, from: number, to: number): string {
  return rowText(g, r, from, to).label;
}

/** A row's label, its normalised key and its role by its words (rowRole), as the label columns give them. */
export interface RowText {
  label: string;
  key: string;
  role: RowRole | null;
}

/**
 * Per grid and span of label columns: each row's text, read once. Every stage of the check (finding the
 * statement, what kind it is, reading it, the distribution, the cell checks) goes over the same rows; a memo by
 * label alone costs a hash lookup in a table of every distinct label each time (100 000 of them in a ledger).
 */
const ROW_TEXTS = new WeakMap<Grid, Map<number, (RowText | undefined)[]>>();

export function rowText(g: Grid, r: number, from: number, to: number): RowText {
  const i = r - g.firstRow;
  if (i < 0 || r > g.lastRow) return readRowText(g, r, from, to);
  let spans = ROW_TEXTS.get(g);
  if (spans === undefined) ROW_TEXTS.set(g, (spans = new Map()));
  const span = from * 0x10000 + to; // a sheet has at most 16 384 columns
  let rows = spans.get(span);
  if (rows === undefined) spans.set(span, (rows = []));
  return (rows[i] ??= readRowText(g, r, from, to));
}

/**
 * A row's label among the label columns. Levels printed side by side (`Town Departments | Registrars |
 * Salaries` over `Town Departments | | Registrars Total`): the last text with words is the row's own, the
 * first the group it belongs to. A group's name repeated down its rows (`Total Other Expenses | Grants`)
 * gives no row its role; a role of the row's own, anywhere among its texts, does.
 */
function readRowText(g: Grid, r: number, from: number, to: number): RowText {
  let first: RowText | null = null;
  let firstColumn = from;
  let last: RowText | null = null;
  for (let c = from; c <= to; c++) {
    const v = g.at(r, c);
    if (typeof v !== "string" || v.trim() === "" || g.number(r, c) !== null) continue;
    const key = g.key(r, c);
    const text = { label: v.trim(), key, role: roleOfKey(key) };
    if (first === null) {
      first = text;
      firstColumn = c;
      if (c === to) return first;
    } else if (/\p{L}{3,}/u.test(key)) last = text;
  }
  if (first === null) return EMPTY_ROW;
  if (last === null) return first;
  if (last.role !== null) return last;
  // The first text names the group where the rows around carry it too; else it is this row's words.
  const key = first.key;
  const repeated = (b: number) => b >= g.firstRow && b <= g.lastRow && g.key(b, firstColumn) === key;
  if (first.role !== null && !repeated(r - 1) && !repeated(r + 1)) return first;
  return { label: last.label, key: last.key, role: null };
}

const EMPTY_ROW: RowText = Object.freeze({ label: "", key: "", role: null });

function unitAbove(g: Grid, headerRow: number): Unit | null {
  for (let r = headerRow; r >= Math.max(g.firstRow, headerRow - 8); r--) {
    for (let c = g.firstColumn; c < g.firstColumn + g.columns; c++) {
      const v = g.at(r, c);
      const unit = typeof v === "string" ? unitIn(v) : null;
      if (unit) return unit;
    }
  }
  return null;
}

/** The decimals a printed figure shows: from its text where it is text ("12,0" has one), else from its value. */
export function decimalsOf(g: Grid, r: number, column: number): number | null {
  const v = g.number(r, column);
  if (v === null) return null;
  const raw = g.at(r, column);
  if (typeof raw === "string") {
    const m = /[,.](\d{1,2})\s*[-\u2010-\u2015\u2212)]?\s*$/.exec(raw.trim());
    return m && !/^\d{1,3}([ .,]\d{3})+$/.test(raw.trim().replace(/^[-\u2010-\u2015\u2212(+ ]+/, ""))
      ? m[1].length
      : 0;
  }
  for (let d = 0; d <= 2; d++) if (Math.abs(v * 10 ** d - Math.round(v * 10 ** d)) < 1e-6) return d;
  return null; // a computed value with more decimals is exact and does not count
}

/**
 * Each column's printed precision (1 for whole units, 0.1 for one decimal …): the finest that at least a fifth
 * of its figures show, so one figure printed with two decimals does not make the whole column exact.
 */
function printedSteps(g: Grid, layout: StatementLayout): Map<number, number> {
  const columns = [...layout.periods, ...(layout.total ? [layout.total] : []), ...layout.deviations];
  const steps = new Map<number, number>();
  for (const { column } of columns) {
    const counts = [0, 0, 0];
    let n = 0;
    for (let r = layout.firstRow; r <= layout.lastRow; r++) {
      const d = decimalsOf(g, r, column);
      if (d === null) continue;
      counts[d]++;
      n++;
    }
    let decimals = 0;
    for (let d = 2; d >= 1; d--)
      if (counts[d] > 0 && counts[d] >= Math.max(1, 0.2 * n)) {
        decimals = d;
        break;
      }
    steps.set(column, 10 ** -decimals);
  }
  return steps;
}

/** The rounding step of one column (the layout's coarsest where the column is not one of its own). */
export const stepOf = (layout: StatementLayout, column: number) => layout.steps.get(column) ?? layout.step;

/** The rounding of a total: its column's, or coarser where the total itself is printed coarser than its parts. */
export function stepAt(g: Grid, layout: StatementLayout, row: number, column: number): number {
  const d = decimalsOf(g, row, column);
  return Math.max(stepOf(layout, column), d === null ? 0 : 10 ** -d);
}

/** Labels of sums and numbers beside them, but no header naming periods. */
function looksLikeStatement(g: Grid): boolean {
  let sums = 0;
  for (let r = g.firstRow; r <= Math.min(g.lastRow, g.firstRow + MAX_HEADER_SCAN); r++) {
    for (let c = g.firstColumn; c < g.firstColumn + Math.min(g.columns, 6); c++) {
      const role = rowRole(g.text(r, c));
      if ((role === "sum" || role === "result") && rowHasNumber(g, r, c + 1)) sums++;
    }
  }
  return sums > 0;
}

function rowHasNumber(g: Grid, r: number, from: number): boolean {
  for (let c = from; c < g.firstColumn + g.columns; c++) if (g.number(r, c) !== null) return true;
  return false;
}

export const isBlankLabel = (text: string) => normalise(text) === "";
