import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { applyOverlay, type FunctionsMetadata, type LocaleOverlay } from "../../src/tools/metadataOverlay";
import { FUNCTION_IDS, type FunctionId } from "../../src/functions/catalog";
import { parameterNames, SPILL_SIZE } from "../../src/functions/registry";

const root = join(__dirname, "..", "..");
const overlay = JSON.parse(
  readFileSync(join(root, "src/functions/locales/sv-SE.json"), "utf8"),
) as LocaleOverlay;

describe("function metadata", () => {
  let metadata: FunctionsMetadata;
  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata([join(root, "src/functions/functions.ts")], false);
    expect(result.errors).toEqual([]);
    metadata = JSON.parse(result.metadataJson) as FunctionsMetadata;
  }, 30_000);

  test("the JSDoc yields exactly the catalogue's functions, with help and an example for each", () => {
    expect(metadata.functions.map((f) => f.id)).toEqual([...FUNCTION_IDS]);
    for (const fn of metadata.functions) {
      expect(fn.description).toMatch(/Example: =FINSAM\./);
      for (const p of fn.parameters) expect(p.description?.length).toBeGreaterThan(10);
    }
  });

  test("the Swedish overlay covers every function and parameter; IMPACTINDEX keeps its name", () => {
    const { metadata: sv, problems } = applyOverlay(metadata, overlay);
    expect(problems).toEqual([]);
    const byId = Object.fromEntries(sv.functions.map((f) => [f.id, f]));
    expect(byId.IMPACTINDEX.name).toBe("IMPACTINDEX");
    expect(byId.FEESPLIT.name).toBe("AVGIFTSFÖRDELNING");
    expect(byId.FEESPLIT.parameters.map((p) => p.name)).toEqual(["befolkning", "belopp", "decimaler"]);
    // Examples in the syntax of Swedish Excel: ";" between arguments (English help uses ",").
    for (const fn of sv.functions)
      expect(fn.description).toMatch(/Exempel: =FINSAM\.[^\s(]+\([^;)]+;[^)]*\)/);
    for (const fn of metadata.functions)
      expect(fn.description).toMatch(/Example: =FINSAM\.[^\s(]+\([^;)]+,[^;)]*\)/);
  });

  test("Excel's metadata and the registry describe the same parameters, in the same order, and spilled results", () => {
    for (const fn of metadata.functions) {
      const id = fn.id as FunctionId;
      expect([id, fn.parameters.map((p) => p.name)]).toEqual([id, parameterNames(id)]);
      // A function whose result spills returns a matrix; the registry knows its size.
      const spills = (fn as { result?: { dimensionality?: string } }).result?.dimensionality === "matrix";
      expect([id, spills]).toEqual([id, id in SPILL_SIZE]);
    }
  });

  test("a missing or stale translation is reported, so the build fails", () => {
    const broken: LocaleOverlay = JSON.parse(JSON.stringify(overlay));
    delete broken.functions.TOPSHARE;
    delete broken.functions.GOALMET.parameters.tolerance;
    broken.functions.CHECKSUM.parameters.extra = { name: "extra", description: "x" };
    broken.functions.FINANCING.name = "1FIN";
    const { problems } = applyOverlay(metadata, broken);
    expect(problems).toEqual([
      '"1FIN" is not a valid function name'.replace(/^/, "FINANCING: "),
      "TOPSHARE: no translation",
      "GOALMET.tolerance: no translation",
      "CHECKSUM.extra: translated but not a parameter",
    ]);
  });
});
