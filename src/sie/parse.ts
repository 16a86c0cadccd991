import { decodeCp437 } from "./cp437";

/**
 * A reader of SIE 4 files (types 1–4, SIE-gruppen's format description 4B): the records the follow-up uses are
 * read and checked, every other record is counted and left alone. Tolerant of what real exports do (tabs or
 * spaces between fields, quoted and bare fields, `{}` object lists, CRLF or LF, trailing blanks, blank lines),
 * strict about what the figures depend on: a #RES, #PSALDO, #PBUDGET or #TRANS whose account, year, period or
 * amount cannot be read refuses the file with its line number — skipping it would lose money silently.
 *
 * Bounded by construction: the size in bytes before decoding, then records, characters per field, fields per
 * record and distinct accounts while reading; every loop walks the text once.
 */
export const SIE_LIMITS = {
  bytes: 32 * 1024 * 1024,
  records: 1_000_000,
  fieldChars: 512,
  fields: 32,
  accounts: 100_000,
} as const;

export type SieProblem =
  | { kind: "notSie" }
  | { kind: "tooLarge"; size: number; limit: number }
  | { kind: "tooManyRecords"; limit: number }
  | { kind: "tooManyAccounts"; limit: number }
  | { kind: "fieldTooLong"; line: number; limit: number }
  | { kind: "badRecord"; line: number; label: string; field: SieField }
  | { kind: "transOutsideVoucher"; line: number }
  | { kind: "voucherUnclosed"; line: number };

export type SieField = "amount" | "year" | "period" | "account" | "date" | "fields";

/** An amount in öre (hundredths of a krona), as the file signs it: debit positive, credit negative. */
export interface SieBalance {
  year: number;
  account: string;
  ore: number;
}
export interface SiePeriodBalance extends SieBalance {
  /** yyyymm */
  period: string;
  /** True when the record is for one or more objects (cost centre, project): a part, not the account's total. */
  object: boolean;
}
export interface SieTransaction {
  account: string;
  ore: number;
  /** yyyymmdd: the row's own date, else its voucher's. */
  date: string;
}

export interface SieFile {
  encoding: "cp437" | "utf-8";
  /** #SIETYP, when the file says. */
  type: number | null;
  format: string | null;
  program: string;
  companyName: string;
  orgNumber: string;
  /** #RAR: financial years by number (0 = current, −1 = previous), dates yyyymmdd. */
  years: Map<number, { start: string; end: string }>;
  accounts: Map<string, { name: string; type: string | null }>;
  dimensions: Map<string, string>;
  objects: number;
  res: SieBalance[];
  psaldo: SiePeriodBalance[];
  pbudget: SiePeriodBalance[];
  transactions: SieTransaction[];
  vouchers: number;
  /** Vouchers whose rows do not add up to nil (read as they are, reported). */
  unbalancedVouchers: number;
  /** Records the follow-up does not use, by label, with how many there were. */
  ignored: Map<string, number>;
  /** #KSUMMA was present (the checksum is not verified). */
  checksum: boolean;
  records: number;
}

export type SieResult = { ok: true; file: SieFile } | { ok: false; problem: SieProblem };

/** The records this reader uses; everything else is counted in `ignored`. */
export const READ_RECORDS = [
  "#FLAGGA",
  "#FORMAT",
  "#SIETYP",
  "#PROGRAM",
  "#FNAMN",
  "#ORGNR",
  "#RAR",
  "#KONTO",
  "#KTYP",
  "#DIM",
  "#OBJEKT",
  "#RES",
  "#PSALDO",
  "#PBUDGET",
  "#VER",
  "#TRANS",
  "#KSUMMA",
] as const;
const READ = new Set<string>(READ_RECORDS);

/** Reads a SIE file from its bytes. */
export function parseSie(bytes: Uint8Array, limits: SieLimits = SIE_LIMITS): SieResult {
  if (bytes.length > limits.bytes)
    return { ok: false, problem: { kind: "tooLarge", size: bytes.length, limit: limits.bytes } };
  const { text, encoding } = decode(bytes);
  if (text === null) return { ok: false, problem: { kind: "notSie" } };
  return parseText(text, encoding, limits);
}

export type SieLimits = { [K in keyof typeof SIE_LIMITS]: number };

/** UTF-8 when the file has a BOM or is plainly UTF-8 (valid, with multi-byte letters); CP437 otherwise. */
function decode(bytes: Uint8Array): { text: string | null; encoding: SieFile["encoding"] } {
  let start = 0;
  let utf8 = false;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    start = 3;
    utf8 = true;
  }
  let high = false;
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0) return { text: null, encoding: "cp437" }; // binary: a zip, an image, a spreadsheet
    if (b >= 0x80) high = true;
  }
  const body = bytes.subarray(start);
  if (!utf8 && high) {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(body);
      utf8 = true;
    } catch {
      utf8 = false;
    }
  }
  return utf8
    ? { text: new TextDecoder("utf-8").decode(body), encoding: "utf-8" }
    : { text: decodeCp437(body), encoding: "cp437" };
}

type Fields = (string | string[])[];

class Refusal {
  constructor(readonly problem: SieProblem) {}
}

/** Splits a record's text after its label into fields: quoted, bare, or `{…}` object lists. */
export function splitFields(text: string, line: number, limits: SieLimits = SIE_LIMITS): Fields {
  const fields: Fields = [];
  let i = 0;
  const n = text.length;
  const word = (stopAtBrace: boolean): string => {
    let out = "";
    if (text[i] === '"') {
      i++;
      while (i < n && text[i] !== '"') {
        if (text[i] === "\\" && i + 1 < n && (text[i + 1] === '"' || text[i + 1] === "\\")) i++;
        out += text[i++];
        if (out.length > limits.fieldChars)
          throw new Refusal({ kind: "fieldTooLong", line, limit: limits.fieldChars });
      }
      i++; // the closing quote (or the end of the line)
      return out;
    }
    while (i < n && text[i] !== " " && text[i] !== "\t" && !(stopAtBrace && text[i] === "}")) {
      out += text[i++];
      if (out.length > limits.fieldChars)
        throw new Refusal({ kind: "fieldTooLong", line, limit: limits.fieldChars });
    }
    return out;
  };
  while (i < n) {
    const ch = text[i];
    if (ch === " " || ch === "\t") {
      i++;
      continue;
    }
    if (fields.length >= limits.fields) break; // further fields are beyond what any record has
    if (ch === "{") {
      i++;
      const list: string[] = [];
      while (i < n && text[i] !== "}") {
        if (text[i] === " " || text[i] === "\t") {
          i++;
          continue;
        }
        const before = i;
        const w = word(true);
        if (list.length < limits.fields) list.push(w);
        if (i === before) i++; // never stand still
      }
      i++;
      fields.push(list);
      continue;
    }
    fields.push(word(false));
  }
  return fields;
}

const AMOUNT = /^([+-]?)(\d{1,13})(?:\.(\d{1,2}))?$/;
const DATE = /^(\d{4})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;
const PERIOD = /^(\d{4})(0[1-9]|1[0-2])$/;
const ACCOUNT = /^\d{1,10}$/;
const YEAR = /^[+-]?\d{1,2}$/;

function parseText(text: string, encoding: SieFile["encoding"], limits: SieLimits): SieResult {
  const file: SieFile = {
    encoding,
    type: null,
    format: null,
    program: "",
    companyName: "",
    orgNumber: "",
    years: new Map(),
    accounts: new Map(),
    dimensions: new Map(),
    objects: 0,
    res: [],
    psaldo: [],
    pbudget: [],
    transactions: [],
    vouchers: 0,
    unbalancedVouchers: 0,
    ignored: new Map(),
    checksum: false,
    records: 0,
  };
  let identified = false;
  let firstRecord = true;
  let voucher: { date: string; sum: number; line: number; open: boolean } | null = null;
  let lineNo = 0;
  let pos = 0;
  try {
    while (pos <= text.length) {
      let end = text.indexOf("\n", pos);
      if (end < 0) end = text.length;
      const raw = text.slice(pos, end);
      pos = end + 1;
      lineNo++;
      if (lineNo > limits.records) throw new Refusal({ kind: "tooManyRecords", limit: limits.records });
      const line = raw.trim();
      if (line === "") {
        if (end === text.length) break;
        continue;
      }
      if (firstRecord) {
        // A SIE file opens with a record (#FLAGGA by the format description); anything else is another file.
        if (!/^#[A-Za-z]+$/.test(line.split(/[ \t]/)[0])) return { ok: false, problem: { kind: "notSie" } };
        firstRecord = false;
      }
      if (line === "{") {
        if (voucher && !voucher.open) voucher.open = true;
        continue;
      }
      if (line === "}") {
        if (voucher) {
          if (voucher.sum !== 0) file.unbalancedVouchers++;
          voucher = null;
        }
        continue;
      }
      if (line[0] !== "#") continue; // a stray line inside a record's text: not a record
      file.records++;
      const space = line.search(/[ \t]/);
      const label = (space < 0 ? line : line.slice(0, space)).toUpperCase();
      if (!READ.has(label)) {
        file.ignored.set(label, (file.ignored.get(label) ?? 0) + 1);
        continue;
      }
      const fields = splitFields(space < 0 ? "" : line.slice(space + 1), lineNo, limits);
      const str = (k: number) => (typeof fields[k] === "string" ? (fields[k] as string) : "");
      const bad = (field: SieField) => new Refusal({ kind: "badRecord", line: lineNo, label, field });
      const account = (k: number) => {
        const a = str(k);
        if (!ACCOUNT.test(a)) throw bad("account");
        if (!file.accounts.has(a)) {
          if (file.accounts.size >= limits.accounts)
            throw new Refusal({ kind: "tooManyAccounts", limit: limits.accounts });
          file.accounts.set(a, { name: "", type: null });
        }
        return a;
      };
      const amount = (k: number) => {
        const ore = toOre(str(k));
        if (ore === null) throw bad("amount");
        return ore;
      };
      const year = (k: number) => {
        const y = str(k);
        if (!YEAR.test(y)) throw bad("year");
        return Number(y) + 0;
      };
      switch (label) {
        case "#FLAGGA":
        case "#SIETYP":
          identified = true;
          if (label === "#SIETYP" && /^\d$/.test(str(0))) file.type = Number(str(0));
          break;
        case "#FORMAT":
          file.format = str(0).toUpperCase() || null;
          break;
        case "#PROGRAM":
          file.program = fields.filter((f) => typeof f === "string").join(" ");
          break;
        case "#FNAMN":
          file.companyName = str(0);
          break;
        case "#ORGNR":
          file.orgNumber = str(0);
          break;
        case "#RAR": {
          const y = year(0);
          if (!DATE.test(str(1)) || !DATE.test(str(2)) || str(1) > str(2)) throw bad("date");
          file.years.set(y, { start: str(1), end: str(2) });
          break;
        }
        case "#KONTO": {
          const a = account(0);
          file.accounts.get(a)!.name = str(1);
          break;
        }
        case "#KTYP": {
          const a = account(0);
          file.accounts.get(a)!.type = str(1).toUpperCase() || null;
          break;
        }
        case "#DIM":
          if (str(0)) file.dimensions.set(str(0), str(1));
          break;
        case "#OBJEKT":
          file.objects++;
          break;
        case "#RES": {
          const y = year(0);
          const a = account(1);
          // An object list here (some exports write `{}`) is skipped; a non-empty one makes it an object's part.
          const list = Array.isArray(fields[2]) ? (fields[2] as string[]) : null;
          const ore = amount(list ? 3 : 2);
          if (!list || list.length === 0) file.res.push({ year: y, account: a, ore });
          break;
        }
        case "#PSALDO":
        case "#PBUDGET": {
          const y = year(0);
          const period = str(1);
          if (!PERIOD.test(period)) throw bad("period");
          const a = account(2);
          const list = Array.isArray(fields[3]) ? (fields[3] as string[]) : null;
          const ore = amount(list ? 4 : 3);
          const entry = { year: y, period, account: a, ore, object: (list?.length ?? 0) > 0 };
          (label === "#PSALDO" ? file.psaldo : file.pbudget).push(entry);
          break;
        }
        case "#VER": {
          if (voucher) throw new Refusal({ kind: "voucherUnclosed", line: voucher.line });
          const date = str(2);
          if (!DATE.test(date)) throw bad("date");
          voucher = { date, sum: 0, line: lineNo, open: false };
          file.vouchers++;
          break;
        }
        case "#TRANS": {
          if (!voucher) throw new Refusal({ kind: "transOutsideVoucher", line: lineNo });
          const a = account(0);
          const list = Array.isArray(fields[1]);
          const ore = amount(list ? 2 : 1);
          const own = str(list ? 3 : 2);
          const date = DATE.test(own) ? own : voucher.date;
          voucher.sum += ore;
          file.transactions.push({ account: a, ore, date });
          break;
        }
        case "#KSUMMA":
          file.checksum = true;
          break;
      }
      if (end === text.length) break;
    }
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, problem: e.problem };
    throw e;
  }
  if (voucher) return { ok: false, problem: { kind: "voucherUnclosed", line: voucher.line } };
  if (!identified) return { ok: false, problem: { kind: "notSie" } };
  return { ok: true, file };
}

/** "1234.5" → 123450 öre; "-0.07" → −7; null for anything that is not an amount. */
export function toOre(text: string): number | null {
  const m = AMOUNT.exec(text);
  if (!m) return null;
  const ore = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"));
  return (m[1] === "-" ? -ore : ore) + 0;
}

/** 123450 öre → "1234.50"; whole kronor without decimals. */
export function fromOre(ore: number): string {
  const sign = ore < 0 ? "-" : "";
  const abs = Math.abs(ore);
  const kr = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${sign}${kr}${rest === 0 ? "" : `.${String(rest).padStart(2, "0")}`}`;
}
