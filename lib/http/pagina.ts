import { forbidden, notFound, redirect } from "next/navigation";
import { PortaalFout } from "./fouten";

/**
 * The page side of the request layer: what a page reads through lib/ either arrives, or its
 * refusal becomes the Dutch page for it (not found, no access, sign in). Another tenant's data is
 * "niet gevonden", exactly as on the routes (lib/http/antwoord.ts).
 */
export async function voorPagina<T>(lezen: () => Promise<T>): Promise<T> {
  try {
    return await lezen();
  } catch (e) {
    paginaVoorFout(e);
  }
}

export function paginaVoorFout(e: unknown): never {
  if (e instanceof PortaalFout) {
    if (e.soort === "niet-gevonden") notFound();
    if (e.soort === "geen-recht") forbidden();
    if (e.soort === "niet-ingelogd") redirect("/inloggen");
  }
  throw e;
}
