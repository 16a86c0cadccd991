import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getLocale, setLocale } from "../../src/i18n";
import { importRequest } from "../../src/population/import";
import type { FromWorker, ReadJob } from "../../src/population/offThread";
import { blankOptions } from "../../src/templates";
import { readPopulationJob } from "../../src/taskpane/populationRead";
import { answer, serve } from "../../src/taskpane/populationWorker";

const DIR = join(__dirname, "..", "fixtures", "scb");
const text = () => readFileSync(join(DIR, "befolkning-semikolon.csv"), "utf8");
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
const job = (bytes: Uint8Array, file: string, locale = "sv"): ReadJob => ({
  input: { bytes },
  request,
  file,
  locale,
});

/** What the worker posts, after the structured clone a browser applies between threads. */
async function viaHandler(j: ReadJob): Promise<FromWorker> {
  const posted: FromWorker[] = [];
  const scope = {
    onmessage: null as ((e: MessageEvent) => void) | null,
    postMessage: (m: FromWorker) => posted.push(m),
  };
  serve(scope);
  expect(posted).toEqual([{ type: "ready" }]);
  scope.onmessage!({ data: structuredClone({ type: "read", job: j }) } as MessageEvent);
  for (let i = 0; i < 200 && posted.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
  return structuredClone(posted[1]);
}

afterEach(() => setLocale("sv"));

test.each([
  ["SCB's CSV (semicolons, UTF-8)", () => new Uint8Array(Buffer.from(text(), "utf8")), "befolkning.csv"],
  [
    "Excel's Unicode text (UTF-16 LE with a byte-order mark, tabs)",
    () => new Uint8Array(Buffer.from("\uFEFF" + text().replace(/;/g, "\t"), "utf16le")),
    "befolkning.txt",
  ],
  [
    "UTF-16 BE without a byte-order mark",
    () => {
      const be = Buffer.from(text(), "utf16le");
      for (let i = 0; i + 1 < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
      return new Uint8Array(be);
    },
    "befolkning.txt",
  ],
] as const)("%s: the worker's answer is the in-thread reader's outcome", async (_name, bytes, file) => {
  const inThread = await readPopulationJob(job(bytes(), file));
  const reply = await viaHandler(job(bytes(), file));
  expect(reply).toEqual({ type: "done", outcome: inThread });
  // Real figures: Vindeln's 3 418 (added up by hand in import.test.ts), five members, from the file named.
  if (!inThread.ok) throw new Error(JSON.stringify(inThread.problems));
  expect(inThread.populations.map((p) => p.code)).toEqual(["2480", "2460", "2404", "2409", "2401"]);
  expect(inThread.populations.find((p) => p.code === "2404")?.population).toBe(3418);
  expect(inThread.source.file).toBe(file);
});

test("the worker words its refusals in the pane's language (its own module instances)", async () => {
  const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(64).fill(7)]);
  setLocale("en");
  const inThreadEn = await readPopulationJob(job(broken, "a.xlsx"));
  setLocale("sv");
  const reply = await viaHandler(job(broken, "a.xlsx", "en"));
  expect(reply).toEqual({ type: "done", outcome: inThreadEn });
  expect(inThreadEn).toMatchObject({ ok: false, problems: [{ kind: "unreadable" }] });
  setLocale("sv");
  expect(await readPopulationJob(job(broken, "a.xlsx"))).not.toEqual(inThreadEn);
});

test("a message that is not a read is answered, not thrown on", async () => {
  expect(await answer({ type: "nonsense" } as never)).toEqual({ type: "failed", detail: "" });
});

test("loaded in a worker's global scope (importScripts exists), the module serves at once", () => {
  const posted: unknown[] = [];
  const g = globalThis as Record<string, unknown>;
  const saved = { importScripts: g.importScripts, postMessage: g.postMessage, onmessage: g.onmessage };
  Object.assign(g, {
    importScripts: () => undefined,
    postMessage: (m: unknown) => posted.push(m),
    onmessage: null,
  });
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    jest.isolateModules(() => require("../../src/taskpane/populationWorker"));
    expect(posted).toEqual([{ type: "ready" }]);
    expect(typeof g.onmessage).toBe("function");
  } finally {
    Object.assign(g, saved);
    for (const k of Object.keys(saved)) if (saved[k as keyof typeof saved] === undefined) delete g[k];
  }
  expect(getLocale()).toBe("sv");
});
