/**
 * The FINSAM custom functions inside HyperFormula, so that a template can be evaluated without Excel:
 * the same exported functions Excel calls, given Excel-shaped arguments (2-D arrays for ranges, null for
 * blanks and omitted arguments), their Excel errors turned into HyperFormula errors with the same
 * message. HyperFormula is GPL-3.0: this file is for tests and developer tools, never the add-in bundle.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  SimpleRangeValue,
  type ImplementedFunctions,
} from "hyperformula";
import { FUNCTION_IDS, FUNCTION_NAMESPACE, type FunctionId } from "../../functions/catalog";
import { FUNCTIONS, parameterNames, SPILL_SIZE } from "../../functions/registry";

type Ast = { args: unknown[] };
type State = unknown;

function toExcel(value: unknown): unknown {
  if (value instanceof SimpleRangeValue) return value.data.map((row) => row.map(toExcelScalar));
  return toExcelScalar(value);
}

function toExcelScalar(value: unknown): unknown {
  if (value === EmptyValue || value === undefined) return null;
  if (value instanceof CellError) return new Error(value.type);
  if (typeof value === "object" && value !== null && "val" in value) return (value as { val: unknown }).val; // rich numbers
  return value;
}

function fromExcel(result: unknown): unknown {
  if (Array.isArray(result)) return SimpleRangeValue.onlyValues(result as never);
  return result;
}

function toCellError(error: unknown): CellError {
  const e = error as { code?: string; message?: string };
  return new CellError(e.code === "#N/A" ? ErrorType.NA : ErrorType.VALUE, e.message ?? String(error));
}

const implementedFunctions: ImplementedFunctions = {};
const methods: Record<string, unknown> = {};

for (const id of FUNCTION_IDS) {
  const method = `finsam${id}`;
  implementedFunctions[`${FUNCTION_NAMESPACE}.${id}`] = {
    method,
    // Every argument is optional to HyperFormula: the function itself says which are missing.
    parameters: parameterNames(id).map(() => ({
      argumentType: FunctionArgumentType.ANY,
      optionalArg: true,
    })),
    ...(SPILL_SIZE[id] ? { sizeOfResultArrayMethod: `${method}Size`, vectorizationForbidden: true } : {}),
  };
  methods[method] = function (this: FinsamPlugin, ast: Ast, state: State) {
    return this.callFinsam(id, ast, state);
  };
  const size = SPILL_SIZE[id];
  if (size) {
    methods[`${method}Size`] = function (this: FinsamPlugin, ast: Ast, state: State) {
      const sizes = ast.args.map((arg) => this.sizeOf(arg, state));
      const { width, height } = size(sizes);
      return new ArraySize(width, height);
    };
  }
}

export class FinsamPlugin extends FunctionPlugin {
  static override implementedFunctions = implementedFunctions;

  callFinsam(id: FunctionId, ast: Ast, state: State): unknown {
    const fn = FUNCTIONS[id];
    const metadata = FinsamPlugin.implementedFunctions[`${FUNCTION_NAMESPACE}.${id}`];
    return this.runFunction(ast.args as never, state as never, metadata, (...args: unknown[]) => {
      try {
        return fromExcel(fn(...args.map(toExcel))) as never;
      } catch (error) {
        return toCellError(error);
      }
    });
  }

  sizeOf(arg: unknown, state: State): { width: number; height: number } {
    return this.arraySizeForAst(arg as never, state as never);
  }
}
Object.assign(FinsamPlugin.prototype, methods);

/** English names for the engine's function list (HyperFormula requires a translation per language). */
export const finsamTranslations = {
  enGB: Object.fromEntries(
    FUNCTION_IDS.map((id) => [`${FUNCTION_NAMESPACE}.${id}`, `${FUNCTION_NAMESPACE}.${id}`]),
  ),
};
