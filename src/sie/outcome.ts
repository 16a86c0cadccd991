import type { SieFile, SiePeriodBalance } from "./parse";

/**
 * The outcome of a period from a SIE file: per result account, the amount in öre as the file signs it (income
 * credit, negative; costs debit, positive). The period is the whole financial year or its first `months`
 * months. Where it comes from, strongest first:
 * - the whole year: #RES (type 1–4), else the months' #PSALDO summed, else the vouchers' #TRANS;
 * - up to a month: #PSALDO (type 2–4), else #TRANS dated up to the end of that month;
 * - a budget (`source: "budget"`): #PBUDGET summed over the months.
 * Object records (a cost centre's or project's part of an account) are parts, never added to the account's
 * total. A file whose #PSALDO are accumulated from the start of the year (some programs write them so) is
 * recognised by its own figures: the last month then equals #RES where the months' sum does not.
 */
export type OutcomeBasis = "res" | "psaldo" | "trans" | "pbudget";

export interface PeriodOutcome {
  /** Financial year number as in #RAR (0 current, −1 previous). */
  yearNumber: number;
  year: { start: string; end: string };
  /** yyyymm of the first and last month. */
  from: string;
  to: string;
  months: number;
  basis: OutcomeBasis;
  /** Result accounts with a non-nil amount, in öre, as the file signs them. */
  accounts: Map<string, number>;
}

export type OutcomeProblem =
  | { kind: "noYear"; yearNumber: number }
  | { kind: "monthsOutside"; months: number; length: number }
  | { kind: "noBalances"; yearNumber: number; months: number; partial: boolean };

/** Months of a financial year, yyyymm, from its start. */
export function monthsOf(year: { start: string; end: string }): string[] {
  const out: string[] = [];
  let y = Number(year.start.slice(0, 4));
  let m = Number(year.start.slice(4, 6));
  const last = year.end.slice(0, 6);
  for (let k = 0; k < 24; k++) {
    const p = `${y}${String(m).padStart(2, "0")}`;
    out.push(p);
    if (p >= last) break;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** Is this a result account (income or cost)? By #KTYP where the file gives it (I, K), else class 3–8. */
export function isResultAccount(file: SieFile, account: string): boolean {
  const type = file.accounts.get(account)?.type;
  if (type === "I" || type === "K") return true;
  if (type === "T" || type === "S") return false;
  return /^[3-8]/.test(account);
}

export function periodOutcome(
  file: SieFile,
  request: { yearNumber?: number; months?: number; source?: "ledger" | "budget" } = {},
): { ok: true; outcome: PeriodOutcome } | { ok: false; problem: OutcomeProblem } {
  const yearNumber = request.yearNumber ?? 0;
  const year = file.years.get(yearNumber);
  if (!year) return { ok: false, problem: { kind: "noYear", yearNumber } };
  const all = monthsOf(year);
  const months = request.months ?? all.length;
  if (!Number.isInteger(months) || months < 1 || months > all.length)
    return { ok: false, problem: { kind: "monthsOutside", months, length: all.length } };
  const periods = all.slice(0, months);
  const whole = months === all.length;
  const accounts = new Map<string, number>();
  const add = (account: string, ore: number) => {
    if (!isResultAccount(file, account)) return;
    accounts.set(account, (accounts.get(account) ?? 0) + ore);
  };
  const base = { yearNumber, year, from: periods[0], to: periods[periods.length - 1], months };
  const finish = (basis: OutcomeBasis) => {
    for (const [a, v] of accounts) if (v === 0) accounts.delete(a);
    return { ok: true as const, outcome: { ...base, basis, accounts } };
  };
  const inPeriods = new Set(periods);
  const ofYear = (list: SiePeriodBalance[]) => list.filter((p) => p.year === yearNumber && !p.object);

  if (request.source === "budget") {
    const budget = ofYear(file.pbudget);
    if (budget.length === 0)
      return { ok: false, problem: { kind: "noBalances", yearNumber, months, partial: !whole } };
    for (const p of budget) if (inPeriods.has(p.period)) add(p.account, p.ore);
    return finish("pbudget");
  }
  const res = file.res.filter((r) => r.year === yearNumber);
  if (whole && res.length > 0) {
    for (const r of res) add(r.account, r.ore);
    return finish("res");
  }
  const psaldo = ofYear(file.psaldo);
  if (psaldo.length > 0) {
    if (cumulative(file, yearNumber, all)) {
      const last = periods[periods.length - 1];
      for (const p of psaldo) if (p.period === last) add(p.account, p.ore);
    } else for (const p of psaldo) if (inPeriods.has(p.period)) add(p.account, p.ore);
    return finish("psaldo");
  }
  if (file.transactions.length > 0) {
    const from = `${periods[0]}01`;
    const to = `${periods[periods.length - 1]}31`;
    let any = false;
    for (const t of file.transactions)
      if (t.date >= from && t.date <= to && t.date >= year.start && t.date <= year.end) {
        add(t.account, t.ore);
        any = true;
      }
    if (any || yearNumber === 0) return finish("trans");
  }
  return { ok: false, problem: { kind: "noBalances", yearNumber, months, partial: !whole } };
}

/**
 * Are the file's #PSALDO for this year accumulated from the start of the year? Decided by the accounts that have
 * both #RES and the last month's #PSALDO: accumulated where the last month equals #RES and the months' sum
 * does not, by majority; a file without #RES is read as the format describes (each month's own change).
 */
function cumulative(file: SieFile, yearNumber: number, months: string[]): boolean {
  const res = new Map<string, number>();
  for (const r of file.res) if (r.year === yearNumber) res.set(r.account, r.ore);
  if (res.size === 0) return false;
  const sums = new Map<string, number>();
  const last = new Map<string, number>();
  const lastMonth = months[months.length - 1];
  for (const p of file.psaldo) {
    if (p.year !== yearNumber || p.object) continue;
    sums.set(p.account, (sums.get(p.account) ?? 0) + p.ore);
    if (p.period === lastMonth) last.set(p.account, p.ore);
  }
  let sumVotes = 0;
  let lastVotes = 0;
  for (const [account, total] of res) {
    const s = sums.get(account);
    const l = last.get(account);
    if (s === undefined || l === undefined || s === l) continue;
    if (s === total) sumVotes++;
    else if (l === total) lastVotes++;
  }
  return lastVotes > sumVotes;
}
