/**
 * The v1 resources of one delivery, built on the portal's own tenant-scoped reads
 * (lib/leveringen/data.ts, lib/spiegelrapport): the token's berichtgever is the tenant.
 */
import type { ApiTokenActor } from "@/lib/api-tokens/verificatie";
import { foutenPagina, leveringVoorActor } from "@/lib/leveringen/data";
import { isEindstatus } from "@/lib/leveringen/status";
import { GeenSpiegelrapport, spiegelrapportVoorActor } from "@/lib/spiegelrapport/data";
import { PortaalFout } from "@/lib/http/fouten";
import { leveringUrl } from "./links";
import { portaalUrl } from "@/lib/http/adres";

export const FOUTEN_PER_API_PAGINA = 100;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** GET /api/v1/leveringen/{id}: status, counts, links, and one page of technical errors. */
export async function leveringStatusJson(actor: ApiTokenActor, id: string, pagina = 1) {
  const l = await leveringVoorActor(actor, id);
  const fouten = await foutenPagina(actor, id, pagina, { perPagina: FOUTEN_PER_API_PAGINA });
  const self = leveringUrl(l.id);
  const lijst = l.signaleringslijst;
  const lijstBeschikbaar = lijst !== null && lijst.verwijderdOp === null && lijst.verlooptOp.getTime() > Date.now();
  return {
    id: l.id,
    bestandsnaam: l.bestandsnaam,
    bronBestandsnaam: l.bronBestandsnaam,
    bron: l.bron,
    gemeentecode: l.gemeentecode,
    statistiekjaar: l.statistiekjaar,
    statistiekkwartaal: l.statistiekkwartaal,
    status: l.status,
    eindstatus: isEindstatus(l.status),
    proef: l.proef,
    vrijgegevenOp: iso(l.vrijgegevenOp),
    ontvangenOp: l.ontvangenOp.toISOString(),
    controleGestartOp: iso(l.controleGestartOp),
    verwerktOp: iso(l.verwerktOp),
    vervangenDoor: l.vervangenDoor?.id ?? null,
    aantallen: { personen: l.aantalPersonen, fouten: l.aantalFouten, signalen: l.aantalSignalen },
    fouten: {
      totaal: fouten.aantalFouten,
      opgeslagen: fouten.aantalOpgeslagen,
      pagina: fouten.pagina,
      aantalPaginas: fouten.aantalPaginas,
      items: fouten.fouten,
      volgende: fouten.pagina < fouten.aantalPaginas ? `${self}?foutenPagina=${fouten.pagina + 1}` : null,
    },
    signaleringslijst: lijst
      ? {
          aantalSignalen: lijst.aantalSignalen,
          verlooptOp: lijst.verlooptOp.toISOString(),
          beschikbaar: lijstBeschikbaar,
        }
      : null,
    links: {
      self,
      spiegelrapport: l.heeftSpiegelrapport ? `${self}/spiegelrapport` : null,
      signaleringslijst: lijstBeschikbaar ? `${self}/signaleringslijst` : null,
      portaal: portaalUrl(`/berichtgever/${l.berichtgever.code}/leveringen/${l.id}`),
    },
  };
}

/** GET /api/v1/leveringen/{id}/spiegelrapport: 409 while there is none (yet). */
export async function spiegelrapportJson(actor: ApiTokenActor, id: string) {
  try {
    const g = await spiegelrapportVoorActor(actor, id);
    return {
      levering: {
        id: g.levering.id,
        bestandsnaam: g.levering.bestandsnaam,
        status: g.levering.status,
        url: leveringUrl(g.levering.id),
      },
      berichtgever: g.berichtgever,
      gemeente: g.gemeente,
      spiegelrapport: g.rapport,
      bestandSignalen: g.bestandSignalen,
    };
  } catch (e) {
    if (e instanceof GeenSpiegelrapport) throw geenUitkomstFout(e.leveringStatus, "spiegelrapport");
    throw e;
  }
}

/** 409 for a delivery that has no outcome (yet): the client should poll or stop, not retry blindly. */
export function geenUitkomstFout(status: string, wat: "spiegelrapport" | "signaleringslijst"): PortaalFout {
  const melding =
    status === "AFGEKEURD"
      ? `De levering is afgekeurd; een afgekeurde levering heeft geen ${wat}.`
      : `De levering is nog niet verwerkt (status ${status}). Vraag de status op tot die VERWERKT is.`;
  return new PortaalFout("conflict", melding, { extra: { status } });
}
