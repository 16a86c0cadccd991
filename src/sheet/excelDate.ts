/** Excel's date serials (days since 1899-12-30), the one conversion every renderer and reader shares. */
const EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

export function dateToSerial(date: Date): number {
  return Math.round((date.getTime() - EPOCH) / DAY);
}

export function serialToIsoDate(serial: number): string {
  return new Date(EPOCH + Math.round(serial) * DAY).toISOString().slice(0, 10);
}

/** "2019-12-31" → 43830, or the text itself if it is not an ISO date. */
export function isoToSerial(iso: string): number | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? dateToSerial(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]))) : iso;
}
