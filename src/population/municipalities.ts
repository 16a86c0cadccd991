import { MUNICIPALITY_ALIASES, MUNICIPALITY_DATA, REGION_DATA } from "./municipalityData";

/**
 * Members chosen by name and kept by code: every way a user writes a municipality ("Umeå", "Umeå kommun",
 * "UMEÅ", "Umea", "Vindelns kommun", "Göteborgs stad", "2480 Umeå", "2480") resolves to one kommunkod, and
 * the region follows from the first two digits.
 */
export interface Municipality {
  code: string;
  name: string;
  countyCode: string;
}

export interface Region {
  code: string;
  county: string;
  name: string;
}

export const REGIONS: readonly Region[] = REGION_DATA.map(([code, county, name]) => ({ code, county, name }));
const regionByCode = new Map(REGIONS.map((r) => [r.code, r]));

/**
 * The municipalities and the index of their names are built on first use, not when the module loads: the
 * pane's first screen needs neither (the name index lower-cases and decomposes 290 names and their aliases).
 */
let built: { municipalities: readonly Municipality[]; byCode: Map<string, Municipality> } | null = null;
function tables() {
  if (built) return built;
  const municipalities = MUNICIPALITY_DATA.split(/[|\n]/)
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => ({ code: entry.slice(0, 4), name: entry.slice(5), countyCode: entry.slice(0, 2) }));
  built = { municipalities, byCode: new Map(municipalities.map((m) => [m.code, m])) };
  return built;
}

/** Every municipality, by code (built on first use). */
export const municipalities = (): readonly Municipality[] => tables().municipalities;

/** Lower case, one space, hyphens as spaces; with `plain`, also without å/ä/ö/é. */
export function normaliseName(text: string, plain = false): string {
  const t = text
    .toLocaleLowerCase("sv-SE")
    .replace(/[\u2010-\u2015-]/g, " ")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
  return plain ? t.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : t;
}

const SUFFIX = /\s+(kommun|stad|kommune|municipality)$/;
let names: { exact: Map<string, string>; plain: Map<string, string> } | null = null;
function nameIndex() {
  if (names) return names;
  const exact = new Map<string, string>();
  const plain = new Map<string, string>();
  for (const m of municipalities()) {
    exact.set(normaliseName(m.name), m.code);
    plain.set(normaliseName(m.name, true), m.code);
  }
  for (const [alias, code] of Object.entries(MUNICIPALITY_ALIASES)) {
    exact.set(normaliseName(alias), code);
    plain.set(normaliseName(alias, true), code);
  }
  return (names = { exact, plain });
}

/** The municipality a user's text names, or null. */
export function resolveMunicipality(text: string): Municipality | null {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > 100) return null;
  const coded = /^(\d{4})(?:\s+(.*))?$/.exec(trimmed);
  if (coded) {
    const code = MUNICIPALITY_ALIASES[coded[1]] ?? coded[1];
    return tables().byCode.get(code) ?? null;
  }
  const { exact, plain } = nameIndex();
  const byCode = tables().byCode;
  const name = normaliseName(trimmed);
  const stripped = name.replace(SUFFIX, "");
  // "Vindelns kommun", "Göteborgs stad": the genitive s goes only when the name itself has none.
  const candidates = [name, stripped, stripped.replace(/s$/, "")];
  for (const c of candidates) {
    const code = exact.get(c);
    if (code) return byCode.get(code) ?? null;
  }
  for (const c of candidates) {
    const code = plain.get(normaliseName(c, true));
    if (code) return byCode.get(code) ?? null;
  }
  return null;
}

export function municipalityByCode(code: string): Municipality | null {
  return tables().byCode.get(code) ?? null;
}

export function regionByCountyCode(code: string): Region | null {
  return regionByCode.get(code) ?? null;
}

/** The region a member's code belongs to. */
export function regionOf(code: string): Region | null {
  return regionByCode.get(code.slice(0, 2)) ?? null;
}

/** The region of every member: one region when they share it, else null (the user chooses). */
export function commonRegion(codes: readonly string[]): Region | null {
  const found = new Set(codes.map((c) => c.slice(0, 2)));
  return found.size === 1 ? regionOf(codes[0]) : null;
}

/** The region a user's text names ("Region Västerbotten", "Västerbottens län", "Västerbotten", "24"). */
export function resolveRegion(text: string): Region | null {
  const t = normaliseName(text, true);
  if (!t) return null;
  return (
    REGIONS.find(
      (r) =>
        r.code === t ||
        normaliseName(r.name, true) === t ||
        normaliseName(r.county, true) === t ||
        normaliseName(r.county, true).replace(/s? lan$/, "") === t.replace(/^region /, ""),
    ) ?? null
  );
}

/** Municipalities whose name starts with, then contains, the query (accents optional); at most `limit`. */
export function searchMunicipalities(query: string, limit = 10): Municipality[] {
  const q = normaliseName(query, true).replace(SUFFIX, "");
  if (!q) return municipalities().slice(0, limit);
  const starts: Municipality[] = [];
  const contains: Municipality[] = [];
  for (const m of municipalities()) {
    const n = normaliseName(m.name, true);
    if (n.startsWith(q) || m.code.startsWith(q)) starts.push(m);
    else if (n.includes(q)) contains.push(m);
  }
  const sv = (a: Municipality, b: Municipality) => a.name.localeCompare(b.name, "sv-SE");
  return [...starts.sort(sv), ...contains.sort(sv)].slice(0, limit);
}
