/** Jest runs every test under test/ through ts-jest; jsdom is opted into per file where a test needs a DOM. */
module.exports = {
  testEnvironment: "node",
  // src/ is a root too, so that coverage counts the files no test imports; tests live only under test/.
  roots: ["<rootDir>/test", "<rootDir>/src"],
  setupFiles: ["<rootDir>/test/helpers/catalogues.ts"],
  setupFilesAfterEnv: ["<rootDir>/test/helpers/functionsLoaded.ts"],
  testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/test/**/*.test.tsx"],
  // Coverage over all of src/, whether or not a test imports a file (npm test collects it; the folder table
  // is printed by src/tools/coverage.ts).
  collectCoverageFrom: ["src/**/*.{ts,tsx}", "!src/**/*.d.ts"],
  coverageReporters: ["json-summary", "text-summary"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      { tsconfig: { module: "commonjs", moduleResolution: "node", jsx: "react-jsx", isolatedModules: true } },
    ],
  },
};
