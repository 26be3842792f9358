import type { Actor } from "@/lib/auth/actor";
import { bijlage } from "@/lib/http/antwoord";
import { route } from "@/lib/http/route";
import { spiegelrapportVoorActor } from "./data";
import type { SpiegelrapportGegevens } from "./gegevens";
import { spiegelrapportParams } from "./parameters";
import { bestandsnaamStam } from "./weergave";

/**
 * A session route handler that downloads the spiegelrapport in one format. Counts only, no
 * person-level data, so no audit entry (the signaleringslijst has one). A delivery without a
 * report (GeenSpiegelrapport) is "niet gevonden" here; the page says why.
 */
export function spiegelrapportDownload(
  extensie: "pdf" | "csv",
  contentType: string,
  maak: (g: SpiegelrapportGegevens, actor: Actor) => Promise<Buffer | string> | Buffer | string,
) {
  return route({ toegang: "sessie", vorm: "tekst", params: spiegelrapportParams }, async ({ actor, params }) => {
    const gegevens = await spiegelrapportVoorActor(actor, params.id, params.code);
    const inhoud = await maak(gegevens, actor);
    const naam = `spiegelrapport_${bestandsnaamStam(gegevens.levering.bestandsnaam)}.${extensie}`;
    return bijlage(typeof inhoud === "string" ? inhoud : new Uint8Array(inhoud), naam, contentType);
  });
}
