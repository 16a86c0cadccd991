import type { ImportOutcome } from "../population/import";
import { importFromSource } from "../population/import";
import type { ReadJob } from "../population/offThread";
import { readXlsxInBrowser } from "../workbook/xlsx/browserReader";

/**
 * The one read of a population file or pasted table, wherever it runs: on the pane's thread for a small input
 * and in the worker (populationWorker.ts) for a large one. CSV, UTF-16/UTF-8/Windows-1252 text, JSON-stat and
 * .xlsx (the bounded reader with the browser's inflater), all through importFromSource.
 */
export function readPopulationJob(job: ReadJob): Promise<ImportOutcome> {
  return importFromSource(job.input, job.request, job.file, readXlsxInBrowser);
}
