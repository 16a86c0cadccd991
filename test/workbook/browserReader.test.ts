import { readFileSync } from "node:fs";
import { join } from "node:path";
import { messages } from "../../src/i18n";
import { EXAMPLE_OPTIONS, TEMPLATES } from "../../src/templates";
import { BROWSER_LIMITS, inspectInBrowser, readXlsxInBrowser } from "../../src/workbook/xlsx/browserReader";
import { inspectXlsx } from "../../src/workbook/xlsx/inspect";
import { templatesToXlsx } from "../../src/workbook/xlsx/xlsxWriter";

/**
 * The pane's xlsx path, run in Node (which has the browser's Blob and DecompressionStream): the same look
 * before parsing as the command line's (zip.ts), unpacking with streams, then ExcelJS.
 */
const file = new Uint8Array(readFileSync(join(__dirname, "..", "fixtures", "scb", "befolkning.xlsx")));

/** The offsets of the central directory entries' "uncompressed size" fields. */
function directorySizes(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const offsets: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i++)
    if (view.getUint32(i, true) === 0x02014b50) offsets.push(i + 24);
  return offsets;
}

test("SCB's xlsx download passes the checks and reads as rows", async () => {
  expect(await inspectInBrowser(file)).toBeNull();
  const sheets = await readXlsxInBrowser(file);
  expect(sheets[0][2]).toEqual(["region", "civilstånd", "ålder", "kön", "2023", "2024"]);
});

test("a directory that lies about a part's size is caught while inflating, before ExcelJS, in the user's words", async () => {
  const lying = file.slice();
  const view = new DataView(lying.buffer);
  for (const at of directorySizes(lying)) if (view.getUint32(at, true) > 1000) view.setUint32(at, 10, true);
  const refusal = await inspectInBrowser(lying);
  expect(refusal).toEqual(expect.objectContaining({ reason: "partLies", declared: 10 }));
  await expect(readXlsxInBrowser(lying)).rejects.toThrow(messages("sv").refused.partLies(refusal as never));
});

test("the browser and the command line refuse the same files for the same reasons", async () => {
  const example = new Uint8Array((await templatesToXlsx([TEMPLATES.budget(EXAMPLE_OPTIONS)])).buffer);
  const huge = file.slice();
  new DataView(huge.buffer).setUint32(directorySizes(huge)[0], 200 * 1024 * 1024, true);
  const cases: [string, Uint8Array, Partial<typeof BROWSER_LIMITS>][] = [
    ["too large on disk", new Uint8Array(11 * 1024 * 1024), { fileBytes: 10 * 1024 * 1024 }],
    ["a part declaring too much", huge, {}],
    ["too many cells", example, { cells: 100 }],
    ["too many sheets", example, { sheets: 1 }],
    ["CSV", new TextEncoder().encode("region;ålder\n2480 Umeå;20 år\n"), {}],
    ["truncated", example.subarray(0, example.length - 30), {}],
    [
      "encrypted",
      new Uint8Array([
        0xd0,
        0xcf,
        0x11,
        0xe0,
        0xa1,
        0xb1,
        0x1a,
        0xe1,
        ...[..."EncryptedPackage"].flatMap((c) => [c.charCodeAt(0), 0]),
      ]),
      {},
    ],
  ];
  for (const [what, data, limits] of cases) {
    const all = { ...BROWSER_LIMITS, ...limits };
    const browser = await inspectInBrowser(data, all);
    expect([what, browser?.reason]).toEqual([what, inspectXlsx(data, all)?.reason]);
    expect([what, browser]).not.toEqual([what, null]);
  }
  expect(await inspectInBrowser(example)).toBeNull();
});
