import { FINANCING_SHARES as SHARES } from "../domain/financing";
import { AGE_BANDS } from "../population/ageBands";
import { FEES_LABELS as L } from "../sheet/vocabulary";
import { isoToSerial } from "../sheet/excelDate";
import { FORMATS, formula, input, label, SheetBuilder } from "./sheetBuilder";
import { splitFormulas, type SplitLayout } from "./largestRemainder";
import { addr, range } from "../sheet/a1";
import type { Cell, PopulationSource, TemplateOptions, TemplateSpec } from "./spec";

/**
 * Avgiftsfördelning: the members with their working-age population (age band, reference date and — when
 * imported from SCB — the source, table, band summed, retrieval date and each municipality's code beside
 * it), the state allotment, and the region's and each municipality's amount from FINSAM.FINANCING, with
 * shares and the checks that region = municipalities = state / 2 and 50/25/25.
 */
export function feesTemplate(options: TemplateOptions): TemplateSpec {
  const b = new SheetBuilder("fees", "Avgiftsfördelning");
  b.row([label(`Avgiftsfördelning ${options.firstYear}`, "title")]);
  b.row([label(options.associationName, "subtitle")]);
  b.row([
    label(
      "Staten betalar hälften, regionen en fjärdedel och kommunerna tillsammans en fjärdedel, fördelad efter befolkning i arbetsför ålder (SFS 2003:1210). Beloppen avrundas så att de går jämnt upp (största rest).",
      "note",
    ),
  ]);
  b.skip();
  const inputs = premises(b, options);
  b.skip();
  const members = populations(b, options);
  b.skip();
  const split = distribution(b, options, inputs, members);
  b.skip();
  checks(b, inputs, split);

  const sheet = b.build({
    columnWidths: [40, 14, 16, 16, 16, 14, 12, 14],
    freeze: { rows: 4, columns: 1 },
    print: { lastColumn: AMOUNT },
  });
  return {
    id: "avgifter",
    sheets: [sheet],
    names: [
      {
        name: "FINSAM_Avgifter_Statlig",
        sheet: "fees",
        range: inputs.state,
        comment: "Statlig tilldelning (tkr)",
      },
      {
        name: "FINSAM_Avgifter_Belopp",
        sheet: "fees",
        range: range(
          split.stateLine,
          AMOUNT,
          split.municipalLines[split.municipalLines.length - 1],
          AMOUNT,
          true,
        ),
        comment: "Staten, regionen och varje kommun (tkr)",
      },
    ],
  };
}

const AMOUNT = 5;
/** The rounding's helper columns (not printed): each quota's whole units and its remainder. */
const FLOOR = 7;
const REST = 8;
const abs = { row: true, column: true };

interface Inputs {
  state: string;
  decimals: string;
}

function premises(b: SheetBuilder, options: TemplateOptions): Inputs {
  b.row([label("Förutsättningar", "section")]);
  b.row([label(L.budgetYear), input(options.firstYear, FORMATS.year)]);
  const stateRow = b.row([label("Statlig tilldelning (tkr)"), input(options.stateAllotment, FORMATS.tkr)]);
  const decimalsRow = b.row([label("Avrundning: antal decimaler (0 = hela tkr)"), input(0, FORMATS.integer)]);
  b.validations.push({
    range: addr(decimalsRow, 2),
    rule: { kind: "wholeNumber", min: -3, max: 3 },
    error: "Ange ett heltal från -3 till 3.",
    prompt: "Som i AVRUNDA: 0 ger hela tkr, 3 ger hela kronor.",
  });
  return { state: addr(stateRow, 2, abs), decimals: addr(decimalsRow, 2, abs) };
}

interface Members {
  rows: number[];
  /** The population cell of each member. */
  cells: string[];
  range: string;
}

/** The members' populations, an Excel table of inputs, under where they came from. */
function populations(b: SheetBuilder, options: TemplateOptions): Members {
  b.row([label("Befolkning i arbetsför ålder", "section")]);
  const bandRow = b.row([label(L.ageBand), input(options.ageBand)]);
  b.validations.push({
    range: addr(bandRow, 2),
    rule: { kind: "list", values: [...AGE_BANDS] },
    error:
      "Välj åldersgrupp i listan (statens fördelningsmodell använder 16–64 år, SCB:s ersättningsstatistik 20–64 år).",
  });
  b.row([label(L.referenceDate), input(isoToSerial(options.referenceDate), FORMATS.date)]);
  provenance(b, options.populationSource ?? null);
  const header = b.row([L.municipality, L.population, L.code, L.imported].map((h) => label(h, "header")));
  const format = populationFormat(options);
  const rows = options.municipalities.map((m) =>
    b.row([
      input(m.name),
      input(m.population, format),
      m.code ? { value: m.code, style: "computed", format: FORMATS.text } : undefined,
      m.imported === null || m.imported === undefined
        ? undefined
        : { value: m.imported, style: "computed", format: "#,##0" },
    ]),
  );
  const last = rows[rows.length - 1];
  b.tables.push({ name: "FINSAM_Befolkning", range: range(header, 1, last, 4) });
  const popRange = range(rows[0], 2, last, 2, true);
  b.validations.push({
    range: range(rows[0], 2, last, 2),
    rule: { kind: "decimal", min: 0, max: 1e9 },
    error: "Befolkningen ska vara ett tal, 0 eller större.",
  });
  return { rows, cells: rows.map((r) => addr(r, 2)), range: popRange };
}

/** Head counts from SCB as whole numbers; typed figures (often shares such as 82,9) with up to three decimals. */
const populationFormat = (options: TemplateOptions) => (options.populationSource ? "#,##0" : "#,##0.0##");

const VIA: Record<PopulationSource["via"], string> = {
  "api-v2": "SCB:s API (PxWebApi 2)",
  "api-v1": "SCB:s API (version 1)",
  csv: "CSV-fil",
  xlsx: "xlsx-fil",
  "json-stat2": "JSON-stat-fil",
  pasted: "inklistrad tabell",
};

/** Source, table, band summed and retrieval: filled by an import, "Inskriven för hand" otherwise. */
function provenance(b: SheetBuilder, source: PopulationSource | null): void {
  const text = (value: string): Cell => ({ value, style: "computed", format: FORMATS.text });
  if (!source) {
    b.row([label(L.source), text("Inskriven för hand")]);
    return;
  }
  b.row([label(L.source), text("SCB, Statistikdatabasen")]);
  b.row([
    label(L.table),
    text(`${source.table} (${source.matrix} Folkmängd)${source.title ? `: ${source.title}` : ""}`),
  ]);
  b.row([label(L.summedBand), text(source.ageBand)]);
  b.row([
    label(L.retrieved),
    text(`${source.retrieved}, ${VIA[source.via]}${source.file ? ` (${source.file})` : ""}`),
  ]);
}

interface Split {
  stateLine: number;
  regionLine: number;
  municipalLines: number[];
  ready: string;
}

/**
 * The split in native formulas, so that a member who opens the workbook without the add-in sees the same
 * amounts: the region pays half the allotment rounded at the chosen precision (ROUND, half away from zero),
 * and the municipalities split exactly that by largest remainder — each gets its quota's whole units (G), and
 * the units left over go one each to the largest remainders (H), then the larger population, then the
 * earlier row, as FINSAM.FINANCING does. FINSAM.FINANCING stands beside each amount as its check (F).
 * The shares point at the total row, filled in once it is written.
 */
function distribution(b: SheetBuilder, options: TemplateOptions, inputs: Inputs, members: Members): Split {
  b.row([label("Fördelning", "section")]);
  b.row(
    [
      "Part",
      "Befolkning",
      "Andel av kommunernas del",
      "Andel av medlemsavgifterna",
      "Belopp (tkr)",
      "Kontroll (tillägget)",
      "Hela enheter",
      "Rest",
    ].map((h) => label(h, "header")),
  );
  const { state, decimals } = inputs;
  const ready = `AND(ISNUMBER(${state}),COUNT(${members.range})=ROWS(${members.range}),SUM(${members.range})>0)`;
  const unitsPer = `10^${decimals}`;
  const regionUnits = `ROUND(${state}/2*${unitsPer},0)`;
  const stateLine = b.row([
    label("Staten (Försäkringskassan)"),
    undefined,
    undefined,
    undefined,
    formula(`=${state}`, FORMATS.tkr),
  ]);
  const regionLine = b.row([
    label(options.regionName || "Regionen"),
    undefined,
    undefined,
    undefined,
    formula(`=IF(${ready},ROUND(${state}/2,${decimals}),"")`, FORMATS.tkr),
    formula(
      `=IF(${ready},FINSAM.CHECKSUM(INDEX(FINSAM.FINANCING(${state},${members.range},${decimals}),1),${addr(b.currentRow, AMOUNT)}),"")`,
      undefined,
      "check",
    ),
  ]);
  const municipalLines = municipalRows(b, options, inputs, members, { ready, regionUnits, unitsPer });
  const first = municipalLines[0];
  const last = municipalLines[municipalLines.length - 1];
  const column = (c: number) => range(first, c, last, c);
  const totalRow = b.row([
    label("Summa", "total"),
    formula(`=SUM(${column(2)})`, populationFormat(options), "total"),
    formula(`=SUM(${column(3)})`, FORMATS.percent, "total"),
    formula(`=SUM(${range(stateLine, 4, last, 4)})`, FORMATS.percent, "total"),
    formula(`=SUM(${range(stateLine, AMOUNT, last, AMOUNT)})`, FORMATS.tkr, "total"),
  ]);
  const total = addr(totalRow, AMOUNT);
  for (const r of [stateLine, regionLine, ...municipalLines]) {
    const amount = addr(r, AMOUNT);
    b.set(
      r,
      4,
      formula(`=IF(OR(N(${total})=0,NOT(ISNUMBER(${amount}))),"",${amount}/${total})`, FORMATS.percent),
    );
  }
  b.row([
    label(
      "Beloppen räknas med vanliga formler (kolumn G–H är avrundningens hjälpkolumner). Bara kontrollerna i kolumn F och under Kontroller behöver tillägget.",
      "note",
    ),
  ]);
  return { stateLine, regionLine, municipalLines, ready };
}

/** The municipalities' lines of the split: each amount by largest remainder (G–H its helpers), FINANCING beside it. */
function municipalRows(
  b: SheetBuilder,
  options: TemplateOptions,
  inputs: Inputs,
  members: Members,
  { ready, regionUnits, unitsPer }: { ready: string; regionUnits: string; unitsPer: string },
): number[] {
  const { state, decimals } = inputs;
  const n = members.cells.length;
  const firstLine = b.currentRow;
  const lastLine = firstLine + n - 1;
  const col = (c: number) => range(firstLine, c, lastLine, c, true);
  const above = (c: number, i: number, from = firstLine) =>
    i === 0 ? null : range(from, c, from + i - 1, c);
  const layout: SplitLayout = {
    units: regionUnits,
    weights: members.range,
    weight: (i) => members.cells[i],
    weightsBefore: (i) => above(2, i, members.rows[0]),
    floors: col(FLOOR),
    rests: col(REST),
    floor: (i) => addr(firstLine + i, FLOOR),
    rest: (i) => addr(firstLine + i, REST),
    restsBefore: (i) => above(REST, i),
  };
  const municipalLines = members.cells.map((cell, i) => {
    const r = firstLine + i;
    const split = splitFormulas(layout, i);
    return b.row([
      formula(`=${addr(members.rows[i], 1)}`, undefined, "label"),
      formula(`=${cell}`, populationFormat(options)),
      formula(`=IF(SUM(${members.range})=0,"",${cell}/SUM(${members.range}))`, FORMATS.percent),
      undefined,
      formula(
        `=IF(${ready},(${split.units})/${unitsPer},IF(ISNUMBER(${cell}),"","Befolkning saknas"))`,
        FORMATS.tkr,
      ),
      formula(
        `=IF(${ready},FINSAM.CHECKSUM(INDEX(FINSAM.FINANCING(${state},${members.range},${decimals}),${i + 2}),${addr(r, AMOUNT)}),"")`,
        undefined,
        "check",
      ),
      formula(`=IF(${ready},${split.floor},"")`, FORMATS.integer),
      formula(`=IF(${ready},${split.rest},"")`, "0.000000000"),
    ]);
  });
  return municipalLines;
}

function checks(b: SheetBuilder, inputs: Inputs, split: Split): void {
  b.row([label("Kontroller", "section")]);
  const unit = `10^-${inputs.decimals}`;
  const guarded = (body: string) => formula(`=IF(${split.ready},${body},"")`, undefined, "check");
  const region = addr(split.regionLine, AMOUNT);
  const lines = split.municipalLines;
  const check = (text: string, body: string) =>
    b.row([label(text), undefined, undefined, undefined, guarded(body)]);
  check("Regionen = halva statens tilldelning", `FINSAM.CHECKSUM(${region},${inputs.state}/2,${unit})`);
  check(
    "Kommunerna tillsammans = regionen",
    `FINSAM.CHECKSUM(${range(lines[0], AMOUNT, lines[lines.length - 1], AMOUNT)},${region})`,
  );
  const share = (r: number) => addr(r, 4);
  const split5025 = `AND(ABS(${share(split.stateLine)}-${SHARES.state})<0.001,ABS(${share(split.regionLine)}-${SHARES.region})<0.001,ABS(SUM(${range(lines[0], 4, lines[lines.length - 1], 4)})-${SHARES.municipalities})<0.001)`;
  check(
    "Staten 50 %, regionen 25 %, kommunerna 25 %",
    `IF(${split5025},"OK","Fördelningen är inte 50/25/25")`,
  );
  b.row([
    label(
      "Annan finansiering (t.ex. ESF eller anställningsstöd) räknas inte hit: den är inte medlemsavgift.",
      "note",
    ),
  ]);
}
