import type { ImportOutcome, ImportRequest } from "./import";
import { MAX_SOURCE_BYTES } from "./readers";

/**
 * The population import off the pane's thread. The task pane and the custom functions share one page (the
 * shared runtime), so a large file parsed on that thread freezes both: a 10⁶-row CSV takes seconds there, with
 * no spinner turning and every FINSAM.* formula waiting. Above a size the read runs in a Web Worker that runs
 * the very same reader (src/taskpane/populationWorker.ts calls the function the pane calls); below it, on this
 * thread, without a worker's start-up. Whatever happens to the worker, the pane gets an answer: the same one
 * on this thread when no worker starts, a worded problem when one stops or does not answer in time.
 */

/**
 * Files up to this size are read on the pane's thread. SCB's usual download for an association's members
 * (a few municipalities, one or two years, every age, sex and marital status) is 200–250 KB and reads in
 * well under 100 ms, about what starting a worker and loading its chunk costs; above it the parse time grows
 * with the file (seconds for the 30 MB the import accepts), and the worker pays for itself.
 */
export const WORKER_THRESHOLD_BYTES = 256 * 1024;

/** A worker that has not said it is ready by then did not start (its chunk did not load): read here instead. */
export const WORKER_START_MS = 10_000;

/**
 * The longest a read in the worker may take before it is stopped. The largest file the import accepts
 * (MAX_SOURCE_BYTES, 30 MB) reads in a few seconds in Chromium on a slow machine; a read still going after
 * ten times that is stuck, and the user is told so instead of waiting on a spinner.
 */
export const WORKER_READ_MS = 60_000;

/** One read: the file's bytes or pasted text, the request, the file's name and the pane's language. */
export interface ReadJob {
  input: { bytes: Uint8Array } | { text: string };
  request: ImportRequest;
  file: string | null;
  /** The pane's language, so that what the worker words itself (the xlsx reader's refusals) is in it. */
  locale: string;
}

/** The pane to the worker. */
export type ToWorker = { type: "read"; job: ReadJob };

/** The worker to the pane: ready once loaded, then the read's outcome, or the text of what the read threw. */
export type FromWorker =
  { type: "ready" } | { type: "done"; outcome: ImportOutcome } | { type: "failed"; detail: string };

/** What the client uses of a Worker (a real one in the browser, a fake in tests). */
export type WorkerLike = Pick<
  Worker,
  "postMessage" | "terminate" | "onmessage" | "onerror" | "onmessageerror"
>;

export interface OffThreadOptions {
  /** The read on this thread: the same function the worker runs. */
  read: (job: ReadJob) => Promise<ImportOutcome>;
  /** Starts a worker; null where there is none (no `Worker` in this browser). May throw (CSP, no chunk). */
  spawn: (() => WorkerLike) | null;
  thresholdBytes?: number;
  startMs?: number;
  readMs?: number;
}

/** The size the threshold is compared with: bytes of a file, characters of pasted text. */
export function jobSize(input: ReadJob["input"]): number {
  return "bytes" in input ? input.bytes.byteLength : input.text.length;
}

/**
 * The outcome of `read(job)`, in a worker when the input is larger than the threshold and a worker starts;
 * otherwise on this thread. Rejects only where `read` itself would (the worker's "failed"), so the caller's
 * handling is the same either way.
 */
export async function readOffThread(job: ReadJob, options: OffThreadOptions): Promise<ImportOutcome> {
  const { read, spawn } = options;
  const size = jobSize(job.input);
  // Over the import's limit the reader refuses at once, by size: no worker is worth starting for that.
  if (!spawn || size <= (options.thresholdBytes ?? WORKER_THRESHOLD_BYTES) || size > MAX_SOURCE_BYTES)
    return read(job);
  const worker = await started(spawn, options.startMs ?? WORKER_START_MS);
  // The bytes are transferred only to a worker that is running, so they are still here to read.
  if (!worker) return read(job);
  return answered(worker, job, options.readMs ?? WORKER_READ_MS);
}

/** The worker once it has said it is ready, or null when it could not be made or did not start in time. */
function started(spawn: () => WorkerLike, ms: number): Promise<WorkerLike | null> {
  let worker: WorkerLike;
  try {
    worker = spawn();
  } catch {
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish(false), ms);
    function finish(ready: boolean) {
      clearTimeout(timer);
      worker.onmessage = worker.onerror = worker.onmessageerror = null;
      if (!ready) worker.terminate();
      resolve(ready ? worker : null);
    }
    worker.onmessage = (event) => finish((event.data as FromWorker | undefined)?.type === "ready");
    worker.onerror = (event) => {
      event.preventDefault?.();
      finish(false);
    };
    worker.onmessageerror = () => finish(false);
  });
}

/** Sends the job (the bytes transferred, not copied) and waits for the outcome; the worker ends either way. */
function answered(worker: WorkerLike, job: ReadJob, ms: number): Promise<ImportOutcome> {
  return new Promise((resolve, reject) => {
    const stopped: ImportOutcome = { ok: false, problems: [{ kind: "readStopped" }] };
    const timer = setTimeout(
      () => finish({ ok: false, problems: [{ kind: "readTimedOut", seconds: Math.round(ms / 1000) }] }),
      ms,
    );
    function finish(outcome: ImportOutcome | Error) {
      clearTimeout(timer);
      worker.onmessage = worker.onerror = worker.onmessageerror = null;
      worker.terminate();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    }
    worker.onmessage = (event) => {
      const message = event.data as FromWorker;
      if (message?.type === "done") finish(message.outcome);
      else if (message?.type === "failed") finish(new Error(message.detail));
    };
    // The browser's own text of a worker's crash is never shown: the catalogue words it.
    worker.onerror = (event) => {
      event.preventDefault?.();
      finish(stopped);
    };
    worker.onmessageerror = () => finish(stopped);
    const message: ToWorker = { type: "read", job };
    try {
      worker.postMessage(message, "bytes" in job.input ? [job.input.bytes.buffer as ArrayBuffer] : []);
    } catch {
      finish(stopped);
    }
  });
}
