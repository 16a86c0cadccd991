/**
 * A name or label printed on one line of `finsam check`'s text output: control characters (a tab, a newline,
 * a carriage return, U+2028/U+2029 …) are written as escapes, so no sheet name or label can forge a line
 * or a field; very long text is cut with "…" so a 40 MB name does not print 40 MB.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this escapes
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const NAMED: Record<string, string> = { "\t": "\\t", "\n": "\\n", "\r": "\\r" };

export function oneLine(text: string, max = 300): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return cut.replace(CONTROL, (ch) => NAMED[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
