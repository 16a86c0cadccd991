import { serialToIsoDate } from "../sheet/excelDate";

/**
 * Shows a cell value as Swedish Excel would with its number format: space as thousands separator,
 * decimal comma, "41,6 %", dates as 2019-12-31. Covers the invariant format codes the templates use.
 */
export function displayValue(value: unknown, format = "General"): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "boolean") return value ? "SANT" : "FALSKT";
  if (typeof value === "object" && value !== null && "error" in value)
    return String((value as { error: string }).error);
  if (typeof value !== "number") return String(value);
  const section = pickSection(format, value);
  if (/yyyy/.test(section)) return serialToIsoDate(value);
  const percent = section.includes("%");
  const shown = percent ? value * 100 : value;
  const decimals = /\.(0+)/.exec(section)?.[1].length ?? (section === "General" ? undefined : 0);
  const signed = section.startsWith("+");
  const abs = section === format.split(";")[0] || !format.includes(";") ? shown : Math.abs(shown);
  const text = new Intl.NumberFormat("sv-SE", {
    minimumFractionDigits: decimals ?? 0,
    maximumFractionDigits: decimals ?? 10,
    useGrouping: section.includes(",") || section === "General" || section.includes("#"),
  })
    .format(abs)
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/\u2212/g, "-");
  const withSign =
    section.startsWith("-") && !text.startsWith("-") ? `-${text}` : signed && shown > 0 ? `+${text}` : text;
  return percent ? `${withSign} %` : withSign;
}

function pickSection(format: string, value: number): string {
  const sections = format.split(";");
  if (value < 0 && sections[1] !== undefined) return sections[1];
  if (value === 0 && sections[2] !== undefined) return sections[2];
  return sections[0];
}
