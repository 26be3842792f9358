import type { Db } from "@/lib/db/client";
import type { LeveringStatus } from "@/lib/generated/prisma/enums";
import { aanleverperiode, datumInNederland } from "@/lib/leveringen/aanleverperiode";
import { leveringOpslag } from "@/lib/leveringen/opslag";
import type { Opslag } from "@/lib/storage";
import type { Kwartaalnummer } from "@/lib/swi/datum";
import { leesAanlevering } from "@/lib/swi/intake";
import { bepalendeLevering, volgendKwartaalVan } from "./monitor";
import { type Actor } from "@/lib/auth/actor";
import { beheerLezing } from "./context";

/**
 * National checks across gemeenten for one quarter, on the BSNs of every accepted delivery:
 *
 * 1. dubbel: a BSN delivered for two (or more) gemeenten, while fewer than all but one of them
 *    report a verhuizing (EindeBegeleidingReden 1). When a person moves, both gemeenten deliver
 *    them that quarter and the one they left reports reden 1; anything else means two gemeenten
 *    think they are responsible.
 * 2. verdwenen: a person who left a gemeente with reden 1 (verhuizing) and whom no other gemeente
 *    delivers in the next quarter. (Their old gemeente may still deliver late information about
 *    them then; that does not show that a new gemeente took them on, so it does not count.)
 *
 * BSN-level data: for CBS staff only, every view and export audit-logged by the caller. The
 * uploads are decrypted one at a time and only BSN, gemeente and reden are kept.
 */

export interface Voorkomen {
  gemeentecode: string;
  berichtgeverCode: string;
  /** EindeBegeleidingReden = 1 in this delivery. */
  verhuisd: boolean;
}

export interface DubbeleBsn {
  bsn: string;
  gemeenten: Voorkomen[];
}

export interface VerdwenenPersoon {
  bsn: string;
  /** Where they left with reden 1. */
  gemeentecode: string;
  berichtgeverCode: string;
}

/** bsn → where it was delivered in one quarter (one entry per delivery). */
export type PersonenVanKwartaal = Map<string, Voorkomen[]>;

export function dubbeleBsns(personen: PersonenVanKwartaal): DubbeleBsn[] {
  const uit: DubbeleBsn[] = [];
  for (const [bsn, voorkomens] of personen) {
    // Two berichtgevers may each deliver part of one gemeente: per gemeente, not per file.
    const perGemeente = new Map<string, boolean>();
    for (const v of voorkomens)
      perGemeente.set(v.gemeentecode, (perGemeente.get(v.gemeentecode) ?? false) || v.verhuisd);
    if (perGemeente.size < 2) continue;
    const verhuisd = [...perGemeente.values()].filter(Boolean).length;
    if (verhuisd < perGemeente.size - 1) {
      uit.push({ bsn, gemeenten: [...voorkomens].sort((a, b) => a.gemeentecode.localeCompare(b.gemeentecode)) });
    }
  }
  return uit.sort((a, b) => a.bsn.localeCompare(b.bsn));
}

export function verdwenenNaVerhuizing(huidig: PersonenVanKwartaal, volgend: PersonenVanKwartaal): VerdwenenPersoon[] {
  const uit: VerdwenenPersoon[] = [];
  for (const [bsn, voorkomens] of huidig) {
    const later = volgend.get(bsn) ?? [];
    for (const v of voorkomens) {
      if (!v.verhuisd) continue;
      if (later.some((l) => l.gemeentecode !== v.gemeentecode)) continue;
      uit.push({ bsn, gemeentecode: v.gemeentecode, berichtgeverCode: v.berichtgeverCode });
    }
  }
  return uit.sort((a, b) => a.gemeentecode.localeCompare(b.gemeentecode) || a.bsn.localeCompare(b.bsn));
}

const GEACCEPTEERD: readonly LeveringStatus[] = ["STATISTISCHE_CONTROLE", "VERWERKT", "VERVANGEN"];

export interface NietGelezen {
  berichtgeverCode: string;
  gemeentecode: string;
  bestandsnaam: string;
  reden: string;
}

export interface KwartaalPersonen {
  personen: PersonenVanKwartaal;
  gelezen: number;
  nietGelezen: NietGelezen[];
}

/**
 * The persons of every accepted delivery that stands for the quarter (per berichtgever and
 * gemeente the newest accepted one), read again from the encrypted uploads.
 */
export async function personenVanKwartaal(
  db: Db,
  jaar: number,
  kwartaal: number,
  opslag: Opslag = leveringOpslag(),
): Promise<KwartaalPersonen> {
  const alle = await db.levering.findMany({
    where: {
      statistiekjaar: jaar,
      statistiekkwartaal: kwartaal,
      gemeentecode: { not: null },
      status: { in: [...GEACCEPTEERD] },
      proef: null,
    },
    select: {
      id: true,
      gemeentecode: true,
      status: true,
      ontvangenOp: true,
      bestandsnaam: true,
      aanlevering: {
        select: { id: true, bestandsnaam: true, opslagSleutel: true, bestandVerwijderdOp: true, ontvangenOp: true },
      },
      berichtgever: { select: { id: true, code: true } },
    },
  });
  const perPaar = new Map<string, typeof alle>();
  for (const l of alle) {
    const k = `${l.berichtgever.id}|${l.gemeentecode}`;
    perPaar.set(k, [...(perPaar.get(k) ?? []), l]);
  }
  const nietGelezen: NietGelezen[] = [];
  // One decryption per upload, however many of its members are wanted.
  const perUpload = new Map<
    string,
    { upload: NonNullable<(typeof alle)[number]["aanlevering"]>; leden: Map<string, (typeof alle)[number]> }
  >();
  for (const lijst of perPaar.values()) {
    const l = bepalendeLevering(lijst)!;
    const a = l.aanlevering;
    if (!a?.opslagSleutel || a.bestandVerwijderdOp) {
      nietGelezen.push({
        berichtgeverCode: l.berichtgever.code,
        gemeentecode: l.gemeentecode!,
        bestandsnaam: l.bestandsnaam,
        reden: "Het bestand is niet meer bewaard (bewaartermijn verstreken).",
      });
      continue;
    }
    const u = perUpload.get(a.id) ?? { upload: a, leden: new Map() };
    u.leden.set(l.bestandsnaam, l);
    perUpload.set(a.id, u);
  }

  const personen: PersonenVanKwartaal = new Map();
  let gelezen = 0;
  for (const { upload, leden } of perUpload.values()) {
    const gevonden = new Set<string>();
    try {
      await opslag.metOntsleuteldBestand(upload.opslagSleutel!, async (pad) => {
        const gemeenten = new Set([...leden.values()].map((l) => l.gemeentecode!));
        const ctx = { received: datumInNederland(upload.ontvangenOp), codelijst: () => gemeenten };
        for await (const uitkomst of leesAanlevering({ naam: upload.bestandsnaam, pad }, ctx)) {
          const l = leden.get(uitkomst.fileName);
          if (!l || !uitkomst.accepted || !uitkomst.levering) continue;
          gevonden.add(uitkomst.fileName);
          gelezen++;
          for (const p of uitkomst.levering.personen) {
            const v: Voorkomen = {
              gemeentecode: l.gemeentecode!,
              berichtgeverCode: l.berichtgever.code,
              verhuisd: p.eindeBegeleidingReden === 1,
            };
            const bestaand = personen.get(p.bsn);
            if (bestaand) bestaand.push(v);
            else personen.set(p.bsn, [v]);
          }
        }
      });
    } catch (e) {
      console.error(`[landelijke controles] upload ${upload.id} niet te lezen:`, e instanceof Error ? e.message : e);
    }
    for (const [naam, l] of leden) {
      if (!gevonden.has(naam)) {
        nietGelezen.push({
          berichtgeverCode: l.berichtgever.code,
          gemeentecode: l.gemeentecode!,
          bestandsnaam: naam,
          reden: "Het bestand kon niet opnieuw worden gelezen.",
        });
      }
    }
  }
  nietGelezen.sort((a, b) => a.gemeentecode.localeCompare(b.gemeentecode));
  return { personen, gelezen, nietGelezen };
}

export interface LandelijkeControle {
  jaar: number;
  kwartaal: Kwartaalnummer;
  volgend: { jaar: number; kwartaal: Kwartaalnummer };
  /** The next quarter's aanleverperiode is over: "verdwenen" is then final, before that provisional. */
  volgendCompleet: boolean;
  gelezen: number;
  gelezenVolgend: number;
  nietGelezen: (NietGelezen & { jaar: number; kwartaal: number })[];
  dubbel: DubbeleBsn[];
  verdwenen: VerdwenenPersoon[];
}

export async function landelijkeControle(
  actor: Actor,
  jaar: number,
  kwartaal: Kwartaalnummer,
  opties: { nu?: Date; opslag?: Opslag } = {},
): Promise<LandelijkeControle> {
  const db = beheerLezing(actor);
  const volgend = volgendKwartaalVan(jaar, kwartaal);
  const huidig = await personenVanKwartaal(db, jaar, kwartaal, opties.opslag);
  const dubbel = dubbeleBsns(huidig.personen);
  // Only who left with reden 1 matters from this quarter; drop the rest before reading the next.
  for (const [bsn, v] of huidig.personen) if (!v.some((x) => x.verhuisd)) huidig.personen.delete(bsn);
  const later = await personenVanKwartaal(db, volgend.jaar, volgend.kwartaal, opties.opslag);
  return {
    jaar,
    kwartaal,
    volgend,
    volgendCompleet: datumInNederland(opties.nu ?? new Date()) > aanleverperiode(volgend.jaar, volgend.kwartaal).einde,
    gelezen: huidig.gelezen,
    gelezenVolgend: later.gelezen,
    nietGelezen: [
      ...huidig.nietGelezen.map((n) => ({ ...n, jaar, kwartaal })),
      ...later.nietGelezen.map((n) => ({ ...n, ...volgend })),
    ],
    dubbel,
    verdwenen: verdwenenNaVerhuizing(huidig.personen, later.personen),
  };
}
