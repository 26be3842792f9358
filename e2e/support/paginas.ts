import type { BrowserContext, Browser } from "@playwright/test";
import type { Matrixwereld } from "./matrixwereld";
import { routesInApp, vulIn } from "./routes";

export type Rol = "anoniem" | "eigen" | "backup" | "cbs";

/**
 * Every page of the app on disk, with concrete parameters from the matrix world, that this role
 * may open (so a new page is covered without touching the specs that walk them all), plus the
 * states of the staff pages that show more (an export link, a person-level list).
 */
export function paginasVoor(w: Matrixwereld, rol: Rol): string[] {
  const waarden = { code: "0153", id: w.levering.id, uploadId: w.uploads.metDelen, n: "0", nextauth: "session" };
  const paden = routesInApp()
    .filter((r) => r.soort === "pagina")
    .filter((r) =>
      rol === "cbs"
        ? r.patroon.startsWith("/beheer")
        : rol === "anoniem"
          ? !r.patroon.startsWith("/beheer") && !r.patroon.startsWith("/berichtgever")
          : r.patroon.startsWith("/berichtgever"),
    )
    .map((r) =>
      r.patroon.startsWith("/beheer/campagnes/[id]")
        ? vulIn(r.patroon, { id: w.campagneId })
        : vulIn(r.patroon, waarden),
    );
  if (rol === "cbs") {
    paden.push(
      "/beheer/landelijke-controles?kwartaal=2026-1",
      "/beheer/monitor?kwartaal=2026-1",
      "/beheer/audit?actie=export",
      "/beheer/berichtgevers/0153",
    );
  }
  if (rol !== "anoniem") paden.push("/uitloggen");
  return [...new Set(paden)];
}

export function sessieVan(w: Matrixwereld, rol: Rol): string | null {
  return rol === "anoniem" ? null : w.sessies[rol].cookie;
}

/** A browser context signed in as the role (the matrix world's session cookie), or anonymous. */
export async function contextAls(
  browser: Browser,
  baseURL: string,
  cookie: string | null,
  opties: Parameters<Browser["newContext"]>[0] = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, ...opties });
  if (cookie) {
    await context.addCookies([
      {
        name: "next-auth.session-token",
        value: cookie,
        domain: new URL(baseURL).hostname,
        path: "/",
        httpOnly: true,
        sameSite: "Lax",
      },
    ]);
  }
  return context;
}
