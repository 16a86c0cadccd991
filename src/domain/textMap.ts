/**
 * A map keyed by text that stays fast on any text. V8 hashes a string of more than 16 383 characters by its
 * length alone, so a native `Map` over many distinct long texts of one length (an area's name pasted 20 000
 * characters long, a million times with one character changed) degrades to a linear scan per lookup:
 * quadratic. Here a text up to `SHORT` characters is a native key; a longer one is keyed by a short digest
 * of all its characters (its length and two independent 32-bit hashes), and texts whose digests collide are
 * told apart by comparison in a bucket.
 */
const SHORT = 4096;

export class TextMap<V> {
  private readonly short = new Map<string, V>();
  private readonly long = new Map<string, { text: string; value: V }[]>();
  private count = 0;

  get size(): number {
    return this.short.size + this.count;
  }

  get(text: string): V | undefined {
    if (text.length <= SHORT) return this.short.get(text);
    const bucket = this.long.get(digest(text));
    if (bucket) for (const entry of bucket) if (entry.text === text) return entry.value;
    return undefined;
  }

  has(text: string): boolean {
    if (text.length <= SHORT) return this.short.has(text);
    const bucket = this.long.get(digest(text));
    return bucket !== undefined && bucket.some((entry) => entry.text === text);
  }

  set(text: string, value: V): this {
    if (text.length <= SHORT) {
      this.short.set(text, value);
      return this;
    }
    const key = digest(text);
    const bucket = this.long.get(key);
    if (!bucket) {
      this.long.set(key, [{ text, value }]);
      this.count++;
      return this;
    }
    for (const entry of bucket)
      if (entry.text === text) {
        entry.value = value;
        return this;
      }
    bucket.push({ text, value });
    this.count++;
    return this;
  }
}

/** A set of texts with the same guarantee. */
export class TextSet {
  private readonly map = new TextMap<true>();

  has(text: string): boolean {
    return this.map.has(text);
  }

  add(text: string): this {
    this.map.set(text, true);
    return this;
  }

  get size(): number {
    return this.map.size;
  }
}

/** Length, FNV-1a and a multiplicative hash over every UTF-16 unit: a short text V8 hashes in full. */
export function digest(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b + c, 0x85ebca6b) ^ (b >>> 13);
  }
  return `${text.length}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`;
}
