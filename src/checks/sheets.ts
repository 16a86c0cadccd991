import { checkSum } from "../domain/budget";
import { checkWeights, type GoalArea, type WeightedIndicator } from "../domain/socialBudget";
import { Grid, normalise } from "./grid";
import { checkStatement } from "./statement";
import type { Finding, SheetData, SheetKind } from "./types";

/**
 * Finds the FINSAM sheets by what they hold, not by their names (so "Budget (2)" and sheets edited by
 * hand are found too), and checks each with the domain's rules.
 */
export function recognise(sheet: SheetData): SheetKind | null {
  const g = new Grid(sheet);
  if (g.findHeader(["Utfall", "Budget", "Avvikelse"])) return "outcome";
  if (g.hasTitle(/^Budget \d{4}\s*[–-]\s*\d{4}$/) && g.rowsLabelled("Summa intäkter").length > 0)
    return "budget";
  if (g.hasTitle(/^Avgiftsfördelning/) && g.findHeader(["Part", "Belopp (tkr)"])) return "fees";
  if (g.hasTitle(/^Social budget/) && g.findHeader(["Målområde", "Mål", "Indikator", "Vikt"]))
    return "social";
  if (g.hasTitle(/^Impactindex/) && g.findHeader(["Målområde", "Indikator", "Vikt"])) return "impact";
  return null;
}

export function checkWorkbook(sheets: SheetData[]): {
  recognised: { sheet: string; kind: SheetKind }[];
  findings: Finding[];
} {
  const recognised: { sheet: string; kind: SheetKind }[] = [];
  const findings: Finding[] = [];
  for (const sheet of sheets) {
    const kind = recognise(sheet);
    if (!kind) continue;
    recognised.push({ sheet: sheet.name, kind });
    findings.push(...CHECKS[kind](new Grid(sheet)).map((f) => ({ ...f, sheet: sheet.name })));
  }
  const order = (f: Finding) => (f.severity === "error" ? 0 : 1);
  const sheetIndex = new Map(sheets.map((s, i) => [s.name, i]));
  findings.sort(
    (a, b) =>
      order(a) - order(b) ||
      (sheetIndex.get(a.sheet) ?? 0) - (sheetIndex.get(b.sheet) ?? 0) ||
      rowOf(a.cell) - rowOf(b.cell),
  );
  return { recognised, findings };
}

const rowOf = (cell: string) => Number(/\d+$/.exec(cell)?.[0] ?? 0);

const CHECKS: Record<SheetKind, (g: Grid) => Finding[]> = {
  budget: checkBudget,
  outcome: checkOutcome,
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

/** The header row of a budget: consecutive cells holding years. */
function yearColumns(g: Grid): { row: number; years: { column: number; name: string }[] } | null {
  for (let r = g.firstRow; r <= g.lastRow; r++) {
    const years: { column: number; name: string }[] = [];
    for (let c = g.firstColumn; c < g.firstColumn + g.columns; c++) {
      const v = g.number(r, c);
      if (v !== null && Number.isInteger(v) && v >= 1990 && v <= 2100)
        years.push({ column: c, name: String(v) });
    }
    if (years.length >= 2) return { row: r, years };
  }
  return null;
}

function checkBudget(g: Grid): Finding[] {
  const header = yearColumns(g);
  const resultRow = g.rowsLabelled("Resultat")[0];
  if (!header || !resultRow) return [];
  const findings = checkStatement(g, header.row + 1, resultRow, { amounts: header.years });

  // Equity rolled forward.
  const start = g.rowsLabelled("Eget kapital vid årets början")[0];
  const end = g.rowsLabelled("Eget kapital vid årets slut")[0];
  if (start && end) {
    header.years.forEach(({ column, name }, y) => {
      const s = g.number(start, column);
      const e = g.number(end, column);
      const result = g.number(resultRow, column);
      if (s !== null && e !== null && result !== null) {
        const check = checkSum([s, result], e, 1);
        if (!check.ok)
          findings.push(
            finding(g, end, column, "error", "equityRollForward", {
              year: name,
              printed: e,
              expected: check.sum,
            }),
          );
      }
      const previousEnd = y > 0 ? g.number(end, header.years[y - 1].column) : null;
      if (s !== null && previousEnd !== null && !checkSum([previousEnd], s, 1).ok) {
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

  // Member funding: the region pays half of the state's amount, the municipalities together as much.
  const incomeTop = g.rowsLabelled("Intäkter")[0];
  const incomeTotal = g.rowsLabelled("Summa intäkter")[0];
  if (incomeTop && incomeTotal) {
    const rows = Array.from({ length: incomeTotal - incomeTop - 1 }, (_, i) => incomeTop + 1 + i);
    const state = rows.find((r) => /^försäkringskassan|^staten/.test(normalise(g.label(r))));
    const region = rows.find((r) => /^region|^landsting/.test(normalise(g.label(r))));
    const municipalities = rows.filter(
      (r) => g.number(r, header.years[0].column - 1) !== null && r !== state && r !== region,
    );
    for (const { column, name } of header.years) {
      const st = state ? g.number(state, column) : null;
      const re = region ? g.number(region, column) : null;
      if (st === null || re === null || !region) continue;
      const half = checkSum([re], st / 2, 1);
      if (!half.ok)
        findings.push(
          finding(g, region, column, "error", "regionNotHalfOfState", {
            column: name,
            printed: re,
            expected: st / 2,
          }),
        );
      if (municipalities.length > 0) {
        const check = checkSum(
          municipalities.map((r) => g.number(r, column) ?? 0),
          re,
          1,
        );
        if (!check.ok)
          findings.push(
            finding(g, municipalities[0], column, "error", "municipalitiesNotRegion", {
              column: name,
              sum: check.sum,
              region: re,
            }),
          );
      }
    }
  }

  // Equity against the recommended ceiling.
  const ceiling = g.rowsLabelled("Rekommenderat tak (tkr)")[0];
  if (ceiling && end) {
    for (const { column, name } of header.years) {
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

function checkOutcome(g: Grid): Finding[] {
  const header = g.findHeader(["Utfall", "Budget", "Avvikelse"]);
  if (!header) return [];
  const [outcome, budget, deviation] = header.columns;
  return checkStatement(g, header.row + 1, g.lastRow, {
    amounts: [
      { column: outcome, name: "Utfall" },
      { column: budget, name: "Budget" },
    ],
    deviation: { outcome, budget, deviation },
  });
}

function checkFees(g: Grid): Finding[] {
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
  for (let r = header.row + 1; r <= g.lastRow; r++) {
    if (g.number(r, weightCol) === null) continue;
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
