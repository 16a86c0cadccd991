/**
 * Lays a locale's names and descriptions over the generated functions.json, by function id and
 * parameter name, and reports every function or parameter without a translation (and every
 * translation of something that no longer exists), so that a build cannot ship half-Swedish help.
 */

export interface ParameterMetadata {
  name: string;
  description?: string;
  [key: string]: unknown;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMetadata[];
  [key: string]: unknown;
}

export interface FunctionsMetadata {
  functions: FunctionMetadata[];
  [key: string]: unknown;
}

export interface LocaleOverlay {
  functions: Record<
    string,
    { name: string; description: string; parameters: Record<string, { name: string; description: string }> }
  >;
}

/** Excel's rule for a function's display name: a letter first, then letters, digits, "_" or "."; 3 or more. */
const DISPLAY_NAME = /^\p{L}[\p{L}\p{N}_.]{2,}$/u;
/** Parameter names: letters, digits and "_" (what Insert Function shows in the argument list). */
const PARAMETER_NAME = /^\p{L}[\p{L}\p{N}_]*$/u;

export function applyOverlay(
  metadata: FunctionsMetadata,
  overlay: LocaleOverlay,
): { metadata: FunctionsMetadata; problems: string[] } {
  const problems: string[] = [];
  const seenNames = new Set<string>();
  const functions = metadata.functions.map((fn) => {
    const local = overlay.functions[fn.id];
    if (!local) {
      problems.push(`${fn.id}: no translation`);
      return fn;
    }
    if (!DISPLAY_NAME.test(local.name))
      problems.push(`${fn.id}: "${local.name}" is not a valid function name`);
    if (seenNames.has(local.name.toUpperCase()))
      problems.push(`${fn.id}: the name "${local.name}" is used twice`);
    seenNames.add(local.name.toUpperCase());
    if (!local.description?.trim()) problems.push(`${fn.id}: no description`);
    const parameters = fn.parameters.map((p) => {
      const lp = local.parameters?.[p.name];
      if (!lp) {
        problems.push(`${fn.id}.${p.name}: no translation`);
        return p;
      }
      if (!PARAMETER_NAME.test(lp.name))
        problems.push(`${fn.id}.${p.name}: "${lp.name}" is not a valid parameter name`);
      if (!lp.description?.trim()) problems.push(`${fn.id}.${p.name}: no description`);
      return { ...p, name: lp.name, description: lp.description };
    });
    for (const extra of Object.keys(local.parameters ?? {})) {
      if (!fn.parameters.some((p) => p.name === extra))
        problems.push(`${fn.id}.${extra}: translated but not a parameter`);
    }
    return { ...fn, name: local.name, description: local.description, parameters };
  });
  for (const id of Object.keys(overlay.functions)) {
    if (!metadata.functions.some((fn) => fn.id === id)) problems.push(`${id}: translated but not a function`);
  }
  return { metadata: { ...metadata, functions }, problems };
}
