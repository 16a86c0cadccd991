import { deflateRawSync } from "node:zlib";
import { EXAMPLE_OPTIONS, TEMPLATES } from "../../src/templates";
import { inspectXlsx, LIMITS } from "../../src/workbook/xlsx/inspect";
import { templatesToXlsx } from "../../src/workbook/xlsx/xlsxWriter";

/**
 * Issue 9: files are bounded before they are parsed. The full hostile corpus (a 1.2 GB zip bomb, a million
 * rows …) is built and run by `npm run hostile`; these are the same rules on small files, with small limits.
 */
describe("a file is looked at before it is parsed", () => {
  let example: Buffer;
  beforeAll(async () => {
    example = (await templatesToXlsx([TEMPLATES.budget(EXAMPLE_OPTIONS)])).buffer;
  });

  test("the add-in's own export passes", () => {
    expect(inspectXlsx(example)).toBeNull();
  });

  test.each([
    [
      "legacy .xls",
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]),
      "legacyXls",
    ],
    [
      "encrypted .xlsx",
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.from("EncryptedPackage", "utf16le"),
      ]),
      "encrypted",
    ],
    ["CSV", Buffer.from("a;b;c\n1;2;3\n"), "csv"],
    ["binary noise", Buffer.from([1, 2, 3, 4, 5, 0, 0, 7]), "notZip"],
    ["empty", Buffer.alloc(0), "notZip"],
  ])("%s", (_name, data, reason) => {
    expect(inspectXlsx(data)?.reason).toBe(reason);
  });

  test("a truncated file, a part too large, too many sheets or cells, a directory that lies", () => {
    expect(inspectXlsx(example.subarray(0, example.length - 30))?.reason).toBe("damaged");
    expect(inspectXlsx(example, { ...LIMITS, partBytes: 1000 })?.reason).toBe("partTooLarge");
    expect(inspectXlsx(example, { ...LIMITS, totalBytes: 10_000 })?.reason).toBe("tooLargeUnpacked");
    expect(inspectXlsx(example, { ...LIMITS, sheets: 1 })?.reason).toBe("tooManySheets");
    expect(inspectXlsx(example, { ...LIMITS, cells: 100 })?.reason).toBe("tooManyCells");
    expect(inspectXlsx(example, { ...LIMITS, fileBytes: 100 })?.reason).toBe("tooBigFile");
    // Rewrite the budget sheet's declared size in the central directory to 10 bytes: its data says more.
    const lying = Buffer.from(example);
    const name = Buffer.from("xl/worksheets/sheet1.xml");
    for (let p = lying.length - 22; p > 0; p--) {
      if (lying.readUInt32LE(p) === 0x02014b50 && lying.subarray(p + 46, p + 46 + name.length).equals(name)) {
        lying.writeUInt32LE(10, p + 24);
        break;
      }
    }
    expect(inspectXlsx(lying)).toEqual({
      reason: "partLies",
      part: "xl/worksheets/sheet1.xml",
      declared: 10,
    });
    expect(deflateRawSync(Buffer.alloc(10)).length).toBeGreaterThan(0);
  });

  test("random bytes after a zip signature: a reason, never a throw", () => {
    for (let seed = 1; seed < 300; seed++) {
      const b = Buffer.from(Array.from({ length: 64 + seed }, (_, i) => (i * seed * 2654435761) % 256));
      b.writeUInt32LE(0x04034b50, 0);
      if (seed % 3 === 0) b.writeUInt32LE(0x06054b50, b.length - 22);
      expect(() => inspectXlsx(b)).not.toThrow();
    }
  });
});
