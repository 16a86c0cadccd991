import { DOMParser } from "@xmldom/xmldom";

/**
 * Offline checks of an add-in only (XML) manifest. No XSD for current manifests can be had offline (the
 * ones Microsoft once published lack <Runtimes>), and `office-addin-manifest validate` posts the file to
 * an online service; so this checks what can be checked here: well-formedness, the schema's element
 * order and required elements, id and version formats, requirement sets, resource references and ids,
 * string lengths, https-only URLs, and the shared-runtime wiring. Each problem has a stable code.
 */
export interface ManifestProblem {
  code: string;
  message: string;
}

type El = Element;

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

/** The schema's sequence for a TaskPaneApp's children (all optional unless in REQUIRED_TOP). */
const TOP_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Dictionary",
  "VersionOverrides",
  "ExtendedOverrides",
];
const REQUIRED_TOP = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "DefaultSettings",
  "Permissions",
];
const PERMISSIONS = ["Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument", "ReadWriteDocument"];
const KNOWN_SETS = new Set([
  "SharedRuntime",
  "CustomFunctionsRuntime",
  "ExcelApi",
  "ExcelApiOnline",
  "DialogApi",
  "RibbonApi",
  "AddinCommands",
  "IdentityAPI",
  "NestedAppAuth",
  "DocumentEvents",
  "Settings",
  "File",
  "TextCoercion",
  "MatrixCoercion",
  "TableCoercion",
  "ImageCoercion",
  "Selection",
  "BindingEvents",
  "MatrixBindings",
  "TableBindings",
  "TextBindings",
  "PartialTableBindings",
  "CompressedFile",
  "DevicePermission",
  "KeyboardShortcuts",
]);
/** Which resource list an element's resid must point into. */
const RESOURCE_KIND: Record<string, string> = {
  Image: "Images",
  SourceLocation: "Urls",
  LearnMoreUrl: "Urls",
  FunctionFile: "Urls",
  Runtime: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Namespace: "ShortStrings",
  Description: "LongStrings",
};
const MAX_LENGTH: Record<string, number> = { ShortStrings: 125, LongStrings: 250 };
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;
const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export function validateManifest(
  xml: string,
  options: { assetExists?: (path: string) => boolean } = {},
): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const add = (code: string, message: string) => problems.push({ code, message });

  const parseErrors: string[] = [];
  let doc: Document | undefined;
  try {
    doc = new DOMParser({
      onError: (level: string, message: string) => {
        if (level !== "warning") parseErrors.push(message);
      },
    }).parseFromString(xml, "text/xml") as unknown as Document;
  } catch (error) {
    parseErrors.push(String((error as Error).message ?? error));
  }
  if (parseErrors.length > 0 || !doc?.documentElement) {
    add("xml", `not well-formed XML: ${parseErrors[0] ?? "no root element"}`);
    return problems;
  }

  const root = doc.documentElement as unknown as El;
  if (root.localName !== "OfficeApp" || root.namespaceURI !== NS.app) {
    add("root", `the root must be <OfficeApp xmlns="${NS.app}">`);
    return problems;
  }
  if (root.getAttributeNS(NS.xsi, "type") !== "TaskPaneApp")
    add("root", 'OfficeApp must have xsi:type="TaskPaneApp"');

  // Order and presence of the top-level elements.
  const top = children(root);
  let last = -1;
  for (const child of top) {
    const index = TOP_ORDER.indexOf(child.localName);
    if (index < 0) add("order", `unknown element <${child.localName}> in OfficeApp`);
    else if (index < last) add("order", `<${child.localName}> must come before <${TOP_ORDER[last]}>`);
    else if (index === last) add("order", `<${child.localName}> appears twice`);
    last = Math.max(last, index);
  }
  for (const name of REQUIRED_TOP) if (!child(root, name)) add("required", `<${name}> is missing`);

  const id = text(child(root, "Id"));
  if (child(root, "Id") && !GUID.test(id)) add("id", `<Id> "${id}" is not a GUID`);
  const version = text(child(root, "Version"));
  if (child(root, "Version") && !VERSION.test(version))
    add("version", `<Version> "${version}" is not n.n.n.n`);
  const locale = text(child(root, "DefaultLocale"));
  if (child(root, "DefaultLocale") && !LOCALE.test(locale))
    add("locale", `<DefaultLocale> "${locale}" is not a culture name`);
  const permissions = text(child(root, "Permissions"));
  if (child(root, "Permissions") && !PERMISSIONS.includes(permissions))
    add("permissions", `<Permissions> "${permissions}" is not valid`);

  for (const [name, max] of [
    ["DisplayName", 125],
    ["Description", 250],
  ] as const) {
    const el = child(root, name);
    if (!el) continue;
    checkLength(el.getAttribute("DefaultValue") ?? "", max, `<${name}>`, add);
    if (!el.getAttribute("DefaultValue")) add("required", `<${name}> needs a DefaultValue`);
    for (const o of children(el, "Override")) checkOverride(o, max, `<${name}>`, add);
  }

  // Every URL is https.
  for (const el of all(root)) {
    for (const attr of ["DefaultValue", "Value"]) {
      const value = el.getAttribute(attr);
      if (value && /^[a-z]+:\/\//i.test(value) && !/^https:\/\//i.test(value)) {
        add("https", `<${el.localName}> ${attr} "${value}" is not https`);
      }
    }
    if (el.localName === "AppDomain" && !/^https:\/\//i.test(text(el)))
      add("https", `<AppDomain> "${text(el)}" is not https`);
  }

  // Requirement sets.
  for (const set of all(root).filter((el) => el.localName === "Set")) {
    const name = set.getAttribute("Name") ?? "";
    if (!KNOWN_SETS.has(name)) add("requirements", `requirement set "${name}" is not known`);
    const min = set.getAttribute("MinVersion");
    if (min !== null && !/^\d+\.\d+$/.test(min))
      add("requirements", `requirement set "${name}" MinVersion "${min}" is not n.n`);
  }

  const overrides = child(root, "VersionOverrides");
  if (!overrides) return problems;

  // Resources: unique ids, lengths, overrides.
  const resources = child(overrides, "Resources");
  const byKind = new Map<string, Map<string, El>>();
  const allIds = new Map<string, string>();
  for (const kind of ["Images", "Urls", "ShortStrings", "LongStrings"]) {
    const list = new Map<string, El>();
    byKind.set(kind, list);
    const group = resources ? child(resources, kind) : undefined;
    for (const item of group ? children(group) : []) {
      const rid = item.getAttribute("id") ?? "";
      if (!rid) add("resource", `a resource in <bt:${kind}> has no id`);
      if (rid.length > 32) add("length", `resource id "${rid}" is longer than 32 characters`);
      if (allIds.has(rid)) add("duplicate", `resource id "${rid}" is used twice`);
      allIds.set(rid, kind);
      list.set(rid, item);
      const value = item.getAttribute("DefaultValue") ?? "";
      if (!value) add("resource", `resource "${rid}" has no DefaultValue`);
      const max = MAX_LENGTH[kind];
      if (max) checkLength(value, max, `resource "${rid}"`, add);
      for (const o of children(item, "Override")) checkOverride(o, max ?? 2048, `resource "${rid}"`, add);
    }
  }

  // Every resid resolves, and to the right kind of resource.
  for (const el of all(overrides)) {
    const resid = el.getAttribute("resid");
    if (resid === null) continue;
    const kind = allIds.get(resid);
    if (!kind) add("resid", `<${el.localName} resid="${resid}"> points at no resource`);
    else {
      const expected = RESOURCE_KIND[el.localName];
      if (expected && expected !== kind)
        add("resid", `<${el.localName} resid="${resid}"> must point into <bt:${expected}>, not <bt:${kind}>`);
    }
  }

  // Control, group and tab ids are unique.
  const controlIds = new Set<string>();
  for (const el of all(overrides).filter((e) =>
    ["Control", "Group", "CustomTab", "Menu", "Item"].includes(e.localName),
  )) {
    const cid = el.getAttribute("id") ?? "";
    if (!cid) add("id", `<${el.localName}> has no id`);
    if (controlIds.has(cid)) add("duplicate", `control id "${cid}" is used twice`);
    controlIds.add(cid);
  }

  // Icons that the files of the repository must provide.
  if (options.assetExists) {
    for (const [rid, item] of byKind.get("Images") ?? []) {
      const url = item.getAttribute("DefaultValue") ?? "";
      const path = /^https:\/\/localhost(?::\d+)?\/(.+)$/.exec(url)?.[1];
      if (path && !options.assetExists(path))
        add("asset", `image "${rid}" points at ${path}, which does not exist`);
    }
  }

  checkSharedRuntime(root, overrides, byKind, add);
  return problems;
}

/** The shared-runtime wiring: one long-lived runtime page serving the task pane, functions and commands. */
function checkSharedRuntime(
  root: El,
  overrides: El,
  byKind: Map<string, Map<string, El>>,
  add: (code: string, message: string) => void,
): void {
  const runtimes = all(overrides).filter((e) => e.localName === "Runtime");
  if (runtimes.length === 0) return;
  const hasSet = all(root).some((e) => e.localName === "Set" && e.getAttribute("Name") === "SharedRuntime");
  if (!hasSet) add("sharedRuntime", 'a <Runtime> needs the requirement set "SharedRuntime"');
  const runtime = runtimes[0];
  const page = runtime.getAttribute("resid") ?? "";
  if (runtime.getAttribute("lifetime") !== "long")
    add("sharedRuntime", '<Runtime> must have lifetime="long"');
  const cf = all(overrides).find(
    (e) => e.localName === "ExtensionPoint" && e.getAttributeNS(NS.xsi, "type") === "CustomFunctions",
  );
  if (cf) {
    const pageLocation = child(child(cf, "Page"), "SourceLocation");
    if (pageLocation?.getAttribute("resid") !== page)
      add("sharedRuntime", "the custom functions' <Page> must be the runtime's page");
    for (const part of ["Script", "Metadata"]) {
      if (!child(child(cf, part), "SourceLocation"))
        add("required", `the custom functions' <${part}> has no <SourceLocation>`);
    }
    const ns = child(cf, "Namespace")?.getAttribute("resid") ?? "";
    const value = byKind.get("ShortStrings")?.get(ns)?.getAttribute("DefaultValue") ?? "";
    if (!/^[A-Za-z][A-Za-z0-9]{0,31}$/.test(value))
      add("namespace", `the custom functions' namespace "${value}" must be 1–32 letters or digits`);
  }
  for (const ff of all(overrides).filter((e) => e.localName === "FunctionFile")) {
    if (ff.getAttribute("resid") !== page) add("sharedRuntime", "<FunctionFile> must be the runtime's page");
  }
  for (const action of all(overrides).filter(
    (e) => e.localName === "Action" && e.getAttributeNS(NS.xsi, "type") === "ShowTaskpane",
  )) {
    if (child(action, "TaskpaneId"))
      add("sharedRuntime", "a ShowTaskpane action in a shared runtime must not have a <TaskpaneId>");
    if (child(action, "SourceLocation")?.getAttribute("resid") !== page)
      add("sharedRuntime", "ShowTaskpane must open the runtime's page");
  }
}

function checkLength(value: string, max: number, what: string, add: (code: string, message: string) => void) {
  if ([...value].length > max) add("length", `${what} is ${[...value].length} characters, more than ${max}`);
}

function checkOverride(o: El, max: number, what: string, add: (code: string, message: string) => void) {
  const loc = o.getAttribute("Locale") ?? "";
  if (!LOCALE.test(loc)) add("locale", `${what} has an override with locale "${loc}"`);
  checkLength(o.getAttribute("Value") ?? "", max, `${what} (${loc})`, add);
}

function children(el: El | undefined, name?: string): El[] {
  if (!el) return [];
  const out: El[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (!name || (n as El).localName === name)) out.push(n as El);
  }
  return out;
}

function child(el: El | undefined, name: string): El | undefined {
  return children(el, name)[0];
}

function all(el: El): El[] {
  const out: El[] = [];
  const walk = (e: El) => {
    for (const c of children(e)) {
      out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

function text(el: El | undefined): string {
  return (el?.textContent ?? "").trim();
}
