import { bandText, parseAgeBand, type AgeBand } from "./ageBands";
import { resolveMunicipality, type Municipality } from "./municipalities";
import { readPopulationSource, type SourceFormat, type XlsxGridReader } from "./readers";
import { sumBand, type KeyProblem, type MemberPopulation } from "./records";
import { fetchFromScb, SCB_API, type FetchOptions, type FetchProblem } from "./scb";
import type { PopulationSource } from "./source";

/**
 * The import: the request for the members (every name must name a municipality), then the populations from a
 * file, pasted text or SCB's API with where they came from — or every problem, and nothing to apply.
 * `withImportedPopulation` (templates/options) puts them into the options that both sheets read.
 */
export interface ImportRequest {
  members: readonly Municipality[];
  band: AgeBand;
  year: number;
  /** The date of the import (ISO), for the provenance. */
  today: string;
}

export type ImportProblem =
  | KeyProblem
  | { kind: "unknownMember"; member: string }
  | FetchProblem
  /** The read off the pane's thread gave no answer in time, or its worker stopped (offThread.ts). */
  | { kind: "readTimedOut"; seconds: number }
  | { kind: "readStopped" };

export type ImportOutcome =
  | { ok: true; populations: MemberPopulation[]; source: PopulationSource }
  | { ok: false; problems: ImportProblem[] };

/** The request for the form's members: every name must name a municipality. */
export function importRequest(
  options: { municipalities: readonly { name: string; code?: string | null }[]; ageBand: string },
  year: number,
  today: Date,
): { request: ImportRequest | null; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const members: Municipality[] = [];
  for (const m of options.municipalities) {
    const found = resolveMunicipality(m.code ?? m.name) ?? resolveMunicipality(m.name);
    if (found) members.push(found);
    else problems.push({ kind: "unknownMember", member: m.name });
  }
  const band = parseAgeBand(options.ageBand);
  if (!band) problems.push({ kind: "notPopulation", detail: `okänd åldersgrupp "${options.ageBand}"` });
  if (problems.length > 0 || !band) return { request: null, problems };
  return { request: { members, band, year, today: today.toISOString().slice(0, 10) }, problems };
}

const VIA: Record<SourceFormat, PopulationSource["via"]> = {
  csv: "csv",
  xlsx: "xlsx",
  "json-stat2": "json-stat2",
  pasted: "pasted",
};

/** From a file the user chose, or text pasted into the pane. */
export async function importFromSource(
  input: { bytes: Uint8Array } | { text: string },
  request: ImportRequest,
  file: string | null,
  xlsx?: XlsxGridReader,
): Promise<ImportOutcome> {
  const read = await readPopulationSource(input, xlsx);
  if (read.problem) return { ok: false, problems: [read.problem] };
  return outcome(read.records, read.title, request, VIA[read.format], file);
}

/** From SCB's API. */
export async function importFromScb(
  request: ImportRequest,
  options: FetchOptions = {},
): Promise<ImportOutcome> {
  const answer = await fetchFromScb(
    { codes: request.members.map((m) => m.code), band: request.band, year: request.year },
    options,
  );
  if (!answer.ok) return { ok: false, problems: [answer.problem] };
  options.onStage?.("reading");
  const read = await readPopulationSource({ text: answer.body });
  if (read.problem)
    return { ok: false, problems: [{ kind: "unexpected", detail: problemDetail(read.problem) }] };
  return outcome(read.records, read.title, request, answer.via, null);
}

function problemDetail(problem: KeyProblem): string {
  return "detail" in problem ? problem.detail : problem.kind;
}

function outcome(
  records: Parameters<typeof sumBand>[0],
  title: string | null,
  request: ImportRequest,
  via: PopulationSource["via"],
  file: string | null,
): ImportOutcome {
  const key = sumBand(records, request.members, request.band, request.year);
  if (key.problems.length > 0) return { ok: false, problems: key.problems };
  return {
    ok: true,
    populations: key.populations,
    source: {
      table: SCB_API.table,
      matrix: SCB_API.matrix,
      title,
      ageBand: bandText(request.band),
      referenceDate: `${request.year}-12-31`,
      retrieved: request.today,
      via,
      file,
    },
  };
}
