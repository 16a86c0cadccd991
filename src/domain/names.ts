import { invalid } from "./errors";
import { TextSet } from "./textMap";

/**
 * Goal areas, platforms and members are matched by name as a person would: case and surrounding
 * spaces do not matter ("Deltagarnöjdhet " is "deltagarnöjdhet").
 */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLocaleLowerCase("sv-SE");
}

/** Checks that names are present and unique (by `nameKey`); returns their keys in order. */
export function requireUniqueNames(names: readonly string[], what: string): string[] {
  const seen = new TextSet();
  return names.map((name, index) => {
    const key = nameKey(name);
    if (key === "") throw invalid("emptyName", { what, position: index + 1 });
    if (seen.has(key)) throw invalid("duplicateName", { what, name: name.trim() });
    seen.add(key);
    return key;
  });
}
