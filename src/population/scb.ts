import type { AgeBand } from "./ageBands";

/**
 * SCB's statistics API, asked only when the user presses "Hämta från SCB": exactly the members × the band's
 * one-year age classes × one year, every marital status and both sexes (the parts, which the key adds up).
 *
 * PxWebApi 2 (GET tables/{id}/data with valueCodes[…] and outputFormat=json-stat2) first; version 1's POST
 * query to the BefolkningNy matrix, also answering JSON-stat 2, when version 2 does not answer usefully. One
 * deadline covers both. Both hosts are declared in the manifest's AppDomains and the pane's
 * Content-Security-Policy.
 */
export const SCB_API = {
  v2: "https://statistikdatabasen.scb.se/api/v2",
  v1: "https://api.scb.se/OV0104/v1/doris/sv/ssd/START/BE/BE0101/BE0101A/BefolkningNy",
  /** Folkmängden efter region, civilstånd, ålder och kön (v2 table id). */
  table: "TAB638",
  /** The content "Folkmängd" in that table. */
  matrix: "BE0101N1",
} as const;

export const SCB_HOSTS = ["https://statistikdatabasen.scb.se", "https://api.scb.se"] as const;

export interface ScbRequest {
  codes: readonly string[];
  band: AgeBand;
  year: number;
}

export type FetchProblem =
  | { kind: "offline" }
  | { kind: "timeout"; seconds: number }
  | { kind: "http"; status: number; detail: string }
  | { kind: "unexpected"; detail: string };

export type FetchStage = "v2" | "v1" | "reading";

export type FetchOutcome =
  { ok: true; body: string; via: "api-v2" | "api-v1"; url: string } | { ok: false; problem: FetchProblem };

export interface FetchOptions {
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
  onStage?: (stage: FetchStage) => void;
  api?: { v2: string; v1: string };
}

/** At most this much is read from an answer (a year of every region is about 15 MB). */
const MAX_ANSWER = 30 * 1024 * 1024;

function ages(band: AgeBand): string[] {
  return Array.from({ length: band.to - band.from + 1 }, (_, i) => String(band.from + i));
}

export function v2Url(request: ScbRequest, base: string = SCB_API.v2): string {
  const select = (variable: string, values: readonly string[]) =>
    `valueCodes[${variable}]=${values.map(encodeURIComponent).join(",")}`;
  return [
    `${base}/tables/${SCB_API.table}/data?lang=sv&outputFormat=json-stat2`,
    select("Region", request.codes),
    select("Civilstand", ["*"]),
    select("Alder", ages(request.band)),
    select("Kon", ["*"]),
    select("ContentsCode", [SCB_API.matrix]),
    select("Tid", [String(request.year)]),
  ].join("&");
}

export function v1Query(request: ScbRequest): unknown {
  const item = (code: string, values: readonly string[]) => ({ code, selection: { filter: "item", values } });
  return {
    query: [
      item("Region", request.codes),
      { code: "Civilstand", selection: { filter: "all", values: ["*"] } },
      item("Alder", ages(request.band)),
      item("Kon", ["1", "2"]),
      item("ContentsCode", [SCB_API.matrix]),
      item("Tid", [String(request.year)]),
    ],
    response: { format: "json-stat2" },
  };
}

export async function fetchFromScb(request: ScbRequest, options: FetchOptions = {}): Promise<FetchOutcome> {
  const fetchImpl = options.fetchImpl ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const api = options.api ?? SCB_API;
  const deadline = Date.now() + timeoutMs;
  options.onStage?.("v2");
  const first = await attempt(fetchImpl, v2Url(request, api.v2), { method: "GET" }, deadline, timeoutMs);
  if (first.ok) return { ok: true, body: first.body, via: "api-v2", url: first.url };
  // A timeout or a refusal of the question itself (400) will not go better with the older API.
  if (first.problem.kind === "timeout" || (first.problem.kind === "http" && first.problem.status === 400))
    return first;
  options.onStage?.("v1");
  const second = await attempt(
    fetchImpl,
    api.v1,
    {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(v1Query(request)),
    },
    deadline,
    timeoutMs,
  );
  if (second.ok) return { ok: true, body: second.body, via: "api-v1", url: second.url };
  // Neither reached: say so once; otherwise the newer API's answer is the one to explain.
  return first.problem.kind === "offline" && second.problem.kind === "offline" ? second : first;
}

async function attempt(
  fetchImpl: typeof fetch,
  url: string,
  init: RequestInit,
  deadline: number,
  timeoutMs: number,
): Promise<{ ok: true; body: string; url: string } | { ok: false; problem: FetchProblem }> {
  const remaining = deadline - Date.now();
  const timedOut = {
    ok: false as const,
    problem: { kind: "timeout" as const, seconds: Math.round(timeoutMs / 1000) },
  };
  if (remaining <= 0) return timedOut;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), remaining);
  try {
    const response = await fetchImpl(url, { ...init, signal: controller.signal, credentials: "omit" });
    const length = Number(response.headers.get("content-length") ?? 0);
    if (length > MAX_ANSWER)
      return { ok: false, problem: { kind: "unexpected", detail: `svaret är ${length} byte` } };
    // Read as a stream and cut at the limit: a missing or lying content-length costs at most the limit + a chunk.
    const body = await boundedText(response, MAX_ANSWER);
    if (body === null)
      return { ok: false, problem: { kind: "unexpected", detail: `svaret är över ${MAX_ANSWER} byte` } };
    if (!response.ok)
      return { ok: false, problem: { kind: "http", status: response.status, detail: errorTitle(body) } };
    if (
      !body
        .replace(/^\uFEFF/, "")
        .trimStart()
        .startsWith("{")
    )
      return { ok: false, problem: { kind: "unexpected", detail: "svaret är inte JSON" } };
    return { ok: true, body, url };
  } catch (error) {
    if (controller.signal.aborted) return timedOut;
    void error;
    return { ok: false, problem: { kind: "offline" } };
  } finally {
    clearTimeout(timer);
  }
}

/** An answer's body as text, or null once it passes `limit` bytes (the rest is not read). */
export async function boundedText(response: Response, limit: number): Promise<string | null> {
  if (!response.body) {
    const text = await response.text();
    return text.length > limit ? null : text;
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
}

/** PxWeb's error answers carry a title ("Missing selection for mandantory variable"); show it, shortened. */
function errorTitle(body: string): string {
  try {
    const json = JSON.parse(body) as { title?: unknown; detail?: unknown };
    const text = [json.title, json.detail].filter((t) => typeof t === "string").join(": ");
    if (text) return text.slice(0, 200);
  } catch {
    // not JSON
  }
  return body
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 200);
}
