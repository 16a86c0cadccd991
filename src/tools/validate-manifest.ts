/** `npm run validate`: checks manifest.xml offline and exits 1 on any problem. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { validateManifest } from "./manifest/validateManifest";

const file = resolve(process.argv[2] ?? "manifest.xml");
let xml: string;
try {
  xml = readFileSync(file, "utf8");
} catch {
  console.error(`Cannot read ${file}`);
  process.exit(2);
}
const root = dirname(file);
const problems = validateManifest(xml, { assetExists: (path) => existsSync(join(root, path)) });
if (problems.length === 0) {
  console.log(
    `${file}: the manifest is valid (offline checks; "npm run validate:online" asks Microsoft's service).`,
  );
} else {
  for (const p of problems) console.error(`${file}: [${p.code}] ${p.message}`);
  console.error(`${problems.length} problem(s).`);
  process.exit(1);
}
