import { DEFAULT_CEILING_STEPS } from "../domain/equityCeiling";
import * as A from "../examples/annual2023";
import { FORMATS, formula, input, label, SheetBuilder, ADDIN_NOTE } from "./sheetBuilder";
import type { Cell, TemplateOptions, TemplateSpec } from "./spec";

/**
 * Årsbokslut: the annual accounts of a samordningsförbund in kronor, this year and last year side by side —
 * result statement, balance sheet, cash-flow statement (indirect method), the notes its lines refer to, the
 * balance-requirement result, a five-year overview with soliditet (FINSAM.SOLIDITET), equity against the
 * national council's recommendation (FINSAM.EQUITYCAP) and a check cell for every cross-reference an auditor
 * makes. Every sum and cross-reference is a formula; this year's figures that follow from others (the result
 * in the balance sheet and the cash flow, opening equity, liquid funds at the start, the changes in receivables
 * and liabilities) are formulas too; last year's are typed from last year's report.
 *
 * Rows are named by key ("RR.Årets resultat"); a formula refers to a row by «C:key» (column C or D), and the
 * references — forward ones too: the statements refer to the notes printed after them — are resolved when
 * the sheet is built.
 */
const KR = "#,##0;-#,##0;0";

/** A cell of a row: a typed value (this year, last year) or a formula of the column letter. */
type Source = number | null | ((column: "C" | "D") => string);
interface Row {
  label: string;
  key?: string;
  note?: number;
  now?: Source;
  before?: Source;
  style?: "subtotal" | "total" | "section";
}

const ref = (key: string, column: string) => `«${column}:${key}»`;

export function annualAccountsTemplate(options: TemplateOptions): TemplateSpec {
  const example = options.content === "example";
  const b = new SheetBuilder("annual", "Årsbokslut");
  // The year closed: the example's 2023, else the year before the first budget year.
  const now = example ? 2023 : options.firstYear - 1;
  const v = (f: (year: A.BookYear) => number): { now: number | null; before: number | null } =>
    example ? { now: f(2023), before: f(2022) } : { now: null, before: null };

  b.row([label(`Årsbokslut ${now}`, "title")]);
  b.row([label(options.associationName, "subtitle")]);
  b.row([
    label(
      `Belopp i kronor, kostnader med minustecken. Gula celler är indata (föregående år från förra årets årsredovisning); summor och hänvisningar räknas fram.${example ? " Exemplets siffror är påhittade." : ""}`,
      "note",
    ),
  ]);
  b.skip();

  const statement = (prefix: string, title: string, list: Row[], dates = false) =>
    writeStatement(b, prefix, title, list, [now, now - 1], dates);
  const y = A.yearOf;

  statement("RR", "Resultaträkning", [
    { label: "Verksamhetens intäkter", note: 1, ...both((c) => `=${ref("NOTE.Summa intäkter", c)}`) },
    { label: "Verksamhetens kostnader", note: 2, ...both((c) => `=${ref("NOTE.Summa kostnader", c)}`) },
    { label: "Avskrivningar", ...v(() => A.DEPRECIATION) },
    {
      label: "Verksamhetens resultat",
      style: "subtotal",
      ...both((c) => `=SUM(${ref("RR.Verksamhetens intäkter", c)}:${ref("RR.Avskrivningar", c)})`),
    },
    { label: "Finansiella intäkter", ...v((yr) => y(yr).financialIncome) },
    { label: "Finansiella kostnader", ...v((yr) => y(yr).financialCosts) },
    {
      label: "Resultat efter finansiella poster",
      style: "subtotal",
      ...both(
        (c) =>
          `=${ref("RR.Verksamhetens resultat", c)}+${ref("RR.Finansiella intäkter", c)}+${ref("RR.Finansiella kostnader", c)}`,
      ),
    },
    { label: "Extraordinära poster", ...(example ? { now: 0, before: 0 } : {}) },
    {
      label: "Årets resultat",
      style: "total",
      ...both(
        (c) => `=${ref("RR.Resultat efter finansiella poster", c)}+${ref("RR.Extraordinära poster", c)}`,
      ),
    },
  ]);

  statement("BR", "Balansräkning", balanceSheet(v), true);
  statement("KF", "Kassaflödesanalys", cashFlow(v));
  statement("NOTE", "Noter", notes(options, v, y));
  statement("BKR", "Balanskravsresultat", [
    { label: "Årets resultat", ...both((c) => `=${ref("RR.Årets resultat", c)}`) },
    { label: "Avgår: realisationsvinster", ...(example ? { now: 0, before: 0 } : {}) },
    { label: "Tillkommer: realisationsförluster", ...(example ? { now: 0, before: 0 } : {}) },
    { label: "Avsättning till resultatutjämningsreserv", ...(example ? { now: 0, before: 0 } : {}) },
    { label: "Användning av resultatutjämningsreserv", ...(example ? { now: 0, before: 0 } : {}) },
    {
      label: "Balanskravsresultat",
      style: "total",
      ...both(
        (c) =>
          `=${ref("BKR.Årets resultat", c)}-${ref("BKR.Avgår: realisationsvinster", c)}+${ref("BKR.Tillkommer: realisationsförluster", c)}+${ref("BKR.Avsättning till resultatutjämningsreserv", c)}+${ref("BKR.Användning av resultatutjämningsreserv", c)}`,
      ),
    },
  ]);
  overviewAndCeiling(b, now, example);
  checks(b, options);

  const sheet = b.build({ columnWidths: [52, 6, 16, 16, 14, 14, 14], freeze: { rows: 0, columns: 1 } });
  return { id: "arsbokslut", sheets: [sheet], names: [] };
}

function writeStatement(
  b: SheetBuilder,
  prefix: string,
  title: string,
  list: Row[],
  [now, before]: [number, number],
  dates: boolean,
): void {
  b.row([label(title, "section")]);
  // Years as numbers: a text such as "2023-12-31" would be read as a date by Excel and the engine alike.
  void dates;
  b.row([
    label("", "header"),
    label("Not", "header"),
    { value: now, style: "header", format: FORMATS.year },
    { value: before, style: "header", format: FORMATS.year },
  ]);
  for (const r of list) {
    b.name(`${prefix}.${r.key ?? r.label}`, b.currentRow);
    const row = b.currentRow;
    const cell = (source: Source | undefined, column: "C" | "D"): Cell | undefined =>
      typeof source === "function"
        ? formula(source(column), KR, r.style === "section" ? undefined : (r.style ?? "computed"))
        : source === undefined
          ? undefined
          : column === "D"
            ? // Last year's figure: typed, or taken from last year's Årsbokslut sheet when the workbook has one.
              { ...input(source, KR), previous: `={{annual_previous}}!C${row}` }
            : input(source, KR);
    b.row([label(r.label, r.style ?? "label"), r.note, cell(r.now, "C"), cell(r.before, "D")]);
  }
  b.skip();
}

type Values = (f: (year: A.BookYear) => number) => { now: number | null; before: number | null };

/** The same formula for this year's column and last year's. */
const both = (f: (c: "C" | "D") => string) => ({ now: f, before: f });

function balanceSheet(v: Values): Row[] {
  const sum = (c: "C" | "D", ...keys: string[]) => `=${keys.map((k) => ref(`BR.${k}`, c)).join("+")}`;
  /** A sum of rows above, in both years. */
  const total = (label: string, style: "subtotal" | "total", ...keys: string[]): Row => ({
    label,
    style,
    ...both((c) => sum(c, ...keys)),
  });
  /** A row that takes its figure from another statement or a note, in both years. */
  const from = (label: string, key: string, note?: number): Row => ({
    label,
    ...(note ? { note } : {}),
    ...both((c) => `=${ref(key, c)}`),
  });
  return [
    { label: "TILLGÅNGAR", style: "section" },
    { label: "Anläggningstillgångar", style: "section" },
    from("Inventarier", "NOTE.Utgående värde", 3),
    total("Summa anläggningstillgångar", "subtotal", "Inventarier"),
    { label: "Omsättningstillgångar", style: "section" },
    { label: "Fordringar", ...v((yr) => A.RECEIVABLES[yr]) },
    { label: "Kassa och bank", ...v((yr) => A.cashAt(yr)) },
    total("Summa omsättningstillgångar", "subtotal", "Fordringar", "Kassa och bank"),
    total("SUMMA TILLGÅNGAR", "total", "Summa anläggningstillgångar", "Summa omsättningstillgångar"),
    { label: "EGET KAPITAL, AVSÄTTNINGAR OCH SKULDER", style: "section" },
    { label: "Eget kapital", style: "section" },
    from("Årets resultat", "RR.Årets resultat"),
    {
      label: "Övrigt eget kapital",
      now: () => `=${ref("BR.Summa eget kapital", "D")}`,
      before: v((yr) => A.equityAt(yr - 1)).before,
    },
    total("Summa eget kapital", "subtotal", "Årets resultat", "Övrigt eget kapital"),
    { label: "Avsättningar", ...v(() => 0) },
    { label: "Skulder", style: "section" },
    from("Kortfristiga skulder", "NOTE.Summa skulder", 4),
    total("Summa skulder", "subtotal", "Kortfristiga skulder"),
    total(
      "SUMMA EGET KAPITAL, AVSÄTTNINGAR OCH SKULDER",
      "total",
      "Summa eget kapital",
      "Avsättningar",
      "Summa skulder",
    ),
  ];
}

function cashFlow(v: Values): Row[] {
  const k = (key: string, c: string) => ref(`KF.${key}`, c);
  const br = (key: string, c: string) => ref(`BR.${key}`, c);
  return [
    { label: "Den löpande verksamheten", style: "section" },
    {
      label: "Årets resultat",
      ...both((c) => `=${ref("RR.Årets resultat", c)}`),
    },
    {
      label: "Justering för av- och nedskrivningar",
      ...both((c) => `=-${ref("RR.Avskrivningar", c)}`),
    },
    {
      label: "Ökning (-)/minskning (+) kortfristiga fordringar",
      key: "Fordringar",
      now: () => `=${br("Fordringar", "D")}-${br("Fordringar", "C")}`,
      before: v((yr) => A.RECEIVABLES[yr - 1] - A.RECEIVABLES[yr]).before,
    },
    {
      label: "Ökning (+)/minskning (-) kortfristiga skulder",
      key: "Skulder",
      now: () => `=${br("Summa skulder", "C")}-${br("Summa skulder", "D")}`,
      before: v((yr) => A.liabilities(yr) - A.liabilities(yr - 1)).before,
    },
    {
      label: "Kassaflöde från den löpande verksamheten",
      style: "subtotal",
      ...both((c) => `=SUM(${k("Årets resultat", c)}:${k("Skulder", c)})`),
    },
    { label: "Investeringsverksamheten", style: "section" },
    { label: "Investering i inventarier", ...v(() => 0) },
    {
      label: "Kassaflöde från investeringsverksamheten",
      style: "subtotal",
      ...both((c) => `=${k("Investering i inventarier", c)}`),
    },
    { label: "Finansieringsverksamheten", style: "section" },
    { label: "Förändring av långfristiga skulder", ...v(() => 0) },
    {
      label: "Kassaflöde från finansieringsverksamheten",
      style: "subtotal",
      ...both((c) => `=${k("Förändring av långfristiga skulder", c)}`),
    },
    {
      label: "Årets kassaflöde",
      style: "total",
      ...((f: (c: string) => string) => ({ now: f, before: f }))(
        (c) =>
          `=${k("Kassaflöde från den löpande verksamheten", c)}+${k("Kassaflöde från investeringsverksamheten", c)}+${k("Kassaflöde från finansieringsverksamheten", c)}`,
      ),
    },
    {
      label: "Likvida medel vid årets början",
      now: () => `=${br("Kassa och bank", "D")}`,
      before: v((yr) => A.cashAt(yr - 1)).before,
    },
    {
      label: "Likvida medel vid årets slut",
      style: "total",
      ...both((c) => `=${k("Likvida medel vid årets början", c)}+${k("Årets kassaflöde", c)}`),
    },
  ];
}

function notes(options: TemplateOptions, v: Values, y: typeof A.yearOf): Row[] {
  const sumOf = (from: string, to: string) => (c: string) =>
    `=SUM(${ref(`NOTE.${from}`, c)}:${ref(`NOTE.${to}`, c)})`;
  return [
    { label: "Not 1 Verksamhetens intäkter", style: "section" },
    { label: "Försäkringskassan", ...v((yr) => y(yr).state) },
    ...options.municipalities.map((m, i): Row => ({
      label: m.name,
      key: `Kommun ${i + 1}`,
      ...v((yr) => y(yr).fees[i] ?? 0),
    })),
    { label: options.regionName, key: "Region", ...v((yr) => y(yr).region) },
    { label: "Övriga intäkter", ...v((yr) => y(yr).other) },
    {
      label: "Summa",
      key: "Summa intäkter",
      style: "subtotal",
      now: sumOf("Försäkringskassan", "Övriga intäkter"),
      before: sumOf("Försäkringskassan", "Övriga intäkter"),
    },
    { label: "Not 2 Verksamhetens kostnader", style: "section" },
    { label: "Personalkostnader", ...v((yr) => y(yr).staff) },
    { label: "Köpta tjänster och insatser", ...v((yr) => y(yr).bought) },
    { label: "Övriga kostnader", ...v((yr) => y(yr).otherCosts) },
    {
      label: "Summa",
      key: "Summa kostnader",
      style: "subtotal",
      now: sumOf("Personalkostnader", "Övriga kostnader"),
      before: sumOf("Personalkostnader", "Övriga kostnader"),
    },
    { label: "Not 3 Inventarier", style: "section" },
    {
      label: "Ingående värde",
      now: () => `=${ref("BR.Inventarier", "D")}`,
      before: v((yr) => A.EQUIPMENT[yr - 1]).before,
    },
    {
      label: "Årets avskrivningar",
      ...both((c) => `=${ref("RR.Avskrivningar", c)}`),
    },
    {
      label: "Summa",
      key: "Utgående värde",
      style: "subtotal",
      now: sumOf("Ingående värde", "Årets avskrivningar"),
      before: sumOf("Ingående värde", "Årets avskrivningar"),
    },
    { label: "Not 4 Kortfristiga skulder", style: "section" },
    { label: "Leverantörsskulder", ...v((yr) => A.SUPPLIERS[yr]) },
    { label: "Upplupna kostnader", ...v((yr) => A.ACCRUED[yr]) },
    {
      label: "Summa",
      key: "Summa skulder",
      style: "subtotal",
      now: sumOf("Leverantörsskulder", "Upplupna kostnader"),
      before: sumOf("Leverantörsskulder", "Upplupna kostnader"),
    },
  ];
}

/** The five-year overview (soliditet by FINSAM.SOLIDITET) and equity against the recommendation. */
function overviewAndCeiling(b: SheetBuilder, now: number, example: boolean): void {
  b.row([label("Femårsöversikt", "section")]);
  b.row([
    label("", "header"),
    label("", "header"),
    ...[0, 1, 2, 3, 4].map((i) => ({ value: now - i, style: "header" as const, format: FORMATS.year })),
  ]);
  const cols = ["C", "D", "E", "F", "G"];
  const line = (name: string, key: string | null, earlier: (number | null)[], format = KR) => {
    b.name(`FY.${name}`, b.currentRow);
    b.row([
      label(name),
      undefined,
      ...cols.map((c, i) =>
        i < 2 && key
          ? formula(`=${ref(key, c)}`, format)
          : input(example ? (earlier[i - 2] ?? null) : null, format),
      ),
    ]);
  };
  line("Verksamhetens intäkter", "RR.Verksamhetens intäkter", [11_205_000, 10_980_000, 10_870_000]);
  line("Verksamhetens kostnader", "RR.Verksamhetens kostnader", [-10_912_300, -11_450_600, -10_640_900]);
  line("Årets resultat", "RR.Årets resultat", [292_700, -470_600, 229_100]);
  line("Eget kapital", "BR.Summa eget kapital", [2_040_000, 1_747_300, 2_217_900]);
  line("Summa tillgångar", "BR.SUMMA TILLGÅNGAR", [3_170_000, 2_904_000, 3_312_000]);
  b.row([
    label("Soliditet"),
    undefined,
    ...cols.map((c) =>
      formula(
        `=IF(N(${ref("FY.Summa tillgångar", c)})<=0,"",FINSAM.SOLIDITET(${ref("FY.Eget kapital", c)},${ref("FY.Summa tillgångar", c)}))`,
        FORMATS.percent,
      ),
    ),
  ]);
  b.skip();

  b.row([label("Eget kapital mot Nationella rådets rekommendation", "section")]);
  b.name("TAK.Bas", b.currentRow);
  b.row([
    label("Medlemmarnas tilldelning (kr)"),
    undefined,
    formula(`=SUM(${ref("NOTE.Försäkringskassan", "C")}:${ref("NOTE.Region", "C")})`, KR),
  ]);
  b.name("TAK.Tak", b.currentRow);
  b.row([
    label("Rekommenderat tak (kr)"),
    undefined,
    formula(`=${defaultCeiling(ref("TAK.Bas", "C"))}`, KR),
    formula(
      `=IF(ISNUMBER(${ref("TAK.Tak", "C")}),FINSAM.CHECKSUM(FINSAM.EQUITYCAP(${ref("TAK.Bas", "C")}),${ref("TAK.Tak", "C")},1),"")`,
      undefined,
      "check",
    ),
  ]);
  b.row([
    label("Eget kapital mot taket"),
    undefined,
    formula(
      `=IF(NOT(ISNUMBER(${ref("TAK.Tak", "C")})),"",IF(${ref("BR.Summa eget kapital", "C")}>${ref("TAK.Tak", "C")},"Över taket","Under taket"))`,
      undefined,
      "status",
    ),
  ]);
  b.skip();
}

/**
 * The recommended ceiling in kr for a base in kr by the documented steps (DEFAULT_CEILING_STEPS), in native
 * formulas so that the report reads without the add-in; above the last step the rule is not known, and the
 * cell says so (FINSAM.EQUITYCAP beside it checks the figure).
 */
function defaultCeiling(base: string): string {
  let below = 0;
  const parts = DEFAULT_CEILING_STEPS.map((step) => {
    const part = `${step.rate}*MAX(0,MIN(${base},${step.upTo})-${below})`;
    below = step.upTo ?? below;
    return part;
  });
  return `IF(${base}>${below},"Över kända steg",${parts.join("+")})`;
}

/** A check cell for every cross-reference, this year and last year. */
function checks(b: SheetBuilder, options: TemplateOptions): void {
  b.row([label("Kontroller", "section")]);
  b.row([label(ADDIN_NOTE, "note")]);
  const check = (name: string, f: (c: "C" | "D") => string, columns: ("C" | "D")[] = ["C", "D"]) =>
    b.row([
      label(name),
      undefined,
      ...(["C", "D"] as const).map((c) =>
        columns.includes(c) ? formula(f(c), undefined, "check") : undefined,
      ),
    ]);
  const same = (a: string, b2: string) =>
    `IF(ABS((${a})-(${b2}))<0.5,"OK","Skiljer "&TEXT((${a})-(${b2}),"0"))`;
  check(
    "Balansräkningen balanserar",
    (c) =>
      `=${same(ref("BR.SUMMA TILLGÅNGAR", c), ref("BR.SUMMA EGET KAPITAL, AVSÄTTNINGAR OCH SKULDER", c))}`,
  );
  check(
    "Årets resultat lika i resultaträkning, balansräkning och kassaflödesanalys",
    (c) =>
      `=IF(AND(ABS(${ref("RR.Årets resultat", c)}-${ref("BR.Årets resultat", c)})<0.5,ABS(${ref("RR.Årets resultat", c)}-${ref("KF.Årets resultat", c)})<0.5),"OK","Skiljer sig")`,
  );
  check(
    "Likvida medel vid årets slut = kassa och bank",
    (c) => `=${same(ref("KF.Likvida medel vid årets slut", c), ref("BR.Kassa och bank", c))}`,
  );
  check(
    "Eget kapital = föregående års + årets resultat",
    () =>
      `=${same(ref("BR.Summa eget kapital", "C"), `${ref("BR.Summa eget kapital", "D")}+${ref("RR.Årets resultat", "C")}`)}`,
    ["C"],
  );
  check(
    "Regionen = halva statens tilldelning (not 1)",
    (c) => `=${same(ref("NOTE.Region", c), `${ref("NOTE.Försäkringskassan", c)}/2`)}`,
  );
  const n = options.municipalities.length;
  check(
    "Kommunerna tillsammans = regionen (not 1)",
    (c) =>
      `=${same(`SUM(${ref("NOTE.Kommun 1", c)}:${ref(`NOTE.Kommun ${Math.max(n, 1)}`, c)})`, ref("NOTE.Region", c))}`,
  );
  b.skip();
}
