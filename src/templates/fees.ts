import { isoToSerial } from "./excelDate";
import { addr, FORMATS, formula, input, label, range, SheetBuilder } from "./sheetBuilder";
import type { TemplateOptions, TemplateSpec } from "./spec";

/**
 * Avgiftsfördelning: the members with their working-age population (age band and reference date
 * visible), the state allotment, and the region's and each municipality's amount from
 * FINSAM.FINANCING, with shares and the checks that region = municipalities = state / 2 and 50/25/25.
 */
export function feesTemplate(options: TemplateOptions): TemplateSpec {
  const b = new SheetBuilder("fees", "Avgiftsfördelning");
  const n = options.municipalities.length;
  b.row([label(`Avgiftsfördelning ${options.firstYear}`, "title")]);
  b.row([label(options.associationName, "subtitle")]);
  b.row([
    label(
      "Staten betalar hälften, regionen en fjärdedel och kommunerna tillsammans en fjärdedel, fördelad efter befolkning i arbetsför ålder (SFS 2003:1210). Beloppen avrundas så att de går jämnt upp (största rest).",
      "note",
    ),
  ]);
  b.skip();

  b.row([label("Förutsättningar", "section")]);
  const yearRow = b.row([label("Budgetår"), input(options.firstYear, FORMATS.year)]);
  const stateRow = b.row([
    label("Statlig tilldelning (tkr)"),
    input(options.stateAllotment, FORMATS.tkrDecimals),
  ]);
  const decimalsRow = b.row([label("Avrundning: antal decimaler (0 = hela tkr)"), input(0, FORMATS.integer)]);
  b.validations.push({
    range: addr(decimalsRow, 2),
    rule: { kind: "wholeNumber", min: -3, max: 3 },
    error: "Ange ett heltal från -3 till 3.",
    prompt: "Som i AVRUNDA: 0 ger hela tkr, 3 ger hela kronor.",
  });
  const bandRow = b.row([label("Åldersgrupp för befolkningen"), input(options.ageBand)]);
  b.validations.push({
    range: addr(bandRow, 2),
    rule: { kind: "list", values: ["20–64 år", "16–64 år", "18–64 år"] },
    error:
      "Välj åldersgrupp i listan (statens fördelningsmodell använder 16–64 år, SCB:s ersättningsstatistik 20–64 år).",
  });
  const dateRow = b.row([
    label("Befolkningens referensdatum"),
    input(isoToSerial(options.referenceDate), FORMATS.date),
  ]);
  b.row([label("Källa"), input(`SCB, befolkning ${options.ageBand} per ${options.referenceDate}`)]);
  b.skip();

  // The members' populations: an Excel table of inputs.
  b.row([label("Befolkning i arbetsför ålder", "section")]);
  const tableHeader = b.row([label("Kommun", "header"), label("Befolkning", "header")]);
  const memberRows = options.municipalities.map((m) =>
    b.row([input(m.name), input(m.population, "#,##0.0##")]),
  );
  const popRange = range(memberRows[0], 2, memberRows[n - 1], 2, true);
  b.tables.push({ name: "FINSAM_Befolkning", range: range(tableHeader, 1, memberRows[n - 1], 2) });
  b.validations.push({
    range: popRange,
    rule: { kind: "decimal", min: 0, max: 1e9 },
    error: "Befolkningen ska vara ett tal, 0 eller större.",
  });
  b.skip();

  // The split: each amount is its row of FINSAM.FINANCING (region first, then the municipalities). One
  // INDEX per cell rather than a spilled array: nothing to #SPILL! when someone types below.
  b.row([label("Fördelning", "section")]);
  b.row(
    ["Part", "Befolkning", "Andel av kommunernas del", "Andel av medlemsavgifterna", "Belopp (tkr)"].map(
      (h) => label(h, "header"),
    ),
  );
  const A = { pop: 2, municipalShare: 3, share: 4, amount: 5 };
  const state = addr(stateRow, 2, { row: true, column: true });
  const decimals = addr(decimalsRow, 2, { row: true, column: true });
  const first = b.currentRow;
  const totalRow = first + n + 2;
  const shareOfTotal = (r: number) =>
    formula(
      `=IF(OR(N(${addr(totalRow, A.amount)})=0,NOT(ISNUMBER(${addr(r, A.amount)}))),"",${addr(r, A.amount)}/${addr(totalRow, A.amount)})`,
      FORMATS.percent,
    );
  const stateLine = b.row([
    label("Staten (Försäkringskassan)"),
    undefined,
    undefined,
    shareOfTotal(first),
    formula(`=${state}`, FORMATS.tkrDecimals),
  ]);
  const ready = `AND(ISNUMBER(${state}),COUNT(${popRange})=ROWS(${popRange}))`;
  // Until every member has a population there is no split; the member that lacks one says so.
  const financed = (k: number, population?: string) =>
    formula(
      `=IF(${ready},INDEX(FINSAM.FINANCING(${state},${popRange},${decimals}),${k}),${population ? `IF(ISNUMBER(${population}),"","Befolkning saknas")` : `""`})`,
      FORMATS.tkrDecimals,
    );
  const regionLine = b.row([
    label(options.regionName),
    undefined,
    undefined,
    shareOfTotal(first + 1),
    financed(1),
  ]);
  const municipalLines = options.municipalities.map((_, i) =>
    b.row([
      formula(`=${addr(memberRows[i], 1)}`, undefined, "label"),
      formula(`=${addr(memberRows[i], 2)}`, "#,##0.0##"),
      formula(`=IF(SUM(${popRange})=0,"",${addr(memberRows[i], 2)}/SUM(${popRange}))`, FORMATS.percent),
      shareOfTotal(b.currentRow),
      financed(i + 2, addr(memberRows[i], 2)),
    ]),
  );
  const municipalAmounts = range(municipalLines[0], A.amount, municipalLines[n - 1], A.amount);
  if (b.currentRow !== totalRow) throw new Error("fees layout: total row moved");
  b.row([
    label("Summa", "total"),
    formula(`=SUM(${range(municipalLines[0], A.pop, municipalLines[n - 1], A.pop)})`, "#,##0.0##", "total"),
    formula(
      `=SUM(${range(municipalLines[0], A.municipalShare, municipalLines[n - 1], A.municipalShare)})`,
      FORMATS.percent,
      "total",
    ),
    formula(`=SUM(${range(stateLine, A.share, municipalLines[n - 1], A.share)})`, FORMATS.percent, "total"),
    formula(
      `=SUM(${range(stateLine, A.amount, municipalLines[n - 1], A.amount)})`,
      FORMATS.tkrDecimals,
      "total",
    ),
  ]);
  b.skip();

  b.row([label("Kontroller", "section")]);
  const unit = `10^-${decimals}`;
  const guarded = (body: string) => formula(`=IF(${ready},${body},"")`, undefined, "check");
  b.row([
    label("Regionen = halva statens tilldelning"),
    undefined,
    undefined,
    undefined,
    guarded(`FINSAM.CHECKSUM(${addr(regionLine, A.amount)},${state}/2,${unit})`),
  ]);
  b.row([
    label("Kommunerna tillsammans = regionen"),
    undefined,
    undefined,
    undefined,
    guarded(`FINSAM.CHECKSUM(${municipalAmounts},${addr(regionLine, A.amount)})`),
  ]);
  const split = `AND(ABS(${addr(stateLine, A.share)}-0.5)<0.001,ABS(${addr(regionLine, A.share)}-0.25)<0.001,ABS(SUM(${range(municipalLines[0], A.share, municipalLines[n - 1], A.share)})-0.25)<0.001)`;
  b.row([
    label("Staten 50 %, regionen 25 %, kommunerna 25 %"),
    undefined,
    undefined,
    undefined,
    guarded(`IF(${split},"OK","Fördelningen är inte 50/25/25")`),
  ]);
  b.row([
    label(
      "Annan finansiering (t.ex. ESF eller anställningsstöd) räknas inte hit: den är inte medlemsavgift.",
      "note",
    ),
  ]);

  const sheet = b.build({ columnWidths: [40, 14, 16, 16, 16], freeze: { rows: 4, columns: 1 } });
  void yearRow;
  void dateRow;
  return {
    id: "avgifter",
    sheets: [sheet],
    names: [
      {
        name: "FINSAM_Avgifter_Statlig",
        sheet: "fees",
        range: addr(stateRow, 2, { row: true, column: true }),
        comment: "Statlig tilldelning (tkr)",
      },
      {
        name: "FINSAM_Avgifter_Belopp",
        sheet: "fees",
        range: range(stateLine, A.amount, municipalLines[n - 1], A.amount, true),
        comment: "Staten, regionen och varje kommun (tkr)",
      },
    ],
  };
}
