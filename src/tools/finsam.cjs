#!/usr/bin/env node
// The `finsam` command (package.json "bin"): runs src/tools/cli.ts through tsx, without a build step.
const { register } = require("tsx/cjs/api");
register();
const { main } = require("./cli.ts");
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(String((error && error.message) || error));
    process.exit(2);
  },
);
