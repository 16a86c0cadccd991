/**
 * The age bands associations use for the working-age population. Each association decides its own; the
 * state's allocation model uses 16–64, SCB's statistics on compensation 20–64.
 */
export const AGE_BANDS = ["20–64 år", "16–64 år", "18–64 år", "20–65 år"] as const;

export interface AgeBand {
  from: number;
  to: number;
}

/** "20–64 år", "20-64", "20 - 64 years" → {20, 64}; anything else → null. */
export function parseAgeBand(text: string): AgeBand | null {
  const m = /^\s*(\d{1,3})\s*[-–—]\s*(\d{1,3})\s*(år|years?)?\s*$/i.exec(text);
  if (!m) return null;
  const from = Number(m[1]);
  const to = Number(m[2]);
  return from <= to && to <= 120 ? { from, to } : null;
}

export function bandText(band: AgeBand): string {
  return `${band.from}–${band.to} år`;
}

export function sameBand(a: string, b: string): boolean {
  const x = parseAgeBand(a);
  const y = parseAgeBand(b);
  return x !== null && y !== null && x.from === y.from && x.to === y.to;
}
