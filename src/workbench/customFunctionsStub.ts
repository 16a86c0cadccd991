/*
 * custom-functions-metadata-plugin appends CustomFunctions.associate(...) calls to functions.ts in every
 * bundle that includes it. Outside Office there is no CustomFunctions: this no-op registry stands in, so
 * the workbench can run the very same functions through the headless engine. Import it first.
 */
const g = globalThis as { CustomFunctions?: { associate: (id: string, fn: unknown) => void } };
g.CustomFunctions ??= { associate: () => undefined };
export {};
