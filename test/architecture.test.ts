/**
 * The shape of the code, asserted: the folders of src/ import each other without a cycle (domain at the
 * bottom, the sheet layer above it, the pane and tools on top); the custom functions hold no `any`; the
 * templates are small functions that name their rows rather than count them.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative, sep } from "node:path";
import ts from "typescript";

const SRC = join(__dirname, "..", "src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

const folderOf = (path: string) => relative(SRC, path).split(sep)[0];

/** Folder → the folders its files import (type imports too). */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of files(SRC)) {
    const from = folderOf(file);
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*)"(\.[^"]+)"/g)) {
      const to = folderOf(normalize(join(dirname(file), m[1])));
      if (to === from || to.startsWith("..")) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)!.add(to);
    }
  }
  return graph;
}

test("no folder of src/ imports, directly or through others, a folder that imports it", () => {
  const graph = folderGraph();
  const cycles: string[] = [];
  const visit = (node: string, path: string[]) => {
    for (const next of graph.get(node) ?? []) {
      if (path.includes(next)) cycles.push([...path.slice(path.indexOf(next)), next].join(" → "));
      else visit(next, [...path, next]);
    }
  };
  for (const node of graph.keys()) visit(node, [node]);
  expect(cycles).toEqual([]);
  // The layers, bottom up.
  expect([...(graph.get("domain") ?? [])]).toEqual([]);
  expect([...(graph.get("sheet") ?? [])]).toEqual([]);
  expect([...(graph.get("population") ?? [])]).toEqual([]);
});

test("src/functions has no `any`", () => {
  const offenders = files(join(SRC, "functions")).flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .flatMap((line, i) =>
        /\bany\b/.test(line.replace(/\/\/.*$|\/\*.*?\*\/|"[^"]*"|`[^`]*`/g, "")) && !/^\s*\*/.test(line)
          ? [`${relative(SRC, file)}:${i + 1}`]
          : [],
      ),
  );
  expect(offenders).toEqual([]);
});

test("no function in src/templates is longer than 80 lines, and no layout is guarded by a throw", () => {
  const long: string[] = [];
  const guarded: string[] = [];
  for (const file of files(join(SRC, "templates"))) {
    const text = readFileSync(file, "utf8");
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (
        ts.isFunctionDeclaration(node) ||
        ts.isArrowFunction(node) ||
        ts.isMethodDeclaration(node) ||
        ts.isFunctionExpression(node)
      ) {
        const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
        const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        if (end - start + 1 > 80) long.push(`${relative(SRC, file)}:${start + 1} (${end - start + 1} lines)`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    text.split("\n").forEach((line, i) => {
      if (/throw new Error\([^)]*(layout|moved)/.test(line)) guarded.push(`${relative(SRC, file)}:${i + 1}`);
    });
  }
  expect(long).toEqual([]);
  expect(guarded).toEqual([]);
});
