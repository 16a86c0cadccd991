import fc from "fast-check";
import { deflateRawSync } from "node:zlib";
import { EXAMPLE_OPTIONS, TEMPLATES } from "../../src/templates";
import { esc, HEAD, part, sheetXml, workbook, zip, type Part } from "../../src/tools/hostileFiles";
import { computeUncached } from "../../src/workbook/headless/computeUncached";
import { blockBudget } from "../../src/workbook/xlsx/blocks";
import { parseOoxmlNumber } from "../../src/workbook/xlsx/ooxmlNumber";
import { shiftFormula } from "../../src/workbook/xlsx/sharedFormula";
import { ReadRefusal } from "../../src/workbook/xlsx/workbookReader";
import { readXlsxWorkbook } from "../../src/workbook/xlsx/xlsxReader";
import { templatesToXlsx } from "../../src/workbook/xlsx/xlsxWriter";
import { LIMITS } from "../../src/workbook/xlsx/zip";

/**
 * Issue 20: the one reader, bounded by construction. The full hostile corpus (1.2 GB bombs, a million rows …)
 * runs in `npm run hostile`; here the same rules on small files with small limits, and a property test over
 * random packages.
 */
const sheet = (body: string, after = "") => `${HEAD}<sheetData>${body}</sheetData>${after}</worksheet>`;
const one = (xml: string, extra: Part[] = [], name = "Blad1") => zip(workbook([{ name, xml }], extra));
const refusal = async (data: Uint8Array, limits = LIMITS) => {
  try {
    await readXlsxWorkbook(data, { limits });
    return null;
  } catch (error) {
    if (error instanceof ReadRefusal) return error.refusal;
    throw error;
  }
};

describe("numbers by the OOXML grammar (xsd:double)", () => {
  test.each([
    ["12", 12],
    ["-1.5E+3", -1500],
    [" 7 ", 7],
    [".5", 0.5],
    ["1E+308", 1e308],
    ["12abc", null],
    ["0x10", null],
    ["1,5", null],
    ["1 000", null],
    ["NaN", null],
    ["INF", null],
    ["-INF", null],
    ["1E+400", null],
    ["", null],
  ])("%s → %s", (text, value) => expect(parseOoxmlNumber(text)).toBe(value));

  test("a cell whose stored number is junk is kept as its text and named in a note, never read as 12", async () => {
    const read = await readXlsxWorkbook(
      one(
        sheet('<row r="1"><c r="A1"><v>12abc</v></c><c r="B1"><v>0x10</v></c><c r="C1"><v>3</v></c></row>'),
      ),
    );
    expect(read.sheets[0].values).toEqual([["12abc", "0x10", 3]]);
    expect(read.notes).toEqual([{ kind: "badNumbers", sheet: "Blad1", cells: ["A1", "B1"], count: 2 }]);
  });
});

describe("cells as Excel shows them", () => {
  test("shared and inline strings, booleans, errors, formulas with their cached results, dates", async () => {
    const sst = part(
      "xl/sharedStrings.xml",
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Intäkter</t></si><si><r><t>Kost</t></r><r><t>nader</t></r><rPh><t>x</t></rPh></si></sst>',
    );
    const parts = workbook([
      {
        name: "Blad1",
        xml: sheet(
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t xml:space="preserve"> rad </t></is></c></row>' +
            '<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="e"><v>#REF!</v></c><c r="C2"><f>SUM(A3:B3)</f><v>0</v></c><c r="D2" t="d"><v>2024-12-31</v></c></row>' +
            '<row r="3"><c r="A3"><f t="shared" si="0" ref="A3:C3">A1&amp;$B$1</f><v>1</v></c><c r="B3"><f t="shared" si="0"/><v>2</v></c><c r="C3"><f>_xldudf_FINSAM_FEESPLIT(1)</f></c></row>',
        ),
      },
    ]);
    const rels = parts.find((p) => p.name === "xl/_rels/workbook.xml.rels")!;
    const relsXml =
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>';
    const data = zip([...parts.filter((p) => p !== rels), part(rels.name, relsXml), sst]);
    const { sheets, notes } = await readXlsxWorkbook(data);
    expect(sheets).toHaveLength(1);
    const [s] = sheets;
    expect(s.values).toEqual([
      ["Intäkter", "Kostnader", " rad ", ""],
      [true, "#REF!", 0, 45657],
      [1, 2, "", ""],
    ]);
    expect(s.formulas?.[1][2]).toBe("=SUM(A3:B3)");
    expect(s.formulas?.[2][0]).toBe("=A1&$B$1");
    expect(s.formulas?.[2][1]).toBe("=B1&$B$1"); // the shared formula moved one column
    expect(s.formulas?.[2][2]).toBe("=FINSAM.FEESPLIT(1)"); // as users spell it
    expect([...(s.uncomputed ?? [])]).toEqual(["2,2"]);
    expect(notes).toEqual([{ kind: "notComputed", sheet: "Blad1", cells: ["C3"], count: 1 }]);
  });

  test("a shared formula's references move with the cell; absolute ones and strings stay; off the sheet is #REF!", () => {
    expect(shiftFormula('SUM(B2:B9)+$C$1+"A1"+Blad2!D4', 1, 2)).toBe('SUM(D3:D10)+$C$1+"A1"+Blad2!F5');
    expect(shiftFormula("A1+LOG10(A2)", -1, 0)).toBe("#REF!+LOG10(A1)");
  });

  test("formulas without cached values are computed by the headless engine; a correct statement then reads right", async () => {
    const data = one(
      sheet(
        '<row r="1"><c r="B1" t="inlineStr"><is><t>Utfall</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Intäkter</t></is></c><c r="B2"><v>100</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>Kostnader</t></is></c><c r="B3"><v>40</v></c></row><row r="4"><c r="A4" t="inlineStr"><is><t>Summa</t></is></c><c r="B4"><f>SUM(B2:B3)</f></c><c r="C4"><f>1/0</f></c><c r="D4"><f>NOSUCHFUNCTION(1)</f></c></row>',
      ),
    );
    const { sheets, notes } = await readXlsxWorkbook(data, { compute: computeUncached });
    expect(sheets[0].values[3]).toEqual(["Summa", 140, "#DIV/0!", ""]);
    // A function the engine does not know is not guessed: it stays uncomputed, and is named.
    expect(notes).toEqual([{ kind: "notComputed", sheet: "Blad1", cells: ["D4"], count: 1 }]);
  });
});

describe("sparse sheets: far cells never make a dense grid", () => {
  const statement =
    '<row r="1"><c r="B1" t="inlineStr"><is><t>Utfall</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Intäkter</t></is></c><c r="B2"><v>100</v></c></row>';
  test.each([
    [
      "A100000 and XFD100000",
      '<row r="100000"><c r="A100000"><v>1</v></c><c r="XFD100000"><v>2</v></c></row>',
      3,
    ],
    ["XFD1048576", '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', 2],
  ])("a statement and %s: the statement's block from A1, each far cell its own", async (_n, far, blocks) => {
    const { sheets } = await readXlsxWorkbook(one(sheet(statement + far)));
    expect(sheets).toHaveLength(blocks);
    expect(sheets[0]).toEqual({
      name: "Blad1",
      values: [
        ["", "Utfall"],
        ["Intäkter", 100],
      ],
    });
    const slots = sheets.reduce((n, s) => n + s.values.length * s.values[0].length, 0);
    expect(slots).toBeLessThanOrEqual(blockBudget(2 + blocks));
    expect(sheets[sheets.length - 1].origin?.column).toBe(16_384);
  });

  test("merges, validations and conditional formats over the whole sheet are never read", async () => {
    const after =
      '<mergeCells count="1"><mergeCell ref="F1:XFD1048576"/></mergeCells><dataValidations count="1"><dataValidation sqref="A1:XFD1048576"/></dataValidations>';
    const { sheets } = await readXlsxWorkbook(one(sheet(statement, after)));
    expect(sheets).toEqual([
      {
        name: "Blad1",
        values: [
          ["", "Utfall"],
          ["Intäkter", 100],
        ],
      },
    ]);
  });
});

describe("bounds and refusals", () => {
  let example: Buffer;
  beforeAll(async () => {
    example = (await templatesToXlsx([TEMPLATES.budget(EXAMPLE_OPTIONS)])).buffer;
  });

  test("the add-in's own export reads", async () => {
    expect(await refusal(example)).toBeNull();
  });

  test.each([
    [
      "legacy .xls",
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]),
      "legacyXls",
    ],
    [
      "encrypted",
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.from("EncryptedPackage", "utf16le"),
      ]),
      "encrypted",
    ],
    ["CSV", Buffer.from("a;b;c\n1;2;3\n"), "csv"],
    ["binary noise", Buffer.from([1, 2, 3, 4, 5, 0, 0, 7]), "notZip"],
    ["empty", Buffer.alloc(0), "notZip"],
    [".xlsb", zip([part("xl/workbook.bin", "x")]), "xlsb"],
    [
      ".ods",
      zip([part("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), part("content.xml", "<x/>")]),
      "ods",
    ],
    [".numbers", zip([part("Index/Document.iwa", "x")]), "numbers"],
    [
      "no package relationships",
      zip(workbook([{ name: "A", xml: sheet("") }]).filter((p) => p.name !== "_rels/.rels")),
      "partMissing",
    ],
    [
      "a workbook that is not XML",
      zip(
        workbook([{ name: "A", xml: sheet("") }]).map((p) =>
          p.name === "xl/workbook.xml" ? part(p.name, "<workbook><sheets>") : p,
        ),
      ),
      "badXml",
    ],
  ])("%s", async (_name, data, reason) => {
    expect((await refusal(data))?.reason).toBe(reason);
  });

  test("a truncated file, parts too large, too many sheets, too much text, a directory that lies", async () => {
    expect((await refusal(example.subarray(0, example.length - 30)))?.reason).toBe("damaged");
    expect((await refusal(example, { ...LIMITS, partBytes: 1000 }))?.reason).toBe("partTooLarge");
    expect((await refusal(example, { ...LIMITS, totalBytes: 10_000 }))?.reason).toBe("tooLargeUnpacked");
    expect((await refusal(example, { ...LIMITS, sheets: 1 }))?.reason).toBe("tooManySheets");
    expect((await refusal(example, { ...LIMITS, chars: 100 }))?.reason).toBe("tooMuchText");
    expect((await refusal(example, { ...LIMITS, fileBytes: 100 }))?.reason).toBe("tooBigFile");
    const lying = Buffer.from(example);
    const name = Buffer.from("xl/worksheets/sheet1.xml");
    for (let p = lying.length - 22; p > 0; p--)
      if (lying.readUInt32LE(p) === 0x02014b50 && lying.subarray(p + 46, p + 46 + name.length).equals(name)) {
        lying.writeUInt32LE(10, p + 24);
        break;
      }
    expect(await refusal(lying)).toEqual({
      reason: "partLies",
      part: "xl/worksheets/sheet1.xml",
      declared: 10,
    });
  });

  test("a sheet past the cell limit is left out with a note, whatever its dimension says; the others are read", async () => {
    const rows = Array.from(
      { length: 200 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
    ).join("");
    const data = zip(
      workbook([
        { name: "Stor", xml: `${HEAD}<dimension ref="A1"/><sheetData>${rows}</sheetData></worksheet>` },
        { name: "Liten", xml: sheetXml([["x", 1]]) },
      ]),
    );
    const read = await readXlsxWorkbook(data, { limits: { ...LIMITS, cells: 100 } });
    expect(read.sheets.map((s) => s.name)).toEqual(["Liten"]);
    expect(read.notes).toEqual([{ kind: "sheetTooLarge", sheet: "Stor", limit: 100 }]);
  });

  test("parts are found by the relationships' exact names: a sheet part named otherwise is not read", async () => {
    for (const name of [
      "/xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet1.xml.x",
      "XL/worksheets/sheet1.xml",
    ]) {
      const parts = workbook([{ name: "Blad1", xml: sheetXml([["x", 1]]) }]).map((p) =>
        p.name === "xl/worksheets/sheet1.xml" ? { ...p, name } : p,
      );
      const read = await readXlsxWorkbook(zip(parts));
      expect(read.sheets).toEqual([]);
      expect(read.notes).toEqual([
        { kind: "sheetUnreadable", sheet: "Blad1", why: "partMissing", where: "xl/worksheets/sheet1.xml" },
      ]);
    }
  });

  test("a sheet of bad XML or a cell outside Excel's grid is left out with a note", async () => {
    for (const [body, why] of [
      ['<row r="1"><c r="A1" t="inlineStr"><is><t>&nope;</t></is></c></row>', "badXml"],
      ['<row r="999999999"><c><v>1</v></c></row>', "badPosition"],
      ['<row r="1"><c r="AAAA1"><v>1</v></c></row>', "badPosition"],
    ]) {
      const read = await readXlsxWorkbook(one(sheet(body)));
      expect(read.sheets).toEqual([]);
      expect(read.notes).toEqual([expect.objectContaining({ kind: "sheetUnreadable", why })]);
    }
  });

  test("media, VBA and drawings are never unpacked: a bomb there costs nothing", async () => {
    const bomb = {
      ...part("xl/media/image1.png", ""),
      data: deflateRawSync(Buffer.alloc(5_000_000)),
      size: 1024,
    };
    const read = await readXlsxWorkbook(one(sheetXml([["x", 1]]), [bomb]));
    expect(read.sheets[0].values).toEqual([["x", 1]]);
  });
});

describe("property: random packages are read or refused, within bounds, never a throw of another kind", () => {
  const ref = (r: number, c: number) => {
    let s = "";
    for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return `${s}${r}`;
  };
  const cellArb = fc.record({
    row: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 1_048_576 })),
    column: fc.oneof(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 16_384 })),
    v: fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc.string({ maxLength: 8 }),
      fc.constantFrom("NaN", "INF", "12abc"),
    ),
    t: fc.constantFrom(undefined, "s", "b", "e", "str", "inlineStr", "n"),
  });
  const packageArb = fc.record({
    cells: fc.array(cellArb, { maxLength: 60 }),
    lie: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    sheetName: fc.constantFrom(
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/Sheet1.xml",
      "/xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet1.xml.x",
    ),
    cut: fc.option(fc.integer({ min: 1, max: 2000 }), { nil: undefined }),
  });

  test("read or refused with a catalogue reason; blocks stay within their budget", async () => {
    await fc.assert(
      fc.asyncProperty(packageArb, async (p) => {
        const body = p.cells
          .map(
            (c) =>
              `<row r="${c.row}"><c r="${ref(c.row, c.column)}"${c.t ? ` t="${c.t}"` : ""}>${c.t === "inlineStr" ? `<is><t>${esc(c.v)}</t></is>` : `<v>${esc(c.v)}</v>`}</c></row>`,
          )
          .join("");
        const parts = workbook([{ name: "Blad1", xml: sheet(body) }]).map((x) =>
          x.name === "xl/worksheets/sheet1.xml"
            ? { ...x, name: p.sheetName, declared: p.lie !== undefined ? p.lie : undefined }
            : x,
        );
        let data: Uint8Array = zip(parts);
        if (p.cut !== undefined) data = data.subarray(0, Math.max(0, data.length - p.cut));
        try {
          const read = await readXlsxWorkbook(data);
          let slots = 0;
          let cells = 0;
          for (const s of read.sheets) {
            slots += s.values.length * (s.values[0]?.length ?? 0);
            for (const row of s.values) for (const v of row) if (v !== "") cells++;
          }
          expect(slots).toBeLessThanOrEqual(
            Math.max(16 * Math.max(1, p.cells.length), 4 * p.cells.length) + 16,
          );
          expect(cells).toBeLessThanOrEqual(p.cells.length);
        } catch (error) {
          expect(error).toBeInstanceOf(ReadRefusal);
        }
      }),
      { numRuns: 300 },
    );
  });
});
