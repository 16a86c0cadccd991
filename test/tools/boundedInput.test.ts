import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readBounded } from "../../src/tools/boundedFile";
import { main } from "../../src/tools/cli";
import { oneLine } from "../../src/tools/oneLine";
import { sheetXml, workbook, zip } from "../../src/tools/hostileFiles";

/** Issue 20: what enters the command line is bounded, and what it prints cannot forge a line. */
let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "finsam-bounded-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("a file by stat, a device or pipe by reading at most limit + 1 bytes, a folder and a missing file by stat", async () => {
  writeFileSync(join(dir, "small.bin"), Buffer.alloc(10, 1));
  expect(await readBounded(join(dir, "small.bin"), 100)).toEqual({ data: Buffer.alloc(10, 1) });
  expect(await readBounded(join(dir, "small.bin"), 5)).toEqual({
    refusal: { reason: "tooBigFile", size: 10, limit: 5 },
  });
  expect(await readBounded("/dev/zero", 1000)).toEqual({
    refusal: { reason: "tooBigFile", size: 1001, limit: 1000 },
  });
  expect(await readBounded(dir, 1000)).toEqual({ refusal: { reason: "directory" } });
  expect(await readBounded(join(dir, "nothing"), 1000)).toEqual({ refusal: { reason: "missing" } });
  const fifo = join(dir, "fifo");
  execFileSync("mkfifo", [fifo]);
  const writer = import("node:fs/promises").then(async (fs) => {
    const h = await fs.open(fifo, "w");
    await h.write(Buffer.alloc(5000, 7)).catch(() => undefined);
    await h.close();
  });
  const read = await readBounded(fifo, 2000);
  await writer;
  expect(read).toEqual({ refusal: { reason: "tooBigFile", size: 2001, limit: 2000 } });
});

test("control characters are escaped and long text is cut", () => {
  expect(oneLine("Blad1\nFORGED!A1\tfel\r\u2028x")).toBe("Blad1\\nFORGED!A1\\tfel\\r\\u2028x");
  expect(oneLine("x".repeat(1000), 10)).toBe(`${"x".repeat(10)}…`);
});

test("a sheet name with a newline and a tab forges no line of finsam check's output", async () => {
  const rows = [
    ["", "Utfall", "Budget"],
    ["Intäkter", 100, 90],
    ["Kostnader", 40, 30],
    ["Summa", 150, 120],
  ];
  const file = join(dir, "forged.xlsx");
  writeFileSync(file, zip(workbook([{ name: "Blad1\nFORGED!A1\tfel\tx", xml: sheetXml(rows) }])));
  const out: string[] = [];
  const code = await main(["check", file], { out: (l) => out.push(l), err: (l) => out.push(l) });
  expect(code).toBe(1);
  const lines = out.flatMap((l) => l.split("\n"));
  expect(lines.some((l) => l.startsWith("FORGED"))).toBe(false);
  expect(lines[0]).toMatch(/^Blad1\\nFORGED!A1\\tfel\\tx!B4\tfel\t/);
});
