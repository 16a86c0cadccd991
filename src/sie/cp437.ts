/**
 * IBM code page 437 (`#FORMAT PC8`), the text encoding SIE 4 prescribes: bytes 0x00–0x7F are ASCII, the upper
 * half is this table. Swedish letters: å 0x86, ä 0x84, ö 0x94, Å 0x8F, Ä 0x8E, Ö 0x99, é 0x82.
 */
const UPPER =
  "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0";

const ENCODE = new Map<string, number>([...UPPER].map((ch, i) => [ch, 0x80 + i]));

export function decodeCp437(bytes: Uint8Array): string {
  let out = "";
  const chunk: string[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    chunk.push(b < 0x80 ? String.fromCharCode(b) : UPPER[b - 0x80]);
    if (chunk.length === 8192) {
      out += chunk.join("");
      chunk.length = 0;
    }
  }
  return out + chunk.join("");
}

/** Encodes text in CP437; a character the code page lacks becomes "?" (and is counted). */
export function encodeCp437(text: string): { bytes: Uint8Array; unencodable: number } {
  const bytes = new Uint8Array(text.length);
  let n = 0;
  let unencodable = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80 && ch.length === 1) bytes[n++] = code;
    else {
      const b = ENCODE.get(ch);
      if (b === undefined) unencodable++;
      bytes[n++] = b ?? 0x3f;
    }
  }
  return { bytes: bytes.slice(0, n), unencodable };
}
