import { readFileSync } from "node:fs";
import { join } from "node:path";
import { messages } from "../../src/i18n";
import { EXAMPLE_OPTIONS, TEMPLATES } from "../../src/templates";
import { BROWSER_LIMITS, readXlsxInBrowser } from "../../src/workbook/xlsx/browserReader";
import { nodeInflate } from "../../src/workbook/xlsx/nodeInflate";
import { webInflate } from "../../src/workbook/xlsx/webInflate";
import { readWorkbook, ReadRefusal } from "../../src/workbook/xlsx/workbookReader";
import { templatesToXlsx } from "../../src/workbook/xlsx/xlsxWriter";

/**
 * The pane's xlsx path, run in Node (which has the browser's Blob and DecompressionStream): the one bounded
 * reader with the browser's inflater — the same refusals, for the same reasons, as the command line's.
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

const reason = async (data: Uint8Array, inflate = webInflate, limits = BROWSER_LIMITS) => {
  try {
    await readWorkbook(data, inflate, { limits });
    return null;
  } catch (error) {
    return error instanceof ReadRefusal ? error.refusal : error;
  }
};

test("SCB's xlsx download reads as rows", async () => {
  const sheets = await readXlsxInBrowser(file);
  expect(sheets[0][2]).toEqual(["region", "civilstånd", "ålder", "kön", "2023", "2024"]);
});

test("a directory that lies about a part's size is caught while inflating, in the user's words", async () => {
  const lying = file.slice();
  const view = new DataView(lying.buffer);
  for (const at of directorySizes(lying)) if (view.getUint32(at, true) > 1000) view.setUint32(at, 10, true);
  const refusal = await reason(lying);
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
    ["too much text", example, { chars: 100 }],
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
    const browser = await reason(data, webInflate, all);
    expect([what, browser]).toEqual([what, await reason(data, nodeInflate, all)]);
    expect([what, browser]).not.toEqual([what, null]);
  }
  expect(await reason(example)).toBeNull();
});
