/**
 * The parts of a package, each unpacked as a stream and parsed as it streams (SAX), never held whole: an
 * inflater chosen by the caller (Node's zlib on the command line, the browser's DecompressionStream in the
 * pane) gives the unpacked bytes in chunks; this module counts them against the size the zip's directory
 * declares and against the limit, and stops at the chunk where either is passed — a part that lies about its
 * size is refused at the byte where the lie shows, having cost at most its declared size.
 *
 * The XML parser is saxes (the streaming parser jsdom uses, a direct dependency): it is strict (a document
 * that is not well formed is an error, not a guess), it expands no DTD entities (no "billion laughs"), and it
 * takes text in chunks, so a part is parsed while it unpacks.
 */
import { SaxesParser } from "saxes";
import { packedBytes, type Limits, type Refusal, type ZipEntry } from "./zip";

/** Unpacks a deflated part as a stream of chunks. */
export type Inflate = (packed: Uint8Array) => AsyncIterable<Uint8Array>;

/** A package the reader will not read, with the catalogue's reason. */
export class ReadRefusal extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.reason);
  }
}

/** Thrown by a handler to stop reading a part early (the rest of it is not needed). */
export const STOP = Symbol("stop");

export interface XmlHandler {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
}

/** The local name of an element (`x:c` → `c`): some writers prefix SpreadsheetML's namespace. */
export const local = (name: string) => {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
};

/**
 * Streams one part through the handler. Bytes past the declared size or the limit, a part that cannot be
 * unpacked, or XML that is not well formed end it with a ReadRefusal; the handler's STOP ends it quietly.
 */
export async function parsePart(
  data: Uint8Array,
  entry: ZipEntry,
  inflate: Inflate,
  limits: Pick<Limits, "partBytes">,
  handler: XmlHandler,
): Promise<void> {
  const packed = packedBytes(data, entry);
  if (!packed || packed.length < entry.compressedSize) throw new ReadRefusal({ reason: "damaged" });
  const bad = () => new ReadRefusal({ reason: "badXml", part: entry.name });
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  let failure: unknown = null;
  parser.on("error", (error) => {
    failure ??= error;
  });
  parser.on("opentag", (tag) => {
    if (failure === null) handler.open(local(tag.name), tag.attributes as Record<string, string>);
  });
  parser.on("closetag", (tag) => {
    if (failure === null) handler.close(local(tag.name));
  });
  parser.on("text", (text) => {
    if (failure === null) handler.text(text);
  });
  parser.on("cdata", (text) => {
    if (failure === null) handler.text(text);
  });
  const chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array> =
    entry.method === 0 ? [packed] : entry.method === 8 ? inflate(packed) : [];
  if (entry.method !== 0 && entry.method !== 8) throw new ReadRefusal({ reason: "damaged" });
  let decoder: TextDecoder | null = null;
  let size = 0;
  const iterator = (chunks as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]
    ? (chunks as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]()
    : asAsync(chunks as Iterable<Uint8Array>);
  try {
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await iterator.next();
      } catch {
        throw new ReadRefusal({ reason: "damaged" });
      }
      if (next.done) break;
      const chunk = next.value;
      size += chunk.byteLength;
      if (size > entry.size)
        throw new ReadRefusal({ reason: "partLies", part: entry.name, declared: entry.size });
      if (size > limits.partBytes)
        throw new ReadRefusal({ reason: "partTooLarge", part: entry.name, size, limit: limits.partBytes });
      decoder ??= decoderFor(chunk);
      parser.write(decoder.decode(chunk, { stream: true }));
      if (failure !== null) break;
    }
    if (failure === null) {
      if (size !== entry.size) throw new ReadRefusal({ reason: "damaged" });
      parser.write((decoder ?? new TextDecoder()).decode());
      parser.close();
    }
  } catch (error) {
    failure ??= error;
  } finally {
    await iterator.return?.();
  }
  if (failure === STOP) return;
  if (failure instanceof ReadRefusal) throw failure;
  if (failure !== null) throw bad();
}

/** UTF-8 as Excel writes, or UTF-16 when the part starts with its byte-order mark (allowed by XML). */
function decoderFor(first: Uint8Array): TextDecoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder("utf-16le");
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder("utf-16be");
  return new TextDecoder("utf-8");
}

function asAsync(chunks: Iterable<Uint8Array>): AsyncIterator<Uint8Array> {
  const it = chunks[Symbol.iterator]();
  return { next: async () => it.next() };
}

/** A relationship target resolved against the part that names it (`worksheets/sheet1.xml` from xl/). */
export function resolveTarget(source: string, target: string): string {
  const base = target.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") base.pop();
    else base.push(segment);
  }
  return base.join("/");
}

/** The rels part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** A relationships part's entries; an absent part has none. */
export async function readRelationships(
  data: Uint8Array,
  entries: ReadonlyMap<string, ZipEntry>,
  part: string,
  inflate: Inflate,
  limits: Limits,
): Promise<Relationship[]> {
  const entry = entries.get(part);
  if (!entry) return [];
  const found: Relationship[] = [];
  await parsePart(data, entry, inflate, limits, {
    open(name, a) {
      if (name === "Relationship" && found.length < limits.parts)
        found.push({
          id: a.Id ?? "",
          type: a.Type ?? "",
          target: a.Target ?? "",
          external: a.TargetMode === "External",
        });
    },
    close() {},
    text() {},
  });
  return found;
}
