import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { e2eVarDir } from "./browser";

/** A server action as the production build lists it (server-reference-manifest.json). */
export interface ServerActie {
  id: string;
  bestand: string;
  naam: string;
}

/** Every server action of the build the e2e server runs (SWI_NEXT_DIR, as scripts/lib/portaal.ts builds it). */
export function serverActiesVanBuild(): ServerActie[] {
  const manifest = path.resolve(process.env.SWI_NEXT_DIR || ".next", "server", "server-reference-manifest.json");
  const m = JSON.parse(fs.readFileSync(manifest, "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  return Object.entries(m.node)
    .map(([id, a]) => ({ id, bestand: a.filename, naam: a.exportedName }))
    .sort((a, b) => `${a.bestand}#${a.naam}`.localeCompare(`${b.bestand}#${b.naam}`));
}

export type GevondenFormulier =
  | {
      soort: "serveractie";
      pagina: string;
      actieId: string;
      /** Arguments bound to the action on the server (and useActionState's previous state). */
      gebonden: unknown[];
      velden: [string, string][];
    }
  | { soort: "post"; pagina: string; doel: string }
  | { soort: "get"; pagina: string };

/**
 * The forms on a page as the server rendered them (the browser context has JavaScript off, so
 * React's progressive-enhancement fields are still in the DOM). A server action is recognised by
 * React's hidden fields: `$ACTION_ID_<id>` for a bare action, `$ACTION_REF_n` with `$ACTION_n:0`
 * ({ id, bound }) and `$ACTION_n:1` (the bound values) for a bound one.
 */
export async function formulierenOp(page: Page): Promise<GevondenFormulier[]> {
  const pagina = new URL(page.url()).pathname + new URL(page.url()).search;
  const ruw = await page.locator("form").evaluateAll((forms) =>
    forms.map((f) => {
      const form = f as HTMLFormElement;
      return {
        method: (form.getAttribute("method") ?? "get").toLowerCase(),
        action: form.getAttribute("action"),
        velden: [...new FormData(form)].map(([k, v]) => [k, typeof v === "string" ? v : ""] as [string, string]),
      };
    }),
  );
  return ruw.map((f): GevondenFormulier => {
    const id = f.velden.find(([k]) => k.startsWith("$ACTION_ID_"))?.[0].slice("$ACTION_ID_".length);
    if (id) return { soort: "serveractie", pagina, actieId: id, gebonden: [], velden: f.velden };
    const ref = f.velden.find(([k]) => /^\$ACTION_REF_\d+$/.test(k))?.[0].slice("$ACTION_REF_".length);
    if (ref) {
      const kop = JSON.parse(f.velden.find(([k]) => k === `$ACTION_${ref}:0`)?.[1] ?? "{}") as { id?: string };
      const gebonden = JSON.parse(f.velden.find(([k]) => k === `$ACTION_${ref}:1`)?.[1] ?? "[]") as unknown[];
      if (!kop.id) throw new Error(`Formulier op ${pagina} met $ACTION_REF_${ref} zonder actie-id`);
      return { soort: "serveractie", pagina, actieId: kop.id, gebonden, velden: f.velden };
    }
    if (f.method === "post") return { soort: "post", pagina, doel: new URL(f.action ?? "", page.url()).pathname };
    return { soort: "get", pagina };
  });
}

const WEIGERING = /does not match `origin` header with value `([^`]*)`/g;

/** How often Next.js has refused a server action for its Origin so far (read from the server log). */
export function geweigerdeServeracties(): string[] {
  const log = fs.readFileSync(path.join(e2eVarDir(), "server.log"), "utf8");
  return [...log.matchAll(WEIGERING)].map((m) => m[1]!);
}

/** Waits until the server log shows `n` more refusals than `voor` (the log is written asynchronously). */
export async function wachtOpWeigeringen(voor: number, n: number, timeoutMs = 5000): Promise<string[]> {
  const tot = Date.now() + timeoutMs;
  for (;;) {
    const nu = geweigerdeServeracties();
    if (nu.length >= voor + n || Date.now() > tot) return nu.slice(voor);
    await new Promise((r) => setTimeout(r, 100));
  }
}
