import { loadLocale, setLocale } from "../i18n";
import type { FromWorker, ToWorker } from "../population/offThread";
import { readPopulationJob } from "./populationRead";

/**
 * The worker that reads a large population file off the pane's thread (started by spawnPopulationWorker.ts,
 * built by webpack as its own chunk): it says it is ready, then answers each read with the outcome of the same
 * readPopulationJob the pane runs for a small file, or the text of what it threw.
 */
export async function answer(message: ToWorker): Promise<FromWorker> {
  if (message?.type !== "read") return { type: "failed", detail: "" };
  // This worker has its own module instances: the pane's language is set here too.
  try {
    const locale = message.job.locale === "en" ? "en" : "sv";
    await loadLocale(locale);
    setLocale(locale);
    return { type: "done", outcome: await readPopulationJob(message.job) };
  } catch (error) {
    return { type: "failed", detail: (error as Error)?.message ?? "" };
  }
}

/** The part of a worker's global scope this uses. */
export interface WorkerScope {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: FromWorker): void;
}

export function serve(scope: WorkerScope): void {
  scope.onmessage = (event) => void answer(event.data as ToWorker).then((reply) => scope.postMessage(reply));
  scope.postMessage({ type: "ready" });
}

// In a worker (importScripts exists only in a worker's global scope); imported elsewhere (tests), nothing runs.
const scope = globalThis as unknown as Partial<WorkerScope> & { importScripts?: unknown };
if (typeof scope.importScripts === "function") serve(scope as WorkerScope);
