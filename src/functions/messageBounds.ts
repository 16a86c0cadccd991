/**
 * Every message a custom function gives is bounded, whatever the ranges hold: a list names its first few
 * items and then how many more, a name or text from a cell is cut to a readable length, and the whole text
 * stays within what an Excel cell shows (32 767 characters).
 */
export const MAX_CELL_TEXT = 32_767;
/** How many items of a list a message names before "och N till". */
export const LISTED = 5;
/** The longest name or text from a cell that a message quotes in full. */
export const QUOTED = 60;

/** A text from a cell as a message quotes it: on one line, at most `QUOTED` characters. */
export function quoted(text: string): string {
  const head = text.length > QUOTED * 4 ? text.slice(0, QUOTED * 4) : text;
  // eslint-disable-next-line no-control-regex
  const line = head.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ");
  return line.length > QUOTED || head.length < text.length ? `${line.slice(0, QUOTED)}…` : line;
}

/** The first `LISTED` items, then "och N till" (by `more`): "A, B, C, D, E och 9 995 till". */
export function listFirst<T>(
  items: readonly T[],
  item: (value: T) => string,
  more: (count: number) => string,
): string {
  const named = items.slice(0, LISTED).map(item).join(", ");
  return items.length > LISTED ? `${named} ${more(items.length - LISTED)}` : named;
}

/** A message cut to what a cell shows, should it still be longer. */
export function bounded(text: string): string {
  return text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text;
}

/** An error's parameters with every text quoted by `quoted` (names, areas, cell texts, details). */
export function quotedParams<P extends object>(params: P): P {
  let out: Record<string, unknown> | null = null;
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === "string" && value.length > QUOTED) {
      out ??= { ...(params as Record<string, unknown>) };
      out[key] = quoted(value);
    }
  }
  return (out ?? params) as P;
}
