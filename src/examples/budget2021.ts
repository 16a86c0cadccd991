import type { BudgetInput } from "../domain/budget";

/**
 * The 2021–2023 budget adopted by the board on 2020-11-27 (seeds/styrelsemote-2020-11-27…, section 13),
 * in tkr. These are the inputs only; totals, result and equity are computed.
 */
export const MUNICIPALITIES_2021 = [
  { name: "Umeå kommun", share: 82.9 },
  { name: "Vännäs kommun", share: 5.1 },
  { name: "Nordmaling kommun", share: 4.0 },
  { name: "Vindeln kommun", share: 2.9 },
  { name: "Robertsfors kommun", share: 3.7 },
  { name: "Bjurholms kommun", share: 1.3 },
] as const;

export const STATE_ALLOTMENT_2021 = 5690;

export const BUDGET_2021_2023: BudgetInput = {
  years: [2021, 2022, 2023],
  openingEquity: 2040,
  income: [
    { label: "Försäkringskassan", amounts: [5690, 5690, 5690] },
    { label: "Umeå kommun, 82,9 % av arb-bef.", amounts: [2359, 2353, 2353] },
    { label: "Vännäs kommun, 5,1 % av arb-bef.", amounts: [146, 148, 148] },
    { label: "Nordmaling kommun, 4,0 % av arb-bef.", amounts: [113, 114, 114] },
    { label: "Vindeln kommun, 2,9 % av arb-bef.", amounts: [83, 85, 85] },
    { label: "Robertsfors kommun, 3,7 % av arb-bef.", amounts: [106, 108, 108] },
    { label: "Bjurholms kommun, 1,3 % av arb-bef.", amounts: [37, 37, 37] },
    { label: "Region Västerbotten", amounts: [2845, 2845, 2845] },
    { label: "Anställningsstöd, AF", amounts: [110, 113, 116] },
  ],
  costGroups: [
    {
      name: "Kansli och styrelse",
      lines: [
        { label: "Arvoden till styrelsen", amounts: [-200, -205, -210] },
        { label: "Arvoden till revisorer", amounts: [-50, -55, -60] },
        { label: "Kanslipersonal", amounts: [-1580, -1620, -1660] },
        { label: "Ekonomihantering", amounts: [-370, -375, -380] },
        { label: "Lokalhyra", amounts: [-85, -90, -95] },
        { label: "Konferens och utbildning", amounts: [-55, -55, -55] },
        { label: "Resor och logi", amounts: [-55, -55, -55] },
        { label: "Övrigt kontor och adm.", amounts: [-125, -140, -155] },
      ],
    },
    {
      name: "Verksamhetsnära kostnader",
      lines: [
        { label: "Social redovisning", amounts: [-35, -25, 0] },
        { label: "Hemsidor", amounts: [-40, -25, -25] },
        { label: "Analys", amounts: [-150, -50, -50] },
        { label: "Kompetensutveckling och mötesplatser", amounts: [-260, -350, -450] },
      ],
    },
    {
      name: "Verksamheter",
      lines: [
        { label: "Vännäs", amounts: [-420, -430, -440] },
        { label: "Nordmaling", amounts: [-420, -430, -440] },
        { label: "Vindeln", amounts: [-420, -430, -440] },
        { label: "Robertsfors", amounts: [-420, -430, -440] },
        { label: "Bjurholm", amounts: [-420, -430, -440] },
        { label: "Ungdomstorget", amounts: [-3200, -2800, -2700] },
        { label: "De sammanhållna insatserna för unga", amounts: [-950, -800, -700] },
        { label: "Vuxentorget", amounts: [-2625, -2400, -2300] },
        { label: "Insats NAFS", amounts: [-395, -400, -410] },
        { label: "Processledare integration", amounts: [-310, 0, 0] },
        { label: "Reserv HFE", amounts: [-50, 0, 0] },
      ],
    },
  ],
};

/**
 * An allocation key per cost line for the example, as an association would set it (administration,
 * structural, individual). The seeds give no key: this is an illustration, said on the sheet. The secretariat
 * spends part of its time on structural work (the director on steering groups, analysis and the cooperation
 * structure), so its staff, rent and travel are partly structural; the platforms spend a tenth on structural
 * work (steering groups, development); the process leader for integration is structural work only.
 */
export const ALLOCATION_EXAMPLE: Record<string, readonly [number, number, number]> = {
  Kanslipersonal: [0.45, 0.55, 0],
  Lokalhyra: [0.45, 0.55, 0],
  "Konferens och utbildning": [0.2, 0.8, 0],
  "Resor och logi": [0.4, 0.6, 0],
  Hemsidor: [0.5, 0.5, 0],
  Vännäs: [0, 0.1, 0.9],
  Nordmaling: [0, 0.1, 0.9],
  Vindeln: [0, 0.1, 0.9],
  Robertsfors: [0, 0.1, 0.9],
  Bjurholm: [0, 0.1, 0.9],
  Ungdomstorget: [0, 0.1, 0.9],
  "De sammanhållna insatserna för unga": [0, 0.1, 0.9],
  Vuxentorget: [0, 0.1, 0.9],
  "Insats NAFS": [0, 0.1, 0.9],
  "Processledare integration": [0, 1, 0],
};
