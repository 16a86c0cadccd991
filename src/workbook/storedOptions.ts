import type { Member, PopulationSource, TemplateOptions } from "../templates/spec";

/**
 * The options the pane remembers in a workbook's document settings. A workbook can come from anyone (an
 * older or newer add-in, a hand-edited file), so what is read back is checked against this schema: a
 * version, and every field's type and range. Anything else is ignored with a note; it never reaches a form.
 */
export const SETTINGS_VERSION = 1;

export interface StoredSettings {
  version: number;
  options: TemplateOptions;
}

export type StoredProblem = "unknownVersion" | "invalid";

export function toStored(options: TemplateOptions): StoredSettings {
  return { version: SETTINGS_VERSION, options };
}

const MAX_TEXT = 200;
const MAX_MEMBERS = 300;
const text = (v: unknown, max = MAX_TEXT): v is string => typeof v === "string" && v.length <= max;
const amount = (v: unknown): v is number | null =>
  v === null || (typeof v === "number" && Number.isFinite(v) && v >= 0);

const optionalCode = (v: unknown, digits: number): v is string | null | undefined =>
  v === undefined || v === null || (typeof v === "string" && new RegExp(`^\\d{${digits}}$`).test(v));
const VIA: readonly PopulationSource["via"][] = ["api-v2", "api-v1", "csv", "xlsx", "json-stat2", "pasted"];
const isoDate = (v: unknown): v is string => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** A stored population source, or null when there is none or it is not one. */
function populationSource(v: unknown): PopulationSource | null | "invalid" {
  if (v === undefined || v === null) return null;
  if (typeof v !== "object" || Array.isArray(v)) return "invalid";
  const o = v as Record<string, unknown>;
  const ok =
    text(o.table, 40) &&
    text(o.matrix, 40) &&
    (o.title === null || text(o.title)) &&
    text(o.ageBand, 40) &&
    isoDate(o.referenceDate) &&
    isoDate(o.retrieved) &&
    VIA.includes(o.via as PopulationSource["via"]) &&
    (o.file === null || text(o.file));
  if (!ok) return "invalid";
  return {
    table: o.table as string,
    matrix: o.matrix as string,
    title: o.title as string | null,
    ageBand: o.ageBand as string,
    referenceDate: o.referenceDate as string,
    retrieved: o.retrieved as string,
    via: o.via as PopulationSource["via"],
    file: o.file as string | null,
  };
}

/** Reads stored settings: the options, or null with the reason they were not used. Nothing stored: no note. */
export function readStored(raw: unknown): { options: TemplateOptions | null; problem: StoredProblem | null } {
  if (raw === null || raw === undefined) return { options: null, problem: null };
  if (typeof raw !== "object" || Array.isArray(raw)) return { options: null, problem: "invalid" };
  const record = raw as Record<string, unknown>;
  // Before versions, the options themselves were stored: read them as version 0.
  const version = "version" in record ? record.version : 0;
  if (version !== 0 && version !== SETTINGS_VERSION) return { options: null, problem: "unknownVersion" };
  const o = (version === 0 ? record : record.options) as Record<string, unknown> | undefined;
  if (!o || typeof o !== "object") return { options: null, problem: "invalid" };
  const members = o.municipalities;
  const valid =
    text(o.associationName) &&
    typeof o.firstYear === "number" &&
    Number.isInteger(o.firstYear) &&
    o.firstYear >= 2000 &&
    o.firstYear <= 2100 &&
    text(o.regionName) &&
    Array.isArray(members) &&
    members.length <= MAX_MEMBERS &&
    members.every(
      (m) =>
        typeof m === "object" &&
        m !== null &&
        text((m as Record<string, unknown>).name, 100) &&
        amount((m as Record<string, unknown>).population) &&
        optionalCode((m as Record<string, unknown>).code, 4) &&
        ((m as Record<string, unknown>).imported === undefined ||
          amount((m as Record<string, unknown>).imported)),
    ) &&
    optionalCode(o.regionCode, 2) &&
    text(o.ageBand, 40) &&
    typeof o.referenceDate === "string" &&
    /^\d{4}-\d{2}-\d{2}$/.test(o.referenceDate) &&
    amount(o.stateAllotment) &&
    (o.content === "blank" || o.content === "example");
  const source = populationSource(o.populationSource);
  if (!valid || source === "invalid") return { options: null, problem: "invalid" };
  // Only the known fields are kept.
  return {
    options: {
      associationName: o.associationName as string,
      firstYear: o.firstYear as number,
      regionName: o.regionName as string,
      regionCode: (o.regionCode as string | null | undefined) ?? null,
      municipalities: (members as Member[]).map((m) => ({
        name: m.name,
        population: m.population,
        code: m.code ?? null,
        ...(m.imported === undefined || m.imported === null ? {} : { imported: m.imported }),
      })),
      ageBand: o.ageBand as string,
      referenceDate: o.referenceDate as string,
      stateAllotment: o.stateAllotment as number | null,
      content: o.content as "blank" | "example",
      populationSource: source,
    },
    problem: null,
  };
}
