import { checkSum } from "../domain/budget";
import { checkWeights, type GoalArea, type WeightedIndicator } from "../domain/socialBudget";
import { sameBand } from "../population/ageBands";
import { FEES_LABELS, isRegionLabel, isStateLabel, normalise } from "../sheet/vocabulary";
import { serialToIsoDate } from "../sheet/excelDate";
import { Grid } from "./grid";
import { findStatements, roleAt, rowLabel, type NotReadReason, type StatementLayout } from "./layout";
import { readStatement } from "./statement";
import { annualKind, checkAnnualReport, dropExplained, type AnnualStatement } from "./annualReport";
import { checkDistribution, hasDistribution } from "./distribution";
import { errorValues, textsInAmounts } from "./rules/cellValues";
import { carriedBalances } from "./rules/balances";
import { checkFollowUp, isFollowUp } from "./followUp";
import { checkFormulas, uncomputed } from "./rules/formulas";
import { checkShares } from "./rules/shares";
import { checkKeyFigures } from "./rules/keyFigures";
import { coverage, type StatementCoverage } from "./report";
import type { Finding, SheetKind } from "./types";
import type { SheetData } from "../sheet/sheetData";

/**
 * Finds the FINSAM sheets by what they hold, not by their names (so "Budget (2)", sheets edited by hand and
 * statements the association typed itself are found too), and checks each with the domain's rules.
 */
export interface SheetReading {
  kind: SheetKind | null;
  layout?: StatementLayout;
  /** Every statement on the sheet (the first is `layout`). */
  layouts?: StatementLayout[];
  /** Why a sheet that looks like a statement was not read. */
  reason?: NotReadReason;
}

/** What a sheet is, read from `g` (a grid of the sheet; the check passes its own, so that it is read once). */
export function readSheet(sheet: SheetData, g: Grid = new Grid(sheet)): SheetReading {
  if (isFollowUp(sheet)) return { kind: "followUp" };
  if (g.hasTitle(/^Avgiftsfördelning/) && g.findHeader(["Part", "Belopp (tkr)"])) return { kind: "fees" };
  if (g.hasTitle(/^Social budget/) && g.findHeader(["Målområde", "Mål", "Indikator", "Vikt"]))
    return { kind: "social" };
  if (g.hasTitle(/^Impactindex/) && g.findHeader(["Målområde", "Indikator", "Vikt"]))
    return { kind: "impact" };
  const { layouts, reason } = findStatements(g);
  if (layouts.length === 0) return reason ? { kind: null, reason } : { kind: null };
  const layout = layouts[0];
  const annual = annualKind(g, layout);
  if (annual) return { kind: annual, layout, layouts };
  const outcome = layout.deviations.length > 0 || layout.periods.some((p) => p.kind === "outcome");
  return { kind: outcome ? "outcome" : "budget", layout, layouts };
}

export function recognise(sheet: SheetData): SheetKind | null {
  return readSheet(sheet).kind;
}

export function checkWorkbook(sheets: SheetData[]): {
  recognised: { sheet: string; kind: SheetKind; unit?: string }[];
  notRead: { sheet: string; reason: NotReadReason }[];
  findings: Finding[];
  /** Per statement: what was read and checked, and what was not. */
  statements: StatementCoverage[];
} {
  const statements: StatementCoverage[] = [];
  const recognised: { sheet: string; kind: SheetKind; unit?: string }[] = [];
  const notRead: { sheet: string; reason: NotReadReason }[] = [];
  const findings: Finding[] = [];
  // The statements of an annual report (found on any sheet) and the operating statements beside them.
  const annual: AnnualStatement[] = [];
  const grids: Grid[] = [];
  const outcomes: { g: Grid; layout: StatementLayout }[] = [];
  for (const sheet of sheets) {
    // The interim report is read and checked on its own terms (src/checks/followUp.ts).
    const followUp = checkFollowUp(sheet);
    if (followUp) {
      recognised.push({ sheet: sheet.name, kind: "followUp", unit: followUp.unit });
      findings.push(...followUp.findings);
      continue;
    }
    // One grid per sheet: what it reads of a cell (a label, a figure) is read once for every check below.
    const grid = new Grid(sheet);
    const reading = readSheet(sheet, grid);
    // The cost distribution and its keys are read on every sheet, beside a statement or on their own.
    grids.push(grid);
    for (const layout of reading.layouts ?? []) {
      const kind = annualKind(grid, layout);
      if (kind) annual.push({ kind, g: grid, layout });
      else if (layout.periods.some((p) => p.kind === "outcome")) outcomes.push({ g: grid, layout });
    }
    const statement = reading.layout ? readStatement(grid, reading.layout) : null;
    const distribution = checkDistribution(
      grid,
      statement && {
        layout: reading.layout!,
        shouldBe: statement.shouldBe,
        totalRows: new Set(statement.totals.map((t) => t.row)),
      },
    );
    if (!reading.kind && (distribution.length > 0 || hasDistribution(grid))) reading.kind = "distribution";
    findings.push(...distribution);
    // A five-year overview: the statements' figures by name, one column a year (rules/keyFigures.ts).
    const keyFigures = checkKeyFigures(grid);
    if (!reading.kind && keyFigures.judged > 0) {
      recognised.push({ sheet: sheet.name, kind: "keyFigures" });
      for (const t of keyFigures.tables)
        statements.push({
          sheet: sheet.name,
          kind: "keyFigures",
          range: t.range,
          figures: t.figures,
          checked: t.checked,
          unreadable: [],
          skippedColumns: [],
          uncheckedTotals: 0,
        });
      findings.push(
        ...keyFigures.findings,
        ...errorValues(grid),
        ...keyFigures.tables.flatMap((t) => textsInAmounts(grid, t.layout)),
      );
      continue;
    }
    if (!reading.kind) {
      if (reading.reason) notRead.push({ sheet: sheet.name, reason: reading.reason });
      continue;
    }
    if (reading.kind === "distribution") {
      recognised.push({ sheet: sheet.name, kind: reading.kind });
      continue;
    }
    recognised.push({
      sheet: sheet.name,
      kind: reading.kind,
      ...(reading.layout?.unit ? { unit: reading.layout.unit } : {}),
    });
    const g = grid;
    const found = reading.layout
      ? [
          ...checkStatementSheet(g, reading.layout, reading.kind, statement!.findings),
          // Further statements on the same sheet: each read and checked on its own.
          ...(reading.layouts ?? []).slice(1).flatMap((l) => {
            const kind =
              l.deviations.length > 0 || l.periods.some((p) => p.kind === "outcome") ? "outcome" : "budget";
            return checkStatementSheet(g, l, kind, readStatement(g, l).findings);
          }),
        ]
      : (CHECKS[reading.kind as keyof typeof CHECKS]?.(g) ?? []);
    findings.push(...found.map((f) => ({ ...f, sheet: sheet.name })));
    // What the cells hold: error values anywhere on the sheet, figures as text in its amount columns.
    // Formulas say what a total adds: where one disagrees with its group, that finding replaces the sum's.
    const reads = (reading.layouts ?? []).map((l, i) =>
      i === 0 && statement ? statement : readStatement(g, l),
    );
    // Share columns whose lines make up the whole are judged like amounts (rules/shares.ts).
    const shares = (reading.layouts ?? []).map((l, i) => checkShares(g, l, reads[i].totals));
    const formulaFindings = (reading.layouts ?? []).flatMap((l, i) =>
      checkFormulas(g, l, reads[i].totals, shares[i].understood),
    );
    (reading.layouts ?? []).forEach((l, i) => {
      const kind =
        annualKind(g, l) ??
        (i === 0 ? reading.kind! : l.periods.some((p) => p.kind === "outcome") ? "outcome" : "budget");
      statements.push(
        coverage(g, l, kind, reads[i].totals, reads[i].unchecked, reads[i].deviations, shares[i].understood),
      );
    });
    const byFormula = new Set(formulaFindings.filter((f) => f.severity === "error").map((f) => f.cell));
    const sumCodes = new Set(["sumMismatch", "resultMismatch", "sumAmbiguous"]);
    const kept = findings.filter(
      (f) => f.sheet !== sheet.name || !(byFormula.has(f.cell) && sumCodes.has(f.code)),
    );
    findings.splice(0, findings.length, ...kept);
    const cells = [
      ...formulaFindings,
      ...errorValues(g),
      ...uncomputed(g),
      ...shares.flatMap((s) => s.findings),
      ...keyFigures.findings,
      ...(reading.layouts ?? []).flatMap((l, i) => [
        ...textsInAmounts(g, l),
        ...textsInAmounts(g, l, l.lastRow, shares[i].understood),
      ]),
      ...(reading.layouts ?? []).flatMap((l) => carriedBalances(g, l)),
    ];
    const taken = new Set(findings.filter((f) => f.sheet === sheet.name).map((f) => f.cell));
    for (const f of cells) {
      if (taken.has(f.cell)) continue;
      taken.add(f.cell);
      findings.push(f);
    }
  }
  // Across the statements of an annual report, wherever they are.
  if (annual.length > 0) {
    const cross = checkAnnualReport(annual, findings, { grids, outcomes });
    const kept = dropExplained(findings, cross);
    findings.splice(0, findings.length, ...kept, ...cross);
  }
  dropCarriedOver(findings);
  const order = (f: Finding) => (f.severity === "error" ? 0 : 1);
  const sheetIndex = new Map(sheets.map((s, i) => [s.name, i]));
  findings.sort(
    (a, b) =>
      order(a) - order(b) ||
      (sheetIndex.get(a.sheet) ?? 0) - (sheetIndex.get(b.sheet) ?? 0) ||
      rowOf(a.cell) - rowOf(b.cell) ||
      columnOf(a.cell) - columnOf(b.cell),
  );
  return { recognised, notRead, findings, statements };
}

/**
 * A wrong figure carried to another sheet (Utfall mot budget's Budget column refers to the Budget sheet)
 * is one error, not two: a finding whose label, printed figure and sum equal one on an earlier sheet is
 * left out.
 */
function dropCarriedOver(findings: Finding[]): void {
  const seen = new Set<string>();
  const signature = (f: Finding) =>
    [f.code, normalise(String(f.params.label ?? "")), f.params.printed, f.params.sum].join("|");
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    if (f.params.sum === undefined) continue;
    const key = signature(f);
    const earlier = [...seen].some((k) => k.startsWith(`${key}|`) && !k.endsWith(`|${f.sheet}`));
    if (earlier) {
      findings.splice(i--, 1);
      continue;
    }
    seen.add(`${key}|${f.sheet}`);
  }
}

const rowOf = (cell: string) => Number(/\d+$/.exec(cell)?.[0] ?? 0);
const columnOf = (cell: string) => {
  const letters = /^[A-Z]+/.exec(cell)?.[0] ?? "";
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
};

const CHECKS: Record<"fees" | "social" | "impact", (g: Grid) => Finding[]> = {
  fees: checkFees,
  social: checkSocial,
  impact: checkImpact,
};

function finding(
  g: Grid,
  row: number,
  column: number,
  severity: Finding["severity"],
  code: Finding["code"],
  params: Finding["params"],
): Finding {
  return { sheet: g.sheet.name, cell: g.address(row, column), severity, code, params };
}

/** A statement: its sums, results and deviations; on a budget also equity, member funding and the ceiling. */
function checkStatementSheet(
  g: Grid,
  layout: StatementLayout,
  kind: SheetKind,
  statement: Finding[],
): Finding[] {
  const findings = [...statement];
  // The members' contributions keep 50/25/25 in a budget and in an annual report's income note alike.
  if (kind === "notes") return [...findings, ...checkMembers(g, layout, labelledRows(g, layout))];
  if (kind !== "budget") return findings;
  const rows = labelledRows(g, layout);
  const years = layout.periods;
  const role = (r: { row: number; label: string }) => roleAt(layout, r.row, r.label);
  const resultRow = rows.find((r) => role(r) === "result")?.row;
  const start = rows.find((r) => role(r) === "equityStart")?.row;
  const end = rows.find((r) => role(r) === "equityEnd")?.row;

  // Equity rolled forward.
  if (start && end && resultRow) {
    years.forEach(({ column, name }, y) => {
      const s = g.number(start, column);
      const e = g.number(end, column);
      const result = g.number(resultRow, column);
      if (s !== null && e !== null && result !== null) {
        const check = checkSum([s, result], e, layout.step);
        if (!check.ok)
          findings.push(
            finding(g, end, column, "error", "equityRollForward", {
              year: name,
              printed: e,
              expected: check.sum,
            }),
          );
      }
      // A year starts where the year before it ended in the same series of columns only (`Plan 2022` after
      // `Plan 2021`); a column of the previous plan or of changes beside them is not the next year.
      const previousEnd =
        y > 0 && followsOn(years[y - 1].name, name) ? g.number(end, years[y - 1].column) : null;
      if (s !== null && previousEnd !== null && !checkSum([previousEnd], s, layout.step).ok) {
        findings.push(
          finding(g, start, column, "error", "equityStartMismatch", {
            year: name,
            printed: s,
            expected: previousEnd,
          }),
        );
      }
    });
  }

  findings.push(...checkMembers(g, layout, rows));

  // Equity against the recommended ceiling.
  const ceiling = rows.find(
    (r) => role(r) === "ceiling" || normalise(r.label).startsWith("rekommenderat tak"),
  )?.row;
  if (ceiling && end) {
    for (const { column, name } of years) {
      const cap = g.number(ceiling, column);
      const equity = g.number(end, column);
      if (cap !== null && equity !== null && cap > 0 && equity > cap) {
        findings.push(
          finding(g, end, column, "warning", "equityAboveCeiling", { year: name, equity, ceiling: cap }),
        );
      }
    }
  }
  return findings;
}

/** Every labelled row of the sheet below the header (equity and the ceiling may follow the result). */
function labelledRows(g: Grid, layout: StatementLayout): { row: number; label: string }[] {
  const out: { row: number; label: string }[] = [];
  for (let r = layout.firstRow; r <= g.lastRow; r++) {
    const label = rowLabel(g, r, layout.labelFrom, layout.labelTo);
    if (label) out.push({ row: r, label });
  }
  return out;
}

/** Member funding: the region pays half of the state's amount, the municipalities together as much. */
function checkMembers(g: Grid, layout: StatementLayout, rows: { row: number; label: string }[]): Finding[] {
  const findings: Finding[] = [];
  const role = (r: { row: number; label: string }) => roleAt(layout, r.row, r.label);
  const incomeTop = rows.find((r) => role(r) === "incomeSection")?.row ?? layout.firstRow - 1;
  const incomeEnd = rows.find((r) => r.row > incomeTop && role(r) === "sum")?.row;
  if (!incomeEnd) return findings;
  const income = rows.filter((r) => r.row > incomeTop && r.row < incomeEnd);
  const state = income.find((r) => isStateLabel(r.label))?.row;
  const region = income.find((r) => isRegionLabel(r.label))?.row;
  if (!state || !region) return findings;
  const municipalities = income
    .filter((r) => (r.row > state && r.row < region) || /kommun/.test(normalise(r.label)))
    .filter((r) => r.row !== state && r.row !== region)
    .map((r) => r.row);
  for (const { column, name } of layout.periods) {
    const st = g.number(state, column);
    const re = g.number(region, column);
    if (st === null || re === null) continue;
    const fees = municipalities.map((r) => g.number(r, column) ?? 0);
    const regionOk = checkSum([re], st / 2, layout.step).ok;
    const check = checkSum(fees, re, layout.step);
    // One wrong figure, one finding: a region off while the municipalities pay half the state is the region's.
    const municipalitiesHalf = fees.length > 0 && checkSum(fees, st / 2, layout.step).ok;
    if (!regionOk)
      findings.push(
        finding(g, region, column, "error", "regionNotHalfOfState", {
          column: name,
          printed: re,
          expected: st / 2,
        }),
      );
    if (fees.length > 0 && !check.ok && !(municipalitiesHalf && !regionOk))
      findings.push(
        finding(g, municipalities[0], column, "error", "municipalitiesNotRegion", {
          column: name,
          sum: check.sum,
          region: re,
        }),
      );
  }
  return findings;
}

function checkFees(g: Grid): Finding[] {
  return [...checkPopulationSource(g), ...checkFeeSplit(g)];
}

/**
 * The populations' provenance: the reference year not older than the budget year − 2, the band on the sheet the
 * one the populations were summed for, and no population typed over the value imported from SCB.
 */
function checkPopulationSource(g: Grid): Finding[] {
  const findings: Finding[] = [];
  const value = (label: string) => {
    const row = g.rowsLabelled(label)[0];
    return row === undefined ? null : { row, column: g.firstColumn + 1 };
  };
  const yearCell = value(FEES_LABELS.budgetYear);
  const dateCell = value(FEES_LABELS.referenceDate);
  const budgetYear = yearCell && g.number(yearCell.row, yearCell.column);
  const serial = dateCell && g.number(dateCell.row, dateCell.column);
  if (dateCell && budgetYear && serial && serial > 0 && serial < 2_958_466) {
    const year = Number(serialToIsoDate(serial).slice(0, 4));
    if (year < budgetYear - 2)
      findings.push(
        finding(g, dateCell.row, dateCell.column, "warning", "populationOld", { year, budgetYear }),
      );
  }
  const bandCell = value(FEES_LABELS.ageBand);
  const summedCell = value(FEES_LABELS.summedBand);
  const band = bandCell ? g.text(bandCell.row, bandCell.column) : "";
  const summed = summedCell ? g.text(summedCell.row, summedCell.column) : "";
  if (bandCell && band && summed && !sameBand(band, summed))
    findings.push(
      finding(g, bandCell.row, bandCell.column, "warning", "populationBandDiffers", { band, summed }),
    );
  const header = g.findHeader([FEES_LABELS.municipality, FEES_LABELS.population]);
  // A negative population makes every share and fee an error value: said on the population itself.
  if (header)
    for (let r = header.row + 1; r <= g.lastRow && g.text(r, header.columns[0]) !== ""; r++) {
      const printed = g.number(r, header.columns[1]);
      if (printed !== null && printed < 0)
        findings.push(
          finding(g, r, header.columns[1], "error", "negativePopulation", {
            member: g.text(r, header.columns[0]),
            printed,
          }),
        );
    }
  const importedHeader = g.findHeader([FEES_LABELS.imported]);
  if (header && importedHeader && importedHeader.row === header.row) {
    const [nameCol, popCol] = header.columns;
    const importedCol = importedHeader.columns[0];
    for (let r = header.row + 1; r <= g.lastRow && g.text(r, nameCol) !== ""; r++) {
      const printed = g.number(r, popCol);
      const imported = g.number(r, importedCol);
      if (printed !== null && imported !== null && printed !== imported)
        findings.push(
          finding(g, r, popCol, "warning", "populationTypedOver", {
            member: g.text(r, nameCol),
            printed,
            imported,
          }),
        );
    }
  }
  return findings;
}

function checkFeeSplit(g: Grid): Finding[] {
  const header = g.findHeader(["Part", "Belopp (tkr)"]);
  if (!header) return [];
  const amountCol = header.columns[1];
  const stateRow = header.row + 1;
  const regionRow = header.row + 2;
  const totalRow = g.rowsLabelled("Summa").find((r) => r > regionRow) ?? g.lastRow + 1;
  const municipalRows = Array.from({ length: totalRow - regionRow - 1 }, (_, i) => regionRow + 1 + i);
  const state = g.number(stateRow, amountCol);
  const region = g.number(regionRow, amountCol);
  const findings: Finding[] = [];
  if (state === null || region === null) return findings;
  const decimalsRow = g.rowsLabelled("Avrundning: antal decimaler (0 = hela tkr)")[0];
  const decimals = decimalsRow ? (g.number(decimalsRow, g.firstColumn + 1) ?? 0) : 0;
  if (!checkSum([region], state / 2, 10 ** -decimals).ok) {
    findings.push(
      finding(g, regionRow, amountCol, "error", "regionNotHalfOfState", {
        column: "tkr",
        printed: region,
        expected: state / 2,
      }),
    );
  }
  // The split must add up exactly: that is what the fee sheet is for.
  const fees = municipalRows.map((r) => g.number(r, amountCol) ?? 0);
  const exact = checkSum(fees, region, 0);
  if (!exact.ok)
    findings.push(
      finding(g, municipalRows[0] ?? regionRow, amountCol, "error", "municipalitiesNotRegion", {
        column: "tkr",
        sum: exact.sum,
        region,
      }),
    );
  return findings;
}

function checkSocial(g: Grid): Finding[] {
  const areaHeader = g.findHeader(["Målområde", "Poäng"]);
  const indHeader = g.findHeader(["Målområde", "Mål", "Indikator", "Vikt"]);
  if (!areaHeader || !indHeader) return [];
  const [areaCol, pointsCol] = areaHeader.columns;
  const areas: (GoalArea & { row: number })[] = [];
  for (let r = areaHeader.row + 1; r <= g.lastRow; r++) {
    const name = g.text(r, areaCol);
    const points = g.number(r, pointsCol);
    if (!name || normalise(name) === "summa" || points === null) break;
    areas.push({ name, points, row: r });
  }
  const [iArea, , iText, iWeight] = indHeader.columns;
  const indicators: (WeightedIndicator & { row: number; text: string })[] = [];
  for (let r = indHeader.row + 1; r <= g.lastRow; r++) {
    const area = g.text(r, iArea);
    const raw = g.at(r, iWeight);
    const blankWeight = raw === null || raw === undefined || raw === "";
    if (!area && blankWeight) continue;
    indicators.push({ area, weight: typeof raw === "number" ? raw : null, row: r, text: g.text(r, iText) });
  }
  if (areas.length === 0 || indicators.length === 0) return [];
  const tolRow = g.rowsLabelled("Tolerans för målområdenas andel (± procentenheter)")[0];
  const tolerance = (tolRow && g.number(tolRow, g.firstColumn + 1)) ?? 0.05;
  const check = checkWeights(indicators, areas, tolerance);
  const findings: Finding[] = [];
  for (const w of check.invalidWeights) {
    const ind = indicators[w.index];
    findings.push(
      finding(g, ind.row, iWeight, "error", "invalidWeight", { weight: w.weight ?? "", indicator: ind.text }),
    );
  }
  for (const u of check.unknownAreas) {
    const ind = indicators[u.index];
    findings.push(finding(g, ind.row, iArea, "error", "unknownArea", { area: u.area, indicator: ind.text }));
  }
  const shareCol =
    g.findHeader(["Målområde", "Poäng", "Nominell andel", "Summa vikter", "Faktisk andel"])?.columns[4] ??
    pointsCol;
  check.areas.forEach((a, i) => {
    if (!a.withinTolerance) {
      findings.push(
        finding(g, areas[i].row, shareCol, "warning", "areaShareOutside", {
          area: a.name,
          share: a.share,
          nominal: a.nominalShare,
          tolerance,
        }),
      );
    }
  });
  return findings;
}

function checkImpact(g: Grid): Finding[] {
  const header = g.findHeader(["Målområde", "Indikator", "Vikt"]);
  if (!header) return [];
  const [, textCol, weightCol] = header.columns;
  const outcomeColumns: { column: number; platform: string }[] = [];
  for (let c = g.firstColumn; c < g.firstColumn + g.columns; c++) {
    const m = /^(.+): utfall$/i.exec(g.text(header.row, c));
    if (m) outcomeColumns.push({ column: c, platform: m[1] });
  }
  const findings: Finding[] = [];
  const columnNamed = (pattern: RegExp) => {
    for (let c = g.firstColumn; c < g.firstColumn + g.columns; c++)
      if (pattern.test(g.text(header.row, c))) return c;
    return null;
  };
  const targetCol = columnNamed(/^målvärde$/i);
  const lowerCol = columnNamed(/^lägre är bättre$/i);
  const choiceRow = g.rowsLabelled("Tolerans räknas som uppnådd")[0];
  const toleranceCounts = choiceRow !== undefined && /^ja$/i.test(g.text(choiceRow, g.firstColumn + 1));
  for (let r = header.row + 1; r <= g.lastRow; r++) {
    if (g.number(r, weightCol) === null) continue;
    // A row counted as reached whose outcome is below its target: a margin given as credit.
    const target = targetCol === null ? null : g.number(r, targetCol);
    for (const { column, platform } of outcomeColumns) {
      if (toleranceCounts || target === null || g.at(r, column + 1) !== true) continue;
      const outcome = g.number(r, column);
      if (outcome === null) continue;
      const lower = lowerCol !== null && g.at(r, lowerCol) === true;
      if (lower ? outcome > target : outcome < target)
        findings.push(
          finding(g, r, column + 1, "warning", "reachedBelowTarget", {
            indicator: g.text(r, textCol),
            platform,
            outcome,
            target,
          }),
        );
    }
    for (const { column, platform } of outcomeColumns) {
      const v = g.at(r, column);
      if (v === null || v === undefined || v === "") {
        findings.push(
          finding(g, r, column, "warning", "missingOutcome", { indicator: g.text(r, textCol), platform }),
        );
      }
    }
  }
  return findings;
}

/** Is the column named `next` the year after the column named `previous`, in the same series of columns? */
function followsOn(previous: string, next: string): boolean {
  const year = (name: string) => /(?:^|\D)((?:19|20)\d\d)(?:\D|$)/.exec(name);
  const a = year(previous);
  const b = year(next);
  if (!a || !b) return true; // no years named: the columns are taken in order
  const series = (name: string, y: RegExpExecArray) => normalise(name.replace(y[1], ""));
  return Number(b[1]) === Number(a[1]) + 1 && series(previous, a) === series(next, b);
}
