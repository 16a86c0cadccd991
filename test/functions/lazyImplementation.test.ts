/**
 * The custom functions are associated at once, their implementation arrives as a chunk: a call before it has
 * arrived answers with a promise of the same value (or the same error), every call after answers at once.
 */
test("before the implementation is loaded a call is a promise of the same answer; after, the answer itself", async () => {
  let functions!: typeof import("../../src/functions/functions");
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module registry, synchronously
    functions = require("../../src/functions/functions");
  });
  const early = functions.equityCap(11583, 1000) as unknown;
  const failing = functions.impactIndex([[1]], [["ja"]]) as unknown;
  expect(early).toBeInstanceOf(Promise);
  expect(failing).toBeInstanceOf(Promise);
  expect(await early).toBeCloseTo(2087.45, 2);
  await expect(failing).rejects.toThrow(/SANT\/FALSKT/);
  // Loaded now: the same calls answer synchronously.
  expect(functions.equityCap(11583, 1000)).toBeCloseTo(2087.45, 2);
  expect(() => functions.impactIndex([[1]], [["ja"]])).toThrow(/SANT\/FALSKT/);
});
