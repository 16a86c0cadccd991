#!/usr/bin/env node
// The `finsam` command (package.json "bin"). It runs the bundled build (lib/finsam.cjs, made by
// `npm run build:cli`, which `npm install` runs) when that is newer than the sources, else src/tools/cli.ts
// through tsx, so a change to the sources is never run stale.
const { existsSync, readdirSync, statSync } = require("node:fs");
const { join } = require("node:path");

const root = join(__dirname, "..", "..");
const built = join(root, "lib", "finsam.cjs");

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|tsx|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

let main;
if (existsSync(built) && statSync(built).mtimeMs >= newestSource(join(root, "src"))) {
  ({ main } = require(built));
} else {
  require("tsx/cjs/api").register();
  ({ main } = require("./cli.ts"));
}
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(String((error && error.message) || error));
    process.exit(2);
  },
);
