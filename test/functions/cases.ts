/** The reference cases of the custom functions: what Excel shows for each formula, and the bad arguments. */
import * as F from "../../src/functions/functions";
import { MUNICIPALITIES_2021 } from "../../src/examples/budget2021";
import { col, row } from "../helpers/excel";

const shares = col(...MUNICIPALITIES_2021.map((m) => m.share));
const O = null; // an omitted optional argument

export type Case = [string, (...args: never[]) => unknown, unknown[], unknown];

/** Reference results: what the formula in the first column shows in Excel. */
export const results: Case[] = [
  ["=FINSAM.IMPACTINDEX(weights; reached)", F.impactIndex, [col(10, 6, 4), col(true, false, true)], 70],
  ["blank attainment counts as not reached", F.impactIndex, [col(10, 6, 4), col(true, "", null)], 50],
  ["1/0 work like TRUE/FALSE", F.impactIndex, [col(10, 6, 4), col(1, 0, 1)], 70],
  ["a share below 1 is not reached by default", F.impactIndex, [col(10, 10), col(1, 0.5)], 50],
  ["partial credit when asked for", F.impactIndex, [col(10, 10), col(1, 0.5), O, O, true], 75],
  ["per area", F.impactIndex, [col(10, 6, 4), col(true, false, true), col("A", "A", "B"), "a"], 62.5],
  [
    "rows with neither weight nor outcome are skipped",
    F.impactIndex,
    [col(10, "", 10), col(true, "", false)],
    50,
  ],
  ["a row range works as well as a column", F.impactIndex, [row(5, 5), row(true, false)], 50],
  ["=FINSAM.FEESPLIT(shares; 2845)", F.feeSplit, [shares, 2845], col(2361, 145, 114, 83, 105, 37)],
  ["FEESPLIT keeps the shape of a row", F.feeSplit, [row(1, 1, 1), 100], row(34, 33, 33)],
  ["FEESPLIT at 2 decimals", F.feeSplit, [col(1, 2), 1, 2], col(0.33, 0.67)],
  [
    "FEESPLIT of populations in persons, in kr",
    F.feeSplit,
    [col(100000, 5000), 2_845_000],
    col(2_709_524, 135_476),
  ],
  ["=FINSAM.FINANCING(5690; shares)", F.financing, [5690, shares], col(2845, 2361, 145, 114, 83, 105, 37)],
  ["FINANCING of an odd allotment", F.financing, [5691, col(1, 1)], col(2846, 1423, 1423)],
  ["=FINSAM.EQUITYCAP(11583; 1000)", F.equityCap, [11583, 1000], 2087.45],
  ["EQUITYCAP in kronor", F.equityCap, [11_583_000], 2_087_450],
  [
    "EQUITYCAP with own steps",
    F.equityCap,
    [
      20_000,
      1000,
      [
        [7e6, 0.2],
        [15e6, 0.15],
        ["", 0.1],
      ],
    ],
    3100,
  ],
  [
    "EQUITYCAP skips blank step rows",
    F.equityCap,
    [
      5000,
      1000,
      [
        [7e6, 0.2],
        [null, null],
      ],
    ],
    1000,
  ],
  ["=FINSAM.TOPSHARE(counts; 3)", F.topShare, [row(1, 2, 7, 20, 10), 3], 0.925],
  ["TOPSHARE with a blank alternative", F.topShare, [row(0, "", 2, 2), 2], 1],
  ["=FINSAM.GOALMET(0,66; 0,7; 0,05)", F.goalMet, [0.66, 0.7, 0.05], true],
  ["GOALMET without tolerance", F.goalMet, [0.66, 0.7], false],
  ["GOALMET not measured", F.goalMet, ["", 0.7], false],
  ["GOALMET with too low a response rate", F.goalMet, [0.9, 0.8, O, 0.4], false],
  ["GOALMET with a response rate of 50 %", F.goalMet, [0.9, 0.8, O, 0.5], true],
  ["GOALMET, lower is better", F.goalMet, [-0.002, 0, O, O, O, true], true],
  ["=FINSAM.CHECKSUM(parts; total)", F.checkSum, [col(2520, 485, 9630), 12635], "OK"],
  ["CHECKSUM skips blank cells", F.checkSum, [col(2520, "", 485, null, 9630), 12635], "OK"],
  ["CHECKSUM within tkr rounding", F.checkSum, [col(2359, 146, 113, 83, 106, 37), 2845, 1], "OK"],
  [
    "CHECKSUM names the sum and the difference",
    F.checkSum,
    [col(2359, 146, 113, 83, 106, 37), 2845],
    "Summan är 2 844, inte 2 845 (differens -1; tillåtet ±0).",
  ],
  ["WEIGHTCHECK OK", F.weightCheck, [col("A", "A", "B"), col(8, 8, 4), col("A", "B"), col(80, 20)], "OK"],
  [
    "WEIGHTCHECK names wrong weights and areas outside their share",
    F.weightCheck,
    [col("A", "A", "B", "B"), col(10, 12, 4, 0.5), col("A", "B"), col(50, 50)],
    "Vikt ej heltal 1–10: rad 2 (12), rad 4 (0,5). Målområde utanför nominell andel ±5 %: A 83 % (nominellt 50 %), B 17 % (nominellt 50 %).",
  ],
  [
    "WEIGHTCHECK names a missing weight and an unknown area, skipping empty rows",
    F.weightCheck,
    [col("A", "", "A", "C"), col(5, "", "", 5), col("A"), col(100)],
    'Vikt ej heltal 1–10: rad 3 (saknas). Okänt målområde: rad 4 ("C").',
  ],
  [
    "WEIGHTCHECK with a wider tolerance",
    F.weightCheck,
    [col("A", "B"), col(6, 4), col("A", "B"), col(50, 50), 0.1],
    "OK",
  ],
  [
    "COSTSPLIT: secretariat 40/60/0, a platform 0/10/90",
    F.costSplit,
    [
      col(-1000, -2000),
      [
        [0.4, 0.6, 0],
        [0, 0.1, 0.9],
      ],
    ],
    [[-400, -800, -1800]],
  ],
  [
    "COSTSPLIT rounded by largest remainder",
    F.costSplit,
    [col(-10), [[0.333, 0.333, 0.334]], 0],
    [[-3, -3, -4]],
  ],
  [
    "COSTSPLIT: a blank amount needs no key",
    F.costSplit,
    [
      col(-5, null),
      [
        [1, 0, 0],
        [null, null, null],
      ],
    ],
    [[-5, 0, 0]],
  ],
  ["=FINSAM.SOLIDITET(783; 2000)", F.soliditet, [783, 2000], 0.3915],
  ["SOLIDITET with negative equity", F.soliditet, [-5, 10], -0.5],
];

/** Bad arguments: the Excel error and a phrase of its Swedish message. */
export const errors: Case[] = [
  [
    "IMPACTINDEX with text for a weight",
    F.impactIndex,
    [col(10, "tio"), col(true, true)],
    ["#VALUE!", 'Text där ett tal ska stå: vikterna rad 2, kolumn 1 "tio".'],
  ],
  [
    "IMPACTINDEX with a negative weight",
    F.impactIndex,
    [col(10, -1), col(true, true)],
    ["#VALUE!", "Vikten (nr 2) måste vara större än 0"],
  ],
  [
    "IMPACTINDEX with ranges of different shapes",
    F.impactIndex,
    [col(1, 2), col(true)],
    ["#VALUE!", "Måluppfyllelsen (1×1) har inte samma storlek som vikterna (2×1)."],
  ],
  [
    "IMPACTINDEX with attainment 2",
    F.impactIndex,
    [col(1), col(2)],
    ["#VALUE!", "Måluppfyllelse ska vara 0–1"],
  ],
  [
    "IMPACTINDEX with an outcome but no weight",
    F.impactIndex,
    [col(1, ""), col(true, true)],
    ["#VALUE!", "Vikt saknas för en indikator med utfall"],
  ],
  [
    "IMPACTINDEX with an area but no areas",
    F.impactIndex,
    [col(1), col(true), O, "A"],
    ["#VALUE!", "Ange målområdena"],
  ],
  [
    "IMPACTINDEX for an area without indicators",
    F.impactIndex,
    [col(1), col(true), col("A"), "B"],
    ["#N/A", 'Inga indikatorer i målområdet "B".'],
  ],
  [
    "IMPACTINDEX with no weights at all",
    F.impactIndex,
    [col(""), col("")],
    ["#N/A", "Inga indikatorer med vikt."],
  ],
  [
    "IMPACTINDEX with an empty range",
    F.impactIndex,
    [[], []],
    ["#VALUE!", "Vikterna saknas: området är tomt."],
  ],
  [
    "IMPACTINDEX with an error in a cell",
    F.impactIndex,
    [col(1), col(new Error("#DIV/0!"))],
    ["#VALUE!", "Cellen innehåller ett fel"],
  ],
  [
    "IMPACTINDEX with a range as area",
    F.impactIndex,
    [col(1), col(true), col("A"), [["A", "B"]]],
    ["#VALUE!", "ska vara ett enda värde"],
  ],
  [
    "FEESPLIT with a negative population",
    F.feeSplit,
    [col(100, -5), 10],
    ["#VALUE!", "Befolkningstalet (nr 2) får inte vara negativt (-5)."],
  ],
  [
    "FEESPLIT with all-zero populations",
    F.feeSplit,
    [col(0, 0), 10],
    ["#VALUE!", "Befolkningstalen är alla noll"],
  ],
  [
    "FEESPLIT with a blank population",
    F.feeSplit,
    [col(100, ""), 10],
    ["#VALUE!", "Värde saknas: befolkningstalen rad 2, kolumn 1."],
  ],
  [
    "FEESPLIT with text as total",
    F.feeSplit,
    [col(1), "2845 tkr"],
    ["#VALUE!", "Text där ett tal ska stå: totalen"],
  ],
  ["FEESPLIT with TRUE as total", F.feeSplit, [col(1), true], ["#VALUE!", "SANT/FALSKT där ett tal ska stå"]],
  [
    "FEESPLIT of a total finer than the decimals",
    F.feeSplit,
    [col(1, 1), 2845.5],
    ["#VALUE!", "2 845,5 kan inte fördelas exakt med 0 decimaler"],
  ],
  [
    "FEESPLIT with fractional decimals",
    F.feeSplit,
    [col(1, 1), 10, 0.5],
    ["#VALUE!", "Antal decimaler måste vara ett heltal"],
  ],
  [
    "FINANCING with a negative allotment",
    F.financing,
    [-5690, shares],
    ["#VALUE!", "Statens tilldelning får inte vara negativ (-5 690)."],
  ],
  ["FINANCING with an empty range", F.financing, [5690, []], ["#VALUE!", "Befolkningstalen saknas"]],
  [
    "EQUITYCAP above the documented range",
    F.equityCap,
    [16000, 1000],
    ["#N/A", "Basen 16 000 000 kr är över 15 000 000 kr, där rekommendationen inte är känd. Ange trappsteg."],
  ],
  [
    "EQUITYCAP with three-column steps",
    F.equityCap,
    [1000, 1000, [[1, 2, 3]]],
    ["#VALUE!", "Trappstegen ska ha 2 kolumner (har 3)."],
  ],
  [
    "EQUITYCAP with falling steps",
    F.equityCap,
    [
      1000,
      1000,
      [
        [7e6, 0.2],
        [5e6, 0.1],
      ],
    ],
    ["#VALUE!", "Trappstegens gränser måste öka (steg 2)."],
  ],
  [
    "EQUITYCAP with a rate of 20 (not 20 %)",
    F.equityCap,
    [1000, 1000, [[7e6, 20]]],
    ["#VALUE!", "Procentsatsen (nr 1) måste ligga mellan 0 och 1"],
  ],
  [
    "EQUITYCAP with a step without rate",
    F.equityCap,
    [1000, 1000, [[7e6, ""]]],
    ["#VALUE!", "Värde saknas: trappstegen rad 1, kolumn 2."],
  ],
  ["EQUITYCAP with unit 0", F.equityCap, [1000, 0], ["#VALUE!", "Enheten måste vara större än 0"]],
  ["EQUITYCAP with a negative base", F.equityCap, [-1], ["#VALUE!", "Basen får inte vara negativ"]],
  [
    "WEIGHTCHECK with text for a weight",
    F.weightCheck,
    [col("A"), col("tio"), col("A"), col(1)],
    ["#VALUE!", "Text där ett tal ska stå: vikterna"],
  ],
  [
    "WEIGHTCHECK with mismatched areas",
    F.weightCheck,
    [col("A", "B"), col(1), col("A"), col(1)],
    ["#VALUE!", "Vikterna (1×1) har inte samma storlek som målområdena (2×1)."],
  ],
  [
    "WEIGHTCHECK with duplicate area names",
    F.weightCheck,
    [col("A"), col(1), col("A", "a"), col(1, 1)],
    ["#VALUE!", 'namnet "a" finns två gånger'],
  ],
  [
    "WEIGHTCHECK with zero points",
    F.weightCheck,
    [col("A"), col(1), col("A"), col(0)],
    ["#VALUE!", "Poängen (nr 1) måste vara större än 0"],
  ],
  [
    "WEIGHTCHECK with only empty rows",
    F.weightCheck,
    [col(""), col(""), col("A"), col(1)],
    ["#VALUE!", "Indikatorerna saknas"],
  ],
  [
    "TOPSHARE with topN beyond the scale",
    F.topShare,
    [row(1, 2, 3), 4],
    ["#VALUE!", "Antal översta alternativ måste ligga mellan 1 och 3 (4)."],
  ],
  ["TOPSHARE with topN 0", F.topShare, [row(1, 2, 3), 0], ["#VALUE!", "mellan 1 och 3"]],
  ["TOPSHARE without answers", F.topShare, [row(0, 0, 0), 2], ["#N/A", "Inga svar: summan är noll."]],
  [
    "TOPSHARE with a negative count",
    F.topShare,
    [row(1, -2), 1],
    ["#VALUE!", "Svarsantalet (nr 2) får inte vara negativt (-2)."],
  ],
  [
    "GOALMET with text as target",
    F.goalMet,
    [0.7, "70 %"],
    ["#VALUE!", "Text där ett tal ska stå: målvärdet"],
  ],
  [
    "GOALMET with a response rate of 80 (not 80 %)",
    F.goalMet,
    [0.7, 0.7, O, 80],
    ["#VALUE!", "Svarsfrekvensen måste ligga mellan 0 och 1"],
  ],
  [
    "GOALMET with a negative tolerance",
    F.goalMet,
    [0.7, 0.7, -0.1],
    ["#VALUE!", "Toleransen får inte vara negativ"],
  ],
  [
    "CHECKSUM with text among the parts",
    F.checkSum,
    [col(1, "x"), 1],
    ["#VALUE!", "Text där ett tal ska stå: delarna rad 2"],
  ],
  [
    "CHECKSUM with a negative rounding",
    F.checkSum,
    [col(1), 1, -1],
    ["#VALUE!", "Avrundningen får inte vara negativ"],
  ],
  ["CHECKSUM with a blank total", F.checkSum, [col(1), ""], ["#VALUE!", "Värde saknas: totalen"]],
  [
    "COSTSPLIT with shares adding to 95 %",
    F.costSplit,
    [
      col(-5, -5),
      [
        [1, 0, 0],
        [0.5, 0.4, 0.05],
      ],
    ],
    ["#VALUE!", "Andelarna på rad 2 blir 95 %, inte 100 %."],
  ],
  [
    "COSTSPLIT with two share columns",
    F.costSplit,
    [col(-5), [[0.5, 0.5]]],
    ["#VALUE!", "ska ha 3 kolumner"],
  ],
  [
    "COSTSPLIT with fewer keys than lines",
    F.costSplit,
    [col(-5, -6), [[1, 0, 0]]],
    ["#VALUE!", "har inte samma storlek"],
  ],
  [
    "COSTSPLIT with a share above 1",
    F.costSplit,
    [col(-5), [[1.5, -0.5, 0]]],
    ["#VALUE!", "Andelen (nr 1) måste ligga mellan 0 och 1"],
  ],
  [
    "SOLIDITET with no assets",
    F.soliditet,
    [100, 0],
    ["#VALUE!", "Balansomslutningen måste vara större än 0"],
  ],
];
