import { headerYear, normalise } from "../sheet/vocabulary";
import type { Grid } from "./grid";
import { roleAt, rowLabel, rowText, type StatementLayout } from "./layout";
import type { Finding } from "./types";

/**
 * The checks an auditor makes across the statements of an annual report (LKBR; RKR): the year's result is
 * the same in the result statement, the balance sheet and the cash-flow statement; assets equal equity,
 * provisions and liabilities; equity rolls forward with the result; liquid funds at the start plus the
 * year's cash flow are the funds at the end and the balance sheet's cash and bank; the cash-flow lines for
 * receivables and short-term liabilities are the balance sheet's differences with the sign the label states;
 * each note adds up to the line that refers to it. Statements are found by their lines, wherever they are;
 * years are read from the headers ("2023", "2023-12-31", "2023-01-01 – 2023-12-31"). Where three figures
 * should agree and two do, the third is the one reported.
 */
export type AnnualKind = "resultStatement" | "balanceSheet" | "cashFlow" | "notes" | "balanceRequirement";

export interface AnnualStatement {
  kind: AnnualKind;
  g: Grid;
  layout: StatementLayout;
}

const RR = /^årets resultat$/;
const is = (pattern: RegExp) => (label: string) => pattern.test(normalise(label));

const KINDS = new WeakMap<StatementLayout, { g: Grid; kind: AnnualKind | null }>();

/**
 * What kind of annual-report statement a statement is, by its lines; null for other statements. Read once
 * per statement of a grid (the check asks three times; each reading goes over all of its labels).
 */
export function annualKind(g: Grid, layout: StatementLayout): AnnualKind | null {
  const known = KINDS.get(layout);
  if (known !== undefined && known.g === g) return known.kind;
  const kind = kindByLines(g, layout);
  KINDS.set(layout, { g, kind });
  return kind;
}

/** The lines each kind is known by (the first kind whose lines a statement has, in this order). */
const CASH_FLOW = /^likvida medel vid (årets|periodens) (början|slut)/;
const BALANCE = /^summa tillgångar$/;
const OPERATING = /^verksamhetens (intäkter|kostnader)/;
// The balanskravsutredning: the year's result, realised gains taken away, RUR, the balance-requirement result.
const REQUIREMENT = /balanskravs(resultat|justering)|^årets resultat enligt resultaträkningen/;
const NOTE = /^not \d+\b/;

/** A line that may have one of the patterns above (each begins with one of these words, or names the requirement). */
const ANY_KIND = /^(likvida|summa|årets|verksamhetens|not)\b|balanskravs/;

function kindByLines(g: Grid, layout: StatementLayout): AnnualKind | null {
  // One pass over the lines, each pattern tried until a line has it.
  let cashFlow = false;
  let balance = false;
  let result = false;
  let operating = false;
  let requirement = false;
  let note = false;
  const last = Math.max(layout.lastRow, lastFigureRow(g, layout));
  for (let r = layout.firstRow; r <= last; r++) {
    const { key } = rowText(g, r, layout.labelFrom, layout.labelTo);
    if (key === "" || !ANY_KIND.test(key)) continue; // most lines name no kind: one test, not six
    if (!cashFlow && CASH_FLOW.test(key)) cashFlow = true;
    if (!balance && BALANCE.test(key)) balance = true;
    if (!result && RR.test(key)) result = true;
    if (!operating && OPERATING.test(key)) operating = true;
    if (!requirement && REQUIREMENT.test(key)) requirement = true;
    if (!note && NOTE.test(key)) note = true;
  }
  if (cashFlow) return "cashFlow";
  if (balance) return "balanceSheet";
  if (result && operating) return "resultStatement";
  if (requirement) return "balanceRequirement";
  if (note) return "notes";
  return null;
}

function statementLabels(g: Grid, s: StatementLayout): { row: number; label: string; key: string }[] {
  const out: { row: number; label: string; key: string }[] = [];
  for (let r = s.firstRow; r <= Math.max(s.lastRow, lastFigureRow(g, s)); r++) {
    const { label, key } = rowText(g, r, s.labelFrom, s.labelTo);
    if (label) out.push({ row: r, label, key });
  }
  return out;
}

/** Statements like the cash-flow end on lines that are no sum; read to the last figure under the header. */
function lastFigureRow(g: Grid, s: StatementLayout): number {
  let last = s.lastRow;
  for (let r = s.lastRow + 1; r <= Math.min(g.lastRow, s.lastRow + 12); r++)
    if (s.periods.some((p) => g.number(r, p.column) !== null)) last = r;
    else if (rowLabel(g, r, s.labelFrom, s.labelTo) === "") break;
  return last;
}

const yearOf = (name: string) => headerYear(name);

interface Figure {
  value: number;
  sheet: string;
  row: number;
  column: number;
  address: string;
  step: number;
}

/**
 * A year's period column in a column group: the body's own figures are group 0, the group's (koncern,
 * sammanställd redovisning) beside them group 1 — the n-th column naming that year.
 */
function periodOf(st: AnnualStatement, year: number, group: number) {
  return st.layout.periods.filter((p) => yearOf(p.name) === year)[group];
}

/** The number of column groups a statement prints (the most columns any one year has). */
export function groupsOf(st: AnnualStatement | undefined): number {
  if (!st) return 0;
  const count = new Map<number, number>();
  for (const p of st.layout.periods) {
    const y = yearOf(p.name);
    if (y !== null) count.set(y, (count.get(y) ?? 0) + 1);
  }
  return Math.max(0, ...count.values());
}

/** The figure of a given row for a year. */
function figureAt(st: AnnualStatement, row: number, year: number, group = 0): Figure | null {
  const period = periodOf(st, year, group);
  const value = period ? st.g.number(row, period.column) : null;
  if (!period || value === null) return null;
  return {
    value,
    sheet: st.g.sheet.name,
    row,
    column: period.column,
    address: st.g.address(row, period.column),
    step: st.layout.step,
  };
}

/** A line's figure for a year, found by its label. */
function figure(
  st: AnnualStatement | undefined,
  match: (label: string) => boolean,
  year: number,
  group = 0,
): Figure | null {
  if (!st) return null;
  const period = periodOf(st, year, group);
  if (!period) return null;
  for (const { row, label } of statementLabels(st.g, st.layout)) {
    if (!match(label)) continue;
    const f = figureAt(st, row, year, group);
    if (f) return f;
  }
  return null;
}

/** Other statements of the workbook the annual report is checked against: operating statements (driftsredovisning). */
export interface OtherStatement {
  g: Grid;
  layout: StatementLayout;
}

export function checkAnnualReport(
  statements: AnnualStatement[],
  earlier: Finding[],
  context: { grids: Grid[]; outcomes: OtherStatement[] } = { grids: [], outcomes: [] },
): Finding[] {
  const findings: Finding[] = [];
  const byKind = (k: AnnualKind) => statements.find((s) => s.kind === k);
  const rr = byKind("resultStatement");
  const br = byKind("balanceSheet");
  const kf = byKind("cashFlow");
  const bk = byKind("balanceRequirement");
  const notes = statements.filter((s) => s.kind === "notes");
  const years = new Set<number>();
  for (const s of [rr, br, kf])
    for (const p of s?.layout.periods ?? []) if (yearOf(p.name)) years.add(yearOf(p.name)!);
  const reported = (f: Figure) =>
    [...earlier, ...findings].some((x) => x.sheet === f.sheet && x.cell === f.address);
  // Identities an author may have reasons to break are warnings: equity also changes by entries straight
  // against it, liquid funds may be defined wider than cash and bank, and a group's cash-flow lines include
  // what it acquired. A change with the opposite sign to the one the label states is an error.
  const WARN = new Set<Finding["code"]>(["equityChange", "cashMismatch"]);
  const push = (
    f: Figure,
    code: Finding["code"],
    params: Finding["params"],
    severity?: Finding["severity"],
  ) =>
    findings.push({
      sheet: f.sheet,
      cell: f.address,
      severity: severity ?? (WARN.has(code) ? "warning" : "error"),
      code,
      params: { ...params, printed: f.value },
    });
  const tol = (f: Figure, figures = 1) => ((figures + 1) / 2) * f.step + 1e-9;
  const agree = (a: number, b: number, f: Figure, figures = 1) => Math.abs(a - b) <= tol(f, figures);

  // Every column group (kommun, koncern) gets every check, against the same group of the other statements.
  const groups = Math.max(1, ...[rr, br, kf, bk].map(groupsOf));
  for (let group = 0; group < groups; group++) {
    const fig = (st: AnnualStatement | undefined, match: (label: string) => boolean, year: number) =>
      figure(st, match, year, group);
    for (const year of [...years].sort()) {
      // 1. The year's result, three times.
      const results = [
        fig(rr, is(RR), year),
        fig(br, is(RR), year),
        fig(kf, is(/^(årets resultat|resultat efter finansiella poster)$/), year),
        fig(bk, is(/^årets resultat( enligt resultaträkningen)?$/), year),
      ];
      const odd = oddOneOut(results, (a, b, f) => agree(a, b, f));
      // A cash-flow statement may start from the result before tax or before extraordinary items (a koncern
      // whose row still says `Årets resultat`): where the result statement prints that figure, a warning.
      const earlierResult =
        odd && odd.figure === results[2]
          ? fig(rr, is(/^resultat (efter finansiella poster|före skatt|före extraordinära poster)$/), year)
          : null;
      const explained = earlierResult !== null && agree(earlierResult.value, odd!.figure.value, odd!.figure);
      if (odd && !reported(odd.figure))
        push(odd.figure, "crossResult", { year, expected: odd.expected }, explained ? "warning" : undefined);

      // 2. Assets = equity + provisions + liabilities.
      const assets = fig(br, is(/^summa tillgångar$/), year);
      const claims = fig(br, is(/^summa (eget kapital|skulder)\b.*(skulder|eget kapital)$/), year);
      if (
        assets &&
        claims &&
        !agree(assets.value, claims.value, claims) &&
        !reported(assets) &&
        !reported(claims)
      )
        push(claims, "balanceMismatch", { year, expected: assets.value });

      // 3. Equity rolls forward: this year's = last year's + this year's result.
      const equity = fig(br, is(/^summa eget kapital$/), year);
      const equityBefore = fig(br, is(/^summa eget kapital$/), year - 1);
      const result = odd ? odd.expected : results.find((r) => r)?.value;
      if (equity && equityBefore && result !== undefined && !reported(equity)) {
        const expected = equityBefore.value + result;
        if (!agree(equity.value, expected, equity, 2)) push(equity, "equityChange", { year, expected });
      }

      // 4. Liquid funds: start + the year's cash flow = end = cash and bank.
      const start = fig(kf, is(/^likvida medel vid (årets|periodens) början/), year);
      const flow = fig(kf, is(/^(årets|periodens|total|totalt) kassaflöde$/), year);
      const end = fig(kf, is(/^likvida medel vid (årets|periodens) slut/), year);
      const cash = fig(br, is(/^(kassa och bank|likvida medel|kassa, bank)$/), year);
      const cashBefore = fig(br, is(/^(kassa och bank|likvida medel|kassa, bank)$/), year - 1);
      if (start && flow && end) {
        const computed = start.value + flow.value;
        const endOk = agree(end.value, computed, end, 3);
        const cashOk = !cash || agree(end.value, cash.value, end);
        if (!endOk && cash && agree(computed, cash.value, end, 3)) {
          if (!reported(end)) push(end, "cashEndMismatch", { year, expected: cash.value });
        } else if (!endOk && cashOk) {
          // The end agrees with the balance sheet: the start or the flow is wrong. The flow is the sum of its
          // lines (checked down); the start is last year's cash and bank, where that is printed.
          const startWrong = cashBefore ? !agree(start.value, cashBefore.value, start) : !reported(flow);
          if (startWrong) {
            if (!reported(start))
              push(start, "cashStartMismatch", {
                year,
                expected: cashBefore?.value ?? end.value - flow.value,
              });
          } else if (!reported(flow))
            push(flow, "cashFlowMismatch", { year, expected: end.value - start.value });
        } else if (endOk && !cashOk && cash && !reported(cash))
          push(cash, "cashMismatch", { year, expected: end.value });
      }

      // 4b. A line stating the change in liquid funds (`Förändring i kassa enligt BR`) is the end less the
      // start; where the start and the flow give the end, it is the line that is wrong.
      const change = fig(kf, is(/^(förändring|ökning\/minskning) (i|av) (kassa|likvida medel)\b/), year);
      if (
        start &&
        end &&
        change &&
        change.row !== flow?.row &&
        ![start, end, change].some(reported) &&
        (!flow || agree(start.value + flow.value, end.value, end, 3)) &&
        !agree(change.value, end.value - start.value, change, 3)
      ) {
        const label = rowLabel(kf!.g, change.row, kf!.layout.labelFrom, kf!.layout.labelTo);
        push(change, "cashChangeMismatch", { year, label, expected: end.value - start.value });
      }

      // 5. The changes in receivables and short-term liabilities are the balance sheet's differences.
      for (const [kfLine, brLine, defaultSign] of [
        [/fordringar/, /^(summa )?(kortfristiga )?fordringar$/, -1],
        [/skulder/, /^(summa )?kortfristiga skulder$/, 1],
      ] as const) {
        const line = fig(kf, is(kfLine), year);
        const now = fig(br, is(brLine), year);
        const before = fig(br, is(brLine), year - 1);
        if (!line || !now || !before || reported(line)) continue;
        const label = normalise(rowLabel(kf!.g, line.row, kf!.layout.labelFrom, kf!.layout.labelTo));
        // The sign the label states ("Ökning (-)/minskning (+)", "Ökning–/minskning+"), else the usual one.
        const stated = /ökning\s*\(?\s*([+-])/.exec(label)?.[1] ?? null;
        const statedMinus = /minskning\s*\(?\s*([+-])/.exec(label)?.[1] ?? null;
        const labelSign = stated
          ? stated === "-"
            ? -1
            : 1
          : statedMinus
            ? statedMinus === "+"
              ? -1
              : 1
            : null;
        const sign = labelSign ?? defaultSign;
        const expected = sign * (now.value - before.value);
        if (agree(line.value, expected, line, 3)) continue;
        const flipped = agree(line.value, -expected, line, 3);
        if (flipped && labelSign !== null && labelSign !== defaultSign)
          // The figure follows the usual sign; the label states the other: the label is what is wrong.
          push(line, "signConvention", { label, column: String(year), expected }, "warning");
        else push(line, "changeMismatch", { year, expected }, flipped ? "error" : "warning");
      }

      // 6. Each note adds up to the line that refers to it.
      for (const st of [rr, br, kf]) {
        if (!st) continue;
        const noteColumn = noteColumnOf(st);
        if (noteColumn === null) continue;
        for (const { row, label } of statementLabels(st.g, st.layout)) {
          const n = st.g.number(row, noteColumn);
          if (n === null || !Number.isInteger(n)) continue;
          const line = figureAt(st, row, year, group);
          const total = noteTotal(notes, n, year, group);
          if (!line || !total || reported(line) || reported(total.figure)) continue;
          if (!agree(line.value, total.figure.value, line, total.lines))
            push(line, "noteMismatch", { year, note: n, expected: total.figure.value, label });
        }
      }
    }
  }
  findings.push(
    ...blankCashFlow(kf, years),
    ...overviewRatios(context.grids, br, reported),
    ...operatingResult(context.outcomes, rr, reported),
  );
  return findings;
}

/** Whether a figure has already been reported wrong (then its derived checks stay quiet). */
type Reported = (f: Figure) => boolean;

/** "Årets kassaflöde" left blank where the start and end are printed: said as a warning, not read as 0. */
function blankCashFlow(kf: AnnualStatement | undefined, years: Set<number>): Finding[] {
  if (!kf) return [];
  const out: Finding[] = [];
  for (const { row, label } of statementLabels(kf.g, kf.layout)) {
    if (!/^(årets|periodens) kassaflöde$/.test(normalise(label))) continue;
    for (const p of kf.layout.periods) {
      const year = yearOf(p.name);
      if (!year || !years.has(year) || !kf.g.blank(row, p.column)) continue;
      out.push({
        sheet: kf.g.sheet.name,
        cell: kf.g.address(row, p.column),
        severity: "warning",
        code: "cashFlowBlank",
        params: { year },
      });
    }
  }
  return out;
}

/** Soliditet printed in a five-year overview, against the balance sheet's equity / total assets. */
function overviewRatios(grids: Grid[], br: AnnualStatement | undefined, reported: Reported): Finding[] {
  if (!br) return [];
  const out: Finding[] = [];
  for (const g of grids)
    for (let r = g.firstRow; r <= g.lastRow; r++) {
      if (
        !/^soliditet\b/.test(
          normalise(g.label(r)) || normalise(rowLabel(g, r, g.firstColumn, g.firstColumn + 2)),
        )
      )
        continue;
      for (let h = r - 1; h >= Math.max(g.firstRow, r - 12); h--) {
        const years: { column: number; year: number }[] = [];
        for (let c = g.firstColumn; c < g.firstColumn + g.columns; c++) {
          const v = g.at(h, c);
          const year =
            typeof v === "number" && v >= 1990 && v <= 2100 ? v : typeof v === "string" ? yearOf(v) : null;
          if (year && g.number(r, c) !== null) years.push({ column: c, year });
        }
        if (years.length === 0) continue;
        for (const { column, year } of years) {
          const equity = figure(br, is(/^summa eget kapital$/), year);
          const assets = figure(br, is(/^summa tillgångar$/), year);
          const printed = g.number(r, column)!;
          if (!equity || !assets || assets.value <= 0 || reported(equity) || reported(assets)) continue;
          const ratio = equity.value / assets.value;
          const scale = Math.abs(printed) > 1.5 ? 100 : 1;
          const shown = printed / scale;
          let decimals = 0;
          while (
            decimals < 6 &&
            Math.abs(printed * 10 ** decimals - Math.round(printed * 10 ** decimals)) > 1e-9
          )
            decimals++;
          const tol = (0.5 * 10 ** -decimals) / scale + 1e-9;
          if (Math.abs(shown - ratio) > tol)
            out.push({
              sheet: g.sheet.name,
              cell: g.address(r, column),
              severity: "error",
              code: "soliditetMismatch",
              params: {
                year,
                printed: Math.round(shown * 1000) / 10,
                expected: Math.round(ratio * 1000) / 10,
              },
            });
        }
        break;
      }
    }
  return out;
}

/** The operating statement's result (driftsredovisning, often in tkr) against the result statement's. */
function operatingResult(
  outcomes: OtherStatement[],
  rr: AnnualStatement | undefined,
  reported: Reported,
): Finding[] {
  if (!rr) return [];
  const out: Finding[] = [];
  const scaleOf = (unit: string | null) => (unit === "tkr" ? 1_000 : unit === "mkr" ? 1_000_000 : 1);
  const rrYears = rr.layout.periods.map((p) => yearOf(p.name)).filter((y): y is number => y !== null);
  for (const { g, layout } of outcomes) {
    const outcome = layout.periods.find((p) => p.kind === "outcome");
    if (!outcome) continue;
    let resultRow = 0;
    for (let r = layout.firstRow; r <= layout.lastRow; r++)
      if (roleAt(layout, r, rowLabel(g, r, layout.labelFrom, layout.labelTo)) === "result") resultRow = r;
    const printed = resultRow ? g.number(resultRow, outcome.column) : null;
    if (printed === null) continue;
    let title = "";
    for (let r = layout.headerRow; r >= Math.max(g.firstRow, layout.headerRow - 6) && !yearOf(title); r--)
      title = g.text(r, g.firstColumn);
    const year = yearOf(outcome.name) ?? yearOf(title) ?? (rrYears.length === 1 ? rrYears[0] : rrYears[0]);
    const result = figure(rr, is(RR), year);
    if (!result || reported(result)) continue;
    const scale = scaleOf(layout.unit) / scaleOf(rr.layout.unit);
    if (Math.abs(printed * scale - result.value) > 0.5 * scale * layout.step + result.step + 1e-9)
      out.push({
        sheet: g.sheet.name,
        cell: g.address(resultRow, outcome.column),
        severity: "error",
        code: "operatingResultMismatch",
        params: { year, printed, expected: result.value / scale },
      });
  }
  return out;
}

/** Of figures that should be equal, the one that differs from the others (which agree), if any. */
function oddOneOut(
  figures: (Figure | null)[],
  agree: (a: number, b: number, f: Figure) => boolean,
): { figure: Figure; expected: number } | null {
  const present = figures.filter((f): f is Figure => f !== null);
  if (present.length < 2) return null;
  if (present.every((f) => agree(f.value, present[0].value, f))) return null;
  if (present.length === 2) return { figure: present[1], expected: present[0].value }; // the first is the source
  for (const f of present) {
    const others = present.filter((o) => o !== f);
    if (others.every((o) => agree(o.value, others[0].value, o)) && !agree(f.value, others[0].value, f))
      return { figure: f, expected: others[0].value };
  }
  return null;
}

/** The "Not" column of a statement, from its header. */
function noteColumnOf(st: AnnualStatement): number | null {
  for (let c = st.layout.labelFrom; c <= st.layout.labelTo; c++)
    if (/^(not|noter|note)$/i.test(st.g.text(st.layout.headerRow, c))) return c;
  return null;
}

/** Note n's total for a year: the first sum after the row that opens "Not n". */
function noteTotal(
  notes: AnnualStatement[],
  n: number,
  year: number,
  group = 0,
): { figure: Figure; lines: number } | null {
  for (const st of notes) {
    const labels = statementLabels(st.g, st.layout);
    const start = labels.findIndex((l) => new RegExp(`^not ${n}\\b`).test(normalise(l.label)));
    if (start < 0) continue;
    let lines = 0;
    for (const l of labels.slice(start + 1)) {
      if (/^not \d+\b/.test(normalise(l.label))) break;
      if (roleAt(st.layout, l.row, l.label) === "sum") {
        const f = group < groupsOf(st) ? figureAt(st, l.row, year, group) : null;
        return f ? { figure: f, lines } : null;
      }
      lines++;
    }
  }
  return null;
}

/**
 * A figure found wrong across statements also breaks the sums it is part of, by the same difference: those
 * sum findings say the same thing again and are left out.
 */
export function dropExplained(findings: Finding[], cross: Finding[]): Finding[] {
  return findings.filter((f) => {
    if (f.code !== "sumMismatch" && f.code !== "resultMismatch") return true;
    const [, col, row] = /^([A-Z]+)(\d+)$/.exec(f.cell) ?? [];
    return !cross.some((x) => {
      const [, xcol, xrow] = /^([A-Z]+)(\d+)$/.exec(x.cell) ?? [];
      const e = Number(x.params.printed) - Number(x.params.expected);
      if (x.sheet === f.sheet && x.cell === f.cell) return true; // the same figure: the cross finding says more
      return (
        x.sheet === f.sheet &&
        xcol === col &&
        Number(xrow) < Number(row) &&
        Math.abs(Number(f.params.difference) - e) <= Number(f.params.allowed ?? 0) + 1e-9
      );
    });
  });
}
