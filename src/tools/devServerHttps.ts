import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

/**
 * The dev server's TLS: Office only loads add-ins over https, from a certificate the machine trusts.
 * Microsoft's `getHttpsServerOptions()` creates and trusts one, but trusting needs an administrator and
 * on Linux it fails (and `office-addin-dev-certs install` exits 0 all the same). So, in order:
 *   1. FINSAM_HTTP=1: plain http (tests, the workbench);
 *   2. certificate files already in ~/.office-addin-dev-certs: use them, trusted or not;
 *   3. Windows and macOS: Microsoft's way (creates, trusts, may ask for an administrator);
 *   4. elsewhere: create the files without trusting them; if even that fails, plain http.
 * Never throws: a newcomer's `npm start` must come up.
 */
export interface HttpsChoice {
  type: "https" | "http";
  options?: { key: Buffer; cert: Buffer; ca: Buffer };
  /** What to tell the user about it. */
  note: string;
}

export const CERT_DIR = join(homedir(), ".office-addin-dev-certs");
const files = {
  key: join(CERT_DIR, "localhost.key"),
  cert: join(CERT_DIR, "localhost.crt"),
  ca: join(CERT_DIR, "ca.crt"),
};

function fromFiles(): HttpsChoice["options"] | null {
  if (!Object.values(files).every((f) => existsSync(f))) return null;
  return { key: readFileSync(files.key), cert: readFileSync(files.cert), ca: readFileSync(files.ca) };
}

export async function chooseHttps(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): Promise<HttpsChoice> {
  if (env.FINSAM_HTTP === "1") return { type: "http", note: "http (FINSAM_HTTP=1)" };
  const existing = fromFiles();
  if (existing)
    return { type: "https", options: existing, note: `https with the certificate in ${CERT_DIR}` };
  try {
    const devCerts = await import("office-addin-dev-certs");
    if (platform === "win32" || platform === "darwin") {
      const o = await devCerts.getHttpsServerOptions();
      return {
        type: "https",
        options: { key: o.key, cert: o.cert, ca: o.ca },
        note: "https with a trusted developer certificate",
      };
    }
    await devCerts.generateCertificates();
    const created = fromFiles();
    if (created) {
      return {
        type: "https",
        options: created,
        note: `https with a new, not yet trusted certificate in ${CERT_DIR} (trust ca.crt in your browser, or run "sudo npx office-addin-dev-certs install")`,
      };
    }
  } catch {
    // fall through to plain http
  }
  return { type: "http", note: "http: no developer certificate could be created" };
}
