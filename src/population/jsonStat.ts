import JSONstat from "jsonstat-toolkit";
import { parseAge, type PopulationRecord } from "./records";

/**
 * A JSON-stat dataset (2.0, or 1.0 as older PxWeb saves it: a bundle, its sizes inside "dimension"), as PxWeb answers (API v2 `outputFormat=json-stat2`, API v1 `"format":
 * "json-stat2"`) and as Statistikdatabasen saves it. Dimensions are found by their role (geo, time, metric)
 * or, failing that, by id or label (Region, Alder/ålder, Tid/år, ContentsCode); the rest are parts to add.
 * Read with the JSON-stat toolkit.
 */
export interface JsonStatRead {
  records: PopulationRecord[];
  title: string | null;
  updated: string | null;
  problem: string | null;
}

/** A whole year of BE0101N1 for every region is about 300 000 cells. */
export const MAX_CELLS = 2_000_000;

interface Dim {
  id: string;
  label: string;
  role: string | null;
  categories: { id: string; label: string }[];
}

export function readJsonStat(json: unknown): JsonStatRead {
  const none = (problem: string): JsonStatRead => ({ records: [], title: null, updated: null, problem });
  // Bounded before the toolkit sees it: it would build arrays as large as the sizes claim.
  const refused = preflight(json);
  if (refused) return none(refused);
  let ds;
  try {
    // A bare JSON-stat 1.0 dataset (its ids and sizes in "dimension", no class) is read as a bundle of one.
    const o = json as { class?: unknown; dimension?: { id?: unknown } };
    const bare = o.class === undefined && Array.isArray(o.dimension?.id);
    const parsed = JSONstat((bare ? { dataset: json } : json) as object);
    ds = parsed.class === "collection" || parsed.class === "bundle" ? parsed.Dataset(0) : parsed;
  } catch {
    return none("filen är inte JSON-stat");
  }
  if (!ds || ds.class !== "dataset" || !Array.isArray(ds.id))
    return none("filen är inte ett JSON-stat-dataset");
  const roles = ds.role ?? {};
  const roleOf = (id: string) =>
    (["geo", "time", "metric"] as const).find((r) => (roles[r] ?? []).includes(id)) ?? null;
  const dims: Dim[] = ds.id.map((id: string) => {
    const d = ds.Dimension(id);
    return {
      id,
      label: String(d?.label ?? id),
      role: roleOf(id),
      categories: (d?.id ?? []).map((c: string) => ({ id: c, label: String(d?.Category(c)?.label ?? c) })),
    };
  });
  const find = (role: string, pattern: RegExp) =>
    dims.findIndex((d) => d.role === role) >= 0
      ? dims.findIndex((d) => d.role === role)
      : dims.findIndex((d) => pattern.test(d.id) || pattern.test(d.label));
  const region = find("geo", /^(region|kommun|municipality)$/i);
  const time = find("time", /^(tid|år|year|time)$/i);
  const age = dims.findIndex((d) => /^(alder|ålder|age)$/i.test(d.id) || /^(ålder|age)$/i.test(d.label));
  const metric = find("metric", /^(contentscode|tabellinnehåll|contents)$/i);
  if (region < 0 || time < 0 || age < 0) return none("datasetet saknar region, ålder eller år");
  // Only the population itself: BE0101N1 (Folkmängd), not Folkökning beside it.
  const keep =
    metric < 0 || dims[metric].categories.length === 1
      ? null
      : new Set(
          dims[metric].categories
            .filter((c) => /BE0101N1|folkmängd|^population$/i.test(`${c.id} ${c.label}`))
            .map((c) => c.id),
        );
  if (keep && keep.size !== 1) return none("datasetet har flera innehåll och inget av dem är Folkmängd");

  const sizes: number[] = ds.size;
  const values: (number | null)[] = ds.value as (number | null)[];
  const total = sizes.reduce((a, b) => a * b, 1);
  if (!(total <= MAX_CELLS)) return none(`datasetet anger ${total} celler (högst ${MAX_CELLS} läses)`);
  const records: PopulationRecord[] = [];
  const index = sizes.map(() => 0);
  for (let k = 0; k < total; k++) {
    const cat = (d: number) => dims[d].categories[index[d]];
    if (!keep || keep.has(cat(metric).id)) {
      const ageCat = cat(age);
      const parsed = parseAge(ageCat.id === "tot" ? "totalt" : ageCat.id);
      records.push({
        region: regionText(cat(region)),
        age: parsed.kind === "unknown" ? parseAge(ageCat.label) : parsed,
        year: Number(/\d{4}/.exec(cat(time).id)?.[0] ?? Number.NaN),
        parts: dims.flatMap((d, i) =>
          i === region || i === time || i === age || i === metric ? [] : [cat(i).label],
        ),
        value: typeof values[k] === "number" && Number.isFinite(values[k]) ? values[k] : null,
        where: `värde ${k + 1}`,
      });
    }
    for (let d = sizes.length - 1; d >= 0; d--) {
      if (++index[d] < sizes[d]) break;
      index[d] = 0;
    }
  }
  return {
    records,
    title: typeof ds.label === "string" ? ds.label : null,
    updated: typeof ds.updated === "string" ? ds.updated : null,
    problem: records.length === 0 ? "datasetet har inga värden" : null,
  };
}

/** Why a JSON value is not read as JSON-stat (sizes that multiply past the limit, a size that is no count), or null. */
function preflight(json: unknown, depth = 0): string | null {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return "filen är inte JSON-stat";
  const o = json as Record<string, unknown>;
  if (
    o.class === "bundle" ||
    (o.class === undefined && depth === 0 && !("size" in o) && !("dimension" in o))
  ) {
    // JSON-stat 1 bundle: datasets by name.
    const first = Object.values(o).find((v) => typeof v === "object" && v !== null);
    return depth > 2 || !first ? "filen är inte JSON-stat" : preflight(first, depth + 1);
  }
  if (o.class === "collection") {
    const items = (o.link as { item?: unknown[] } | undefined)?.item;
    const first = Array.isArray(items)
      ? items.find((i) => (i as { class?: unknown })?.class === "dataset")
      : null;
    return depth > 2 || !first ? "samlingen har inget dataset" : preflight(first, depth + 1);
  }
  // JSON-stat 1.0 keeps the sizes (and ids) inside "dimension"; 2.0 beside it.
  const size = o.size ?? (o.dimension as { size?: unknown } | undefined)?.size;
  if (!Array.isArray(size) || size.length === 0 || size.length > 20) return "datasetet anger inga storlekar";
  let cells = 1;
  for (const n of size) {
    if (typeof n !== "number" || !Number.isInteger(n) || n < 0)
      return "datasetet anger en storlek som inte är ett antal";
    cells *= n;
  }
  if (cells > MAX_CELLS) return `datasetet anger ${cells} celler (högst ${MAX_CELLS} läses)`;
  if (Array.isArray(o.value) && o.value.length > MAX_CELLS) return "datasetet har för många värden";
  return null;
}

/** "2480" with its label "Umeå" → "2480 Umeå": the code decides, the name is for messages. */
function regionText(c: { id: string; label: string }): string {
  return /^\d{4}$/.test(c.id) ? `${c.id} ${c.label}` : c.label;
}
