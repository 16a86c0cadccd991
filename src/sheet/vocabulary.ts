/**
 * The words of a financial statement, by role, in Swedish and English: what the templates write and what
 * the workbook check reads. One place, so a label can no longer drift between the two.
 *
 * Every pattern is matched against a normalised text (trimmed, spaces folded, lower case, en/em dashes
 * as "-"), anchored at the start: a label is read by its leading words, the way an accountant reads it,
 * so "Summa kansli och styrelse", "S:a kansli" and "Totalt kansli" are all sums.
 */

/**
 * Anchors: the templates write each statement row's role, machine-readable, in a hidden column far to the
 * right ("finsam:sum", "finsam:result" …). They move with their rows when the user inserts rows, survive
 * edited labels and a renamed sheet, and the checks read them before any label. A row without an anchor
 * inside an anchored statement (one the user inserted) is a line.
 */
export const ANCHOR_COLUMN = 30; // AD
export const ANCHOR_PREFIX = "finsam:";
/**
 * `forecastYear` and `forecastEquity` mark, on an interim report (Uppföljning), the row of the financial year
 * and the row of the equity at year end by the full-year forecast: the value is the first number to the right
 * of the row's label. The next budget round reads them as its starting equity.
 */
export type AnchorRole =
  RowRole | "statement" | "heading" | "ceiling" | "repeat" | "forecastYear" | "forecastEquity";

export const anchorText = (role: AnchorRole) => `${ANCHOR_PREFIX}${role}`;

/** The role an anchor cell names, or null. */
export function anchorRole(value: unknown): AnchorRole | null {
  if (typeof value !== "string" || !value.startsWith(ANCHOR_PREFIX)) return null;
  const role = value.slice(ANCHOR_PREFIX.length) as AnchorRole;
  return ANCHOR_ROLES.has(role) ? role : null;
}
const ANCHOR_ROLES = new Set<AnchorRole>([
  "statement",
  "heading",
  "repeat",
  "ceiling",
  "sum",
  "result",
  "incomeSection",
  "costSection",
  "summarySection",
  "equityStart",
  "equityEnd",
  "forecastYear",
  "forecastEquity",
]);

/** The labels the templates write, by role. */
export const LABELS = {
  income: "Intäkter",
  costs: "Kostnader",
  incomeTotal: "Summa intäkter",
  costTotal: "Summa kostnader",
  result: "Resultat",
  summary: "Sammanställning",
  equityStart: "Eget kapital vid årets början",
  equityEnd: "Eget kapital vid årets slut",
  ceiling: "Rekommenderat tak (tkr)",
  outcome: "Utfall",
  budget: "Budget",
  deviation: "Avvikelse",
  check: "Kontroll",
} as const;

/** The labels of the Avgiftsfördelning sheet's inputs and provenance, which the checks read back. */
export const FEES_LABELS = {
  budgetYear: "Budgetår",
  ageBand: "Åldersgrupp för befolkningen",
  referenceDate: "Befolkningens referensdatum",
  source: "Källa",
  table: "Tabell",
  summedBand: "Summerad för åldersgrupp",
  retrieved: "Hämtad",
  municipality: "Kommun",
  population: "Befolkning",
  code: "Kommunkod",
  imported: "Importerat från SCB",
} as const;

/** "Kansli och styrelse" → "Summa kansli och styrelse". */
export const sumLabel = (group: string) => `Summa ${group.charAt(0).toLowerCase()}${group.slice(1)}`;

/**
 * A statement repeats the same few labels on every row and the check reads each label many times, so what is
 * worked out from a label is worked out once: remembered up to `MEMO_CHARS` characters of labels held (then
 * forgotten all at once: a 100 000-line ledger's labels fit), a label longer than `MEMO_LONG` characters never.
 */
const MEMO_CHARS = 4_000_000;
const MEMO_LONG = 256;

function memoised<T>(work: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  let chars = 0;
  return (text) => {
    const hit = known.get(text);
    if (hit !== undefined || known.has(text)) return hit as T;
    const value = work(text);
    if (text.length <= MEMO_LONG) {
      if (chars + text.length > MEMO_CHARS) {
        known.clear();
        chars = 0;
      }
      known.set(text, value);
      chars += text.length;
    }
    return value;
  };
}

export const normalise: (text: string) => string = memoised((text) => normaliseText(text));

/**
 * A text the replaces below leave as it is: words between single spaces, no space at either end, no dash
 * of another kind than "-", no bullet to take away. Most labels are; they only need lower case. (The words
 * are delimited by the spaces, so the pattern runs in one pass.)
 */
const PLAIN = /^(?![-\u2013\u2022*]\s)(?:[^\s\u2010-\u2015\u2212]+ )*[^\s\u2010-\u2015\u2212]+$/;

/** `normalise` without the memory: for a caller that reads each text once and keeps the key itself. */
export function normaliseText(text: string): string {
  if (PLAIN.test(text)) return text.toLowerCase();
  return text
    .trim()
    .replace(/^[-\u2013\u2022*]\s+/, "")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+/g, " ")
    .toLowerCase(); // Unicode's default mapping: the same as sv-SE's (only tr, az and lt differ), and many times faster
}

/** The kinds of column a statement's header names. */
export type ColumnKind =
  | "outcome"
  | "budget"
  | "forecast"
  | "plan"
  | "year"
  | "deviation"
  | "deviationShare"
  | "total"
  | "note"
  | "comment"
  | "share"
  /** A column of one entity or fund beside others and their total (`Governmental Activities | … | Total`). */
  | "entity";

/** Period columns hold amounts of one period each; they are added up down and, with a total column, across. */
export const PERIOD_KINDS: ReadonlySet<ColumnKind> = new Set([
  "outcome",
  "budget",
  "forecast",
  "plan",
  "year",
  "entity",
]);

const YEAR = String.raw`(?:19|20)\d{2}`;
const COLUMN_PATTERNS: [ColumnKind, RegExp][] = [
  // A deviation against a budget or a forecast (`Avvikelse`, `Budgetavvikelse`, `Budget-avvikelse`), or a
  // change against another period (`Förändring 2012/2013`, `Change`): what it compares is read from its figures.
  [
    "deviationShare",
    /^((budget|prognos)-?)?(avvikelse|avv\.?|diff|differens|variance|deviation|förändring|change)\b.*(%|procent|percent)|^% ?(avvikelse|variance|change|förändring)\b/,
  ],
  [
    "deviation",
    /^([$£€] ?)?((budget|prognos)-?)?(avvikelse|avvikelser|avv\.?|diff\.?|differens|variance|deviation)(\b|$)|^(förändring|change)(?! (av|in|of|i)\b)(\b|$)/,
  ],
  ["forecast", /^(prognos|helårsprognos|forecast|estimated?|projected|projection)(\b|$)/],
  ["outcome", /^(utfall|bokslut|ack\.? utfall|ackumulerat utfall|redovisat|actual|actuals|outcome)(\b|$)/],
  // A budget as adopted or changed (`Original Budget`, `Amended Budget`, `Final Budget`, `Reviderad budget`).
  [
    "budget",
    /^((original|amended|revised|final|adopted|approved|proposed|current|modified|ursprunglig|fastställd|antagen|beslutad|reviderad|justerad|ny) )?(budget|årsbudget|budgeted)(\b|$)/,
  ],
  ["plan", /^(plan|flerårsplan)(\b|$)/],
  ["total", /^(summa|totalt|total|s:a)(\b|$)|^(summary|combined) (all|of all|total)\b|^all funds$/],
  ["note", /^(not|noter|note|notes)$/],
  ["comment", /^(kommentar|kommentarer|anmärkning|förklaring|comment|comments|remarks?)(\b|$)/],
  ["share", /^(andel|share)(\b|$)/],
  ["year", new RegExp(`^(år )?${YEAR}( ?- ?${YEAR})?$|^${YEAR}-\\d{2}-\\d{2}( ?- ?${YEAR}-\\d{2}-\\d{2})?$`)],
];

/**
 * Any short header that names a year or a date is a period, whatever stands beside it: `Kommunen 2016`,
 * `Koncern 2019`, `Sammanställd redovisning 2018`, `12/31/2017`, `31 dec 2023`, `FY 2019`, `2019/20`.
 */
const DATED = new RegExp(
  [`(^|[^\\d])${YEAR}([^\\d]|$)`, String.raw`^\d{1,2}/\d{1,2}/(\d{2}|\d{4})$`].join("|"),
);
const MONTH = /\b(jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-zä]*\.?\b/;

/** The year a header names (the last one: `2023-01-01 – 2023-12-31` → 2023; `12/31/17` → 2017), or null. */
export function headerYear(text: string): number | null {
  const years = text.match(/(?<!\d)(19|20)\d{2}(?!\d)/g);
  if (years) return Number(years[years.length - 1]);
  const us = /^\d{1,2}\/\d{1,2}\/(\d{2})$/.exec(text.trim());
  return us ? 2000 + Number(us[1]) : null;
}

/** What a header cell says its column holds, or null. A number 1990–2100 is a year. */
export function columnKind(value: unknown): ColumnKind | null {
  if (typeof value === "number")
    return Number.isInteger(value) && value >= 1990 && value <= 2100 ? "year" : null;
  if (typeof value !== "string") return null;
  return textColumnKind(value);
}

const textColumnKind = memoised((value: string): ColumnKind | null => {
  // A year glued to its word (`Utfall2013`, `Budget2014`, as a header cell wraps on a web page) names both.
  const key = normalise(value).replace(/(\p{L})((?:19|20)\d{2})(?!\d)/gu, "$1 $2");
  if (key === "") return null;
  for (const [kind, pattern] of COLUMN_PATTERNS) if (pattern.test(key)) return kind;
  // A header of a few words with a year or a date in it; not a line's label ("Pensioner intjänade före 1998"
  // is longer, and a label is never read as a header where it stands left of the figures).
  // A figure typed as text (`1940.11`, `2 019,5`) is a figure, never a year.
  if (/^[-+]?[\d\s\u00a0]+[.,]\d+$/.test(key)) return null;
  if (
    key.length <= 40 &&
    key.split(" ").length <= 5 &&
    (DATED.test(key) || (MONTH.test(key) && /\d/.test(key)))
  )
    return headerYear(key) !== null ? "year" : null;
  return null;
});

/** The roles of a statement's rows, read from their labels. */
export type RowRole =
  "sum" | "result" | "incomeSection" | "costSection" | "summarySection" | "equityStart" | "equityEnd";

const SUM =
  /^(summa|s:a|totalt|total|totala|sum|sum of)(\b|$)|^[\p{L} ]+ (totalt|total|sammanlagt|summa)$|^(intäkter|kostnader|income|costs|expenses) (totalt|total)$|^kassaflöde från\b|^(årets|periodens) kassaflöde$|^cash flows? from\b|^net cash flows?( (from|used in|provided by|generated by|generated from|\(used in\)|from \(used in\)) (operating|investing|financing)\b.*)?$|^net cash (provided by|used in|from|generated (by|from))( \(used in\))? (operating|investing|financing) activities\b|^net (increase|decrease)( \((increase|decrease)\))? (in cash\b.*|during the (year|period))$|^(verksamhetens )?nettokostnader$|^net (cost|costs|expenditure) of (general fund |the )?services$|^net (operating )?(expenditure|budget)$|^delsumma\b|^(utgående )?(bokfört|redovisat) värde( vid (årets|periodens) slut)?$|^(closing )?(net )?(book value|carrying amount)( at (the )?end of (the )?(year|period))?$|^subtotal\b|^medel från (den löpande )?verksamheten före\b|^kassaflöde (från|för|i) (den )?(löpande|investerings|finansierings)|^förändring av likvida medel\b/u;
const RESULT =
  /^((årets|periodens|verksamhetens|budgeterat|prognostiserat) )?resultat( (före|efter) (finansiella|extraordinära) poster)?$|^(årets |periodens )?resultat (före|efter) (skatt|skatter|finansnetto|finansiella|extraordinära|jämförelsestörande|balanskravsjusteringar)\b|^årets balanskravsresultat$|^balanskravsresultat$|^(net )?(result|surplus|deficit)( for the (year|period))?$|^net income( for the (year|period))?$|^(operating|net) (result|income)$|^result (before|after) financial items$|^(överskott|underskott)$|^council tax requirement$|^excess( \(deficiency\))? of revenues?( and other (financing )?sources)? over( \(under\))? expenditures( and other (financing )?uses)?$|^net change in fund balances?$/;
const INCOME_SECTION =
  /^(verksamhetens )?(intäkter|income|revenue|revenues|inkomster)( \((tkr|kr|mkr)\))?:?$/;
const COST_SECTION =
  /^(verksamhetens )?(kostnader|costs|expenses|expenditure|utgifter)( \((tkr|kr|mkr)\))?:?$/;
const SUMMARY_SECTION = /^(sammanställning|sammandrag|summary|översikt)$/;
const EQUITY_START =
  /^(eget kapital|ingående eget kapital)( vid| per)? (årets|periodens) (början|ingång)|^ingående eget kapital$|^(opening|equity at (the )?start)/;
const EQUITY_END =
  /^(eget kapital|utgående eget kapital)( vid| per)? (årets|periodens) (slut|utgång)|^utgående eget kapital$|^(closing equity|equity at (the )?end)/;

export const rowRole: (label: string) => RowRole | null = memoised((label: string): RowRole | null =>
  roleOfKey(normalise(label)),
);

/**
 * A row's role by its words, from its label already normalised; not remembered (a caller that reads each row
 * once keeps it itself: src/checks/layout.ts's rowText).
 */
export function roleOfKey(key: string): RowRole | null {
  if (key === "") return null;
  if (EQUITY_START.test(key)) return "equityStart";
  if (EQUITY_END.test(key)) return "equityEnd";
  if (RESULT.test(key)) return "result";
  if (INCOME_SECTION.test(key)) return "incomeSection";
  if (COST_SECTION.test(key)) return "costSection";
  if (SUMMARY_SECTION.test(key)) return "summarySection";
  if (SUM.test(key)) return "sum";
  return null;
}

/** A line that breaks down the line above it ("varav …", "därav …", "of which …"): not a part of a sum. */
export function isBreakdownLabel(label: string): boolean {
  return isBreakdownKey(normalise(label));
}
/** The same, from a label already normalised. */
export const isBreakdownKey = (key: string): boolean => /^(varav|därav|of which)\b/.test(key);

/** Is a row a cost by its own words ("Finansiella kostnader", "Summa kostnader", "Avskrivningar")? */
export function isCostLabel(label: string): boolean {
  return isCostKey(normalise(label));
}
/** The same, from a label already normalised. */
export const isCostKey = (key: string): boolean =>
  /kostnad|utgift|avskrivning|nedskrivning|\bcosts?\b|expense|expenditure|depreciation/.test(key);

/** Is a row income by its own words? */
export function isIncomeLabel(label: string): boolean {
  return isIncomeKey(normalise(label));
}
/** The same, from a label already normalised. */
export const isIncomeKey = (key: string): boolean => /intäkt|inkomst|\bincome\b|revenue/.test(key);

export type Unit = "kr" | "tkr" | "mkr";

/** The unit a title, note or header states, or null. */
export function unitIn(text: string): Unit | null {
  const key = normalise(text);
  if (
    /\btkr\b|tusental kronor|tusentals kronor|tusen kronor|\bksek\b|\btsek\b|thousands? of (kronor|sek)|\bsek thousands?\b|sek '?000/.test(
      key,
    )
  )
    return "tkr";
  if (
    /\bmkr\b|\bmnkr\b|\bmdkr\b|miljoner kronor|miljoner sek|miljontals kronor|\bmsek\b|millions? of (kronor|sek)/.test(
      key,
    )
  )
    return "mkr";
  if (/\(kr\)|\bkronor\b|\bi kr\b|belopp i kr\b|\bsek\b|^kr$/.test(key)) return "kr";
  return null;
}

/** The members of a FINSAM budget's income. */
export const isStateLabel = (label: string) =>
  /^(försäkringskassan|staten|statlig|state)/.test(normalise(label));
export const isRegionLabel = (label: string) => /^(region|landsting)/.test(normalise(label));
