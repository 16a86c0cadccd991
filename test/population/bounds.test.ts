import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importFromSource, importRequest } from "../../src/population/import";
import { boundedText, fetchFromScb } from "../../src/population/scb";
import { blankOptions } from "../../src/templates";
import { readXlsxInBrowser } from "../../src/workbook/xlsx/browserReader";

/**
 * Issue 20: the population import rejects figures no head count can be, reads what Excel writes as "Unicode
 * text" and JSON-stat 1.0, and reads SCB's answer as a stream cut at its limit.
 */
const DIR = join(__dirname, "..", "fixtures", "scb");
const text = (file: string) => readFileSync(join(DIR, file), "utf8");
const options = {
  ...blankOptions(new Date("2026-11-26")),
  municipalities: ["Umeå", "Vännäs", "Vindeln", "Robertsfors", "Nordmaling"].map((name) => ({
    name,
    population: null,
  })),
  ageBand: "20–64 år",
};
const request = importRequest(options, 2024, new Date("2026-11-26T10:00:00Z")).request!;
const semicolon = () => text("befolkning-semikolon.csv");
/** The semicolon CSV with Vindeln's first 2024 figure for 30 år replaced. */
const withFigure = (figure: string) => {
  let done = false;
  return semicolon()
    .split("\r\n")
    .map((l) => {
      if (done || !l.startsWith('"2404 Vindeln";"ogifta";"30 år"')) return l;
      done = true;
      return l.replace(/;(\d+)$/, `;${figure}`);
    })
    .join("\r\n");
};

describe("figures that cannot be head counts are refused with the cell named", () => {
  test.each([
    ["a negative head count", "-5", -5],
    ["12,5 persons", "12,5", 12.5],
    ["more persons than any municipality has", "2000000", 2_000_000],
  ])("%s", async (_n, figure, value) => {
    const result = await importFromSource({ text: withFigure(figure) }, request, "a.csv");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.objectContaining({ kind: "badFigure", member: "Vindeln", age: 30, value }),
    ]);
    expect((result.problems[0] as { where: string }).where).toMatch(/^rad \d+$/);
  });

  test("1E+308 and cells that would add up to Infinity in an xlsx are refused, never ok", async () => {
    const { zip, workbook, sheetXml } = await import("../../src/tools/hostileFiles");
    const rows: (string | number)[][] = [["region", "ålder", "2024"]];
    for (let a = 20; a <= 64; a++)
      rows.push(["2404 Vindeln", `${a} år`, a === 30 ? 1e308 : a === 31 ? 1e308 : 10]);
    const data = zip(workbook([{ name: "Blad1", xml: sheetXml(rows) }]));
    const vindeln = importRequest(
      { ...options, municipalities: [{ name: "Vindeln" }] },
      2024,
      new Date(),
    ).request!;
    const result = await importFromSource({ bytes: data }, vindeln, "a.xlsx", readXlsxInBrowser);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.kind)).toEqual(["badFigure", "badFigure"]);
  });
});

describe("text as Excel saves it", () => {
  const expected = async () => {
    const r = await importFromSource({ text: semicolon() }, request, "a.csv");
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return r.populations.map((p) => p.population);
  };
  const utf16 = (s: string, order: "le" | "be", bom: boolean) => {
    const le = Buffer.from((bom ? "\uFEFF" : "") + s, "utf16le");
    if (order === "le") return new Uint8Array(le);
    const be = Buffer.from(le);
    for (let i = 0; i + 1 < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
    return new Uint8Array(be);
  };
  test.each([
    ["UTF-16 LE with BOM (Excel's Unicode text)", "le", true],
    ["UTF-16 LE without BOM", "le", false],
    ["UTF-16 BE with BOM", "be", true],
    ["UTF-16 BE without BOM", "be", false],
  ] as const)("%s: the same figures", async (_n, order, bom) => {
    const tab = semicolon().replace(/;/g, "\t");
    const result = await importFromSource({ bytes: utf16(tab, order, bom) }, request, "a.txt");
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.populations.map((p) => p.population)).toEqual(await expected());
  });

  test("JSON-stat 1.0 (a bundle, sizes inside dimension) reads as 2.0 does", async () => {
    const v2 = JSON.parse(text("befolkning.json"));
    const v1 = {
      dataset: {
        label: v2.label,
        value: v2.value,
        dimension: { ...v2.dimension, id: v2.id, size: v2.size, role: v2.role },
      },
    };
    const read = async (json: unknown) => {
      const r = await importFromSource({ text: JSON.stringify(json) }, request, "a.json");
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      return r.populations.map((p) => p.population);
    };
    expect(await read(v1)).toEqual(await read(v2));
    expect(await read(v1.dataset)).toEqual(await read(v2));
  });
});

describe("SCB's answer is read as a stream and cut at the limit", () => {
  const endless = (chunk: Uint8Array) => {
    let sent = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        controller.enqueue(chunk);
      },
      cancel() {
        void sent;
      },
    });
  };

  test("boundedText stops one chunk past the limit, whatever the answer claims", async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const response = new Response(endless(chunk), { headers: { "content-length": "10" } });
    expect(await boundedText(response, 1024 * 1024)).toBeNull();
    expect(await boundedText(new Response("{}"), 10)).toBe("{}");
  });

  test("an endless answer without content-length is refused, not read whole", async () => {
    const chunk = new TextEncoder().encode('{"a":"' + "x".repeat(65_000));
    const fetchImpl = (async () => new Response(endless(chunk), { status: 200 })) as typeof fetch;
    const answer = await fetchFromScb(
      { codes: ["2480"], band: { from: 20, to: 64 }, year: 2024 },
      { fetchImpl },
    );
    expect(answer).toEqual({
      ok: false,
      problem: { kind: "unexpected", detail: expect.stringMatching(/byte/) },
    });
  });
});
