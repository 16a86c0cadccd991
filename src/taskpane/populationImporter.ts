/**
 * What the population import needs, as one chunk the pane loads on first use: the import itself with its
 * readers (papaparse, jsonstat-toolkit) and the pane's xlsx reader.
 */
import { getLocale } from "../i18n";
import type { ImportOutcome, ImportRequest } from "../population/import";
import { readOffThread, type ReadJob } from "../population/offThread";
import { readPopulationJob } from "./populationRead";

export { importFromScb, importFromSource, importRequest } from "../population/import";
export { readXlsxInBrowser } from "../workbook/xlsx/browserReader";

/**
 * A file the user chose or a table pasted in: read in a worker when it is large (offThread.ts), on this thread
 * when it is small or the browser has no `Worker`; the same outcome either way.
 */
export async function importInput(
  input: ReadJob["input"],
  request: ImportRequest,
  file: string | null,
): Promise<ImportOutcome> {
  const spawn =
    typeof Worker === "undefined"
      ? null
      : // In this chunk (eager), loaded only here: the module that names the worker's URL.
        (await import(/* webpackMode: "eager" */ "./spawnPopulationWorker")).spawnPopulationWorker;
  return readOffThread({ input, request, file, locale: getLocale() }, { read: readPopulationJob, spawn });
}
