/**
 * Packages built byte by byte for the hostile corpus (`npm run hostile`) and the reader's property test: a
 * minimal zip writer whose directory can lie, the parts of a workbook as Excel lays them out, and sheet parts
 * streamed through deflate so a 1.2 GB part is never held whole.
 */
import { constants, crc32, createDeflateRaw, deflateRawSync } from "node:zlib";

export interface Part {
  name: string;
  data: Buffer; // packed
  size: number; // unpacked
  crc: number;
  /** What the directory says the part unpacks to (a lie, for the lying bomb). */
  declared?: number;
}

export const part = (name: string, text: string): Part => {
  const raw = Buffer.from(text, "utf8");
  return { name, data: deflateRawSync(raw), size: raw.length, crc: crc32(raw) };
};

/** A minimal zip writer: local headers, deflated data, central directory (sizes under 4 GB). */
export function zip(parts: Part[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    const size = p.declared ?? p.size;
    // The local header and the central directory entry: the same fields at their own offsets.
    const common = (base: number): [number, 16 | 32, number][] => [
      [base, 16, 0x0800],
      [base + 2, 16, 8],
      [base + 8, 32, p.crc >>> 0],
      [base + 12, 32, p.data.length],
      [base + 16, 32, size],
      [base + 20, 16, name.length],
    ];
    const local = header(30, [[0, 32, 0x04034b50], [4, 16, 20], ...common(6)]);
    chunks.push(local, name, p.data);
    const c = header(46, [[0, 32, 0x02014b50], [4, 16, 20], [6, 16, 20], ...common(8), [42, 32, offset]]);
    central.push(c, name);
    offset += local.length + name.length + p.data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, dir, end]);
}

/** Text as XML keeps it, in an attribute too: a tab or newline as a character reference (else it reads as a space). */
export const esc = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/"/g, "&quot;")
    .replace(/[\t\n\r]/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The parts of a workbook with the given sheets (their XML), as Excel lays them out. */
export function workbook(sheets: { name: string; xml: string | Part }[], extra: Part[] = []): Part[] {
  const types = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}</Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const wb = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`;
  const wbRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}</Relationships>`;
  return [
    part("[Content_Types].xml", types),
    part("_rels/.rels", rels),
    part("xl/workbook.xml", wb),
    part("xl/_rels/workbook.xml.rels", wbRels),
    ...sheets.map((s, i) =>
      typeof s.xml === "string"
        ? part(`xl/worksheets/sheet${i + 1}.xml`, s.xml)
        : { ...s.xml, name: s.xml.name || `xl/worksheets/sheet${i + 1}.xml` },
    ),
    ...extra,
  ];
}

export const HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`;
export const inline = (ref: string, v: string | number) =>
  typeof v === "number"
    ? `<c r="${ref}"><v>${v}</v></c>`
    : `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
export const letters = (n: number) => {
  let s = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};
export function sheetXml(
  rows: (string | number)[][],
  more: { rows?: string; after?: string; dimension?: string | null } = {},
): string {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const body = rows
    .map(
      (r, i) => `<row r="${i + 1}">${r.map((v, j) => inline(`${letters(j + 1)}${i + 1}`, v)).join("")}</row>`,
    )
    .join("");
  const dimension =
    more.dimension === null
      ? ""
      : `<dimension ref="${more.dimension ?? `A1:${letters(width)}${Math.max(1, rows.length)}`}"/>`;
  return `${HEAD}${dimension}<sheetData>${body}${more.rows ?? ""}</sheetData>${more.after ?? ""}</worksheet>`;
}

/** A sheet part streamed through deflate: `size` bytes of XML from a repeating row, never held whole. */
export async function streamedSheet(
  prefix: string,
  row: (i: number) => string,
  count: number,
  suffix: string,
): Promise<Part> {
  const deflate = createDeflateRaw({ level: constants.Z_BEST_SPEED });
  const out: Buffer[] = [];
  deflate.on("data", (d: Buffer) => out.push(d));
  const done = new Promise((resolve) => deflate.on("end", resolve));
  let size = 0;
  let crc = 0;
  const write = async (text: string) => {
    const b = Buffer.from(text, "utf8");
    size += b.length;
    crc = crc32(b, crc);
    if (!deflate.write(b)) await new Promise((r) => deflate.once("drain", r));
  };
  await write(prefix);
  let batch = "";
  for (let i = 0; i < count; i++) {
    batch += row(i);
    if (batch.length > 1 << 20) {
      await write(batch);
      batch = "";
    }
  }
  await write(batch + suffix);
  deflate.end();
  await done;
  return { name: "", data: Buffer.concat(out), size, crc };
}

/** A little-endian header of `size` bytes with the given fields (offset, width in bits, value). */
export function header(size: number, fields: [number, 16 | 32, number][]): Buffer {
  const buf = Buffer.alloc(size);
  for (const [offset, bits, value] of fields)
    if (bits === 16) buf.writeUInt16LE(value, offset);
    else buf.writeUInt32LE(value, offset);
  return buf;
}
