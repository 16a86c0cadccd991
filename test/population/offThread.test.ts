import { readFileSync } from "node:fs";
import { join } from "node:path";
import { messages } from "../../src/i18n";
import { importRequest, type ImportOutcome } from "../../src/population/import";
import {
  readOffThread,
  WORKER_READ_MS,
  WORKER_START_MS,
  WORKER_THRESHOLD_BYTES,
  type ReadJob,
} from "../../src/population/offThread";
import { MAX_SOURCE_BYTES } from "../../src/population/readers";
import { blankOptions } from "../../src/templates";
import { readPopulationJob } from "../../src/taskpane/populationRead";
import { inProcessWorker, scriptedWorker, type FakeWorker } from "../helpers/fakeWorker";

const DIR = join(__dirname, "..", "fixtures", "scb");
const csv = () => new Uint8Array(readFileSync(join(DIR, "befolkning-semikolon.csv")));
/** The same table as Excel's "Unicode text": UTF-16 LE with a byte-order mark, tabs between the fields. */
const utf16 = () =>
  new Uint8Array(
    Buffer.from(
      "\uFEFF" + readFileSync(join(DIR, "befolkning-semikolon.csv"), "utf8").replace(/;/g, "\t"),
      "utf16le",
    ),
  );

const request = importRequest(
  {
    ...blankOptions(new Date("2026-11-26")),
    municipalities: ["Umeå", "Vännäs", "Vindeln", "Robertsfors", "Nordmaling"].map((name) => ({
      name,
      population: null,
    })),
    ageBand: "20–64 år",
  },
  2024,
  new Date("2026-11-26T10:00:00Z"),
).request!;
const job = (bytes: Uint8Array, file = "befolkning.csv"): ReadJob => ({
  input: { bytes },
  request,
  file,
  locale: "sv",
});

/** Vindeln's 20–64 in 2024, added up by hand from SCB's answer (see import.test.ts). */
const VINDELN = 3418;
const vindeln = (outcome: ImportOutcome) =>
  outcome.ok ? outcome.populations.find((p) => p.code === "2404")?.population : outcome.problems;

/** A spawn that hands out the given workers and records how many it started. */
function spawner(...workers: FakeWorker[]) {
  const started: FakeWorker[] = [];
  const spawn = () => {
    const w = workers[started.length] ?? inProcessWorker();
    started.push(w);
    return w;
  };
  return { spawn, started };
}

test("the fixtures sit on either side of the threshold: SCB's usual download below, its UTF-16 form above", () => {
  expect(csv().byteLength).toBeLessThan(WORKER_THRESHOLD_BYTES);
  expect(utf16().byteLength).toBeGreaterThan(WORKER_THRESHOLD_BYTES);
});

describe("the client's choice", () => {
  test("a small file is read on this thread: no worker is started", async () => {
    const { spawn, started } = spawner();
    const outcome = await readOffThread(job(csv()), { read: readPopulationJob, spawn });
    expect(started).toHaveLength(0);
    expect(vindeln(outcome)).toBe(VINDELN);
  });

  test("a large file goes to the worker, its bytes transferred (not copied), and the worker ends after", async () => {
    const { spawn, started } = spawner();
    const bytes = utf16();
    const size = bytes.byteLength;
    const outcome = await readOffThread(job(bytes, "befolkning.txt"), { read: readPopulationJob, spawn });
    expect(started).toHaveLength(1);
    expect(started[0].sent).toHaveLength(1);
    expect(size).toBeGreaterThan(WORKER_THRESHOLD_BYTES);
    expect(bytes.byteLength).toBe(0); // detached: moved to the worker
    expect(started[0].terminated).toBe(true);
    expect(vindeln(outcome)).toBe(VINDELN);
  });

  test("over the import's limit: refused by size on this thread, no worker started for it", async () => {
    const { spawn, started } = spawner();
    const outcome = await readOffThread(job(new Uint8Array(MAX_SOURCE_BYTES + 1)), {
      read: readPopulationJob,
      spawn,
    });
    expect(started).toHaveLength(0);
    expect(outcome).toEqual({
      ok: false,
      problems: [{ kind: "tooLarge", size: MAX_SOURCE_BYTES + 1, limit: MAX_SOURCE_BYTES }],
    });
  });

  test("large pasted text goes to the worker too; the threshold counts its characters", async () => {
    const { spawn, started } = spawner();
    const text = readFileSync(join(DIR, "befolkning-semikolon.csv"), "utf8");
    const input = { text: text + "\r\n".repeat(WORKER_THRESHOLD_BYTES) };
    const outcome = await readOffThread(
      { input, request, file: null, locale: "sv" },
      { read: readPopulationJob, spawn },
    );
    expect(started).toHaveLength(1);
    expect(vindeln(outcome)).toBe(VINDELN);
  });
});

describe("no worker, or one that does not start: the same outcome on this thread", () => {
  let inThread: ImportOutcome;
  beforeAll(async () => {
    inThread = await readPopulationJob(job(utf16(), "befolkning.txt"));
    expect(vindeln(inThread)).toBe(VINDELN);
  });

  test("Worker undefined (spawn null)", async () => {
    expect(typeof (globalThis as { Worker?: unknown }).Worker).toBe("undefined");
    expect(
      await readOffThread(job(utf16(), "befolkning.txt"), { read: readPopulationJob, spawn: null }),
    ).toEqual(inThread);
  });

  test("new Worker throws (a CSP or a browser that refuses it)", async () => {
    const spawn = () => {
      throw new DOMException("denied", "SecurityError");
    };
    expect(await readOffThread(job(utf16(), "befolkning.txt"), { read: readPopulationJob, spawn })).toEqual(
      inThread,
    );
  });

  test("the worker's script fails to load (an error event before it is ready): terminated, read here", async () => {
    const dead = scriptedWorker();
    const { spawn } = spawner(dead);
    const pending = readOffThread(job(utf16(), "befolkning.txt"), { read: readPopulationJob, spawn });
    dead.crash();
    expect(await pending).toEqual(inThread);
    expect(dead.terminated).toBe(true);
    expect(dead.sent).toEqual([]); // the bytes were never sent, so they were still here to read
  });

  test("a worker that never says it is ready: terminated after the start-up limit, read here", async () => {
    jest.useFakeTimers();
    try {
      const silent = scriptedWorker();
      const { spawn } = spawner(silent);
      const pending = readOffThread(job(utf16(), "befolkning.txt"), { read: readPopulationJob, spawn });
      await jest.advanceTimersByTimeAsync(WORKER_START_MS);
      expect(silent.terminated).toBe(true);
      jest.useRealTimers();
      expect(await pending).toEqual(inThread);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe("a worker that started and then does not answer: a worded problem, never a hang", () => {
  test("no answer within the limit: terminated, and the catalogue says how long it waited", async () => {
    jest.useFakeTimers();
    try {
      const mute = scriptedWorker();
      const { spawn } = spawner(mute);
      mute.reply({ type: "ready" });
      let settled: ImportOutcome | null = null;
      void readOffThread(job(utf16(), "befolkning.txt"), { read: readPopulationJob, spawn }).then(
        (o) => (settled = o),
      );
      await jest.advanceTimersByTimeAsync(WORKER_READ_MS - 1);
      expect(settled).toBeNull();
      expect(mute.sent).toHaveLength(1);
      expect(mute.terminated).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      expect(mute.terminated).toBe(true);
      expect(settled).toEqual({
        ok: false,
        problems: [{ kind: "readTimedOut", seconds: WORKER_READ_MS / 1000 }],
      });
      const [problem] = (settled as unknown as { problems: never[] }).problems;
      expect(messages("sv").population.problem(problem)).toBe(
        "Filen lästes inte färdigt inom 60 sekunder och läsningen avbröts. Spara ett mindre urval (färre år eller regioner) och försök igen.",
      );
      expect(messages("en").population.problem(problem)).toMatch(/^The file was not read within 60 seconds/);
    } finally {
      jest.useRealTimers();
    }
  });

  test("the worker crashes while reading (out of memory): terminated, worded, no browser text", async () => {
    const doomed = scriptedWorker();
    const { spawn } = spawner(doomed);
    doomed.reply({ type: "ready" });
    const pending = readOffThread(job(utf16(), "befolkning.txt"), { read: readPopulationJob, spawn });
    await new Promise((r) => setTimeout(r, 0));
    doomed.crash();
    const outcome = await pending;
    expect(outcome).toEqual({ ok: false, problems: [{ kind: "readStopped" }] });
    expect(doomed.terminated).toBe(true);
    const text = messages("sv").population.problem({ kind: "readStopped" });
    expect(text).not.toMatch(/RangeError|Uncaught|undefined/);
  });

  test("what the read threw in the worker rejects as it would on this thread", async () => {
    const w = scriptedWorker();
    const { spawn } = spawner(w);
    w.reply({ type: "ready" });
    const pending = readOffThread(job(utf16(), "befolkning.txt"), { read: readPopulationJob, spawn });
    await new Promise((r) => setTimeout(r, 0));
    w.reply({ type: "failed", detail: "filen kunde inte läsas" });
    await expect(pending).rejects.toThrow("filen kunde inte läsas");
    expect(w.terminated).toBe(true);
  });
});
