import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsxInBrowser, zipRefusal } from "../../src/population/xlsxBrowser";

/**
 * The pane's xlsx path, run in Node (which has the browser's Blob and DecompressionStream): the zip's
 * directory is checked and every part inflated as a counted stream before ExcelJS reads anything.
 */
const file = new Uint8Array(readFileSync(join(__dirname, "..", "fixtures", "scb", "befolkning.xlsx")));

/** The central directory entries' "uncompressed size" fields, by offset. */
function directorySizes(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const offsets: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i++)
    if (view.getUint32(i, true) === 0x02014b50) offsets.push(i + 24);
  return offsets;
}

test("SCB's xlsx download passes the checks and reads as rows", async () => {
  expect(await zipRefusal(file)).toBeNull();
  const sheets = await readXlsxInBrowser(file);
  expect(sheets[0][2]).toEqual(["region", "civilstånd", "ålder", "kön", "2023", "2024"]);
});

test("a directory that lies about a part's size is caught while inflating, before ExcelJS", async () => {
  const lying = file.slice();
  const view = new DataView(lying.buffer);
  for (const at of directorySizes(lying)) if (view.getUint32(at, true) > 1000) view.setUint32(at, 10, true);
  expect(await zipRefusal(lying)).toBe("filens zip-katalog anger fel storlek");
  await expect(readXlsxInBrowser(lying)).rejects.toThrow("filens zip-katalog anger fel storlek");
});

test("too large on disk, or declaring too much unpacked, or not a zip: refused with a reason", async () => {
  expect(await zipRefusal(new Uint8Array(11 * 1024 * 1024))).toMatch(/^filen är 11 MB; högst 10 MB läses$/);
  const huge = file.slice();
  const view = new DataView(huge.buffer);
  view.setUint32(directorySizes(huge)[0], 200 * 1024 * 1024, true);
  expect(await zipRefusal(huge)).toBe("en del av filen blir för stor uppackad");
  expect(await zipRefusal(new TextEncoder().encode("region;ålder\n"))).toBe(
    "filen är skadad (zip-katalogen saknas)",
  );
});
