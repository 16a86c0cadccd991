import type { SieField } from "../sie/parse";
import type { ImportProblem as SieMessageProblem } from "../sie/importOutcome";
import type { ArgErrorCode, DomainErrorCode, ErrorParams } from "../domain/errors";
import type { FindingCode } from "../checks/types";
import type { NotReadReason } from "../checks/layout";
import type { ImportProblem as PopulationProblem } from "../population/import";
import { formatNumber as fmt, formatPercent as pct, type Locale } from "./format";
import { FIRST_SCREEN } from "./firstScreen";

type P = ErrorParams;
type Template = (p: P) => string;
const n = (v: string | number | undefined) => (typeof v === "number" ? fmt(v, "sv") : String(v ?? ""));

/** Names of the quantities that messages talk about (the `what` of a domain error). */
const quantities: Record<string, string> = {
  total: "totalen",
  decimals: "antal decimaler",
  weights: "vikterna",
  weight: "vikten",
  populations: "befolkningstalen",
  population: "befolkningstalet",
  stateAllotment: "statens tilldelning",
  amount: "beloppet",
  amounts: "beloppen",
  share: "andelen",
  shares: "andelarna",
  assets: "tillgångarna",
  years: "budgetåren",
  openingEquity: "ingående eget kapital",
  result: "resultatet",
  outcome: "utfallet",
  budget: "budgeten",
  part: "delen",
  rounding: "avrundningen",
  costs: "kostnaderna",
  equity: "eget kapital",
  totalAssets: "balansomslutningen",
  base: "basen",
  unit: "enheten",
  steps: "trappstegen",
  rate: "procentsatsen",
  threshold: "gränsen",
  areas: "målområdena",
  points: "poängen",
  indicators: "indikatorerna",
  tolerance: "toleransen",
  attainment: "måluppfyllelsen",
  whole: "helheten",
  counts: "svarsantalen",
  count: "svarsantalet",
  answers: "svar",
  topN: "antal översta alternativ",
  target: "målvärdet",
  actual: "utfallet",
  responseRate: "svarsfrekvensen",
  minResponseRate: "lägsta svarsfrekvens",
  administration: "administration",
  structural: "strukturövergripande insatser",
  individual: "individinriktade insatser",
  area: "målområdet",
  areaNames: "målområdesnamnen",
  areaPoints: "målområdespoängen",
  partialCredit: "delpoäng",
  lowerIsBetter: "lägre är bättre",
  parts: "delarna",
};
const q = (what: string | number | undefined) => quantities[String(what)] ?? String(what ?? "");
/** Quantities that take the neuter form of an adjective: "beloppet är negativt", but "vikten är negativ". */
const neuter = new Set([
  "population",
  "amount",
  "result",
  "outcome",
  "equity",
  "count",
  "actual",
  "target",
  "openingEquity",
  "topN",
]);
const negative = (what: string | number | undefined) => (neuter.has(String(what)) ? "negativt" : "negativ");
const at = (p: P) => (p.position === undefined ? "" : ` (nr ${p.position})`);
/** Quantities in the plural: "vikterna är för stora". */
const plural = new Set(["weights", "populations", "counts", "amounts", "parts", "steps", "years"]);
/** "stor", "stort" or "stora", agreeing with the quantity. */
const large = (what: string | number | undefined) =>
  plural.has(String(what)) ? "stora" : neuter.has(String(what)) ? "stort" : "stor";

const errors: Record<DomainErrorCode | ArgErrorCode, Template> = {
  notFinite: (p) => `${cap(q(p.what))}${at(p)} måste vara ett tal.`,
  negative: (p) => `${cap(q(p.what))}${at(p)} får inte vara ${negative(p.what)} (${n(p.value)}).`,
  notPositive: (p) => `${cap(q(p.what))}${at(p)} måste vara större än 0 (${n(p.value)}).`,
  notInteger: (p) => `${cap(q(p.what))} måste vara ett heltal (${n(p.value)}).`,
  outOfRange: (p) =>
    `${cap(q(p.what))}${at(p)} måste ligga mellan ${n(p.min)} och ${n(p.max)} (${n(p.value)}).`,
  emptyList: (p) => `${cap(q(p.what))} saknas: området är tomt.`,
  allZero: (p) => `${cap(q(p.what))} är alla noll: inget att fördela efter.`,
  lengthMismatch: (p) => `${cap(q(p.what))}: ${n(p.actual)} värden där ${n(p.expected)} behövs.`,
  totalNotRepresentable: (p) =>
    `${n(p.total)} kan inte fördelas exakt med ${n(p.decimals)} decimaler. Ange fler decimaler.`,
  tooLarge: (p) => `${cap(q(p.what))} är för ${large(p.what)} (${n(p.value)}).`,
  stepsNotAscending: (p) => `Trappstegens gränser måste öka (steg ${p.position}).`,
  stepsOpenEndNotLast: (p) => `Bara sista trappsteget får sakna gräns (steg ${p.position}).`,
  baseAboveDefaultSteps: (p) =>
    `Basen ${n(p.base)} kr är över ${n(p.limit)} kr, där rekommendationen inte är känd. Ange trappsteg.`,
  baseAboveSteps: (p) => `Basen ${n(p.base)} kr är över sista trappstegets gräns ${n(p.limit)} kr.`,
  duplicateName: (p) => `${cap(q(p.what))}: namnet "${p.name}" finns två gånger.`,
  emptyName: (p) => `${cap(q(p.what))}: namn nr ${p.position} saknas.`,
  noIndicators: () => `Inga indikatorer med vikt.`,
  noIndicatorsInArea: (p) => `Inga indikatorer i målområdet "${p.area}".`,
  partExceedsWhole: (p) => `Delen (${n(p.part)}) är större än helheten (${n(p.whole)}).`,
  zeroTotal: (p) => `Inga ${q(p.what)}: summan är noll.`,
  tooSmall: (p) => `${cap(q(p.what))} är för liten för att räkna med (${n(p.value)}).`,
  sharesNot100: (p) => `Andelarna på rad ${p.position} blir ${n(p.percent)} %, inte 100 %.`,
  // Argument errors of the custom functions.
  textInsteadOfNumber: (p) => `Text där ett tal ska stå: ${cellRef(p)} "${p.text}".`,
  booleanInsteadOfNumber: (p) => `SANT/FALSKT där ett tal ska stå: ${cellRef(p)}.`,
  textInsteadOfBoolean: (p) => `Text där SANT eller FALSKT ska stå: ${cellRef(p)} "${p.text}".`,
  raggedRange: (p) =>
    `${cap(q(p.what))}: raderna är olika långa (rad ${p.row} har ${p.actual} celler, rad 1 har ${p.expected}).`,
  blankNotAllowed: (p) => `Värde saknas: ${cellRef(p)}.`,
  errorInCell: (p) => `Cellen innehåller ett fel: ${cellRef(p)}.`,
  notText: (p) => `Text förväntas: ${cellRef(p)}.`,
  shapeMismatch: (p) =>
    `${cap(q(p.what))} (${p.actual}) har inte samma storlek som ${q(p.other)} (${p.expected}).`,
  emptyRange: (p) => `${cap(q(p.what))} saknas: området är tomt.`,
  notSingleValue: (p) => `${cap(q(p.what))} ska vara ett enda värde, inte ett område.`,
  wrongColumnCount: (p) => `${cap(q(p.what))} ska ha ${p.expected} kolumner (har ${p.actual}).`,
  invalidAttainment: (p) => `Måluppfyllelse ska vara 0–1 eller SANT/FALSKT: ${cellRef(p)}.`,
  areaWithoutAreas: () => `Ange målområdena för indikatorerna när ett målområde väljs.`,
  weightWithoutValue: (p) => `Vikt saknas för en indikator med utfall: ${cellRef(p)}.`,
  unexpected: (p) => `Oväntat fel: ${p.detail}`,
};

/** Where a cell sits in a range: "rad 3" in a column, "kolumn 3" in a row, both in a block. */
export interface Where {
  row: number;
  column: number;
  shape: "row" | "column" | "block";
}
const whereSv = (w: Where) =>
  w.shape === "row"
    ? `kolumn ${w.column}`
    : w.shape === "column"
      ? `rad ${w.row}`
      : `rad ${w.row}, kolumn ${w.column}`;

function cellRef(p: P): string {
  const where = p.row === undefined ? "" : ` rad ${p.row}, kolumn ${p.column}`;
  return `${q(p.what)}${where}`;
}

/** "Utfall − Budget", in the order and with the column names the sheet uses. */
export function deviationText(p: P, outcome: string, budget: string): string {
  const first = p.first === undefined ? outcome : String(p.first);
  const second = p.second === undefined ? budget : String(p.second);
  return p.order === "backward" ? `${second} − ${first}` : `${first} − ${second}`;
}

function cap(text: string): string {
  return text.charAt(0).toLocaleUpperCase("sv-SE") + text.slice(1);
}

const findings: Record<FindingCode, Template> = {
  sumMismatch: (p) =>
    `${p.label} (${p.column}): ${n(p.printed)}, men delarna blir ${n(p.sum)} (differens ${n(p.difference)}; avrundning förklarar högst ±${n(p.allowed)}).${p.rows ? ` Summan togs som rad ${p.rows}.` : ""}`,
  repeatMismatch: (p) =>
    `${p.label} (${p.column}): ${n(p.printed)}, men samma summa i ${p.cell} är ${n(p.expected)}.`,
  acrossMismatch: (p) =>
    `${p.label} (${p.column}): ${n(p.printed)}, men periodkolumnerna blir ${n(p.sum)} (differens ${n(p.difference)}; avrundning förklarar högst ±${n(p.allowed)}).`,
  crossMismatch: (p) =>
    `${p.label} (${p.column}): ${n(p.printed)} stämmer varken med radens summa eller kolumnens summa; ${n(p.sum)} får båda att gå ihop.`,
  deviationMismatch: (p) =>
    `${p.label}: avvikelsen ${n(p.printed)} ska vara ${deviationText(p, "Utfall", "Budget")} = ${n(p.expected)}.`,
  resultMismatch: (p) =>
    `${p.label || "Resultat"} (${p.column}): ${n(p.printed)}, men posterna ovanför ger ${n(p.sum)} (differens ${n(p.difference)}; avrundning förklarar högst ±${n(p.allowed)}).${p.rows ? ` Resultatet togs som rad ${p.rows}.` : ""}`,
  equityRollForward: (p) =>
    `Eget kapital vid årets slut ${p.year}: ${n(p.printed)}, men början + resultat = ${n(p.expected)}.`,
  equityStartMismatch: (p) =>
    `Eget kapital vid årets början ${p.year}: ${n(p.printed)}, men föregående års slut är ${n(p.expected)}.`,
  equityAboveCeiling: (p) =>
    `Eget kapital ${p.year} (${n(p.equity)} tkr) är över det rekommenderade taket ${n(p.ceiling)} tkr.`,
  regionNotHalfOfState: (p) =>
    `Regionen (${p.column}): ${n(p.printed)}, men halva statens tilldelning är ${n(p.expected)}.`,
  municipalitiesNotRegion: (p) =>
    `Kommunerna (${p.column}): tillsammans ${n(p.sum)}, men regionen betalar ${n(p.region)}.`,
  invalidWeight: (p) =>
    `Vikten ${p.weight === "" ? "saknas" : n(p.weight)} för "${p.indicator}": ska vara ett heltal 1–10.`,
  unknownArea: (p) => `"${p.area}" är inte ett av målområdena (indikatorn "${p.indicator}").`,
  areaShareOutside: (p) =>
    `${p.area}: ${pct(Number(p.share), "sv")} av vikten, men den nominella andelen är ${pct(Number(p.nominal), "sv", 0)} ± ${pct(Number(p.tolerance), "sv")}.`,
  missingOutcome: (p) => `Utfall saknas för "${p.indicator}" (${p.platform}); räknas som ej uppnått.`,
  allocationNot100: (p) =>
    `${p.label || "Raden"}: fördelningsnyckelns andelar blir ${n(p.percent)} %, inte 100 %.`,
  allocationMissing: (p) => `${p.label || "Raden"}: kostnadsraden har ingen fördelningsnyckel.`,
  distributionAmount: (p) =>
    `${p.label} (${p.column}): ${n(p.printed)}, men andelen och summan ger ${n(p.expected)}.`,
  distributionShare: (p) =>
    `${p.label} (${p.column}): ${n(p.printed)} %, men beloppet är ${n(p.expected)} % av summan.`,
  distributionSum: (p) =>
    `${p.label} (${p.column}): ${n(p.printed)}, men de tre delarna blir ${n(p.sum)} (differens ${n(p.difference)}; avrundning förklarar högst ±${n(p.allowed)}).`,
  distributionTotal: (p) =>
    `Kostnadsfördelningen (${p.column}): ${n(p.printed)}, men uppställningens summa kostnader är ${n(p.expected)}.`,
  populationOld: (p) =>
    `Befolkningen är från ${p.year}, äldre än budgetåret ${p.budgetYear} − 2. Hämta nyare siffror från SCB.`,
  populationBandDiffers: (p) =>
    `Åldersgruppen på bladet är ${p.band}, men befolkningen summerades för ${p.summed}. Importera igen för ${p.band}.`,
  populationTypedOver: (p) =>
    `${p.member}: befolkningen ${n(p.printed)} är inskriven över det importerade värdet ${n(p.imported)} från SCB.`,
  crossResult: (p) =>
    `Årets resultat ${p.year}: ${n(p.printed)} här, men ${n(p.expected)} i de andra uppställningarna.`,
  balanceMismatch: (p) =>
    `Balansräkningen ${p.year}: eget kapital, avsättningar och skulder ${n(p.printed)}, men tillgångarna ${n(p.expected)}.`,
  equityChange: (p) =>
    `Eget kapital ${p.year}: ${n(p.printed)}, men föregående års eget kapital + årets resultat = ${n(p.expected)}.`,
  cashEndMismatch: (p) =>
    `Likvida medel vid årets slut ${p.year}: ${n(p.printed)}, men kassa och bank i balansräkningen är ${n(p.expected)}.`,
  cashStartMismatch: (p) =>
    `Likvida medel vid årets början ${p.year}: ${n(p.printed)}, men föregående års kassa och bank är ${n(p.expected)}.`,
  cashChangeMismatch: (p) =>
    `${p.label} ${p.year}: ${n(p.printed)}, men likvida medel vid årets slut minus vid årets början är ${n(p.expected)}.`,
  cashFlowMismatch: (p) =>
    `Årets kassaflöde ${p.year}: ${n(p.printed)}, men likvida medel ändrades med ${n(p.expected)}.`,
  cashMismatch: (p) =>
    `Kassa och bank ${p.year}: ${n(p.printed)}, men kassaflödesanalysen slutar på ${n(p.expected)}.`,
  changeMismatch: (p) =>
    `Förändringen ${p.year}: ${n(p.printed)}, men balansräkningens skillnad mellan åren ger ${n(p.expected)} (med tecknet som raden anger).`,
  noteMismatch: (p) =>
    `${p.label} ${p.year}: ${n(p.printed)}, men not ${p.note} summerar till ${n(p.expected)}.`,
  cashFlowBlank: (p) =>
    `Årets kassaflöde ${p.year} är tomt; det borde vara likvida medel vid årets slut − vid årets början.`,
  soliditetMismatch: (p) =>
    `Soliditeten ${p.year}: ${n(p.printed)} %, men balansräkningens eget kapital / summa tillgångar är ${n(p.expected)} %.`,
  operatingResultMismatch: (p) =>
    `Driftsredovisningens resultat ${p.year}: ${n(p.printed)}, men resultaträkningens årets resultat är ${n(p.expected)} (i samma enhet).`,
  reachedBelowTarget: (p) =>
    `"${p.indicator}" (${p.platform}) räknas som uppnådd, men utfallet ${n(p.outcome)} når inte målvärdet ${n(p.target)}.`,
  // The check as a pipeline (issue 19): what it could not read, decide or trust.
  balanceCarried: (p) =>
    `${p.label} (${p.column}): ${n(p.printed)}, men ${p.start} och förändringarna däremellan ger ${n(p.expected)}.`,
  balanceStart: (p) =>
    `${p.label} (${p.column}): ${n(p.printed)}, men ${p.end} året före är ${n(p.expected)} (omräknat, eller fel?).`,
  subtotalOneOff: (p) =>
    `${p.label || "Raden"} (${p.column}): raden är summan av rad ${p.rows} i de andra kolumnerna, men här ${n(p.printed)} mot delarnas ${n(p.sum)} (differens ${n(p.difference)}). Ett skrivfel, eller en rad som inte är en delsumma?`,
  sumUnread: (p) =>
    `${p.label}: raderna ovan (rad ${p.rows}) ger inte summan i någon av kolumnerna ${p.columns}; kunde inte avgöra vilka rader summan avser, så den är inte kontrollerad.`,
  sumAmbiguous: (p) =>
    `${p.label} (${p.column}): kunde inte avgöra vilka rader summan avser (rad ${p.rows} eller rad ${p.other}).`,
  errorValue: (p) =>
    `${p.label ? `${p.label}: ` : ""}cellen visar felvärdet ${p.error}${p.formula ? ` (formeln ${p.formula})` : ""}.`,
  textFigure: (p) =>
    `${p.label ? `${p.label} ` : ""}(${p.column}): "${p.text}" är text, inte ett tal, så SUMMA ovanför räknar inte med den.`,
  notAFigure: (p) =>
    `${p.label ? `${p.label} ` : ""}(${p.column}): "${p.text}" går inte att läsa som ett belopp.`,
  formulaOmits: (p) => `${p.label} (${p.column}): formeln ${p.formula} utelämnar rad ${p.rows} i sin grupp.`,
  formulaSingle: (p) =>
    `${p.label} (${p.column}): formeln ${p.formula} hänvisar till en enda rad, men summan ska lägga ihop rad ${p.rows}.`,
  typedOver: (p) =>
    `${p.label} (${p.column}): ${n(p.printed)} är inskrivet som ett tal där cellerna bredvid har formler; grannarna anger ${p.formula}.`,
  uncomputed: (p) =>
    `${p.label ? `${p.label}: ` : ""}formeln ${p.formula} har inget beräknat värde i filen. Öppna och spara filen i Excel.`,
  signConvention: (p) =>
    `${p.label} (${p.column}): beloppet går ihop bara med omvänt tecken mot vad raden anger (${n(p.printed)}).`,
  negativePopulation: (p) => `${p.member}: befolkningen ${n(p.printed)} är negativ.`,
};

/** Why a sheet that looks like a statement was not checked. */
/** 20, 21, 22, 30 → "20–22, 30". */
export function ageList(ages: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < ages.length;) {
    let j = i;
    while (j + 1 < ages.length && ages[j + 1] === ages[j] + 1) j++;
    parts.push(j > i ? `${ages[i]}–${ages[j]}` : String(ages[i]));
    i = j + 1;
  }
  return parts.join(", ");
}

const notRead: Record<NotReadReason, (sheet: string) => string> = {
  noPeriodHeader: (sheet) =>
    `${sheet} liknar en resultatuppställning (summarader med belopp) men har ingen rubrikrad som anger perioder (t.ex. Utfall, Budget, Prognos eller år), så den kontrollerades inte.`,
  noSumRows: (sheet) =>
    `${sheet} har kolumner för perioder men inga summa- eller resultatrader (Summa …, Totalt, Resultat) att kontrollera.`,
  noLabels: (sheet) =>
    `${sheet} har rubriker för perioder men inga radbenämningar till vänster om beloppen, så raderna kan inte läsas.`,
};

const mb = (bytes: number) => n(Math.round(bytes / 1024 / 1024));
/** Why a file is not read (before any parser sees it). */
const sieField: Record<SieField, string> = {
  amount: "ett belopp",
  year: "ett årsnummer",
  period: "en period",
  account: "ett kontonummer",
  date: "ett datum",
  fields: "fält",
};

const refused = {
  tooBigFile: (p: { size: number; limit: number }) =>
    `filen är för stor (${mb(p.size)} MB; högst ${mb(p.limit)} MB läses).`,
  legacyXls: () => "filen är en äldre Excel-fil (.xls). Spara den som .xlsx i Excel och försök igen.",
  encrypted: () =>
    "filen är krypterad med lösenord. Ta bort lösenordet i Excel (Arkiv › Info › Skydda arbetsbok) och försök igen.",
  csv: () => "filen är text (CSV), inte en arbetsbok. Öppna den i Excel och spara som .xlsx.",
  notZip: () => "inte en .xlsx-fil.",
  damaged: () => "filen är skadad eller ofullständig (zip-arkivets innehållsförteckning saknas).",
  partTooLarge: (p: { part: string; size: number; limit: number }) =>
    `delen ${p.part} blir ${mb(p.size)} MB uppackad; högst ${mb(p.limit)} MB läses (en så kallad zip-bomb?).`,
  partLies: (p: { part: string; declared: number }) =>
    `delen ${p.part} packas upp till mer än de ${n(p.declared)} byte filen uppger (en så kallad zip-bomb?).`,
  tooLargeUnpacked: (p: { size: number; limit: number }) =>
    `filen blir ${mb(p.size)} MB uppackad; högst ${mb(p.limit)} MB läses.`,
  tooManyParts: (p: { count: number; limit: number }) =>
    `filen har ${n(p.count)} delar; högst ${n(p.limit)} läses.`,
  tooManySheets: (p: { count: number; limit: number }) =>
    `arbetsboken har ${n(p.count)} blad; högst ${n(p.limit)} läses.`,
  tooManyCells: (p: { part: string; count: number; limit: number }) =>
    `arbetsboken anger ${n(p.count)} celler (${p.part}); högst ${n(p.limit)} läses. Kopiera uppställningarna till en mindre arbetsbok.`,
  // The bounded reader (workbook/xlsx/workbookReader.ts).
  xlsb: () => "filen är en binär Excel-arbetsbok (.xlsb). Spara den som .xlsx i Excel och försök igen.",
  ods: () =>
    "filen är ett OpenDocument-kalkylark (.ods). Spara den som .xlsx (Excel-arbetsbok) och försök igen.",
  numbers: () =>
    "filen är ett Numbers-dokument (.numbers). Exportera den till Excel (.xlsx) och försök igen.",
  partMissing: (p: { part: string }) => `arbetsboken saknar delen ${p.part}, så den kan inte läsas.`,
  badXml: (p: { part: string }) => `delen ${p.part} är inte giltig XML, så filen kan inte läsas.`,
  tooMuchText: (p: { limit: number }) =>
    `arbetsboken har mer än ${n(p.limit)} tecken text; högst så mycket läses. Kopiera uppställningarna till en mindre arbetsbok.`,
  missing: () => "filen finns inte.",
  noAccess: () => "åtkomst nekad (filen får inte läsas).",
  directory: () => "det är en mapp, inte en fil.",
  notRegular: () => "det är ingen vanlig fil (en enhet eller ett rör?).",
};

/** What the reader says beside the sheets it read (a sheet left out, numbers that are not numbers). */
const readNotes = {
  sheetTooLarge: (sheet: string, limit: number) =>
    `${sheet} har fler än ${n(limit)} ifyllda celler, så bladet lästes inte. Kopiera uppställningarna till en mindre arbetsbok.`,
  sheetUnreadable: (sheet: string, where: string) =>
    `${sheet} kunde inte läsas (${where}: skadad eller utanför Excels rutnät), så bladet kontrollerades inte.`,
  badNumbers: (sheet: string, cells: string, count: number) =>
    `${sheet}: ${n(count)} celler har ett sparat tal som inte är ett tal (${cells}); de lästes som text.`,
  notComputed: (sheet: string, cells: string, count: number) =>
    `${sheet}: ${n(count)} formler har inget sparat resultat och räknades inte ut här (${cells}) — öppna och spara filen i Excel.`,
  computed: (count: number) => `${n(count)} formler utan sparat resultat räknades ut här.`,
  sheetTooLargeInExcel: (sheet: string, cells: number, limit: number) =>
    `${sheet} har ${n(cells)} celler i sitt använda område; högst ${n(limit)} läses per blad, så bladet kontrollerades inte.`,
  sheetFailedInExcel: (sheet: string) =>
    `${sheet} kunde inte läsas från Excel, så bladet kontrollerades inte.`,
};

/** What a statement was recognised as, in the coverage line. */
const statementKinds: Record<string, string> = {
  resultStatement: "Resultaträkning",
  balanceSheet: "Balansräkning",
  cashFlow: "Kassaflödesanalys",
  notes: "Noter",
  balanceRequirement: "Balanskravsutredning",
  keyFigures: "Fem år i sammandrag",
  budget: "Budget",
  outcome: "Utfall mot budget",
};

/** One line per statement: what was read and checked, and what was not (issue 19). */
export interface CoverageParams {
  sheet: string;
  kind: string;
  range: string;
  figures: number;
  checked: number;
  unreadable: string[];
  skippedColumns: string[];
  uncheckedTotals: number;
}
const coverageLine = (p: CoverageParams) =>
  [
    `${p.sheet} ${p.range}: ${(p.kind && statementKinds[p.kind]) || String(p.kind ?? "")}, ${n(p.figures)} belopp lästa, ${n(p.checked)} kontrollerade`,
    p.unreadable.length > 0 ? `; går inte att läsa: ${p.unreadable.slice(0, 8).join(", ")}` : "",
    p.skippedColumns.length > 0
      ? `; kolumner som inte lästes (rubriken anger ingen period): ${p.skippedColumns.join(", ")}`
      : "",
    p.uncheckedTotals > 0
      ? `; ${p.uncheckedTotals} ${p.uncheckedTotals === 1 ? "summa" : "summor"} inte kontrollerade (en del saknas eller går inte att läsa)`
      : "",
    ".",
  ].join("");

export const sv = {
  locale: "sv" as Locale,
  refused,
  readNotes,
  errors,
  findings,
  notRead,
  coverageLine,
  severity: { error: "Fel", warning: "Varning" },
  results: {
    ok: "OK",
    invalidWeights: (list: string) => `Vikt ej heltal 1–10: ${list}.`,
    weightItem: (where: Where, weight: number | null) =>
      `${whereSv(where)} (${weight === null ? "saknas" : n(weight)})`,
    unknownAreas: (list: string) => `Okänt målområde: ${list}.`,
    areaItem: (where: Where, area: string) => `${whereSv(where)} ("${area}")`,
    areasOutside: (tolerance: string, list: string) =>
      `Målområde utanför nominell andel ±${tolerance}: ${list}.`,
    areaShareItem: (name: string, share: number, nominal: number) =>
      `${name} ${pct(share, "sv")} (nominellt ${pct(nominal, "sv", 0)})`,
    tolerance: (tolerance: number) => pct(tolerance, "sv", 1),
    /** After the first few items of a list in a function's message: "och 9 995 till". */
    andMore: (count: number) => `och ${n(count)} till`,
    sumMismatch: (p: { sum: number; total: number; difference: number; allowed: number }) =>
      `Summan är ${n(p.sum)}, inte ${n(p.total)} (differens ${n(p.difference)}; tillåtet ±${n(p.allowed)}).`,
  },
  cli: {
    usage: `Användning:
  finsam export --template budget|avgifter|socialbudget|impactindex|arsbokslut|uppfoljning|alla [--exempel] [--out FIL.xlsx]
  finsam check FIL.xlsx [--json]
  finsam outcome FIL.se [--months N] [--map KONTOPLAN.xlsx] [--out FIL.xlsx [--exempel]] [--json]
  finsam budget-sie FIL.xlsx --year ÅÅÅÅ --out BUDGET.se [--profile v1,…,v12] [--map KONTOPLAN.xlsx]
  finsam next-budget FIL.xlsx [--out NY.xlsx] [--tilldelning TKR] [--index PROCENT]
Flaggor: --lang sv|en (språk för meddelanden), --help.`,
    unknownTemplate: (name: string) =>
      `Okänd mall "${name}". Välj budget, avgifter, socialbudget, impactindex eller alla.`,
    unknownCommand: (name: string) => `Okänt kommando "${name}".`,
    missingFile: "Ange vilken fil som ska kontrolleras.",
    written: (file: string, sheets: string) => `Skrev ${file}: ${sheets}.`,
    cannotRead: (file: string, reason: string) => `Kan inte läsa ${file}: ${reason}`,
    cannotWrite: (file: string, reason: string) => `Kan inte skriva ${file}: ${reason}`,
    noFinsamSheets: (file: string) =>
      `${file}: inga FINSAM-blad eller uppställningar kändes igen, så inget kontrollerades.`,
    readFault: "filen kunde inte läsas (ett fel i finsam; filen är oförändrad).",
    writeFault: "filen kunde inte skrivas.",
    notReadLine: (reason: string) => `Ej läst: ${reason}`,
    summary: (file: string, sheets: number, errors: number, warnings: number) =>
      `${file}: ${sheets} FINSAM-blad, ${errors} fel, ${warnings} ${warnings === 1 ? "varning" : "varningar"}.`,
  },
  pane: {
    ...FIRST_SCREEN.sv.pane,
    insertOne: (name: string) => `Infoga ${name}`,
    insertAll: "Infoga alla",
    optionsHeading: "Uppgifter till mallarna",
    fields: {
      associationName: "Förbundets namn",
      firstYear: "Första budgetår",
      regionName: "Region",
      municipalities: "Medlemskommuner",
      municipalityName: "Kommun",
      code: "Kommunkod",
      population: "Befolkning i arbetsför ålder",
      ageBand: "Åldersgrupp",
      referenceDate: "Befolkningens referensdatum",
      stateAllotment: "Statlig tilldelning (tkr)",
      content: "Innehåll",
      blank: "Tomt",
      example: "Exempel (budget 2021–2023, social budget 2023)",
    },
    municipalityRow: (i: number) => `Kommun ${i}`,
    addMunicipality: "Lägg till kommun",
    removeMunicipality: (name: string) => `Ta bort ${name || "kommunen"}`,
    moveUp: (name: string) => `Flytta upp ${name || "kommunen"}`,
    moveDown: (name: string) => `Flytta ned ${name || "kommunen"}`,
    problems: {
      required: "Fyll i fältet.",
      yearOutOfRange: "Ange ett år mellan 2000 och 2100.",
      notANumber: "Ange ett tal, t.ex. 5 690.",
      negative: "Får inte vara negativt.",
      dateInvalid: "Ange ett datum som ÅÅÅÅ-MM-DD.",
      atLeastOneMunicipality: "Lägg till minst en kommun.",
      duplicateName: "Kommunen finns redan i listan.",
      allZero: "Befolkningen kan inte vara noll för alla kommuner.",
      unknownMunicipality: "Okänd kommun – välj i listan.",
      regionMismatch:
        "Regionen är inte den kommunernas länskod anger: välj regionen i listan (den föreslås ovan).",
      ambiguousThousands:
        "En punkt kan vara tusental eller decimal: skriv mellanslag mellan tusental (5 690) eller decimalkomma (5,69).",
    },
    ambiguousThousands: (typed: string, readings: [number, number]) =>
      `"${typed}" kan läsas som ${fmt(readings[0], "sv")} eller ${fmt(readings[1], "sv")}. Skriv ${fmt(readings[0], "sv")} med mellanslag mellan tusental, eller ${fmt(readings[1], "sv")} med decimalkomma.`,
    fixProblems: "Rätta de markerade fälten för att kunna infoga.",
    inserting: (done: number, total: number) => `Infogar ${done + 1} av ${total} …`,
    inserted: (sheets: string) => `Infogat: ${sheets}.`,
    renamed: (requested: string, actual: string) => `${requested} fanns redan, så det nya heter ${actual}.`,
    insertFailed: (message: string) => `Det gick inte att infoga: ${message}`,
    storedOptionsIgnored: {
      unknownVersion:
        "De val som sparats i arbetsboken kommer från en annan version av tillägget och användes inte; formuläret börjar tomt.",
      invalid:
        "De val som sparats i arbetsboken gick inte att läsa och användes inte; formuläret börjar tomt.",
    },
    insertUndone: (reason: string) =>
      `${reason.replace(/\.?\s*$/, ".")} Det som hann skapas togs bort: arbetsboken är som förut.`,
    insertLeftovers: (reason: string, left: string) =>
      `${reason.replace(/\.?\s*$/, ".")} Det som hann skapas kunde inte tas bort helt; kontrollera och ta bort för hand: ${left}.`,
    checkHeading: "Kontrollera arbetsboken",
    checkIntro:
      "Läser FINSAM-bladen (även egna och omdöpta) och kontrollerar summor, resultat, eget kapital, avgifter, vikter och utfall.",
    checkButton: "Kontrollera arbetsboken",
    checking: "Kontrollerar …",
    noFinsamSheets: "Hittade inga FINSAM-blad eller uppställningar i arbetsboken, så inget kontrollerades.",
    coverageHeading: "Vad som lästes och kontrollerades",
    notReadHeading: "Blad som inte lästes",
    checkedClean: (sheets: number) => `${sheets} FINSAM-blad kontrollerade: inga fel eller varningar.`,
    checkedSummary: (sheets: number, errors: number, warnings: number) =>
      `${sheets} FINSAM-blad kontrollerade: ${errors} fel, ${warnings} ${warnings === 1 ? "varning" : "varningar"}.`,
    findingsLabel: "Resultat av kontrollen",
    showCell: (ref: string) => `Visa ${ref}`,
    checkFailed: (message: string) => `Det gick inte att läsa arbetsboken: ${message}`,
    unknownError: "okänt fel",
  },
  sie: {
    problem: (p: SieMessageProblem): string => {
      switch (p.kind) {
        case "notSie":
          return "Filen är inte en SIE-fil (den ska börja med en post som #FLAGGA och innehålla #SIETYP eller #FLAGGA).";
        case "tooLarge":
          return `Filen är ${n(Math.round(p.size / 1048576))} MB; högst ${n(p.limit / 1048576)} MB läses.`;
        case "tooManyRecords":
          return `Filen har fler än ${n(p.limit)} rader; så många läses inte.`;
        case "tooManyAccounts":
          return `Filen har fler än ${n(p.limit)} konton; så många läses inte.`;
        case "fieldTooLong":
          return `Rad ${p.line}: ett fält är längre än ${p.limit} tecken.`;
        case "badRecord":
          return `Rad ${p.line}: ${p.label} har ${sieField[p.field] ?? p.field} som inte går att läsa.`;
        case "transOutsideVoucher":
          return `Rad ${p.line}: #TRANS utanför en verifikation (#VER { … }).`;
        case "voucherUnclosed":
          return `Rad ${p.line}: verifikationen avslutas aldrig med }.`;
        case "noYear":
          return `Filen saknar räkenskapsår ${p.yearNumber} (#RAR).`;
        case "monthsOutside":
          return `Antal månader ska vara 1–${p.length}, inte ${p.months}.`;
        case "noBalances":
          return p.partial
            ? `Filen har inga periodsaldon (#PSALDO) eller verifikationer för år ${p.yearNumber}: utfall till och med månad ${p.months} går inte att ta fram. Exportera SIE typ 2–4.`
            : `Filen har inga resultatsaldon (#RES), periodsaldon eller verifikationer för år ${p.yearNumber}.`;
        case "noOutcomeSheet":
          return "Arbetsboken har inget blad med kolumnerna Utfall och Budget (Utfall mot budget). Infoga budgetmallen först.";
        case "blockTaken":
          return "Kolumn L–N på Utfall mot budget används redan; inläsningen skriver sin avstämning där. Flytta innehållet och försök igen.";
      }
    },
    basis: {
      res: "årets resultatsaldon (#RES)",
      psaldo: "periodsaldon (#PSALDO)",
      trans: "verifikationer (#TRANS)",
      pbudget: "periodbudget (#PBUDGET)",
    },
    header: (company: string, org: string, start: string, end: string) =>
      `${company || "(namn saknas)"}${org ? `, ${org}` : ""}, räkenskapsår ${start}–${end}`,
    period: (from: string, to: string, months: number, basis: string) =>
      `Period ${from}–${to} (${months} mån.), ur ${basis}.`,
    row: (row: string, amount: string) => `${row}\t${amount}`,
    unmapped: (account: string, name: string, amount: string) => `Ej fördelat: ${account} ${name}\t${amount}`,
    unplaced: (row: string, amount: string) => `Raden saknas på bladet: ${row}\t${amount}`,
    result: (result: string, mapped: string, unmapped: string) =>
      `Filens resultat ${result} kr; på rader ${mapped} kr; ej fördelat ${unmapped} kr.`,
    reconciled: "Avstämt mot filens resultat: OK.",
    notReconciled: (n: number) => `${n} konton är ej fördelade på någon rad: lägg till dem i Kontoplan.`,
    defaultMap: "Ingen Kontoplan i arbetsboken: standardkontoplanen (Kommun-Bas klass 5–7) användes.",
    mapProblem: (cell: string, text: string) =>
      `Kontoplan ${cell}: "${text}" är inte ett kontointervall med rad.`,
    written: (file: string) => `Skrev ${file}.`,
    missingFile: "Ange SIE-filen.",
    missingBudgetArgs: "Ange arbetsboken, --year ÅÅÅÅ och --out FIL.se.",
    noBudgetYear: (year: number) => `Arbetsboken har inget budgetblad med året ${year}.`,
    badProfile: "--profile ska vara tolv tal ≥ 0, åtskilda med komma, som inte alla är noll.",
    budgetPlaced: (n: number, file: string) => `${n} budgetrader skrevs till ${file} som #PBUDGET per månad.`,
    budgetUnplaced: (row: string, reason: "noAccount" | "severalAccounts") =>
      `Ej placerad: ${row} (${reason === "noAccount" ? "inget konto i Kontoplan" : "raden har flera konton; ange ett enda"}).`,
    pane: {
      heading: "Läs in utfall från bokföringen",
      intro:
        "Välj en SIE-fil (typ 1–4) från ekonomisystemet. Utfallet fördelas på raderna i Utfall mot budget enligt bladet Kontoplan och stäms av mot filens resultat.",
      months: "Utfall till och med månad (tomt = hela året)",
      choose: "Välj SIE-fil",
      fileLabel: "SIE-fil",
      reading: "Läser filen …",
      done: (rows: number, sheet: string, period: string) =>
        `${rows} rader på ${sheet} fylldes i, ${period}.`,
      reconciled: "Avstämt mot filens resultat.",
      unmapped: (n: number, amount: string) =>
        `${n} konton (${amount} kr) är ej fördelade: de listas på bladet.`,
      failed: "Utfallet lästes inte in.",
      badMonths: "Ange antal månader 1–12, eller lämna tomt för hela året.",
    },
  },
  population: {
    heading: "Befolkning från SCB",
    intro:
      "Summerar kommunernas ettåriga åldersklasser för åldersgruppen ur SCB:s tabell Folkmängden efter region, civilstånd, ålder och kön (BE0101N1), per 31 december.",
    year: "Referensår (31 december)",
    chooseFile: "Läs in fil från SCB …",
    fileLabel: "Fil från Statistikdatabasen (CSV, xlsx eller JSON-stat)",
    pasteLabel: "Eller klistra in tabellen här",
    readPasted: "Läs in inklistrad tabell",
    fetch: "Hämta från SCB",
    fetchNote: "Hämtar bara de valda kommunerna, åldersgruppen och året från SCB:s öppna API.",
    needMembers: "Välj medlemskommunerna först.",
    stage: {
      v2: "Frågar SCB (API version 2) …",
      v1: "Frågar SCB (API version 1) …",
      reading: "Läser svaret …",
    },
    reading: "Läser filen …",
    imported: (count: number, band: string, date: string, via: string) =>
      `Befolkning ${band} per ${date} för ${count} kommuner inläst från ${via}. Summorna står i formuläret.`,
    via: {
      "api-v2": "SCB:s API (version 2)",
      "api-v1": "SCB:s API (version 1)",
      csv: "CSV-fil",
      xlsx: "xlsx-fil",
      "json-stat2": "JSON-stat-fil",
      pasted: "inklistrad tabell",
    } as Record<string, string>,
    more: (count: number) => `… och ${count} till.`,
    failed: "Inget ändrades:",
    problem: (p: PopulationProblem): string => {
      switch (p.kind) {
        case "memberMissing":
          return `${p.member} finns inte i filen.`;
        case "yearMissing":
          return `Året ${p.year} finns inte i filen${p.years.length ? ` (den har ${p.years.join(", ")})` : ""}.`;
        case "agesMissing":
          return `${p.member}: åldrarna ${ageList(p.ages)} saknas (filen ska ha ettåriga åldersklasser).`;
        case "cellsMissing":
          return `${p.member}: för ${ageList(p.ages)} år saknas celler som andra åldrar har (t.ex. ${p.example}).`;
        case "doubled":
          return `${p.member}: ${p.age} år finns två gånger (${p.where}).`;
        case "valueMissing":
          return `${p.member}: värdet för ${p.age} år saknas (${p.where}).`;
        case "badFigure":
          return `${p.member}: ${p.age} år har talet ${String(p.value)} (${p.where}), som inte kan vara ett antal personer (ett heltal från 0 till 1 000 000).`;
        case "memberTwice":
          return `${p.member} står två gånger bland medlemmarna.`;
        case "unknownMember":
          return `"${p.member}" är inte en kommun i SCB:s lista; välj den i listan.`;
        case "notPopulation":
          return `Filen ser inte ut som SCB:s befolkningstabell: ${p.detail}.`;
        case "tooLarge":
          return `Filen är ${n(Math.round(p.size / 1048576))} MB; högst ${n(Math.round(p.limit / 1048576))} MB läses.`;
        case "unreadable":
          return `Filen kunde inte läsas: ${p.detail}.`;
        case "offline":
          return "SCB gick inte att nå. Är datorn ansluten till internet? Du kan också spara tabellen från Statistikdatabasen och läsa in filen.";
        case "readTimedOut":
          return `Filen lästes inte färdigt inom ${p.seconds} sekunder och läsningen avbröts. Spara ett mindre urval (färre år eller regioner) och försök igen.`;
        case "readStopped":
          return "Läsningen av filen avbröts oväntat (kanske räckte minnet inte). Spara ett mindre urval och försök igen.";
        case "timeout":
          return `SCB svarade inte inom ${p.seconds} sekunder. Försök igen om en stund.`;
        case "http":
          return `SCB svarade med fel ${p.status}${p.detail ? `: ${p.detail}` : ""}.`;
        case "unexpected":
          return `SCB svarade något oväntat (${p.detail}).`;
      }
    },
    fromScb: "befolkning från SCB",
    showList: "Visa listan (Alt+nedåtpil)",
    regionFollows: (name: string) => `Regionen följer av kommunkoderna: ${name}.`,
    unknownMunicipality: "Okänd kommun – välj i listan.",
    noMatch: "Ingen kommun med det namnet",
  },
  app: {
    ...FIRST_SCREEN.sv.app,
    functionsHeading: "Funktioner",
    functionsIntro: "Skriv dem i en cell, t.ex. =FINSAM.IMPACTINDEX(B2:B24;C2:C24).",
  },
  nextBudget: {
    heading: "Ny budgetomgång",
    intro:
      "Rullar planen i arbetsboken ett år framåt till ett nytt blad, med föregående plan och förändringen bredvid varje rad. De gamla bladen ändras inte.",
    allotment: "Statlig tilldelning för de nya åren (tkr)",
    index: "Kostnadsindex för det nya sista året (%)",
    run: "Skapa budgetförslag",
    running: "Läser arbetsboken och skapar förslaget …",
    done: (sheet: string, key: string, equity: string) =>
      `Förslaget finns på bladet ${sheet}. Avgifterna fördelas efter ${key}. Eget kapital vid årets början: ${equity}.`,
    failed: (reason: string) => `Förslaget kunde inte skapas: ${reason}`,
    problems: {
      noBudget: "Ingen budget med år som kolumner hittades i arbetsboken.",
      noYears: "Budgeten har inte minst två år i följd som kolumner.",
      noMembers: "Budgeten saknar staten, regionen eller kommunerna bland intäkterna.",
      noCosts: "Budgeten saknar kostnadsrader.",
      noAllotment: "Ange statens tilldelning (tkr): planen har inget belopp för nästa år.",
    },
    written: (file: string, sheet: string) => `Skrev ${file}: de gamla bladen och förslaget ${sheet}.`,
    allotmentFromPlan: (amount: string) =>
      `Statlig tilldelning ${amount} tkr ur den gamla planen (ange den nya med --tilldelning).`,
    basis: (key: string, equity: string) =>
      `Avgiftsnyckel: ${key}. Eget kapital vid årets början: ${equity}.`,
    sameFile: "förslaget skrivs till en ny fil, aldrig över den gamla (ange --out).",
    badNumber: (flag: string, text: string) => `--${flag}: "${text}" är inget tal.`,
  },
  functionSummaries: {
    IMPACTINDEX: "Viktad måluppfyllelse 0–100, totalt eller för ett målområde.",
    FEESPLIT: "Fördelar ett belopp efter befolkning, exakt till summan.",
    FINANCING: "Regionens och varje kommuns avgift ur statens tilldelning.",
    EQUITYCAP: "Rekommenderat tak för eget kapital (trappan).",
    WEIGHTCHECK: "Kontrollerar social budgets vikter och målområdens andelar.",
    TOPSHARE: "Andel svar i de översta svarsalternativen.",
    GOALMET: "Är målet nått, med tolerans och lägsta svarsfrekvens?",
    CHECKSUM: "Stämmer delarna med summan, med hänsyn till avrundning?",
    COSTSPLIT: "Kostnaderna på administration, strukturövergripande och individinriktade insatser.",
    SOLIDITET: "Soliditet: eget kapital / summa tillgångar.",
  },
};

export type Messages = typeof sv;
