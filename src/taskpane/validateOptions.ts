import { commonRegion, resolveMunicipality, resolveRegion } from "../population/municipalities";
import type { PopulationSource, TemplateOptions } from "../templates/spec";

/**
 * Checks the options as they are typed: every problem keyed by the field it belongs to, so the form can
 * show it inline; no problems means Insert may be pressed. Messages are i18n keys.
 */
export type OptionsField =
  | "associationName"
  | "firstYear"
  | "regionName"
  | "ageBand"
  | "referenceDate"
  | "stateAllotment"
  | "municipalities"
  | `municipality.${number}.name`
  | `municipality.${number}.population`;

export type OptionsProblem =
  | "required"
  | "yearOutOfRange"
  | "notANumber"
  | "negative"
  | "dateInvalid"
  | "atLeastOneMunicipality"
  | "duplicateName"
  | "allZero"
  | "ambiguousThousands"
  | "unknownMunicipality"
  | "regionMismatch";

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** A member as the form holds it: name and population as typed; the code and imported value as chosen. */
export interface MemberForm {
  /** Stable while the member is in the list (React's key), whatever is typed or moved. */
  key: number;
  name: string;
  population: string;
  code: string | null;
  imported: number | null;
}

let nextKey = 1;
export const memberKey = (m: MemberForm) => m.key;
export const newMember = (): MemberForm => ({
  key: nextKey++,
  name: "",
  population: "",
  code: null,
  imported: null,
});

/** The form holds text as typed; this is what it parses into TemplateOptions. */
export interface OptionsForm {
  associationName: string;
  firstYear: string;
  regionName: string;
  regionCode: string | null;
  municipalities: MemberForm[];
  ageBand: string;
  referenceDate: string;
  stateAllotment: string;
  content: "blank" | "example";
  populationSource: PopulationSource | null;
}

/** "1 234,5" or "1234.5" → 1234.5; "" → null; anything else → NaN. */
export function parseSwedishNumber(text: string): number | null {
  const t = text.replace(/[\s\u00a0]/g, "").replace(",", ".");
  if (t === "") return null;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

export type ParsedAmount =
  | { kind: "empty" }
  | { kind: "number"; value: number }
  | { kind: "invalid" }
  /** "5.690" in a tkr field: 5 690 with a dot between thousands, or 5,69 with a decimal point. */
  | { kind: "ambiguous"; readings: [number, number] };

/**
 * An amount as typed in a field of `unit`, never silently 1 000 × off: spaces between thousands and a decimal
 * comma as Swedish Excel writes them; dots between groups of three ("1.234.567", "5.690,5") read as thousands;
 * but one dot before three digits ("5.690") may be either, and so may, in a whole-krona field, one comma
 * before three digits ("5,690"): both readings are given back, for the field to ask which was meant.
 */
export function parseAmount(text: string, unit: "tkr" | "kr"): ParsedAmount {
  const t = text.replace(/[\s\u00a0\u202f]/g, "").replace(/\u2212/g, "-");
  if (t === "") return { kind: "empty" };
  const single = /^(-?\d{1,3})([.,])(\d{3})$/.exec(t);
  if (single && (single[2] === "." || unit === "kr")) {
    const thousands = Number(`${single[1]}${single[3]}`);
    return { kind: "ambiguous", readings: [thousands, Number(`${single[1]}.${single[3]}`)] };
  }
  const grouped = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t);
  const plain = grouped ? t.replace(/\./g, "").replace(",", ".") : t.replace(",", ".");
  return /^-?\d+(\.\d+)?$/.test(plain) ? { kind: "number", value: Number(plain) } : { kind: "invalid" };
}

export function validateOptions(form: OptionsForm): Partial<Record<OptionsField, OptionsProblem>> {
  const problems: Partial<Record<OptionsField, OptionsProblem>> = {};
  if (!form.associationName.trim()) problems.associationName = "required";
  const year = parseSwedishNumber(form.firstYear);
  if (year === null) problems.firstYear = "required";
  else if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR)
    problems.firstYear = "yearOutOfRange";
  if (!form.regionName.trim()) problems.regionName = "required";
  if (!form.ageBand.trim()) problems.ageBand = "required";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.referenceDate) || Number.isNaN(Date.parse(form.referenceDate)))
    problems.referenceDate = "dateInvalid";
  const allotment = parseAmount(form.stateAllotment, "tkr");
  if (allotment.kind === "ambiguous") problems.stateAllotment = "ambiguousThousands";
  else if (allotment.kind === "invalid") problems.stateAllotment = "notANumber";
  else if (allotment.kind === "number" && allotment.value < 0) problems.stateAllotment = "negative";
  if (form.municipalities.length === 0) problems.municipalities = "atLeastOneMunicipality";
  const seen = new Set<string>();
  form.municipalities.forEach((m, i) => {
    const name = m.name.trim().toLocaleLowerCase("sv-SE");
    if (!name) problems[`municipality.${i}.name`] = "required";
    else if (seen.has(name)) problems[`municipality.${i}.name`] = "duplicateName";
    // A name that is no municipality has no code: the fee sheet could not bill it, so it blocks the insert.
    else if (!m.code && !resolveMunicipality(m.name))
      problems[`municipality.${i}.name`] = "unknownMunicipality";
    seen.add(name);
    const p = parseSwedishNumber(m.population);
    if (p !== null && Number.isNaN(p)) problems[`municipality.${i}.population`] = "notANumber";
    else if (p !== null && p < 0) problems[`municipality.${i}.population`] = "negative";
  });
  // The region must be the one the members' county codes name (when they all lie in one county).
  const codes = form.municipalities.flatMap((m) => {
    const code = m.code ?? resolveMunicipality(m.name)?.code;
    return code ? [code] : [];
  });
  const county = codes.length > 0 ? commonRegion(codes) : null;
  const region = form.regionCode ?? resolveRegion(form.regionName)?.code ?? null;
  if (!problems.regionName && county && region && county.code !== region)
    problems.regionName = "regionMismatch";
  const pops = form.municipalities.map((m) => parseSwedishNumber(m.population));
  if (pops.length > 0 && pops.every((p) => p === 0)) problems.municipalities = "allZero";
  return problems;
}

export function toTemplateOptions(form: OptionsForm): TemplateOptions {
  return {
    associationName: form.associationName.trim(),
    firstYear: parseSwedishNumber(form.firstYear) ?? new Date().getFullYear() + 1,
    regionName: form.regionName.trim(),
    regionCode: form.regionCode,
    municipalities: form.municipalities.map((m) => ({
      name: m.name.trim(),
      population: parseSwedishNumber(m.population),
      code: m.code ?? resolveMunicipality(m.name)?.code ?? null,
      ...(m.imported === null ? {} : { imported: m.imported }),
    })),
    ageBand: form.ageBand,
    referenceDate: form.referenceDate,
    stateAllotment: amountOrNull(form.stateAllotment),
    content: form.content,
    populationSource: form.populationSource,
  };
}

const amountOrNull = (text: string) => {
  const parsed = parseAmount(text, "tkr");
  return parsed.kind === "number" ? parsed.value : null;
};

export function toForm(options: TemplateOptions): OptionsForm {
  const text = (n: number | null) => (n === null ? "" : String(n).replace(".", ","));
  const municipalities = options.municipalities.map((m) => ({
    key: nextKey++,
    name: m.name,
    population: text(m.population),
    code: m.code ?? resolveMunicipality(m.name)?.code ?? null,
    imported: m.imported ?? null,
  }));
  // No region chosen yet: it follows from the members' codes when they share one.
  const follows = options.regionName.trim()
    ? null
    : commonRegion(municipalities.flatMap((m) => (m.code ? [m.code] : [])));
  return {
    associationName: options.associationName,
    firstYear: String(options.firstYear),
    regionName: follows?.name ?? options.regionName,
    regionCode: follows?.code ?? options.regionCode ?? null,
    municipalities,
    ageBand: options.ageBand,
    referenceDate: options.referenceDate,
    stateAllotment: text(options.stateAllotment),
    content: options.content,
    populationSource: options.populationSource ?? null,
  };
}
