import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { encodeCp437, decodeCp437 } from "../../src/sie/cp437";
import { parseSie, SIE_LIMITS, splitFields, toOre, fromOre, type SieFile } from "../../src/sie/parse";
import { periodOutcome } from "../../src/sie/outcome";
import { DIR, expected } from "./corpusData";
import { DEFAULT_ACCOUNT_MAP, mapOutcome, roundToTotal, rowOfAccount } from "../../src/sie/accountMap";

/**
 * The SIE corpus (test/fixtures/sie, written by generate.py from its own tables): each file's outcome as the
 * generator summed it, independently of the reader.
 */
const read = (name: string) => parseSie(new Uint8Array(readFileSync(join(DIR, name))));
const ok = (name: string): SieFile => {
  const r = read(name);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.problem)}`);
  return r.file;
};
const asObject = (m: Map<string, number>) => Object.fromEntries([...m].sort());
const sorted = (o: Record<string, number>) =>
  Object.fromEntries(
    Object.entries(o)
      .filter(([, v]) => v !== 0)
      .sort(),
  );

describe.each(["forbund-2023.se", "vouchers-2024.se", "multiyear.se"])("%s", (name) => {
  const e = expected[name];
  const file = ok(name);
  test("company, org number, financial year and encoding", () => {
    expect(file.companyName).toBe(e.companyName);
    expect(file.orgNumber).toBe(e.orgNumber);
    expect(file.years.get(0)).toEqual({ start: e.year[0], end: e.year[1] });
    expect(file.encoding).toBe(e.encoding);
  });
  test("the whole year", () => {
    const r = periodOutcome(file);
    if (!r.ok) throw new Error(JSON.stringify(r.problem));
    expect(r.outcome.basis).toBe(e.wholeYear.basis);
    expect(asObject(r.outcome.accounts)).toEqual(sorted(e.wholeYear.accounts));
  });
  test("up to April (four months)", () => {
    const r = periodOutcome(file, { months: 4 });
    if (!r.ok) throw new Error(JSON.stringify(r.problem));
    expect(r.outcome.basis).toBe(e.toApril.basis);
    expect(r.outcome.months).toBe(4);
    expect(asObject(r.outcome.accounts)).toEqual(sorted(e.toApril.accounts));
  });
  test("the previous years, where the file has them", () => {
    for (const [key, yearNumber, months] of [
      ["previousYear", -1, undefined],
      ["previousToApril", -1, 4],
      ["yearMinus2", -2, undefined],
    ] as const) {
      if (!e[key]) continue;
      const r = periodOutcome(file, { yearNumber, months });
      if (!r.ok) throw new Error(JSON.stringify(r.problem));
      expect(asObject(r.outcome.accounts)).toEqual(sorted(e[key].accounts));
    }
  });
});

test("CP437: å ä ö in names read right; cost centres' period balances are parts, not added", () => {
  const file = ok("forbund-2023.se");
  expect(file.accounts.get("3522")?.name).toBe("Medlemsavgift Vännäs kommun");
  expect(file.accounts.get("6990")?.name).toBe("Övriga kontorskostnader");
  expect(file.dimensions.get("1")).toBe("Kostnadsställe");
  expect(file.psaldo.filter((p) => p.object).length).toBe(
    file.psaldo.filter((p) => !p.object && p.year === 0).length,
  );
  expect(file.ignored.get("#IB")).toBe(2);
  expect(file.ignored.get("#GEN")).toBe(1);
});

test("vouchers: #RTRANS and #BTRANS are not counted twice; quoted texts with escaped quotes", () => {
  const file = ok("vouchers-2024.se");
  expect(file.vouchers).toBe(7);
  expect(file.unbalancedVouchers).toBe(0);
  expect(file.ignored.get("#RTRANS")).toBe(1);
  expect(file.ignored.get("#BTRANS")).toBe(1);
});

test.each(["broken.se", "unclosed.se", "hostile.se"])("%s is refused with the reason and line", (name) => {
  const r = read(name);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.problem).toEqual(expected[name].problem);
});

test("the förbund's own map: every row is the sum of its accounts, the rows add up to the result", () => {
  const e = expected["forbund-2023.se"];
  const file = ok("forbund-2023.se");
  const r = periodOutcome(file);
  if (!r.ok) throw new Error();
  const mapped = mapOutcome(r.outcome.accounts, file, e.map);
  expect(mapped.unmapped).toEqual([]);
  expect(
    Object.fromEntries(mapped.rows.filter((row) => row.ore !== 0).map((row) => [row.row, row.ore / 100])),
  ).toEqual(e.rowsKronor);
  expect(mapped.result).toBe(e.resultOre);
  expect(mapped.mapped).toBe(e.resultOre);
});

test("the default map places classes 5–7 and lists the rest, which still reconciles", () => {
  const file = ok("forbund-2023.se");
  const r = periodOutcome(file);
  if (!r.ok) throw new Error();
  const mapped = mapOutcome(r.outcome.accounts, file, DEFAULT_ACCOUNT_MAP);
  expect(mapped.unmapped.map((u) => u.account)).toEqual(
    [...r.outcome.accounts.keys()].filter((a) => !/^[567]/.test(a)).sort(),
  );
  expect(mapped.mapped + mapped.unmappedTotal).toBe(mapped.result);
  expect(mapped.unmapped.find((u) => u.account === "3522")).toEqual({
    account: "3522",
    name: "Medlemsavgift Vännäs kommun",
    ore: 14600000,
  });
});

test("ranges compare on a common length: 3000–3999 holds 3011 and 30110, not 4000", () => {
  const map = [{ from: "3000", to: "3999", row: "X" }];
  expect(rowOfAccount("3011", map)).toBe("X");
  expect(rowOfAccount("30110", map)).toBe("X");
  expect(rowOfAccount("4000", map)).toBeNull();
  expect(rowOfAccount("299", map)).toBeNull();
});

test("not SIE: a spreadsheet, a CSV, an empty file", () => {
  const zip = new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0]);
  expect(parseSie(zip)).toEqual({ ok: false, problem: { kind: "notSie" } });
  expect(parseSie(new TextEncoder().encode("Konto;Belopp\n3010;-100\n"))).toEqual({
    ok: false,
    problem: { kind: "notSie" },
  });
  expect(parseSie(new Uint8Array())).toEqual({ ok: false, problem: { kind: "notSie" } });
  expect(parseSie(new TextEncoder().encode("#KONTO 3010 x\n"))).toEqual({
    ok: false,
    problem: { kind: "notSie" },
  });
});

test("bounded: bytes before decoding, records while reading", () => {
  expect(parseSie({ length: SIE_LIMITS.bytes + 1 } as Uint8Array)).toEqual({
    ok: false,
    problem: { kind: "tooLarge", size: SIE_LIMITS.bytes + 1, limit: SIE_LIMITS.bytes },
  });
  const small = { ...SIE_LIMITS, records: 50, accounts: 3 };
  const many = "#FLAGGA 0\n" + "#PROSA x\n".repeat(50);
  expect(parseSie(new TextEncoder().encode(many), small)).toEqual({
    ok: false,
    problem: { kind: "tooManyRecords", limit: 50 },
  });
  const accounts = "#FLAGGA 0\n" + [1, 2, 3, 4].map((a) => `#KONTO 300${a} x`).join("\n");
  expect(parseSie(new TextEncoder().encode(accounts), small)).toEqual({
    ok: false,
    problem: { kind: "tooManyAccounts", limit: 3 },
  });
});

test("fields: quoted with escapes, bare, object lists, tabs", () => {
  expect(splitFields('0 "a \\"b\\" c"\t{1 "10" 6 P7} -5.5', 1)).toEqual([
    "0",
    'a "b" c',
    ["1", "10", "6", "P7"],
    "-5.5",
  ]);
  expect(splitFields("3010 {} 12", 1)).toEqual(["3010", [], "12"]);
  expect(toOre("-12.5")).toBe(-1250);
  expect(toOre("0.07")).toBe(7);
  expect(toOre("12,5")).toBeNull();
  expect(toOre("1.005")).toBeNull();
  expect(fromOre(-1250)).toBe("-12.50");
  expect(fromOre(500)).toBe("5");
});

test("CP437 round trip of the Swedish letters", () => {
  const text = "åäöÅÄÖé Vännäs Örnsköldsvik";
  const { bytes, unencodable } = encodeCp437(text);
  expect(unencodable).toBe(0);
  expect(bytes[0]).toBe(0x86);
  expect(decodeCp437(bytes)).toBe(text);
});

test("fuzz: any bytes give a file or a refusal, never a throw", () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
      const r = parseSie(bytes);
      expect(typeof r.ok).toBe("boolean");
    }),
    { numRuns: 500 },
  );
  const token = fc.oneof(
    fc.constantFrom(
      "#FLAGGA",
      "#RES",
      "#PSALDO",
      "#VER",
      "#TRANS",
      "#RAR",
      "#KONTO",
      "{",
      "}",
      "#PBUDGET",
      '"',
      "\\",
    ),
    fc.string({ maxLength: 12 }),
    fc.integer({ min: -99999, max: 99999 }).map(String),
  );
  const line = fc
    .array(token, { maxLength: 7 })
    .map((t) => t.join(fc.sample(fc.constantFrom(" ", "\t"), 1)[0]));
  fc.assert(
    fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
      const r = parseSie(new TextEncoder().encode(["#FLAGGA 0", ...lines].join("\r\n")));
      if (r.ok)
        for (const y of [0, -1]) expect(typeof periodOutcome(r.file, { yearNumber: y }).ok).toBe("boolean");
    }),
    { numRuns: 400 },
  );
});

test("property: rounding to a total keeps the total and each part within one unit", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: -1e11, max: 1e11 }), { minLength: 1, maxLength: 30 }),
      (values) => {
        const unit = 100_000;
        const rounded = roundToTotal(values, unit);
        const total = values.reduce((a, v) => a + v, 0);
        expect(rounded.reduce((a, v) => a + v, 0)).toBe(Math.round(total / unit) + 0);
        rounded.forEach((r, i) => expect(Math.abs(r - values[i] / unit)).toBeLessThan(1));
      },
    ),
  );
});
