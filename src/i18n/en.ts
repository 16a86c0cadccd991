import type { SieField } from "../sie/parse";
import type { ImportProblem as SieMessageProblem } from "../sie/importOutcome";
import { ageList, deviationText, type CoverageParams, type Messages, type Where } from "./sv";
import type { ImportProblem as PopulationProblem } from "../population/import";
import type { ErrorParams } from "../domain/errors";
import { formatNumber as fmt, formatPercent as pct } from "./format";
import { FIRST_SCREEN } from "./firstScreen";

type P = ErrorParams;
const mbEn = (bytes: number) => n(Math.round(bytes / 1024 / 1024));
const whereEn = (w: Where) =>
  w.shape === "row"
    ? `column ${w.column}`
    : w.shape === "column"
      ? `row ${w.row}`
      : `row ${w.row}, column ${w.column}`;
const n = (v: string | number | undefined) => (typeof v === "number" ? fmt(v, "en") : String(v ?? ""));

const quantities: Record<string, string> = {
  total: "the total",
  decimals: "the number of decimals",
  weights: "the weights",
  weight: "the weight",
  populations: "the populations",
  population: "the population",
  stateAllotment: "the state allotment",
  amount: "the amount",
  amounts: "the amounts",
  share: "the share",
  shares: "the shares",
  assets: "the assets",
  years: "the budget years",
  openingEquity: "the opening equity",
  result: "the result",
  outcome: "the outcome",
  budget: "the budget",
  part: "the part",
  rounding: "the rounding",
  costs: "costs",
  equity: "equity",
  totalAssets: "total assets",
  base: "the base",
  unit: "the unit",
  steps: "the steps",
  rate: "the rate",
  threshold: "the threshold",
  areas: "the goal areas",
  points: "the points",
  indicators: "the indicators",
  tolerance: "the tolerance",
  attainment: "the attainment",
  whole: "the whole",
  counts: "the answer counts",
  count: "the answer count",
  answers: "answers",
  topN: "the number of top alternatives",
  target: "the target",
  actual: "the outcome",
  responseRate: "the response rate",
  minResponseRate: "the minimum response rate",
  administration: "administration",
  structural: "structural efforts",
  individual: "individual efforts",
  area: "the goal area",
  areaNames: "the area names",
  areaPoints: "the area points",
  partialCredit: "partial credit",
  lowerIsBetter: "lower is better",
  parts: "the parts",
};
const q = (what: string | number | undefined) => quantities[String(what)] ?? String(what ?? "");
const at = (p: P) => (p.position === undefined ? "" : ` (no. ${p.position})`);
const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const cellRef = (p: P) => `${q(p.what)}${p.row === undefined ? "" : ` row ${p.row}, column ${p.column}`}`;

const sieField: Record<SieField, string> = {
  amount: "an amount",
  year: "a year number",
  period: "a period",
  account: "an account number",
  date: "a date",
  fields: "fields",
};

const statementKinds: Record<string, string> = {
  resultStatement: "Result statement",
  balanceSheet: "Balance sheet",
  cashFlow: "Cash-flow statement",
  notes: "Notes",
  balanceRequirement: "Balance-requirement statement",
  keyFigures: "Five-year overview",
  budget: "Budget",
  outcome: "Outcome against budget",
};

const coverageLine = (p: CoverageParams) =>
  [
    `${p.sheet} ${p.range}: ${(p.kind && statementKinds[p.kind]) || String(p.kind ?? "")}, ${n(p.figures)} ${p.figures === 1 ? "figure" : "figures"} read, ${n(p.checked)} checked`,
    p.unreadable.length > 0 ? `; cannot be read: ${p.unreadable.slice(0, 8).join(", ")}` : "",
    p.skippedColumns.length > 0
      ? `; columns not read (their header names no period): ${p.skippedColumns.join(", ")}`
      : "",
    p.uncheckedTotals > 0
      ? `; ${p.uncheckedTotals} ${p.uncheckedTotals === 1 ? "total" : "totals"} not checked (a part is missing or unreadable)`
      : "",
    ".",
  ].join("");

export const en: Messages = {
  locale: "en",
  errors: {
    notFinite: (p) => `${cap(q(p.what))}${at(p)} must be a number.`,
    negative: (p) => `${cap(q(p.what))}${at(p)} must not be negative (${n(p.value)}).`,
    notPositive: (p) => `${cap(q(p.what))}${at(p)} must be greater than 0 (${n(p.value)}).`,
    notInteger: (p) => `${cap(q(p.what))} must be a whole number (${n(p.value)}).`,
    outOfRange: (p) =>
      `${cap(q(p.what))}${at(p)} must be between ${n(p.min)} and ${n(p.max)} (${n(p.value)}).`,
    emptyList: (p) => `${cap(q(p.what))} missing: the range is empty.`,
    allZero: (p) => `${cap(q(p.what))} are all zero: nothing to split by.`,
    lengthMismatch: (p) => `${cap(q(p.what))}: ${n(p.actual)} values where ${n(p.expected)} are needed.`,
    totalNotRepresentable: (p) =>
      `${n(p.total)} cannot be split exactly with ${n(p.decimals)} decimals. Use more decimals.`,
    tooLarge: (p) => `${cap(q(p.what))} is too large (${n(p.value)}).`,
    stepsNotAscending: (p) => `The steps' thresholds must increase (step ${p.position}).`,
    stepsOpenEndNotLast: (p) => `Only the last step may lack a threshold (step ${p.position}).`,
    baseAboveDefaultSteps: (p) =>
      `The base ${n(p.base)} kr is above ${n(p.limit)} kr, where the recommendation is not known. Give the steps.`,
    baseAboveSteps: (p) => `The base ${n(p.base)} kr is above the last step's threshold ${n(p.limit)} kr.`,
    duplicateName: (p) => `${cap(q(p.what))}: the name "${p.name}" appears twice.`,
    emptyName: (p) => `${cap(q(p.what))}: name no. ${p.position} is missing.`,
    noIndicators: () => `No weighted indicators.`,
    noIndicatorsInArea: (p) => `No indicators in the goal area "${p.area}".`,
    partExceedsWhole: (p) => `The part (${n(p.part)}) is larger than the whole (${n(p.whole)}).`,
    zeroTotal: (p) => `No ${q(p.what)}: the sum is zero.`,
    tooSmall: (p) => `${cap(q(p.what))} is too small to compute with (${n(p.value)}).`,
    sharesNot100: (p) => `The shares on row ${p.position} add up to ${n(p.percent)} %, not 100 %.`,
    textInsteadOfNumber: (p) => `Text where a number belongs: ${cellRef(p)} "${p.text}".`,
    booleanInsteadOfNumber: (p) => `TRUE/FALSE where a number belongs: ${cellRef(p)}.`,
    textInsteadOfBoolean: (p) => `Text where TRUE or FALSE belongs: ${cellRef(p)} "${p.text}".`,
    raggedRange: (p) =>
      `${cap(q(p.what))}: the rows differ in length (row ${p.row} has ${p.actual} cells, row 1 has ${p.expected}).`,
    blankNotAllowed: (p) => `Value missing: ${cellRef(p)}.`,
    errorInCell: (p) => `The cell holds an error: ${cellRef(p)}.`,
    notText: (p) => `Text expected: ${cellRef(p)}.`,
    shapeMismatch: (p) =>
      `${cap(q(p.what))} (${p.actual}) is not the same size as ${q(p.other)} (${p.expected}).`,
    emptyRange: (p) => `${cap(q(p.what))} missing: the range is empty.`,
    notSingleValue: (p) => `${cap(q(p.what))} must be a single value, not a range.`,
    wrongColumnCount: (p) => `${cap(q(p.what))} must have ${p.expected} columns (has ${p.actual}).`,
    invalidAttainment: (p) => `Attainment must be 0–1 or TRUE/FALSE: ${cellRef(p)}.`,
    areaWithoutAreas: () => `Give the indicators' goal areas when choosing a goal area.`,
    weightWithoutValue: (p) => `Weight missing for an indicator with an outcome: ${cellRef(p)}.`,
    unexpected: (p) => `Unexpected error: ${p.detail}`,
  },
  findings: {
    sumMismatch: (p) =>
      `${p.label} (${p.column}): ${n(p.printed)}, but the parts add up to ${n(p.sum)} (difference ${n(p.difference)}; rounding explains at most ±${n(p.allowed)}).${p.rows ? ` The total was taken to add rows ${p.rows}.` : ""}`,
    repeatMismatch: (p) =>
      `${p.label} (${p.column}): ${n(p.printed)}, but the same sum in ${p.cell} is ${n(p.expected)}.`,
    acrossMismatch: (p) =>
      `${p.label} (${p.column}): ${n(p.printed)}, but the period columns add up to ${n(p.sum)} (difference ${n(p.difference)}; rounding explains at most ±${n(p.allowed)}).`,
    crossMismatch: (p) =>
      `${p.label} (${p.column}): ${n(p.printed)} agrees with neither its row's total nor its column's sum; ${n(p.sum)} makes both add up.`,
    deviationMismatch: (p) =>
      `${p.label}: the deviation ${n(p.printed)} should be ${deviationText(p, "Outcome", "Budget")} = ${n(p.expected)}.`,
    resultMismatch: (p) =>
      `${p.label || "Result"} (${p.column}): ${n(p.printed)}, but the lines above give ${n(p.sum)} (difference ${n(p.difference)}; rounding explains at most ±${n(p.allowed)}).${p.rows ? ` The result was taken to add rows ${p.rows}.` : ""}`,
    equityRollForward: (p) =>
      `Equity at the end of ${p.year}: ${n(p.printed)}, but start + result = ${n(p.expected)}.`,
    equityStartMismatch: (p) =>
      `Equity at the start of ${p.year}: ${n(p.printed)}, but the previous year ended at ${n(p.expected)}.`,
    equityAboveCeiling: (p) =>
      `Equity ${p.year} (${n(p.equity)} tkr) is above the recommended ceiling of ${n(p.ceiling)} tkr.`,
    regionNotHalfOfState: (p) =>
      `The region (${p.column}): ${n(p.printed)}, but half the state allotment is ${n(p.expected)}.`,
    municipalitiesNotRegion: (p) =>
      `The municipalities (${p.column}): ${n(p.sum)} together, but the region pays ${n(p.region)}.`,
    invalidWeight: (p) =>
      `The weight ${p.weight === "" ? "is missing" : n(p.weight)} of "${p.indicator}": must be a whole number 1–10.`,
    unknownArea: (p) => `"${p.area}" is not one of the goal areas (indicator "${p.indicator}").`,
    areaShareOutside: (p) =>
      `${p.area}: ${pct(Number(p.share), "en")} of the weight, but the nominal share is ${pct(Number(p.nominal), "en", 0)} ± ${pct(Number(p.tolerance), "en")}.`,
    missingOutcome: (p) => `No outcome for "${p.indicator}" (${p.platform}); counts as not reached.`,
    allocationNot100: (p) =>
      `${p.label || "The row"}: the allocation key's shares add up to ${n(p.percent)} %, not 100 %.`,
    allocationMissing: (p) => `${p.label || "The row"}: the cost line has no allocation key.`,
    distributionAmount: (p) =>
      `${p.label} (${p.column}): ${n(p.printed)}, but its share of the total gives ${n(p.expected)}.`,
    distributionShare: (p) =>
      `${p.label} (${p.column}): ${n(p.printed)} %, but the amount is ${n(p.expected)} % of the total.`,
    distributionSum: (p) =>
      `${p.label} (${p.column}): ${n(p.printed)}, but the three parts add up to ${n(p.sum)} (difference ${n(p.difference)}; rounding explains at most ±${n(p.allowed)}).`,
    distributionTotal: (p) =>
      `The cost distribution (${p.column}): ${n(p.printed)}, but the statement's total costs are ${n(p.expected)}.`,
    populationOld: (p) =>
      `The population is from ${p.year}, older than the budget year ${p.budgetYear} − 2. Fetch newer figures from SCB.`,
    populationBandDiffers: (p) =>
      `The age band on the sheet is ${p.band}, but the population was summed for ${p.summed}. Import again for ${p.band}.`,
    populationTypedOver: (p) =>
      `${p.member}: the population ${n(p.printed)} was typed over the value ${n(p.imported)} imported from SCB.`,
    crossResult: (p) =>
      `The year's result ${p.year}: ${n(p.printed)} here, but ${n(p.expected)} in the other statements.`,
    balanceMismatch: (p) =>
      `The balance sheet ${p.year}: equity, provisions and liabilities ${n(p.printed)}, but assets ${n(p.expected)}.`,
    equityChange: (p) =>
      `Equity ${p.year}: ${n(p.printed)}, but last year's equity + the year's result = ${n(p.expected)}.`,
    cashEndMismatch: (p) =>
      `Liquid funds at the end of ${p.year}: ${n(p.printed)}, but cash and bank in the balance sheet are ${n(p.expected)}.`,
    cashStartMismatch: (p) =>
      `Liquid funds at the start of ${p.year}: ${n(p.printed)}, but last year's cash and bank were ${n(p.expected)}.`,
    cashChangeMismatch: (p) =>
      `${p.label} ${p.year}: ${n(p.printed)}, but liquid funds at the end less at the start of the year are ${n(p.expected)}.`,
    cashFlowMismatch: (p) =>
      `The year's cash flow ${p.year}: ${n(p.printed)}, but liquid funds changed by ${n(p.expected)}.`,
    cashMismatch: (p) =>
      `Cash and bank ${p.year}: ${n(p.printed)}, but the cash-flow statement ends at ${n(p.expected)}.`,
    changeMismatch: (p) =>
      `The change ${p.year}: ${n(p.printed)}, but the balance sheet's difference between the years gives ${n(p.expected)} (with the sign the line states).`,
    noteMismatch: (p) =>
      `${p.label} ${p.year}: ${n(p.printed)}, but note ${p.note} adds up to ${n(p.expected)}.`,
    cashFlowBlank: (p) =>
      `The year's cash flow ${p.year} is blank; it should be liquid funds at the end − at the start.`,
    soliditetMismatch: (p) =>
      `The equity ratio ${p.year}: ${n(p.printed)} %, but the balance sheet's equity / total assets is ${n(p.expected)} %.`,
    operatingResultMismatch: (p) =>
      `The operating statement's result ${p.year}: ${n(p.printed)}, but the result statement's is ${n(p.expected)} (in the same unit).`,
    reachedBelowTarget: (p) =>
      `"${p.indicator}" (${p.platform}) counts as reached, but the outcome ${n(p.outcome)} does not reach the target ${n(p.target)}.`,
    // The check as a pipeline (issue 19): what it could not read, decide or trust.
    balanceCarried: (p) =>
      `${p.label} (${p.column}): ${n(p.printed)}, but ${p.start} and the changes between them give ${n(p.expected)}.`,
    balanceStart: (p) =>
      `${p.label} (${p.column}): ${n(p.printed)}, but ${p.end} the year before is ${n(p.expected)} (restated, or wrong?).`,
    subtotalOneOff: (p) =>
      `${p.label || "The row"} (${p.column}): the row is the sum of rows ${p.rows} in the other columns, but here ${n(p.printed)} against the parts' ${n(p.sum)} (difference ${n(p.difference)}). A typo, or a line that is no subtotal?`,
    sumUnread: (p) =>
      `${p.label}: the rows above (rows ${p.rows}) give the total in none of the columns ${p.columns}; could not decide which rows it adds, so it is not checked.`,
    sumAmbiguous: (p) =>
      `${p.label} (${p.column}): could not decide which rows the total adds (rows ${p.rows} or rows ${p.other}).`,
    errorValue: (p) =>
      `${p.label ? `${p.label}: ` : ""}the cell shows the error value ${p.error}${p.formula ? ` (formula ${p.formula})` : ""}.`,
    textFigure: (p) =>
      `${p.label ? `${p.label} ` : ""}(${p.column}): "${p.text}" is text, not a number, so a SUM above leaves it out.`,
    notAFigure: (p) =>
      `${p.label ? `${p.label} ` : ""}(${p.column}): "${p.text}" cannot be read as an amount.`,
    formulaOmits: (p) =>
      `${p.label} (${p.column}): the formula ${p.formula} leaves out row ${p.rows} of its group.`,
    formulaSingle: (p) =>
      `${p.label} (${p.column}): the formula ${p.formula} refers to one row only, but the total should add rows ${p.rows}.`,
    typedOver: (p) =>
      `${p.label} (${p.column}): ${n(p.printed)} is typed as a number where the cells beside it hold formulas; they imply ${p.formula}.`,
    uncomputed: (p) =>
      `${p.label ? `${p.label}: ` : ""}the formula ${p.formula} has no computed value in the file. Open and save the file in Excel.`,
    signConvention: (p) =>
      `${p.label} (${p.column}): the amount adds up only with the opposite sign to what the line states (${n(p.printed)}).`,
    negativePopulation: (p) => `${p.member}: the population ${n(p.printed)} is negative.`,
  },
  refused: {
    tooBigFile: (p) => `the file is too large (${mbEn(p.size)} MB; at most ${mbEn(p.limit)} MB is read).`,
    legacyXls: () => "the file is an old Excel file (.xls). Save it as .xlsx in Excel and try again.",
    encrypted: () =>
      "the file is encrypted with a password. Remove the password in Excel (File › Info › Protect Workbook) and try again.",
    csv: () => "the file is text (CSV), not a workbook. Open it in Excel and save it as .xlsx.",
    notZip: () => "not an .xlsx file.",
    damaged: () => "the file is damaged or incomplete (the zip archive's directory is missing).",
    partTooLarge: (p) =>
      `the part ${p.part} unpacks to ${mbEn(p.size)} MB; at most ${mbEn(p.limit)} MB is read (a zip bomb?).`,
    partLies: (p) =>
      `the part ${p.part} unpacks to more than the ${n(p.declared)} bytes the file states (a zip bomb?).`,
    tooLargeUnpacked: (p) => `the file unpacks to ${mbEn(p.size)} MB; at most ${mbEn(p.limit)} MB is read.`,
    tooManyParts: (p) => `the file has ${n(p.count)} parts; at most ${n(p.limit)} are read.`,
    tooManySheets: (p) => `the workbook has ${n(p.count)} sheets; at most ${n(p.limit)} are read.`,
    tooManyCells: (p) =>
      `the workbook declares ${n(p.count)} cells (${p.part}); at most ${n(p.limit)} are read. Copy the statements to a smaller workbook.`,
    xlsb: () => "the file is an Excel binary workbook (.xlsb). Save it as .xlsx in Excel and try again.",
    ods: () =>
      "the file is an OpenDocument spreadsheet (.ods). Save it as .xlsx (Excel workbook) and try again.",
    numbers: () => "the file is a Numbers document (.numbers). Export it to Excel (.xlsx) and try again.",
    partMissing: (p) => `the workbook lacks its part ${p.part}, so it cannot be read.`,
    badXml: (p) => `the part ${p.part} is not valid XML, so the file cannot be read.`,
    tooMuchText: (p) =>
      `the workbook has more than ${n(p.limit)} characters of text; at most that much is read. Copy the statements to a smaller workbook.`,
    missing: () => "no such file.",
    noAccess: () => "permission denied (the file may not be read).",
    directory: () => "it is a folder, not a file.",
    notRegular: () => "it is not a regular file (a device or a pipe?).",
  },
  readNotes: {
    sheetTooLarge: (sheet, limit) =>
      `${sheet} has more than ${n(limit)} filled cells, so the sheet was not read. Copy the statements to a smaller workbook.`,
    sheetUnreadable: (sheet, where) =>
      `${sheet} could not be read (${where}: damaged or outside Excel's grid), so the sheet was not checked.`,
    badNumbers: (sheet, cells, count) =>
      `${sheet}: ${n(count)} cells hold a stored number that is not a number (${cells}); they were read as text.`,
    notComputed: (sheet, cells, count) =>
      `${sheet}: ${n(count)} formulas have no stored result and were not computed here (${cells}) — open and save the file in Excel.`,
    computed: (count) => `${n(count)} formulas without a stored result were computed here.`,
    sheetTooLargeInExcel: (sheet, cells, limit) =>
      `${sheet} has ${n(cells)} cells in its used range; at most ${n(limit)} are read per sheet, so the sheet was not checked.`,
    sheetFailedInExcel: (sheet) => `${sheet} could not be read from Excel, so the sheet was not checked.`,
  },
  coverageLine,
  notRead: {
    noPeriodHeader: (sheet) =>
      `${sheet} looks like a financial statement (sum rows with amounts) but has no header row naming periods (e.g. Actual, Budget, Forecast or years), so it was not checked.`,
    noSumRows: (sheet) => `${sheet} has period columns but no sum or result rows (Total …, Result) to check.`,
    noLabels: (sheet) =>
      `${sheet} has period headers but no row labels to the left of the amounts, so its rows cannot be read.`,
  },
  severity: { error: "Error", warning: "Warning" },
  results: {
    ok: "OK",
    invalidWeights: (list) => `Weight not a whole number 1–10: ${list}.`,
    weightItem: (where, weight) => `${whereEn(where)} (${weight === null ? "missing" : n(weight)})`,
    unknownAreas: (list) => `Unknown goal area: ${list}.`,
    areaItem: (where, area) => `${whereEn(where)} ("${area}")`,
    areasOutside: (tolerance, list) => `Goal area outside its nominal share ±${tolerance}: ${list}.`,
    areaShareItem: (name, share, nominal) => `${name} ${pct(share, "en")} (nominal ${pct(nominal, "en", 0)})`,
    tolerance: (tolerance) => pct(tolerance, "en", 1),
    andMore: (count) => `and ${n(count)} more`,
    sumMismatch: (p) =>
      `The sum is ${n(p.sum)}, not ${n(p.total)} (difference ${n(p.difference)}; allowed ±${n(p.allowed)}).`,
  },
  cli: {
    usage: `Usage:
  finsam export --template budget|avgifter|socialbudget|impactindex|arsbokslut|uppfoljning|alla [--exempel] [--out FILE.xlsx]
  finsam check FILE.xlsx [--json]
  finsam outcome FILE.se [--months N] [--map KONTOPLAN.xlsx] [--out FILE.xlsx [--exempel]] [--json]
  finsam budget-sie FILE.xlsx --year YYYY --out BUDGET.se [--profile w1,…,w12] [--map KONTOPLAN.xlsx]
  finsam next-budget FILE.xlsx [--out NEW.xlsx] [--tilldelning TKR] [--index PERCENT]
Flags: --lang sv|en (language of messages), --help.`,
    unknownTemplate: (name) =>
      `Unknown template "${name}". Choose budget, avgifter, socialbudget, impactindex or alla.`,
    unknownCommand: (name) => `Unknown command "${name}".`,
    missingFile: "Name the file to check.",
    written: (file, sheets) => `Wrote ${file}: ${sheets}.`,
    cannotRead: (file, reason) => `Cannot read ${file}: ${reason}`,
    cannotWrite: (file, reason) => `Cannot write ${file}: ${reason}`,
    noFinsamSheets: (file) => `${file}: no FINSAM sheets or statements recognised, so nothing was checked.`,
    readFault: "the file could not be read (a fault in finsam; the file is unchanged).",
    writeFault: "the file could not be written.",
    notReadLine: (reason) => `Not read: ${reason}`,
    summary: (file, sheets, errors, warnings) =>
      `${file}: ${sheets} FINSAM sheets, ${errors} ${errors === 1 ? "error" : "errors"}, ${warnings} ${warnings === 1 ? "warning" : "warnings"}.`,
  },
  pane: {
    ...FIRST_SCREEN.en.pane,
    insertOne: (name) => `Insert ${name}`,
    insertAll: "Insert all",
    optionsHeading: "Details for the templates",
    fields: {
      associationName: "Association name",
      firstYear: "First budget year",
      regionName: "Region",
      municipalities: "Member municipalities",
      municipalityName: "Municipality",
      code: "Municipality code",
      population: "Working-age population",
      ageBand: "Age band",
      referenceDate: "Population reference date",
      stateAllotment: "State allotment (tkr)",
      content: "Content",
      blank: "Blank",
      example: "Example (budget 2021–2023, social budget 2023)",
    },
    municipalityRow: (i) => `Municipality ${i}`,
    addMunicipality: "Add municipality",
    removeMunicipality: (name) => `Remove ${name || "the municipality"}`,
    moveUp: (name) => `Move ${name || "the municipality"} up`,
    moveDown: (name) => `Move ${name || "the municipality"} down`,
    problems: {
      required: "Please fill in.",
      yearOutOfRange: "Enter a year from 2000 to 2100.",
      notANumber: "Enter a number, e.g. 5690.",
      negative: "Must not be negative.",
      dateInvalid: "Enter a date as YYYY-MM-DD.",
      atLeastOneMunicipality: "Add at least one municipality.",
      duplicateName: "This municipality is already in the list.",
      allZero: "The population cannot be zero for every municipality.",
      unknownMunicipality: "Unknown municipality – choose from the list.",
      regionMismatch:
        "The region is not the one the municipalities' county code names: choose it from the list (it is suggested above).",
      ambiguousThousands:
        "A dot may separate thousands or decimals: write a space between thousands (5 690) or a decimal comma (5,69).",
    },
    ambiguousThousands: (typed, readings) =>
      `"${typed}" can be read as ${fmt(readings[0], "en")} or ${fmt(readings[1], "en")}. Write ${fmt(readings[0], "sv")} with a space between thousands, or ${fmt(readings[1], "sv")} with a decimal comma.`,
    fixProblems: "Correct the marked fields to insert.",
    inserting: (done, total) => `Inserting ${done + 1} of ${total} …`,
    inserted: (sheets) => `Inserted: ${sheets}.`,
    renamed: (requested, actual) => `${requested} already existed, so the new one is called ${actual}.`,
    insertFailed: (message) => `Could not insert: ${message}`,
    storedOptionsIgnored: {
      unknownVersion:
        "The choices saved in this workbook come from another version of the add-in and were not used; the form starts empty.",
      invalid:
        "The choices saved in this workbook could not be read and were not used; the form starts empty.",
    },
    insertUndone: (reason) =>
      `${reason.replace(/\.?\s*$/, ".")} What had been created was removed: the workbook is as it was.`,
    insertLeftovers: (reason, left) =>
      `${reason.replace(/\.?\s*$/, ".")} What had been created could not all be removed; check and remove by hand: ${left}.`,
    checkHeading: "Check the workbook",
    checkIntro:
      "Reads the FINSAM sheets (also your own and renamed ones) and checks sums, result, equity, fees, weights and outcomes.",
    checkButton: "Check the workbook",
    checking: "Checking …",
    noFinsamSheets: "No FINSAM sheets or statements found in the workbook, so nothing was checked.",
    coverageHeading: "What was read and checked",
    notReadHeading: "Sheets not read",
    checkedClean: (sheets) => `${sheets} FINSAM sheets checked: no errors or warnings.`,
    checkedSummary: (sheets, errors, warnings) =>
      `${sheets} FINSAM sheets checked: ${errors} ${errors === 1 ? "error" : "errors"}, ${warnings} ${warnings === 1 ? "warning" : "warnings"}.`,
    findingsLabel: "Results of the check",
    showCell: (ref) => `Show ${ref}`,
    checkFailed: (message) => `Could not read the workbook: ${message}`,
    unknownError: "unknown error",
  },
  sie: {
    problem: (p: SieMessageProblem): string => {
      switch (p.kind) {
        case "notSie":
          return "The file is not a SIE file (it must open with a record such as #FLAGGA and contain #SIETYP or #FLAGGA).";
        case "tooLarge":
          return `The file is ${n(Math.round(p.size / 1048576))} MB; at most ${n(p.limit / 1048576)} MB is read.`;
        case "tooManyRecords":
          return `The file has more than ${n(p.limit)} lines; that many are not read.`;
        case "tooManyAccounts":
          return `The file has more than ${n(p.limit)} accounts; that many are not read.`;
        case "fieldTooLong":
          return `Line ${p.line}: a field is longer than ${p.limit} characters.`;
        case "badRecord":
          return `Line ${p.line}: ${p.label} has ${sieField[p.field] ?? p.field} that cannot be read.`;
        case "transOutsideVoucher":
          return `Line ${p.line}: #TRANS outside a voucher (#VER { … }).`;
        case "voucherUnclosed":
          return `Line ${p.line}: the voucher is never closed with }.`;
        case "noYear":
          return `The file has no financial year ${p.yearNumber} (#RAR).`;
        case "monthsOutside":
          return `The number of months must be 1–${p.length}, not ${p.months}.`;
        case "noBalances":
          return p.partial
            ? `The file has no period balances (#PSALDO) or vouchers for year ${p.yearNumber}: the outcome up to month ${p.months} cannot be found. Export SIE type 2–4.`
            : `The file has no result balances (#RES), period balances or vouchers for year ${p.yearNumber}.`;
        case "noOutcomeSheet":
          return "The workbook has no sheet with Utfall and Budget columns (Utfall mot budget). Insert the budget template first.";
        case "blockTaken":
          return "Columns L–N of Utfall mot budget are in use; the import writes its reconciliation there. Move the content and try again.";
      }
    },
    basis: {
      res: "the year's result balances (#RES)",
      psaldo: "period balances (#PSALDO)",
      trans: "vouchers (#TRANS)",
      pbudget: "period budget (#PBUDGET)",
    },
    header: (company: string, org: string, start: string, end: string) =>
      `${company || "(no name)"}${org ? `, ${org}` : ""}, financial year ${start}–${end}`,
    period: (from: string, to: string, months: number, basis: string) =>
      `Period ${from}–${to} (${months} months), from ${basis}.`,
    row: (row: string, amount: string) => `${row}\t${amount}`,
    unmapped: (account: string, name: string, amount: string) => `Not mapped: ${account} ${name}\t${amount}`,
    unplaced: (row: string, amount: string) => `Row missing on the sheet: ${row}\t${amount}`,
    result: (result: string, mapped: string, unmapped: string) =>
      `The file's result ${result} kr; on rows ${mapped} kr; not mapped ${unmapped} kr.`,
    reconciled: "Reconciled with the file's result: OK.",
    notReconciled: (n: number) => `${n} accounts are on no row: add them to Kontoplan.`,
    defaultMap: "No Kontoplan in the workbook: the default account map (Kommun-Bas classes 5–7) was used.",
    mapProblem: (cell: string, text: string) =>
      `Kontoplan ${cell}: "${text}" is not an account range with a row.`,
    written: (file: string) => `Wrote ${file}.`,
    missingFile: "Give the SIE file.",
    missingBudgetArgs: "Give the workbook, --year YYYY and --out FILE.se.",
    noBudgetYear: (year: number) => `The workbook has no budget sheet with the year ${year}.`,
    badProfile: "--profile must be twelve numbers ≥ 0, separated by commas, not all zero.",
    budgetPlaced: (n: number, file: string) => `${n} budget rows written to ${file} as #PBUDGET by month.`,
    budgetUnplaced: (row: string, reason: "noAccount" | "severalAccounts") =>
      `Not placed: ${row} (${reason === "noAccount" ? "no account in Kontoplan" : "the row has several accounts; give one"}).`,
    pane: {
      heading: "Import the outcome from the ledger",
      intro:
        "Choose a SIE file (type 1–4) from the accounting system. The outcome goes to the rows of Utfall mot budget by the Kontoplan sheet and is reconciled with the file's result.",
      months: "Outcome up to month (empty = the whole year)",
      choose: "Choose SIE file",
      fileLabel: "SIE file",
      reading: "Reading the file …",
      done: (rows: number, sheet: string, period: string) => `${rows} rows on ${sheet} filled in, ${period}.`,
      reconciled: "Reconciled with the file's result.",
      unmapped: (n: number, amount: string) =>
        `${n} accounts (${amount} kr) are not mapped: they are listed on the sheet.`,
      failed: "The outcome was not imported.",
      badMonths: "Give the number of months 1–12, or leave it empty for the whole year.",
    },
  },
  population: {
    heading: "Population from SCB",
    intro:
      "Adds up the municipalities' one-year age classes in the age band from SCB's table Population by region, marital status, age and sex (BE0101N1), at 31 December.",
    year: "Reference year (31 December)",
    chooseFile: "Read a file from SCB …",
    fileLabel: "File from Statistikdatabasen (CSV, xlsx or JSON-stat)",
    pasteLabel: "Or paste the table here",
    readPasted: "Read the pasted table",
    fetch: "Fetch from SCB",
    fetchNote: "Fetches only the chosen municipalities, age band and year from SCB's open API.",
    needMembers: "Choose the member municipalities first.",
    stage: {
      v2: "Asking SCB (API version 2) …",
      v1: "Asking SCB (API version 1) …",
      reading: "Reading the answer …",
    },
    reading: "Reading the file …",
    imported: (count: number, band: string, date: string, via: string) =>
      `Population ${band} at ${date} for ${count} municipalities read from ${via}. The sums are in the form.`,
    via: {
      "api-v2": "SCB's API (version 2)",
      "api-v1": "SCB's API (version 1)",
      csv: "a CSV file",
      xlsx: "an xlsx file",
      "json-stat2": "a JSON-stat file",
      pasted: "a pasted table",
    } as Record<string, string>,
    more: (count: number) => `… and ${count} more.`,
    failed: "Nothing was changed:",
    problem: (p: PopulationProblem): string => {
      switch (p.kind) {
        case "memberMissing":
          return `${p.member} is not in the file.`;
        case "yearMissing":
          return `The year ${p.year} is not in the file${p.years.length ? ` (it has ${p.years.join(", ")})` : ""}.`;
        case "agesMissing":
          return `${p.member}: ages ${ageList(p.ages)} are missing (the file must have one-year age classes).`;
        case "cellsMissing":
          return `${p.member}: age ${ageList(p.ages)} lacks cells other ages have (e.g. ${p.example}).`;
        case "doubled":
          return `${p.member}: age ${p.age} appears twice (${p.where}).`;
        case "valueMissing":
          return `${p.member}: the figure for age ${p.age} is missing (${p.where}).`;
        case "badFigure":
          return `${p.member}: age ${p.age} has the figure ${String(p.value)} (${p.where}), which cannot be a number of persons (a whole number from 0 to 1,000,000).`;
        case "memberTwice":
          return `${p.member} is listed twice among the members.`;
        case "unknownMember":
          return `"${p.member}" is not a municipality in SCB's list; choose it from the list.`;
        case "notPopulation":
          return `The file does not look like SCB's population table: ${p.detail}.`;
        case "tooLarge":
          return `The file is ${n(Math.round(p.size / 1048576))} MB; at most ${n(Math.round(p.limit / 1048576))} MB is read.`;
        case "unreadable":
          return `The file could not be read: ${p.detail}.`;
        case "offline":
          return "SCB could not be reached. Is the computer online? You can also save the table from Statistikdatabasen and read the file.";
        case "readTimedOut":
          return `The file was not read within ${p.seconds} seconds and the reading was stopped. Save a smaller selection (fewer years or regions) and try again.`;
        case "readStopped":
          return "Reading the file stopped unexpectedly (perhaps memory ran out). Save a smaller selection and try again.";
        case "timeout":
          return `SCB did not answer within ${p.seconds} seconds. Try again in a while.`;
        case "http":
          return `SCB answered with error ${p.status}${p.detail ? `: ${p.detail}` : ""}.`;
        case "unexpected":
          return `SCB answered something unexpected (${p.detail}).`;
      }
    },
    fromScb: "population from SCB",
    showList: "Show the list (Alt+Down arrow)",
    regionFollows: (name: string) => `The region follows from the municipality codes: ${name}.`,
    unknownMunicipality: "Unknown municipality – choose one from the list.",
    noMatch: "No municipality by that name",
  },
  app: {
    ...FIRST_SCREEN.en.app,
    functionsHeading: "Functions",
    functionsIntro: "Type them in a cell, e.g. =FINSAM.IMPACTINDEX(B2:B24,C2:C24).",
  },
  nextBudget: {
    heading: "Next budget round",
    intro:
      "Rolls the plan in the workbook one year on into a new sheet, with the previous plan and the change beside every row. The old sheets are not changed.",
    allotment: "State allotment for the new years (tkr)",
    index: "Cost index for the new last year (%)",
    run: "Create budget proposal",
    running: "Reading the workbook and creating the proposal …",
    done: (sheet, key, equity) =>
      `The proposal is on the sheet ${sheet}. Fees are split by ${key}. Equity at the start of the year: ${equity}.`,
    failed: (reason) => `The proposal could not be created: ${reason}`,
    problems: {
      noBudget: "No budget with years as columns was found in the workbook.",
      noYears: "The budget does not have at least two consecutive years as columns.",
      noMembers: "The budget lacks the state, the region or the municipalities among its income.",
      noCosts: "The budget has no cost lines.",
      noAllotment: "Enter the state allotment (tkr): the plan has no figure for next year.",
    },
    written: (file, sheet) => `Wrote ${file}: the old sheets and the proposal ${sheet}.`,
    allotmentFromPlan: (amount) =>
      `State allotment ${amount} tkr from the old plan (give the new one with --tilldelning).`,
    basis: (key, equity) => `Fee key: ${key}. Equity at the start of the year: ${equity}.`,
    sameFile: "the proposal goes to a new file, never over the old one (give --out).",
    badNumber: (flag, text) => `--${flag}: "${text}" is not a number.`,
  },
  functionSummaries: {
    IMPACTINDEX: "Weighted goal attainment 0–100, in total or for one goal area.",
    FEESPLIT: "Splits an amount by population, adding up exactly.",
    FINANCING: "The region's and each municipality's fee from the state allotment.",
    EQUITYCAP: "Recommended maximum equity (the staircase).",
    WEIGHTCHECK: "Checks the social budget's weights and area shares.",
    TOPSHARE: "Share of answers in the top alternatives.",
    GOALMET: "Is the goal met, with tolerance and minimum response rate?",
    CHECKSUM: "Do the parts add up to the total, allowing for rounding?",
    COSTSPLIT: "Costs divided into administration, structural and individual work.",
    SOLIDITET: "Equity ratio: equity / total assets.",
  },
};
