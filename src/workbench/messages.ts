import { getLocale, type Locale } from "../i18n";

/**
 * The workbench's own words, Swedish and English. Kept apart from the add-in's catalogue: the workbench is a
 * development tool and its words (and its engine's name) stay out of the bundle that ships.
 */
export const WORKBENCH_MESSAGES = {
  sv: {
    banner:
      "Arbetsbänk för utveckling och demonstration – inte Excel. Formlerna räknas av en inbyggd kalkylmotor (HyperFormula) med FINSAM-funktionerna.",
    workbook: "Arbetsbok",
    sheets: "Blad",
    cellContents: "Cellens innehåll",
    enter: "Ange",
    noSheets: "Inga blad ännu: infoga en mall i panelen till vänster.",
    grid: "Celler: piltangenterna flyttar, Enter redigerar en inmatningscell",
  },
  en: {
    banner:
      "Workbench for development and demonstration – not Excel. The formulas are computed by a built-in spreadsheet engine (HyperFormula) with the FINSAM functions.",
    workbook: "Workbook",
    sheets: "Sheets",
    cellContents: "Cell contents",
    enter: "Enter",
    noSheets: "No sheets yet: insert a template in the pane on the left.",
    grid: "Cells: the arrow keys move, Enter edits an input cell",
  },
};

export type WorkbenchMessages = (typeof WORKBENCH_MESSAGES)["sv"];

/** The words in the language the pane last chose. */
export function workbenchMessages(locale: Locale = getLocale()): WorkbenchMessages {
  return WORKBENCH_MESSAGES[locale];
}
