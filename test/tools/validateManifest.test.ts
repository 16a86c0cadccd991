import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { validateManifest } from "../../src/tools/manifest/validateManifest";

const root = join(__dirname, "..", "..");
const manifest = readFileSync(join(root, "manifest.xml"), "utf8");
const assetExists = (path: string) => existsSync(join(root, path));

function codes(xml: string): string[] {
  return validateManifest(xml, { assetExists }).map((p) => p.code);
}

/** Replaces exactly one occurrence, so that a broken case cannot silently stop breaking anything. */
function breakIt(find: string | RegExp, replace: string): string {
  const matches =
    manifest.match(new RegExp(typeof find === "string" ? escape(find) : find.source, "g")) ?? [];
  if (matches.length === 0) throw new Error(`not in manifest.xml: ${String(find)}`);
  return manifest.replace(find, replace);
}
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("validateManifest (offline)", () => {
  test("the repository's manifest.xml passes", () => {
    expect(validateManifest(manifest, { assetExists })).toEqual([]);
  });

  test.each([
    ["not well-formed", breakIt("</Hosts>\n  <Requirements>", "<Requirements>"), "xml"],
    [
      "a foreign root",
      breakIt('xmlns="http://schemas.microsoft.com/office/appforoffice/1.1"', 'xmlns="urn:x"'),
      "root",
    ],
    [
      "Version before Id",
      breakIt(
        / {2}<Id>[^<]*<\/Id>\n {2}<Version>[^<]*<\/Version>/,
        "  <Version>0.2.0.0</Version>\n  <Id>554273a6-0a17-4222-aa89-af2322ed9f41</Id>",
      ),
      "order",
    ],
    ["no Permissions", breakIt("<Permissions>ReadWriteDocument</Permissions>", ""), "required"],
    ["an Id that is no GUID", breakIt("554273a6-0a17-4222-aa89-af2322ed9f41", "finsam-excel"), "id"],
    [
      "a version with five parts",
      breakIt(/<Version>[^<]*<\/Version>/, "<Version>0.2.0.0.1</Version>"),
      "version",
    ],
    [
      "an invalid permission",
      breakIt("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>Everything</Permissions>"),
      "permissions",
    ],
    ["an unknown requirement set", breakIt('Name="SharedRuntime"', 'Name="SharedRuntimes"'), "requirements"],
    [
      "a malformed set version",
      breakIt('<Set Name="SharedRuntime" MinVersion="1.1"/>', '<Set Name="SharedRuntime" MinVersion="one"/>'),
      "requirements",
    ],
    [
      "a resid without resource",
      breakIt('<Label resid="Group.Label"/>', '<Label resid="Group.Labels"/>'),
      "resid",
    ],
    [
      "a resid of the wrong kind",
      breakIt('<Description resid="TaskpaneButton.Tooltip"/>', '<Description resid="TaskpaneButton.Label"/>'),
      "resid",
    ],
    [
      "a duplicate resource id",
      breakIt('<bt:Image id="Icon.80x80"', '<bt:Image id="Icon.32x32"'),
      "duplicate",
    ],
    ["a duplicate control id", breakIt('id="Finsam.TaskpaneButton"', 'id="Finsam.Group"'), "duplicate"],
    [
      "a short string over 125 characters",
      breakIt('DefaultValue="FINSAM-mallar"', `DefaultValue="${"x".repeat(126)}"`),
      "length",
    ],
    [
      "a long string over 250 characters",
      breakIt(/DefaultValue="Visa FINSAM-panelen[^"]*"/, `DefaultValue="${"å".repeat(251)}"`),
      "length",
    ],
    [
      "a DisplayName over 125 characters",
      breakIt(
        '<DisplayName DefaultValue="FINSAM för Excel">',
        `<DisplayName DefaultValue="${"x".repeat(126)}">`,
      ),
      "length",
    ],
    [
      "an http URL",
      breakIt(
        'DefaultValue="https://localhost:3000/taskpane.js"',
        'DefaultValue="http://localhost:3000/taskpane.js"',
      ),
      "https",
    ],
    [
      "a bad override locale",
      breakIt(
        '<Override Locale="en-US" Value="FINSAM for Excel"/>',
        '<Override Locale="English" Value="FINSAM for Excel"/>',
      ),
      "locale",
    ],
    ["a missing icon file", breakIt("assets/icon-80.png", "assets/icon-81.png"), "asset"],
    ["a short-lived runtime", breakIt('lifetime="long"', 'lifetime="short"'), "sharedRuntime"],
    [
      "functions on another page",
      breakIt(
        '<Page>\n              <SourceLocation resid="Taskpane.Url"/>',
        '<Page>\n              <SourceLocation resid="Functions.Script.Url"/>',
      ),
      "sharedRuntime",
    ],
    [
      "a TaskpaneId in a shared runtime",
      breakIt(
        '<Action xsi:type="ShowTaskpane">',
        '<Action xsi:type="ShowTaskpane">\n<TaskpaneId>ButtonId1</TaskpaneId>',
      ),
      "sharedRuntime",
    ],
    [
      "no SharedRuntime requirement",
      breakIt(
        '<Set Name="SharedRuntime" MinVersion="1.1"/>',
        '<Set Name="CustomFunctionsRuntime" MinVersion="1.1"/>',
      ),
      "sharedRuntime",
    ],
    [
      "a namespace over 32 characters",
      breakIt('DefaultValue="FINSAM"/>', `DefaultValue="${"F".repeat(33)}"/>`),
      "namespace",
    ],
  ])("finds %s", (_name, xml, code) => {
    expect(codes(xml)).toContain(code);
  });
});
