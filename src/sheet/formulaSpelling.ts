/** The namespace users type: =FINSAM.IMPACTINDEX(...). Also in manifest.xml (Functions.Namespace). */
export const FUNCTION_NAMESPACE = "FINSAM";

/**
 * How a custom function is spelled in a formula. Users (and Office.js `range.formulas`) write
 * `FINSAM.IMPACTINDEX(...)`; Excel stores a JavaScript custom function in a file as `_xldudf_` + namespace +
 * `_` + id, `_xldudf_FINSAM_IMPACTINDEX(...)` (OfficeDev/Excel-Custom-Functions#108, office-js#5611), and
 * as `[1]!_xldudf_FINSAM_…` when the add-in is registered twice. Text inside string literals is left alone.
 */
const NS = FUNCTION_NAMESPACE;
// A lookbehind, not a captured character before: in FINSAM.A(FINSAM.B( the "(" before B is part of A's match.
const DOTTED = new RegExp(`(?<![A-Za-z0-9_.!\\]])${NS}\\.([A-Za-z][A-Za-z0-9_]*)\\s*\\(`, "gi");
const IN_FILE = new RegExp(`(?:\\[\\d+\\]!)?_xldudf_${NS}_([A-Za-z][A-Za-z0-9_]*)\\s*\\(`, "gi");

/** Applies `replace` to the parts of a formula outside "string literals". */
function outsideStrings(formula: string, replace: (code: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : replace(part)))
    .join("");
}

/** `FINSAM.X(` → `_xldudf_FINSAM_X(`: the spelling Excel writes to a file. */
export function toFileSpelling(formula: string): string {
  return outsideStrings(formula, (code) =>
    code.replace(DOTTED, (_m, id: string) => `_xldudf_${NS}_${id.toUpperCase()}(`),
  );
}

/** `_xldudf_FINSAM_X(` and `[n]!_xldudf_FINSAM_X(` → `FINSAM.X(`: the spelling users and the engine read. */
export function fromFileSpelling(formula: string): string {
  return outsideStrings(formula, (code) =>
    code.replace(IN_FILE, (_m, id: string) => `${NS}.${id.toUpperCase()}(`),
  );
}
