import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkWorkbook } from "../../src/checks";
import { importFromScb, importFromSource, importRequest } from "../../src/population/import";
import {
  commonRegion,
  municipalities,
  REGIONS,
  resolveMunicipality,
  resolveRegion,
  searchMunicipalities,
} from "../../src/population/municipalities";
import { blankOptions, TEMPLATES } from "../../src/templates";
import { withImportedPopulation } from "../../src/templates/options";
import type { TemplateOptions } from "../../src/templates/spec";
import { readXlsx } from "../../src/workbook/xlsx/xlsxReader";
import { render } from "../helpers/headless";

const DIR = join(__dirname, "..", "fixtures", "scb");
const bytes = (file: string) => new Uint8Array(readFileSync(join(DIR, file)));
const text = (file: string) => readFileSync(join(DIR, file), "utf8");
const xlsx = async (data: Uint8Array) =>
  (await readXlsx(Buffer.from(data))).map((s) => s.values as (string | number | null)[][]);

/** The five members as a user types them, the region chosen from the list, band 20–64, year 2024. */
const TYPED = ["Umeå kommun", "Vännäs", "Vindelns kommun", "robertsfors", "Nordmaling"];
const options: TemplateOptions = {
  ...blankOptions(new Date("2026-11-26")),
  associationName: "Samordningsförbundet Umeåregionen",
  firstYear: 2026,
  regionName: "Region Västerbotten",
  regionCode: "24",
  municipalities: TYPED.map((name) => ({ name, population: null })),
  ageBand: "20–64 år",
  stateAllotment: 5690,
};
const today = new Date("2026-11-26T10:00:00Z");
const request = importRequest(options, 2024, today).request!;

/**
 * Vindeln (2404) by hand from the API answer: Region is the first dimension, so its cells are one block of
 * 4 civilstånd × 45 ages (20…64) × 2 kön = 360 values, the second block of the value array. Added up once by
 * hand (and by the loop below, which shares no code with the product): 3 418.
 */
const VINDELN_20_64_2024 = 3418;
function handSum(regionIndex: number): number {
  const ds = JSON.parse(text("api-v2-data.json")) as { value: number[]; size: number[] };
  const block = ds.size.slice(1).reduce((a, b) => a * b, 1);
  let sum = 0;
  for (let k = regionIndex * block; k < (regionIndex + 1) * block; k++) sum += ds.value[k];
  return sum;
}

/** The members' independent sums in the order they were typed (the answer lists them by code). */
const inMemberOrder = () => [handSum(4), handSum(3), handSum(1), handSum(2), handSum(0)];

describe("municipalities and regions as data", () => {
  test("290 municipalities and 21 regions, codes unique, every municipality in a region", () => {
    expect(municipalities()).toHaveLength(290);
    expect(REGIONS).toHaveLength(21);
    expect(new Set(municipalities().map((m) => m.code)).size).toBe(290);
    expect(municipalities().every((m) => REGIONS.some((r) => r.code === m.countyCode))).toBe(true);
    expect(municipalities().every((m) => /^\d{4}$/.test(m.code))).toBe(true);
  });

  test.each([
    ["Umeå", "2480"],
    ["Umeå kommun", "2480"],
    ["UMEÅ KOMMUN", "2480"],
    ["Umea", "2480"],
    ["2480 Umeå", "2480"],
    ["2480", "2480"],
    ["Vindelns kommun", "2404"],
    ["Göteborgs stad", "1480"],
    ["Malmö stad", "1280"],
    ["Region Gotland", "0980"],
    ["Falu kommun", "2080"],
    ["Malung", "2023"],
    ["Upplands Bro", "0139"],
    ["Borås", "1490"],
    ["Borås Stad", "1490"],
    ["1917", "0331"],
  ])("%s → %s", (typed, code) => {
    expect(resolveMunicipality(typed)?.code).toBe(code);
  });

  test("what is not a municipality resolves to nothing", () => {
    for (const typed of ["", "Riket", "Västerbottens län", "Umeåå", "9999", "x".repeat(500)])
      expect(resolveMunicipality(typed)).toBeNull();
  });

  test("search by the start of a name, then anywhere in it, accents optional", () => {
    expect(searchMunicipalities("ume").map((m) => m.name)).toEqual(["Umeå"]);
    expect(searchMunicipalities("sk", 3).map((m) => m.name)).toEqual([
      "Skara",
      "Skellefteå",
      "Skinnskatteberg",
    ]);
    expect(searchMunicipalities("hamn").map((m) => m.name)).toContain("Karlshamn");
  });

  test("the region follows from the members' codes, and is found by any of its names", () => {
    expect(commonRegion(request.members.map((m) => m.code))?.name).toBe("Region Västerbotten");
    expect(commonRegion(["2480", "2584"])).toBeNull();
    for (const typed of ["Region Västerbotten", "Västerbottens län", "Västerbotten", "24"])
      expect(resolveRegion(typed)?.code).toBe("24");
    expect(resolveRegion("Västra Götaland")?.name).toBe("Västra Götalandsregionen");
  });
});

describe("the key from SCB's population table", () => {
  test("band 20–64, 2024: each member's population is the sum of its one-year age classes 20…64", async () => {
    expect(handSum(1)).toBe(VINDELN_20_64_2024);
    const result = await importFromSource({ text: text("api-v2-data.json") }, request, null);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const byCode = Object.fromEntries(result.populations.map((p) => [p.code, p]));
    expect(byCode["2404"].population).toBe(VINDELN_20_64_2024);
    // Every member, against the independent sum: the answer's regions are 2401, 2404, 2409, 2460, 2480.
    ["2401", "2404", "2409", "2460", "2480"].forEach((code, i) => {
      expect(byCode[code].population).toBe(handSum(i));
      expect(byCode[code].cells).toBe(360);
    });
    expect(result.populations.map((p) => p.name)).toEqual([
      "Umeå",
      "Vännäs",
      "Vindeln",
      "Robertsfors",
      "Nordmaling",
    ]);
  });

  const formats: [string, () => Promise<Awaited<ReturnType<typeof importFromSource>>>][] = [
    ["CSV, comma", () => importFromSource({ bytes: bytes("befolkning-komma.csv") }, request, "a.csv")],
    [
      "CSV, semicolon",
      () => importFromSource({ bytes: bytes("befolkning-semikolon.csv") }, request, "a.csv"),
    ],
    ["CSV, tab", () => importFromSource({ bytes: bytes("befolkning-tabb.csv") }, request, "a.csv")],
    ["xlsx", () => importFromSource({ bytes: bytes("befolkning.xlsx") }, request, "a.xlsx", xlsx)],
    ["JSON-stat 2", () => importFromSource({ bytes: bytes("befolkning.json") }, request, "a.json")],
    ["pasted from Excel (tab)", () => importFromSource({ text: text("befolkning-tabb.csv") }, request, null)],
  ];
  test.each(formats)(
    "%s: the same figures (all ages, both years and totalt ålder in the file)",
    async (_, run) => {
      const result = await run();
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      expect(result.populations.map((p) => p.population)).toEqual(inMemberOrder());
    },
  );

  test("ages laid out across, the year named only in the title: the same figures", async () => {
    // The download pivoted as Statistikdatabasen lets a user lay it out: one row per region × civilstånd × kön.
    const rows = new Map<string, Map<string, string>>();
    const ages: string[] = [];
    for (const line of text("befolkning-semikolon.csv").split("\r\n").slice(3)) {
      const [region, civil, age, sex, , y2024] = line.split(";");
      const key = [region, civil, sex].join(";");
      if (!rows.has(key)) rows.set(key, new Map());
      rows.get(key)!.set(age, y2024);
      if (!ages.includes(age)) ages.push(age);
    }
    const pivoted = [
      '"Folkmängden efter region, civilstånd, ålder och kön. År 2024"',
      "",
      ['"region"', '"civilstånd"', '"kön"', ...ages].join(";"),
      ...[...rows].map(([key, byAge]) => [key, ...ages.map((a) => byAge.get(a))].join(";")),
    ].join("\r\n");
    const result = await importFromSource({ text: pivoted }, request, "pivot.csv");
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.populations.map((p) => p.population)).toEqual(inMemberOrder());
  });

  test("the format is recorded", async () => {
    const via = async (run: () => ReturnType<typeof importFromSource>) => {
      const r = await run();
      return r.ok ? r.source.via : null;
    };
    expect(await via(formats[0][1])).toBe("csv");
    expect(await via(formats[3][1])).toBe("xlsx");
    expect(await via(formats[4][1])).toBe("json-stat2");
    expect(await via(formats[5][1])).toBe("pasted");
  });

  const lines = () => text("befolkning-semikolon.csv").split("\r\n");
  test.each([
    [
      "a member missing",
      () => lines().filter((l) => !l.includes("Vännäs")),
      [{ kind: "memberMissing", member: "Vännäs" }],
    ],
    [
      "the year missing",
      () => lines().map((l) => l.replace(/;("2024"|\d+)$/, "")),
      [{ kind: "yearMissing", year: 2024 }],
    ],
    [
      "a member's block twice",
      () => [...lines(), ...lines().filter((l) => l.startsWith('"2404 Vindeln";"ogifta";"30 år"'))],
      [
        { kind: "doubled", member: "Vindeln", age: 30 },
        { kind: "doubled", member: "Vindeln", age: 30 },
      ],
    ],
    [
      "one age of one marital status missing (both sexes)",
      () => lines().filter((l) => !l.startsWith('"2480 Umeå";"gifta";"41 år"')),
      [{ kind: "cellsMissing", member: "Umeå", ages: [41], example: "gifta, män" }],
    ],
    [
      "a figure shown as ..",
      () =>
        lines().map((l) =>
          l.startsWith('"2409 Robertsfors";"skilda";"50 år";"män"') ? l.replace(/\d+$/, "..") : l,
        ),
      [{ kind: "valueMissing", member: "Robertsfors", age: 50 }],
    ],
  ])("%s: a clear message and nothing to apply", async (_, edit, expected) => {
    const result = await importFromSource({ text: edit().join("\r\n") }, request, null);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(expected.map((e) => expect.objectContaining(e)));
  });

  test("an age class missing altogether: the message names the age", async () => {
    const whole = lines().filter((l) => !l.startsWith('"2480 Umeå"') || !l.includes('"41 år"'));
    const gone = await importFromSource({ text: whole.join("\r\n") }, request, null);
    expect(gone.ok).toBe(false);
    if (!gone.ok) expect(gone.problems).toEqual([{ kind: "agesMissing", member: "Umeå", ages: [41] }]);
  });

  test("a member typed that is not a municipality is named before anything is read", () => {
    const { request: none, problems } = importRequest(
      { ...options, municipalities: [...options.municipalities, { name: "Umeåregionen", population: null }] },
      2024,
      today,
    );
    expect(none).toBeNull();
    expect(problems).toEqual([{ kind: "unknownMember", member: "Umeåregionen" }]);
  });

  test("files that are not the table, or too large, are refused with a reason", async () => {
    const refused = async (input: { text: string } | { bytes: Uint8Array }) => {
      const r = await importFromSource(input, request, null);
      return r.ok ? null : r.problems[0].kind;
    };
    expect(await refused({ text: "Kommun;Belopp\nUmeå;12" })).toBe("notPopulation");
    expect(await refused({ text: '{"class":"dataset"' })).toBe("unreadable");
    expect(
      await refused({
        text: '{"version":"2.0","class":"dataset","id":["A"],"size":[1e9],"dimension":{"A":{"category":{"index":["x"]}}},"value":{}}',
      }),
    ).toBe("notPopulation");
    expect(await refused({ bytes: new Uint8Array(31 * 1024 * 1024) })).toBe("tooLarge");
    expect(await refused({ bytes: bytes("befolkning.xlsx") })).toBe("unreadable"); // no xlsx reader given
  });
});

describe("one import serves both sheets", () => {
  test("the Avgiftsfördelning sheet: populations, codes and provenance; the split adds up to the krona", async () => {
    const result = await importFromSource({ text: text("api-v2-data.json") }, request, null);
    if (!result.ok) throw new Error("import failed");
    const imported = withImportedPopulation(options, result.populations, { ...result.source, via: "api-v2" });
    expect(imported.referenceDate).toBe("2024-12-31");
    const t = render(TEMPLATES.avgifter(imported));
    const sheet = t.sheetName("fees");
    t.wb.setValue(sheet, `B${t.rowOf("fees", "Avrundning: antal decimaler (0 = hela tkr)")}`, 3);
    expect(t.errors()).toEqual([]);
    const value = (label: string) => t.rowValues("fees", label, 2, 2)[0];
    expect(value("Källa")).toBe("SCB, Statistikdatabasen");
    expect(value("Tabell")).toMatch(/^TAB638 \(BE0101N1 Folkmängd\): Folkmängden efter region/);
    expect(value("Summerad för åldersgrupp")).toBe("20–64 år");
    expect(value("Hämtad")).toBe("2026-11-26, SCB:s API (PxWebApi 2)");
    expect(t.rowValues("fees", "Vindelns kommun", 2, 4)).toEqual([
      VINDELN_20_64_2024,
      "2404",
      VINDELN_20_64_2024,
    ]);
    // The amounts in kronor (3 decimals of tkr): the municipalities add up exactly to the region's quarter.
    const amounts = TYPED.map((name) => t.rowValues("fees", name, 5, 5, 2)[0] as number);
    const kronor = amounts.map((a) => Math.round(a * 1000));
    expect(kronor.reduce((a, b) => a + b, 0)).toBe(2_845_000); // the region's half of the state's 5 690 tkr
    // Each within a krona of its exact share of the population.
    const total = result.populations.reduce((a, p) => a + p.population, 0);
    result.populations.forEach((p, i) =>
      expect(Math.abs(kronor[i] - (2_845_000 * p.population) / total)).toBeLessThan(1),
    );
    expect(checkWorkbook(t.wb.sheetNames().map((n) => t.wb.sheetData(n))).findings).toEqual([]);
  });

  test("the Budget's Andel arb-bef. column reads the same populations", async () => {
    const result = await importFromSource({ text: text("api-v2-data.json") }, request, null);
    if (!result.ok) throw new Error("import failed");
    const imported = withImportedPopulation(options, result.populations, result.source);
    const t = render(TEMPLATES.budget(imported));
    const total = result.populations.reduce((a, p) => a + p.population, 0);
    expect(t.rowValues("budget", "Vindelns kommun", 2, 2)[0]).toBeCloseTo(VINDELN_20_64_2024 / total, 12);
  });
});

describe("the provenance check", () => {
  async function sheetWith(edit: (t: ReturnType<typeof render>, sheet: string) => void) {
    const result = await importFromSource({ text: text("api-v2-data.json") }, request, null);
    if (!result.ok) throw new Error("import failed");
    const t = render(
      TEMPLATES.avgifter(
        withImportedPopulation({ ...options, firstYear: 2026 }, result.populations, result.source),
      ),
    );
    const sheet = t.sheetName("fees");
    edit(t, sheet);
    return checkWorkbook(t.wb.sheetNames().map((n) => t.wb.sheetData(n))).findings.map((f) => [
      f.code,
      f.cell,
      f.params,
    ]);
  }

  test("clean as imported", async () => {
    expect(await sheetWith(() => undefined)).toEqual([]);
  });

  test("a reference year older than the budget year − 2", async () => {
    const findings = await sheetWith((t, sheet) =>
      t.wb.setValue(sheet, `B${t.rowOf("fees", "Budgetår")}`, 2027),
    );
    expect(findings).toEqual([
      ["populationOld", expect.stringMatching(/^B\d+$/), { year: 2024, budgetYear: 2027 }],
    ]);
  });

  test("the band on the sheet changed after the import", async () => {
    const findings = await sheetWith((t, sheet) =>
      t.wb.setValue(sheet, `B${t.rowOf("fees", "Åldersgrupp för befolkningen")}`, "16–64 år"),
    );
    expect(findings).toEqual([
      ["populationBandDiffers", expect.any(String), { band: "16–64 år", summed: "20–64 år" }],
    ]);
  });

  test("a population typed over the imported value", async () => {
    let cell = "";
    const findings = await sheetWith((t, sheet) => {
      cell = `B${t.rowOf("fees", "Umeå kommun")}`;
      t.wb.setValue(sheet, cell, 57000);
    });
    expect(findings).toEqual([
      ["populationTypedOver", cell, { member: "Umeå kommun", printed: 57000, imported: 57362 }],
    ]);
  });
});

describe("SCB's API, answered by recorded fixtures", () => {
  const answer = text("api-v2-data.json");
  const respond = (status: number, body: string) =>
    Promise.resolve(new Response(body, { status, headers: { "content-type": "application/json" } }));

  test("version 2: one GET for exactly the members × band × year, JSON-stat 2", async () => {
    const calls: string[] = [];
    const result = await importFromScb(request, {
      fetchImpl: (url) => {
        calls.push(String(url));
        return respond(200, answer);
      },
    });
    expect(result.ok && result.source.via).toBe("api-v2");
    expect(calls).toHaveLength(1);
    const url = new URL(calls[0]);
    expect(url.origin + url.pathname).toBe("https://statistikdatabasen.scb.se/api/v2/tables/TAB638/data");
    expect(url.searchParams.get("outputFormat")).toBe("json-stat2");
    expect(url.searchParams.get("valueCodes[Region]")).toBe("2480,2460,2404,2409,2401");
    expect(url.searchParams.get("valueCodes[Alder]")?.split(",")).toEqual(
      Array.from({ length: 45 }, (_, i) => String(20 + i)),
    );
    expect(url.searchParams.get("valueCodes[Tid]")).toBe("2024");
    expect(url.searchParams.get("valueCodes[ContentsCode]")).toBe("BE0101N1");
    if (result.ok)
      expect(result.populations.find((p) => p.code === "2404")?.population).toBe(VINDELN_20_64_2024);
  });

  test("version 2 not found → version 1's POST query", async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    const stages: string[] = [];
    const result = await importFromScb(request, {
      fetchImpl: (url, init) => {
        calls.push({ url: String(url), init });
        return calls.length === 1
          ? respond(404, '{"title":"Not found","status":404}')
          : respond(200, `\uFEFF${answer}`);
      },
      onStage: (s) => stages.push(s),
    });
    expect(result.ok && result.source.via).toBe("api-v1");
    expect(stages).toEqual(["v2", "v1", "reading"]);
    expect(calls[1].url).toBe(
      "https://api.scb.se/OV0104/v1/doris/sv/ssd/START/BE/BE0101/BE0101A/BefolkningNy",
    );
    expect(calls[1].init?.method).toBe("POST");
    const query = JSON.parse(String(calls[1].init?.body));
    expect(query.response).toEqual({ format: "json-stat2" });
    expect(query.query.find((q: { code: string }) => q.code === "Region").selection.values).toEqual([
      "2480",
      "2460",
      "2404",
      "2409",
      "2401",
    ]);
  });

  test.each([
    ["offline", () => Promise.reject(new TypeError("Failed to fetch")), "offline"],
    [
      "a refused question",
      () => respond(400, '{"title":"Missing selection for mandantory variable","status":400}'),
      "http",
    ],
    [
      "an HTML error page from both",
      () => respond(503, "<html><body>Service Unavailable</body></html>"),
      "http",
    ],
    ["something that is not JSON", () => respond(200, "Region;Ålder"), "unexpected"],
    ["JSON that is not the table", () => respond(200, '{"hello":"world"}'), "unexpected"],
  ])("%s: a message in words, nothing changed", async (_, fetchImpl, kind) => {
    const result = await importFromScb(request, { fetchImpl: fetchImpl as typeof fetch });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0].kind).toBe(kind);
  });

  test("a timeout: one deadline for both versions", async () => {
    const hang: typeof fetch = (_, init) =>
      new Promise((_, reject) => init?.signal?.addEventListener("abort", () => reject(new Error("aborted"))));
    const started = Date.now();
    const result = await importFromScb(request, { fetchImpl: hang, timeoutMs: 200 });
    expect(result.ok ? null : result.problems[0]).toEqual({ kind: "timeout", seconds: 0 });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
