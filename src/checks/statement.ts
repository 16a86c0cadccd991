import { checkSum } from "../domain/budget";
import { isBreakdownKey, isCostKey, isIncomeKey } from "../sheet/vocabulary";
import type { Grid } from "./grid";
import { roleAt, rowText, stepAt, stepOf, type AmountColumn, type StatementLayout } from "./layout";
import {
  addsUp,
  addsUpIn,
  rowList,
  subtotalRun,
  firstReading,
  readings,
  suffixes,
  sumsTo,
  type Readings,
  totalsAbove,
  type Figures,
} from "./structure";

interface RowWords {
  label: string;
  key: string;
  role: ReturnType<typeof roleAt>;
  numbers: boolean;
  cost: boolean;
  income: boolean;
  breakdown: boolean;
}

/**
 * Takes `rows` out of `list`, in place. What a total takes is at or near the end of the list, so the list is
 * looked at from its end only until every one of `rows` has been met: a long table with many totals is not
 * copied once per total.
 */
function removeRows(list: number[], rows: readonly number[]): void {
  // Most often the rows are the list's end, in order (a total of the lines right above it): cut them off.
  const from = list.length - rows.length;
  let tail = from >= 0;
  for (let i = 0; tail && i < rows.length; i++) tail = list[from + i] === rows[i];
  if (tail) {
    list.length = from;
    return;
  }
  const taken = new Set(rows);
  let cut = list.length;
  let met = 0;
  while (cut > 0 && met < taken.size) if (taken.has(list[--cut])) met++;
  const kept = list.slice(cut).filter((r) => !taken.has(r));
  list.length = cut;
  list.push(...kept);
}

/** One number for a cell (a sheet has at most 16 384 columns): map keys without building a string per look-up. */
const CELL_KEY_COLUMNS = 16385;
const cellKey = (row: number, column: number) => row * CELL_KEY_COLUMNS + column;
import type { Finding } from "./types";
import { addedRows } from "./rules/formulas";

/**
 * Checks a statement the way an auditor reads it: every sum against the rows above it (or, when it follows
 * other sums, against those sums), every result against what came before it, every deviation against its
 * outcome and budget, and a sum column across. Each printed figure may be off by half a printed unit, so n
 * parts and their sum may differ by up to (n + 1) / 2 units without an error.
 *
 * Groups are decided by structure: a section heading (`Intäkter`, `Kostnader`) or a sum closes a group; a
 * label with no amounts inside a group is a nil line (blank = 0), unless the sum only adds up from below it,
 * in which case it was a group heading. A sum found wrong counts as the sum of its parts further on, so one
 * wrong figure gives one finding, not one on every total above it. Costs may be printed negative or
 * positive under a cost heading: which, is read from the figures, never reported.
 */
type Kind = "income" | "cost";

const sectionSumsBefore = (seen: Map<string, number>) => [...seen.values()];

export interface SumCheck {
  row: number;
  /** The rows the reading takes the total to add. */
  parts: number[];
  /** The rows its group holds by the table's words and sections (before any other reading was tried). */
  group?: number[];
}

export function checkStatement(g: Grid, layout: StatementLayout): Finding[] {
  return readStatement(g, layout).findings;
}

/** The findings, and every figure as it should be (a wrong sum as the sum of its parts). */
export function readStatement(
  g: Grid,
  layout: StatementLayout,
): {
  findings: Finding[];
  shouldBe: (row: number, column: number) => number;
  totals: SumCheck[];
  unchecked: number;
  /** The deviation columns checked against a pair of periods (the others compare what the table does not show). */
  deviations: ReadonlySet<number>;
} {
  const reader = new StatementReader(g, layout);
  const findings = reader.run();
  return {
    findings,
    shouldBe: (row, column) => reader.shouldBe(row, column),
    totals: reader.totals,
    unchecked: reader.unchecked.size,
    deviations: reader.pairedDeviations,
  };
}

/**
 * A map by row, as an array from the statement's first row (a Map of every row of a 100 000-line ledger
 * spent a tenth of the reading growing its table); rows above it, if any are asked for, in a Map.
 */
class RowMap<V> {
  private readonly byRow: (V | undefined)[] = [];
  private readonly above = new Map<number, V>();
  constructor(private readonly first: number) {}
  get(row: number): V | undefined {
    return row >= this.first ? this.byRow[row - this.first] : this.above.get(row);
  }
  set(row: number, value: V): void {
    if (row >= this.first) this.byRow[row - this.first] = value;
    else this.above.set(row, value);
  }
}

class StatementReader {
  private findings: Finding[] = [];
  private corrected = new Map<number, number>(); // cellKey(row, column) → what the figure should be
  private alias = new Map<number, number>(); // a repeated sum's row → the row it repeats
  private kinds: RowMap<Kind>;
  private sumChecks: SumCheck[] = [];
  /** The totals of the final reading, with what each adds. */
  get totals(): SumCheck[] {
    return this.sumChecks;
  }
  /** Rows read as subtotals from their figures alone. */
  readonly arithmetic = new Set<number>();
  /** Which subtotals from arithmetic this reading accepts. */
  private allowArithmetic: Set<number> | "all" = new Set();
  /** A subtotal from arithmetic → the next total by words after it, whose figures judge the reading. */
  private readonly nextTotal = new Map<number, number>();
  /** Totals not checked in a column ("row,column"), because a part could not be read. */
  readonly unchecked = new Set<number>(); // cellKey(row, column)
  /** Of those, totals whose own figure is unknown: a line of theirs is an error value or no number. */
  private readonly unverified = new Set<number>(); // cellKey(row, column)
  private readonly figures: Figures;
  private readonly downColumns: AmountColumn[];
  /** Every column whose figure makes a row a row of figures. */
  private readonly numberColumns: number[];
  /** A balance sheet has no results: its "Årets resultat" is a line of equity. */
  private readonly isBalanceSheet: boolean;

  constructor(
    private readonly g: Grid,
    private readonly layout: StatementLayout,
  ) {
    this.kinds = new RowMap(layout.firstRow);
    this.downColumns = [...layout.periods, ...(layout.total ? [layout.total] : [])];
    this.numberColumns = [...this.downColumns, ...layout.deviations].map((c) => c.column);
    let balance = false;
    for (let r = layout.firstRow; r <= g.lastRow && !balance; r++)
      balance = rowText(g, r, layout.labelFrom, layout.labelTo).key === "summa tillgångar";
    this.isBalanceSheet = balance;
    this.figures = {
      value: (r, c) => this.figure(r, c),
      columns: this.downColumns.map((d) => d.column),
      step: (c, r) => (r === undefined ? stepOf(layout, c) : stepAt(g, layout, r, c)),
    };
  }

  /**
   * Reads the table three times: without subtotals from arithmetic, with every row that adds up as one, and
   * finally with those whose reading does not break a total that its words explain (a region paying what the
   * municipalities pay together equals their sum, yet it is a line: `Summa intäkter` adds it as one).
   */
  run(): Finding[] {
    return this.understoodOnly(this.chooseReading());
  }

  /**
   * A total the reading finds wrong in every column it could check (two or more) is one it has not
   * understood: no single wrong figure makes every year wrong, a misread structure does (a key figure named
   * `Total …` under a list of unrelated figures; headings read as lines and added twice). Its figures are
   * left unchecked, with one warning that says so, never an error on a figure the author would defend.
   */
  private understoodOnly(findings: Finding[]): Finding[] {
    const byRow = new Map<number, Finding[]>();
    for (const f of findings)
      if (f.severity === "error" && (f.code === "sumMismatch" || f.code === "resultMismatch")) {
        const row = rowOfCell(f.cell);
        byRow.set(row, [...(byRow.get(row) ?? []), f]);
      }
    const dropped = new Set<Finding>();
    const notes: Finding[] = [];
    for (const [row, wrong] of byRow) {
      if (this.layout.anchors) continue; // a sheet the add-in made: its anchors say what each row adds
      const checked = this.downColumns.filter(
        ({ column }) => this.g.number(row, column) !== null && !this.unchecked.has(cellKey(row, column)),
      );
      if (checked.length < 2) continue;
      // Where it fits, only zeros fit (`0 = 0` in every other year): nothing shows it is a total at all. A
      // total of nil whose lines are not (a surplus balanced to `-` by its funding) is shown.
      const wrongColumns = new Set(wrong.map((f) => f.cell));
      const parts = this.totalParts(row);
      const confirmed = checked.some(
        ({ column }) =>
          !wrongColumns.has(this.g.address(row, column)) &&
          ((this.g.number(row, column) ?? 0) !== 0 ||
            parts.some((p) => (this.g.number(p, column) ?? 0) !== 0)),
      );
      const left = wrong.length >= 2 ? this.lineLeftOut(row, wrong, checked) : null;
      if (left !== null) {
        // The author leaves one line out of this total in every year it has a figure (a memo subtotal such as
        // `Net income from continuing operations` among its own parts): which rows it adds is undecided.
        for (const f of wrong) {
          dropped.add(f);
          this.unchecked.add(cellKey(row, columnOfCell(this.downColumns, this.g, row, f.cell)));
        }
        notes.push({
          ...wrong[0],
          severity: "warning",
          code: "sumAmbiguous",
          params: {
            label: this.label(row),
            column: wrong.map((f) => f.params.column).join(", "),
            rows: String(wrong[0].params.rows ?? ""),
            other: rowList(this.totalParts(row).filter((p) => p !== left)),
          },
        });
        continue;
      }
      if (wrong.length < checked.length && confirmed) continue;
      for (const f of wrong) dropped.add(f);
      for (const { column } of checked) this.unchecked.add(cellKey(row, column));
      notes.push({
        ...wrong[0],
        severity: "warning",
        code: "sumUnread",
        params: {
          label: this.label(row),
          rows: String(wrong[0].params.rows ?? ""),
          columns: checked.map((c) => c.name).join(", "),
        },
      });
    }
    return dropped.size === 0 ? findings : [...findings.filter((f) => !dropped.has(f)), ...notes];
  }

  /** The totals read so far, by row: asked for each reading of each total (a list would make that quadratic). */
  private readonly totalsByRow = new Map<number, SumCheck>();

  private addTotal(check: SumCheck): void {
    this.sumChecks.push(check);
    this.totalsByRow.set(check.row, check);
  }

  /** The rows the reading took a total to add. */
  private totalParts(row: number): number[] {
    return this.totalsByRow.get(row)?.parts ?? [];
  }

  /**
   * The one line the total leaves out wherever that line has a figure: without it the total adds up in every
   * column it is wrong in, and every column it is right in has the line nil. Else null.
   */
  private lineLeftOut(row: number, wrong: Finding[], checked: { column: number }[]): number | null {
    const wrongCells = new Set(wrong.map((f) => f.cell));
    const parts = this.totalParts(row);
    if (parts.length < 3) return null;
    for (const line of parts) {
      const fits = checked.every(({ column }) => {
        const v = this.value(line, column);
        if (!wrongCells.has(this.g.address(row, column))) return v === 0;
        const f = wrong.find((w) => w.cell === this.g.address(row, column))!;
        const without = Number(f.params.sum) - v;
        return v !== 0 && Math.abs(without - Number(f.params.printed)) <= Number(f.params.allowed) + 1e-9;
      });
      if (fits) return line;
    }
    return null;
  }

  private chooseReading(): Finding[] {
    if (this.layout.anchors) return this.runOnce(new Set());
    const best = this.readWithSubtotals();
    // Tables that print a section's total on its heading row, above its lines (`ANLÄGGNINGSTILLGÅNGAR 384 554`
    // over `Materiella anläggningstillgångar 372 416` over its own lines): read that way too, and the reading
    // with fewer figures unexplained is the table's.
    const above = totalsAbove(
      this.figures,
      this.numberRows(),
      (r) => this.wordsRole(r),
      this.layout.deviations.map((d) => d.column),
    );
    if (above.inside.size === 0) return best;
    // A figure the reading calls wrong or leaves unchecked (a "total of one total") is one it does not explain.
    const errors = (fs: Finding[]) => fs.filter((f) => f.severity === "error").length + this.unchecked.size;
    // Totals of two lines or more the reading explains (a heading's one wrong figure is what it finds).
    const explained = (fs: Finding[]) => {
      const wrong = new Set(fs.filter((f) => f.severity === "error").map((f) => rowOfCell(f.cell)));
      for (const key of this.unchecked) wrong.add(Math.floor(key / CELL_KEY_COLUMNS));
      return this.sumChecks.filter(
        (t) => t.parts.length >= 2 && (!wrong.has(t.row) || this.nearly.has(t.row)),
      ).length;
    };
    const bestErrors = errors(best);
    const bestTotals = explained(best);
    this.inside = above.inside;
    this.headings = above.heads;
    this.nearly = above.nearly;
    const alternative = this.readWithSubtotals();
    // Fewer figures unexplained; as many, and more totals understood (the headings' own). A heading's one wrong
    // figure (nearly) is no figure the reading fails to explain: it is what the reading finds.
    const own =
      alternative.filter((f) => f.severity === "error" && this.nearly.has(rowOfCell(f.cell))).length +
      [...this.unchecked].filter((key) => this.nearly.has(Math.floor(key / CELL_KEY_COLUMNS))).length;
    const fewer = errors(alternative) - own - bestErrors;
    if (fewer < 0 || (fewer === 0 && explained(alternative) > bestTotals)) return alternative;
    this.inside = new Set();
    this.headings = new Map();
    this.nearly = new Map();
    return this.readWithSubtotals();
  }

  /** Totals printed on their headings (totalsAbove): each heading → the rows it adds. */
  private headings = new Map<number, number[]>();
  /** Of those, headings with one wrong figure → its column. */
  private nearly = new Map<number, number>();

  /** Rows with figures in the statement, top to bottom. */
  private numberRows(): number[] {
    const rows: number[] = [];
    for (let r = this.layout.firstRow; r <= this.layout.lastRow; r++) if (this.hasNumbers(r)) rows.push(r);
    return rows;
  }

  private wordsRole(r: number): string | null {
    const { breakdown, role } = this.row(r);
    return breakdown ? "breakdown" : role;
  }

  /** Rows inside a total printed above them: read as parts of it, not as lines of the table. */
  private inside = new Set<number>();

  private readWithSubtotals(): Finding[] {
    // A total's figures the reading does not explain: errors, and totals it leaves unchecked (a reading that
    // makes a group's total "a total of one total" explains it no better than one that calls it wrong).
    const failing = () => {
      const count = new Map<number, number>();
      const add = (row: number) => count.set(row, (count.get(row) ?? 0) + 1);
      for (const f of this.findings) if (f.severity === "error") add(rowOfCell(f.cell));
      for (const key of this.unchecked) add(Math.floor(key / CELL_KEY_COLUMNS));
      return count;
    };
    // With every subtotal from arithmetic allowed first: where no row adds up that way, that reading is the
    // words' reading (no second pass over a long table).
    const all = this.runOnce("all");
    const candidates = [...this.arithmetic];
    if (candidates.length === 0) return all;
    const failingAll = failing();
    const nextTotal = new Map(this.nextTotal);
    this.runOnce(new Set());
    const failingPlain = failing();
    const kept = candidates.filter((row) => {
      const next = nextTotal.get(row);
      return next === undefined || (failingAll.get(next) ?? 0) <= (failingPlain.get(next) ?? 0);
    });
    if (kept.length === 0) return this.runOnce(new Set());
    return this.runOnce(new Set(kept));
  }

  private runOnce(subtotals: Set<number> | "all"): Finding[] {
    this.allowArithmetic = subtotals;
    this.reset(new Map());
    this.readRows();
    if (this.layout.total) {
      // A detail row that does not add up across has one wrong figure: find which (where its row and its
      // column's sum both fail), then read the sums again with that figure as it should be.
      const { findings, overrides } = this.detailsAcross(this.layout.total);
      this.reset(overrides);
      this.readRows();
      this.sumsAcross(this.layout.total);
      this.findings.push(...findings);
    }
    this.checkDeviations();
    const sheet = this.g.sheet.name;
    return this.findings.map((f) => ({ ...f, sheet }));
  }

  private reset(corrected: Map<number, number>): void {
    this.findings = [];
    this.corrected = corrected;
    this.alias = new Map();
    this.figureCache.clear();
    this.kinds = new RowMap(this.layout.firstRow);
    this.sumChecks = [];
    this.totalsByRow.clear();
    this.arithmetic.clear();
    this.unchecked.clear();
    this.unverified.clear();
    this.nextTotal.clear();
  }

  /** What the words and figures of a row say, read once: the table is read several times over. */
  private row(r: number): RowWords {
    let info = this.rowCache[r - this.layout.firstRow];
    if (info === undefined) {
      const { label, key, role } = rowText(this.g, r, this.layout.labelFrom, this.layout.labelTo);
      // An amount cell showing an error value or a mistyped figure is a line's figure not read, not a heading.
      const numbers = this.numberColumns.some((c) => {
        if (this.g.number(r, c) !== null) return true;
        const v = this.g.at(r, c);
        if (typeof v !== "string" || v.trim() === "") return false;
        const reading = this.g.reading(r, c);
        return reading.kind === "error" || (reading.kind === "text" && reading.digits === true);
      });
      info = {
        label,
        key,
        role: this.layout.anchors ? (this.layout.anchors.get(r) ?? null) : role,
        numbers,
        cost: isCostKey(key),
        income: isIncomeKey(key),
        breakdown: isBreakdownKey(key),
      };
      // A line right under a `Varav …` heading with no figures of its own (`Varav ägd andel` over `Kommunhuset
      // i Värmdö AB 100 %`) is a breakdown of the line above the heading.
      if (numbers && !info.breakdown && info.role === null && r - 1 >= this.layout.firstRow) {
        const above = this.row(r - 1);
        info.breakdown = above.breakdown && !above.numbers;
      }
      if (r >= this.layout.firstRow && r <= this.layout.lastRow)
        this.rowCache[r - this.layout.firstRow] = info;
    }
    return info;
  }

  private readonly rowCache: (RowWords | undefined)[] = [];

  private label(r: number): string {
    return this.row(r).label;
  }

  private hasNumbers(r: number): boolean {
    return this.row(r).numbers;
  }

  shouldBe(r: number, c: number): number {
    return this.value(r, c);
  }

  /** A figure as the checks further on see it: a wrong sum stands for the sum of its parts. */
  private value(r: number, c: number): number {
    const row = this.alias.get(r) ?? r;
    return this.corrected.get(cellKey(row, c)) ?? this.g.number(row, c) ?? 0;
  }

  /** The figure the arithmetic sees (null where the row has none), cached: the same cells are summed in many runs. */
  private figure(r: number, c: number): number | null {
    const i = r - this.layout.firstRow;
    if (i < 0 || r > this.layout.lastRow) return this.g.number(r, c) === null ? null : this.value(r, c);
    let column = this.figureCache.get(c);
    if (column === undefined) this.figureCache.set(c, (column = []));
    const cached = column[i];
    if (cached !== undefined) return cached;
    const v = this.g.number(r, c) === null ? null : this.value(r, c);
    column[i] = v;
    return v;
  }

  /** Column → the figures of the table's rows (by row − first row), as the arithmetic sees them now. */
  private readonly figureCache = new Map<number, (number | null | undefined)[]>();

  /** A total that should be another figure: further on it stands for that figure. */
  private correct(row: number, column: number, should: number): void {
    this.corrected.set(cellKey(row, column), should);
    // Rows that repeat this one see it too: simplest to forget every cached figure then (it is rare).
    if (this.alias.size > 0) this.figureCache.clear();
    else {
      const cached = this.figureCache.get(column);
      if (cached) cached[row - this.layout.firstRow] = undefined;
    }
  }

  private readRows(): void {
    const { firstRow, lastRow } = this.layout;
    let section: Kind | null = null;
    let pending: number[] = [];
    let splits: number[] = []; // positions in `pending` where a label without amounts stood
    let nilLines = 0; // labels without amounts since the last sum or section: a group all nil
    let sectionSums: number[] = [];
    let top: number[] = []; // items not yet inside a sum, since the last result
    let lastResult: number | null = null;
    let breakdowns: number[] = [];
    const seen = new Map<string, number>();

    for (let r = firstRow; r <= lastRow; r++) {
      const { key, role, numbers, cost, income, breakdown } = this.row(r);
      if (!numbers) {
        if (role === "incomeSection" || role === "costSection" || role === "summarySection") {
          if (role !== "summarySection") section = role === "costSection" ? "cost" : "income";
          pending = [];
          splits = [];
          sectionSums = [];
          nilLines = 0;
        } else if (role === "heading") {
          // An anchored group heading: a new group starts here, whatever its label says.
          pending = [];
          splits = [];
          nilLines = 0;
        } else if (key !== "") {
          nilLines++;
          if (pending.length > 0 && splits[splits.length - 1] !== pending.length) splits.push(pending.length);
        }
        continue;
      }
      if (breakdown) {
        breakdowns.push(r); // "varav …": inside the line above, not beside it (unless only that adds up)
        continue;
      }
      if (this.inside.has(r)) continue; // a part of the total printed on its heading above
      if (role === "costSection" || role === "incomeSection")
        section = role === "costSection" ? "cost" : "income";
      const kind: Kind = cost ? "cost" : income ? "income" : (section ?? "income");
      this.kinds.set(r, kind);

      // A result on the first line of figures (the cash-flow statement starts from the year's result), or in
      // a balance sheet's equity, is a line.
      if (
        role === "result" &&
        (this.isBalanceSheet || (top.length === 0 && lastResult === null && pending.length === 0))
      ) {
        pending.push(r);
        top.push(r);
        continue;
      }
      if (role === "sum" || role === "result" || role === "repeat")
        for (const a of this.arithmetic) if (!this.nextTotal.has(a)) this.nextTotal.set(a, r);
      if (role === "result") {
        const parts = [...(lastResult !== null ? [lastResult] : []), ...top.filter((t) => t !== lastResult)];
        if (parts.length > 0) this.checkResult(r, parts, top, lastResult);
        this.kinds.set(r, "income");
        lastResult = r;
        top = [];
        pending = [];
        splits = [];
        sectionSums = [];
        nilLines = 0;
        continue;
      }
      if (role === "sum" || role === "repeat") {
        // A repeat (a summary block): by its anchor, else by a label seen before with nothing pending.
        const original =
          role === "repeat" ? (seen.get(key) ?? this.sameFigures(r, sectionSumsBefore(seen))) : seen.get(key);
        if (original !== undefined && pending.length === 0) {
          // A repeat in a summary block: it stands for the sum it repeats.
          this.checkRepeat(r, original);
          this.alias.set(r, original);
          this.figureCache.clear();
          sectionSums.push(original);
          if (!top.includes(original)) top.push(original);
          continue;
        }
        // A total by its words on the table's first line of figures, over the lines below it (a note that
        // prints `Summa verksamhetens intäkter` first): it adds them, and is a line of nothing above.
        const below =
          role === "sum" &&
          pending.length === 0 &&
          top.length === 0 &&
          sectionSums.length === 0 &&
          lastResult === null &&
          nilLines === 0
            ? this.linesBelow(r)
            : null;
        if (below) {
          this.checkParts(r, below, "sumMismatch");
          this.addTotal({ row: r, parts: below });
          for (const p of below) this.inside.add(p);
          top.push(r);
          seen.set(key, r);
          sectionSums.push(r);
          continue;
        }
        // A group whose lines are all nil adds up to nothing; a sum right after other sums adds those.
        const main =
          pending.length > 0
            ? this.fitParts(r, pending, splits)
            : nilLines > 0
              ? []
              : this.fitParts(r, sectionSums, sectionSums.map((_, i) => i).slice(1), true);
        // Other ways people print a total: of the section totals above, a running total carrying an earlier
        // total, a line between two sections (`Bidrag till statlig infrastruktur`) taken in.
        const inGroup = breakdowns.filter((b) => b > (pending[0] ?? r));
        const withBreakdowns =
          inGroup.length === 0 ? pending : [...pending, ...inGroup].sort((a, b) => a - b);
        // Used only before the lists change below (they are read, never kept).
        const [topNow, sumsNow, pendingNow, resultNow] = [top, sectionSums, pending, lastResult];
        const alternatives = readings(
          () => suffixes(topNow),
          () => suffixes(sumsNow),
          () => suffixes(pendingNow),
          () => (withBreakdowns.length > pending.length ? [withBreakdowns] : []),
          // A total carrying the result above it (`Summa` = balanskravsresultat + the deficit from earlier years).
          () => (resultNow !== null ? [[resultNow, ...topNow]] : []),
        );
        // Formulas are the author's structure: where most of the row's SUMs add the same lines, those are its
        // parts, whatever one wrong figure makes the arithmetic prefer.
        const parts = this.formulaParts(r) ?? this.choose(r, main, alternatives);
        if (parts.length === 0 && nilLines > 0) this.checkParts(r, [], "sumMismatch");
        if (parts.length > 0) {
          this.checkParts(r, parts, "sumMismatch", undefined, alternatives);
          this.addTotal({ row: r, parts, group: main });
          removeRows(top, parts);
          if (!cost && !income)
            this.kinds.set(r, parts.every((p) => this.kinds.get(p) === "cost") ? "cost" : kind);
        }
        top.push(r);
        seen.set(key, r);
        sectionSums.push(r);
        pending = [];
        splits = [];
        breakdowns = [];
        nilLines = 0;
        continue;
      }
      // A total printed on its heading, over its lines: checked against them, and a line of what is above.
      const heading = this.headings.get(r);
      if (heading) {
        if (this.nearly.has(r)) this.checkParts(r, heading, "subtotalOneOff");
        this.addTotal({ row: r, parts: heading });
        pending.push(r);
        top.push(r);
        continue;
      }
      // A line whose figures are the sum of a run of the lines right above it is a subtotal, whatever its label.
      const allowed = this.allowArithmetic === "all" || this.allowArithmetic.has(r);
      const run = allowed ? subtotalRun(this.figures, r, top, this.costSignOf) : null;
      if (run) {
        // One figure of the subtotal is wrong: said on its cell, and further on it stands for its parts' sum.
        if (run.oneOff) this.checkParts(r, run.parts, "subtotalOneOff");
        this.addTotal({ row: r, parts: run.parts });
        // The run is the end of `top`; its rows in `pending` (in row order too) are at its end: only the ends
        // are cut, so a long table with many subtotals is not copied once per subtotal.
        top.length -= run.parts.length;
        top.push(r);
        if (run.signs) this.kinds.set(r, "income");
        else if (run.parts.every((p) => this.kinds.get(p) === "cost")) this.kinds.set(r, "cost");
        sectionSums.push(r);
        removeRows(pending, run.parts);
        pending.push(r);
        this.arithmetic.add(r);
        continue;
      }
      pending.push(r);
      top.push(r);
    }
  }

  /** The signs a run of lines adds with when costs are printed as positive figures. */
  /** costSign as a function to hand on (made once, not once per row). */
  private readonly costSignOf = (p: number): number => this.costSign(p);

  private costSign(p: number): number {
    return this.kinds.get(p) === "cost" && this.row(p).cost ? -1 : 1;
  }

  /**
   * Another total alone says nothing of a group's lines (`Total Liabilities and Fund Balances` equals `Total
   * Assets` because the sheet balances): no reading of a group of two lines or more.
   */
  private anotherTotal(main: number[], a: number[]): boolean {
    return main.length >= 2 && a.length === 1 && this.totalsByRow.has(a[0]);
  }

  /** The reading of a total that explains its figures: the main one if it does, else the first that does. */
  private choose(
    row: number,
    main: number[],
    alternatives: Readings,
    signsOf?: (parts: number[]) => number[] | undefined,
  ): number[] {
    if (addsUp(this.figures, row, main, signsOf?.(main))) return main;
    const oneTotal = (a: number[]) => this.anotherTotal(main, a);
    const all = firstReading(
      alternatives,
      (a) => a.length > 0 && !oneTotal(a) && addsUp(this.figures, row, a, signsOf?.(a)),
    );
    if (all) return all;
    // No reading explains every column (one figure is wrong): the one that explains the most figures.
    const score = (a: number[]) =>
      this.downColumns.filter((d) => addsUpIn(this.figures, row, d.column, a, signsOf?.(a))).length;
    let best = main;
    let bestScore = score(main);
    for (const a of alternatives()) {
      if (a.length === 0 || oneTotal(a)) continue;
      const s = score(a);
      if (s > bestScore) {
        best = a;
        bestScore = s;
      }
    }
    return best;
  }

  /** The earlier sum whose figures this row repeats, in every column. */
  private sameFigures(r: number, candidates: number[]): number | undefined {
    return candidates.find((c) =>
      this.downColumns.every(({ column }) => this.g.number(c, column) === this.g.number(r, column)),
    );
  }

  /**
   * The rows a sum adds up: all the rows since the group began, or — when only that fails and the rows
   * from a label without amounts onwards add up — the rows after that label, which was a heading.
   */
  private fitParts(row: number, pending: number[], splits: number[], closest = false): number[] {
    if (this.adds(row, pending) || splits.length === 0) return pending;
    for (let i = splits.length - 1; i >= 0; i--) {
      const tail = pending.slice(splits[i]);
      if (this.adds(row, tail)) return tail;
    }
    if (!closest) return pending;
    // Sums of sums where none adds up in every column: the run of sums that adds up in the most columns
    // (then: nearest the printed total) is what it meant to add.
    const score = (parts: number[]) => {
      let fits = 0;
      let off = 0;
      for (const { column } of this.downColumns) {
        const total = this.g.number(row, column);
        if (total === null) continue;
        const check = sumsTo(
          parts.map((p) => this.value(p, column)),
          total,
          stepAt(this.g, this.layout, row, column),
        );
        if (check.ok) fits++;
        off += Math.abs(check.difference);
      }
      return { fits, off };
    };
    let best = pending;
    let bestScore = score(pending);
    for (const i of splits) {
      const s = score(pending.slice(i));
      if (s.fits > bestScore.fits || (s.fits === bestScore.fits && s.off < bestScore.off)) {
        best = pending.slice(i);
        bestScore = s;
      }
    }
    return best;
  }

  private adds(row: number, parts: number[]): boolean {
    return this.downColumns.every(({ column }) => {
      const total = this.g.number(row, column);
      if (total === null) return true;
      return sumsTo(
        parts.map((p) => this.value(p, column)),
        total,
        stepAt(this.g, this.layout, row, column),
      ).ok;
    });
  }

  /** Without a formula to say so, a total that "adds" one other total only is not understood as a sum. */
  private totalOfOneTotal(row: number, column: number, parts: number[]): boolean {
    if (parts.length !== 1 || this.g.formula(row, column) !== null) return false;
    const part = this.alias.get(parts[0]) ?? parts[0];
    return this.totalsByRow.has(part);
  }

  private checkParts(
    row: number,
    parts: number[],
    code: "sumMismatch" | "resultMismatch" | "subtotalOneOff",
    signs?: number[],
    alternatives: Readings = () => [],
  ): void {
    for (const { column, name } of this.downColumns) {
      const total = this.g.number(row, column);
      if (total === null) continue;
      // A part that cannot be read (an error value, a mistyped figure) is reported on its own cell: the total
      // is not checked in that column.
      // A column that prints only the totals (a group's figures beside the body's lines) has nothing to add.
      // Against the parts as printed, and against the parts as corrected: a total that follows a wrong
      // subtotal (a formula) and a total that is right despite it (a report) are both not new errors. One pass
      // over the parts reads both (a total of a long ledger has a hundred thousand).
      const asPrinted = new Array<number>(parts.length);
      const asCorrected = new Array<number>(parts.length);
      let blank = parts.length > 0;
      let unreadable = false;
      for (let i = 0; i < parts.length && !unreadable; i++) {
        const p = this.alias.get(parts[i]) ?? parts[i];
        blank &&= this.g.blank(p, column);
        unreadable = this.unreadable(p, column);
        const sign = signs?.[i] ?? 1;
        asPrinted[i] = sign * (this.g.number(p, column) ?? 0);
        asCorrected[i] = sign * this.value(parts[i], column);
      }
      if (blank || unreadable) {
        this.unchecked.add(cellKey(row, column));
        if (unreadable) this.unverified.add(cellKey(row, column));
        continue;
      }
      const step = stepAt(this.g, this.layout, row, column);
      const printed = sumsTo(asPrinted, total, step);
      const check = sumsTo(asCorrected, total, step);
      // A total that follows a wrong part is no new error, but further on it stands for what it should be.
      if (printed.ok && !check.ok) this.correct(row, column, check.sum);
      // A part that is itself a total left unchecked (one of its own lines could not be read) may be the
      // wrong figure: which of the two is, the table does not say.
      if (!printed.ok && !check.ok && parts.some((p) => this.unverified.has(cellKey(p, column)))) {
        this.unchecked.add(cellKey(row, column));
        this.unverified.add(cellKey(row, column));
        continue;
      }
      if (!printed.ok && !check.ok && code === "sumMismatch" && this.totalOfOneTotal(row, column, parts)) {
        // A "total" whose only part is itself a total adds nothing: it is figured some other way (a net budget
        // less its financing, a requirement carried from another table), which the sheet does not show. A
        // result is different: `Årets resultat` equal to the result above it (no extraordinary items) is read.
        this.unchecked.add(cellKey(row, column));
        continue;
      }
      if (!printed.ok && !check.ok) {
        // Another reading explains this figure but not the others: which rows the total adds is undecided.
        const same = (a: number[]) => a.length === parts.length && a.every((p, i) => p === parts[i]);
        // A total adds the same rows in every column: another reading is as good only where it explains as
        // many of the row's figures as the words' reading does.
        // Columns where the two readings give the same figure (the rows between are nil) decide nothing; a tie
        // goes to the reading of the table's words and groups.
        const otherFits = (a: number[]) => {
          let mine = 0;
          let theirs = 0;
          for (const d of this.downColumns) {
            const x = addsUpIn(this.figures, row, d.column, parts, signs);
            const y = addsUpIn(this.figures, row, d.column, a, signs);
            if (x && !y) mine++;
            if (y && !x) theirs++;
          }
          return theirs > mine;
        };
        const other = firstReading(
          alternatives,
          (a) =>
            a.length > 0 &&
            !same(a) &&
            !this.anotherTotal(parts, a) &&
            addsUpIn(this.figures, row, column, a, signs) &&
            otherFits(a),
        );
        this.correct(row, column, check.sum);
        if (this.formulasDisagree(row, column)) {
          // The row's formulas add different rows column by column: the figure is what its own formula gives,
          // and which rows are the group is the formula rule's to say (src/checks/rules/formulas.ts).
          this.unchecked.add(cellKey(row, column));
          continue;
        }
        if (other) {
          this.findings.push({
            sheet: "",
            cell: this.g.address(row, column),
            severity: "warning",
            code: "sumAmbiguous",
            params: { label: this.label(row), column: name, rows: rowList(parts), other: rowList(other) },
          });
          continue;
        }
        // A subtotal known only from its other columns' arithmetic: its words do not say it is a sum, so a
        // figure that does not fit is a warning (it may be a line that happens to add up elsewhere).
        this.push(row, column, code, {
          rows: rowList(parts),
          label: this.label(row),
          column: name,
          printed: total,
          sum: check.sum,
          difference: check.difference,
          allowed: check.allowed,
        });
      }
    }
  }

  /**
   * The lines under a total printed first, down to the table's end, where they add up to it in every column
   * but one at most (with two columns or more that add up, not nil): else null (no other total by words may
   * follow, or which lines it adds would be a guess).
   */
  private linesBelow(row: number): number[] | null {
    const lines: number[] = [];
    for (let r = row + 1; r <= this.layout.lastRow; r++) {
      if (!this.hasNumbers(r)) continue;
      const { role, breakdown } = this.row(r);
      if (role === "sum" || role === "result" || role === "repeat") return null;
      if (!breakdown) lines.push(r);
    }
    if (lines.length < 2) return null;
    let fits = 0;
    let misfits = 0;
    for (const { column } of this.downColumns) {
      const total = this.g.number(row, column);
      if (total === null) continue;
      if (!addsUpIn(this.figures, row, column, lines)) misfits++;
      else if (total !== 0) fits++;
    }
    return fits >= 2 && misfits <= 1 ? lines : null;
  }

  /**
   * The lines a total's formulas add, where two or more of its columns' SUMs and most of them add the same
   * rows above it; of those, the lines with figures. Else null.
   */
  private formulaParts(row: number): number[] | null {
    if (!this.g.hasFormulas) return null;
    const counts = new Map<string, { rows: number[]; n: number }>();
    let formulas = 0;
    for (const { column } of this.downColumns) {
      const f = this.g.formula(row, column);
      const rows = f ? addedRows(f, column) : null;
      if (!rows) continue;
      formulas++;
      const key = rows.join(",");
      const entry = counts.get(key) ?? { rows, n: 0 };
      entry.n++;
      counts.set(key, entry);
    }
    let best: { rows: number[]; n: number } | null = null;
    for (const e of counts.values()) if (!best || e.n > best.n) best = e;
    if (!best || best.n < 2 || best.n * 2 <= formulas) return null;
    if (best.rows.some((r) => r >= row || r < this.layout.firstRow)) return null;
    // Every line it names, a "varav" line too: the formula says what it adds.
    const lines = best.rows.filter((r) => this.hasNumbers(r));
    return lines.length > 0 ? lines : null;
  }

  /**
   * Is this total a SUM formula whose value is what it adds, in a row where another column's formula adds other
   * rows (`=SUM(C15:C15)` beside `=SUM(D14:D15)`)?
   */
  private formulasDisagree(row: number, column: number): boolean {
    const formula = this.g.formula(row, column);
    const rows = formula ? addedRows(formula, column) : null;
    const printed = this.g.number(row, column);
    if (!rows || printed === null) return false;
    const own = rows.map((r) => this.g.number(r, column) ?? 0);
    if (!sumsTo(own, printed, stepAt(this.g, this.layout, row, column)).ok) return false;
    const key = rows.join(",");
    return this.downColumns.some(({ column: c }) => {
      const f = c !== column ? this.g.formula(row, c) : null;
      const theirs = f ? addedRows(f, c) : null;
      return theirs !== null && theirs.join(",") !== key;
    });
  }

  /** A result adds its parts; costs printed as positive figures are taken away. */
  private checkResult(row: number, main: number[], top: number[], lastResult: number | null): void {
    // Costs printed positive are taken away — unless the figures add up as printed in every column (`Net Cost
    // of Services` less grants is the `Council Tax Requirement`: a cost carried, not a cost taken away).
    const signsOf = (parts: number[]) => {
      const costs = parts.filter((p) => this.kinds.get(p) === "cost");
      const column = this.downColumns[0].column;
      const positive = costs.filter((p) => this.value(p, column) > 0).length;
      const negative = costs.filter((p) => this.value(p, column) < 0).length;
      if (positive <= negative) return undefined;
      const signs = parts.map((p) => (this.kinds.get(p) === "cost" ? -1 : 1));
      return !addsUp(this.figures, row, parts, signs) && addsUp(this.figures, row, parts) ? undefined : signs;
    };
    // The result carries the one before it, or starts afresh (a table of its own), or adds the last lines.
    const lines = top.filter((t) => t !== lastResult);
    const alternatives = readings(
      () => suffixes([...(lastResult !== null ? [lastResult] : []), ...lines]),
      () => suffixes(lines),
    );
    const parts = this.choose(row, main, alternatives, signsOf);
    this.checkParts(row, parts, "resultMismatch", signsOf(parts));
    this.addTotal({ row, parts });
  }

  /** A figure that cannot be read: an error value or a text that is no number. */
  private unreadable(r: number, c: number): boolean {
    const v = this.g.at(r, c);
    if (typeof v === "number" || v === null || v === undefined) return false; // a figure, NaN or none: read
    const kind = this.g.reading(r, c).kind;
    return kind === "error" || kind === "text";
  }

  private checkRepeat(row: number, original: number): void {
    for (const { column, name } of this.downColumns) {
      const printed = this.g.number(row, column);
      const before = this.g.number(original, column);
      if (printed === null || before === null) continue;
      if (!checkSum([before], printed, 0).ok)
        this.push(row, column, "repeatMismatch", {
          label: this.label(row),
          column: name,
          printed,
          expected: before,
          cell: this.g.address(original, column),
        });
    }
  }

  /** The period figures of a row, added up. */
  private across(r: number, total: AmountColumn, value: (r: number, c: number) => number) {
    const printed = this.g.number(r, total.column);
    if (printed === null || this.alias.has(r)) return null;
    // A figure of the row that cannot be read is reported on its own cell; the row is not added across.
    if (this.layout.periods.some((p) => this.unreadable(r, p.column))) {
      this.unchecked.add(cellKey(r, total.column));
      return null;
    }
    return {
      printed,
      check: checkSum(
        this.layout.periods.map((p) => value(r, p.column)),
        printed,
        stepOf(this.layout, total.column),
      ),
    };
  }

  /**
   * The sum column across on detail rows. A wrong period figure shows twice, in its row's total and in its
   * column's sum, with the same difference: it is reported once, on the figure itself. A wrong row total
   * shows in its row and in the sum column's sum, with opposite differences: reported on the total.
   */
  private detailsAcross(total: AmountColumn): { findings: Finding[]; overrides: Map<number, number> } {
    const overrides = new Map<number, number>();
    const found: Finding[] = [];
    for (let r = this.layout.firstRow; r <= this.layout.lastRow; r++) {
      if (this.totalsByRow.has(r)) continue;
      const a = this.across(r, total, (row, c) => this.g.number(row, c) ?? 0);
      if (!a || a.check.ok) continue;
      const { printed, check } = a;
      const cell = this.crossing(r, check.difference, check.allowed);
      const column = cell ?? total;
      const figure = this.g.number(r, column.column) ?? 0;
      const isTotal = column.kind === "total";
      const should = isTotal ? check.sum : figure - check.difference;
      overrides.set(cellKey(r, column.column), should);
      found.push({
        sheet: "",
        cell: this.g.address(r, column.column),
        severity: "error",
        code: isTotal ? "acrossMismatch" : "crossMismatch",
        params: {
          label: this.label(r),
          column: column.name,
          printed: isTotal ? printed : figure,
          sum: should,
          difference: isTotal ? check.difference : figure - should,
          allowed: check.allowed,
        },
      });
    }
    return { findings: found, overrides };
  }

  /** The column whose sum fails by the difference a wrong figure on row r would make, or null. */
  private crossing(r: number, across: number, allowed: number): AmountColumn | null {
    for (const sum of this.sumChecks) {
      if (!sum.parts.includes(r)) continue;
      for (const column of this.layout.periods) {
        const address = this.g.address(sum.row, column.column);
        const down = this.findings.find((f) => f.cell === address && f.code === "sumMismatch")?.params;
        if (!down) continue;
        // A period figure too high by e: its row's periods are e over the row total, its column's parts e
        // over their printed sum.
        if (Math.abs(Number(down.difference) - across) <= allowed + Number(down.allowed) + 1e-9)
          return column;
      }
    }
    return null;
  }

  /** The sum column across on sums and results, with their parts as they should be. */
  private sumsAcross(total: AmountColumn): void {
    for (const { row: r } of this.sumChecks) {
      if (this.findings.some((f) => f.cell === this.g.address(r, total.column))) continue; // reported down
      // A period figure not checked down (a part unreadable, formulas that disagree): across, it proves nothing.
      if (this.layout.periods.some((p) => this.unchecked.has(cellKey(r, p.column)))) continue;
      const a = this.across(r, total, (row, c) => this.value(row, c));
      if (!a || a.check.ok) continue;
      this.push(r, total.column, "acrossMismatch", {
        label: this.label(r),
        column: total.name,
        printed: a.printed,
        sum: a.check.sum,
        difference: a.check.difference,
        allowed: a.check.allowed,
      });
    }
  }

  /**
   * Avvikelse against its outcome and budget. Which two columns, and which way round on income and on cost
   * rows, is read from the rows themselves (most rows agree); every row is then held to that.
   */
  /** The deviation columns whose pair of periods was found (checkDeviations). */
  readonly pairedDeviations = new Set<number>();

  private checkDeviations(): void {
    const rows: number[] = [];
    for (let r = this.layout.firstRow; r <= this.layout.lastRow; r++) if (this.hasNumbers(r)) rows.push(r);
    this.pairedDeviations.clear();
    for (const deviation of this.layout.deviations) {
      const pair = this.deviationPair(deviation, rows);
      if (!pair) continue;
      this.pairedDeviations.add(deviation.column);
      const orientation = new Map<Kind, 1 | -1>();
      for (const kind of ["income", "cost"] as Kind[]) {
        const ofKind = rows.filter((r) => (this.kinds.get(r) ?? "income") === kind);
        const forward = ofKind.filter((r) => this.deviationFits(r, deviation, pair, 1)).length;
        const backward = ofKind.filter((r) => this.deviationFits(r, deviation, pair, -1)).length;
        orientation.set(kind, backward > forward ? -1 : 1);
      }
      for (const r of rows) {
        const sign = orientation.get(this.kinds.get(r) ?? "income") ?? 1;
        const a = this.g.number(r, pair.a.column);
        const b = this.g.number(r, pair.b.column);
        if (a === null && b === null) continue;
        if (this.deviationFits(r, deviation, pair, sign)) continue;
        // A blank deviation reads as nil where the pair is equal; beside a difference it is a figure not
        // printed (a web page cut short, a cell left for later), not a wrong one.
        if (this.g.blank(r, deviation.column)) continue;
        // A figure of the pair that cannot be read, or that is already called wrong and with which, as it
        // should be, the deviation fits: the finding is on that figure's cell, not again on the deviation.
        if (this.unreadable(r, pair.a.column) || this.unreadable(r, pair.b.column)) continue;
        if (this.deviationFits(r, deviation, pair, sign, true)) continue;
        const expected = sign * ((a ?? 0) - (b ?? 0));
        this.push(r, deviation.column, "deviationMismatch", {
          label: this.label(r),
          printed: this.g.number(r, deviation.column) ?? 0,
          expected,
          outcome: a ?? 0,
          budget: b ?? 0,
          first: pair.a.name,
          second: pair.b.name,
          order: sign === 1 ? "forward" : "backward",
        });
      }
    }
  }

  private deviationFits(
    r: number,
    d: AmountColumn,
    pair: { a: AmountColumn; b: AmountColumn },
    sign: 1 | -1,
    asTheyShouldBe = false,
  ): boolean {
    const figure = (c: number) => {
      const printed = this.g.number(r, c);
      return asTheyShouldBe && printed !== null ? this.value(r, c) : printed;
    };
    const a = figure(pair.a.column);
    const b = figure(pair.b.column);
    if (a === null && b === null) return true;
    const printed = this.g.number(r, d.column) ?? 0; // a blank deviation is nil
    // Three printed figures, each off by at most half a unit.
    return Math.abs(printed - sign * ((a ?? 0) - (b ?? 0))) <= 1.5 * stepOf(this.layout, d.column) + 1e-9;
  }

  /** The outcome (or forecast) and budget columns a deviation column compares: the pair most rows fit. */
  private deviationPair(d: AmountColumn, rows: number[]): { a: AmountColumn; b: AmountColumn } | null {
    const periods = this.layout.periods;
    const firsts = periods.filter((p) => p.kind === "outcome" || p.kind === "forecast");
    const seconds = periods.filter((p) => p.kind === "budget" || p.kind === "plan");
    const candidates: { a: AmountColumn; b: AmountColumn }[] = [];
    const as = firsts.length > 0 ? firsts : periods;
    const bs = seconds.length > 0 ? seconds : periods;
    for (const a of as) for (const b of bs) if (a.column !== b.column) candidates.push({ a, b });
    let best: { a: AmountColumn; b: AmountColumn } | null = null;
    let bestScore = -1;
    for (const c of candidates) {
      // Rows where the pair and the deviation all print a figure: most of them must fit, or the column compares
      // something the table does not show (a change against last year's outcome), and it is not checked.
      const full = rows.filter((r) => [c.a, c.b, d].every((x) => this.g.number(r, x.column) !== null));
      const fits = full.filter(
        (r) => this.deviationFits(r, d, c, 1) || this.deviationFits(r, d, c, -1),
      ).length;
      if (fits * 2 <= full.length) continue;
      // Ties: the outcome before a forecast, then the columns nearest the deviation.
      const score =
        fits * 1000 -
        (c.a.kind === "forecast" ? 100 : 0) -
        Math.abs(d.column - c.a.column) -
        Math.abs(d.column - c.b.column);
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    return best;
  }

  private push(row: number, column: number, code: Finding["code"], params: Finding["params"]): void {
    this.findings.push({ sheet: "", cell: this.g.address(row, column), severity: "error", code, params });
  }

  private warn(row: number, column: number, code: Finding["code"], params: Finding["params"]): void {
    this.findings.push({ sheet: "", cell: this.g.address(row, column), severity: "warning", code, params });
  }
}

const rowOfCell = (cell: string) => Number(/\d+$/.exec(cell)?.[0] ?? 0);

/** The amount column a finding's cell stands in. */
const columnOfCell = (columns: { column: number }[], g: Grid, row: number, cell: string) =>
  columns.find(({ column }) => g.address(row, column) === cell)?.column ?? 0;
