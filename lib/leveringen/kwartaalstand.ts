/**
 * Where a berichtgever stands for one gemeente and quarter: which delivery counts (the geldende
 * levering) and what the contact person should do now. No server imports: pages, mails and the
 * monitor all use it.
 *
 * Choices:
 * - The geldende levering is the newest accepted one (status VERWERKT; a replaced one is
 *   VERVANGEN). A file still being checked, or a rejected re-upload, never takes its place: until a
 *   new file is accepted the earlier accepted one counts, and every page and mail says so.
 * - A proeflevering (checked only, or waiting for the contact person's release) is not a delivery:
 *   it is never geldend and does not change the stand. Once released, it is a delivery received at
 *   the moment of release.
 * - The current quarter is the one whose aanleverperiode is open today; between periods it is the
 *   quarter whose period ended last (its verdict still matters), with the next period announced.
 */
import { formatKwartaal, type Kwartaalnummer } from "@/lib/swi/datum";
import type { Datum } from "@/lib/swi/types";
import { aanleverperiode, beoordeelAanlevering, datumInNederland, type AanleverBeoordeling } from "./aanleverperiode";
import type { LeveringStatus } from "./status";
import { swiDatum } from "@/lib/swi/opmaak";

export interface LeveringInStand {
  id: string;
  status: LeveringStatus | string;
  ontvangenOp: Date;
  proef?: string | null;
}

const IN_BEHANDELING = new Set(["ONTVANGEN", "TECHNISCHE_CONTROLE", "STATISTISCHE_CONTROLE"]);

/** The delivery that counts: the newest accepted one, or none. */
export function geldendeLevering<L extends LeveringInStand>(leveringen: readonly L[]): L | null {
  let geldend: L | null = null;
  for (const l of leveringen) {
    if (l.status === "VERWERKT" && !l.proef && (!geldend || l.ontvangenOp > geldend.ontvangenOp)) geldend = l;
  }
  return geldend;
}

export type Stand =
  | "nog-niet-begonnen"
  | "nog-niet-geleverd"
  | "wordt-gecontroleerd"
  | "afgekeurd"
  | "tijdig"
  | "te-laat"
  | "termijn-verstreken";

export const STAND_TEKST: Record<Stand, string> = {
  "nog-niet-begonnen": "Aanleverperiode nog niet begonnen",
  "nog-niet-geleverd": "Nog niet geleverd",
  "wordt-gecontroleerd": "Wordt gecontroleerd",
  afgekeurd: "Afgekeurd",
  tijdig: "Op tijd geleverd",
  "te-laat": "Te laat geleverd",
  "termijn-verstreken": "Niet geleverd, termijn verstreken",
};

export interface KwartaalStand<L extends LeveringInStand = LeveringInStand> {
  jaar: number;
  kwartaal: Kwartaalnummer;
  stand: Stand;
  beoordeling: AanleverBeoordeling;
  geldend: L | null;
  /** The newest delivery, when it is not the geldende one (being checked, or rejected). */
  nieuwste: L | null;
  /** What to do now, in one sentence; null when nothing needs doing. */
  teDoen: string | null;
}

export function kwartaalStand<L extends LeveringInStand>(
  jaar: number,
  kwartaal: Kwartaalnummer,
  leveringen: readonly L[],
  nu: Date = new Date(),
): KwartaalStand<L> {
  leveringen = leveringen.filter((l) => !l.proef);
  const beoordeling = beoordeelAanlevering(jaar, kwartaal, leveringen, nu);
  const geldend = geldendeLevering(leveringen);
  const nieuwsteAlle = [...leveringen].sort((a, b) => b.ontvangenOp.getTime() - a.ontvangenOp.getTime())[0] ?? null;
  const nieuwste = nieuwsteAlle && nieuwsteAlle !== geldend ? nieuwsteAlle : null;
  const uiterlijk = swiDatum(beoordeling.einde);
  const basis = { jaar, kwartaal, beoordeling, geldend, nieuwste };
  if (nieuwste && IN_BEHANDELING.has(nieuwste.status)) {
    return {
      ...basis,
      stand: "wordt-gecontroleerd",
      teDoen: geldend
        ? "Uw nieuwe bestand wordt gecontroleerd; tot het is goedgekeurd, blijft de eerdere levering gelden."
        : "Uw bestand wordt gecontroleerd. U krijgt een e-mail zodra de controle klaar is.",
    };
  }
  if (geldend) {
    return {
      ...basis,
      stand: beoordeling.staat === "te-laat" ? "te-laat" : "tijdig",
      teDoen:
        nieuwste?.status === "AFGEKEURD"
          ? "Uw laatste bestand is afgekeurd; de eerdere levering blijft gelden. Bekijk de fouten als u opnieuw wilt leveren."
          : null,
    };
  }
  if (nieuwste?.status === "AFGEKEURD") {
    return {
      ...basis,
      stand: "afgekeurd",
      teDoen: beoordeling.termijnVerstreken
        ? "Herstel de fouten en lever zo snel mogelijk opnieuw aan: de termijn is verstreken."
        : `Herstel de fouten en lever opnieuw aan, uiterlijk ${uiterlijk}.`,
    };
  }
  if (beoordeling.staat === "nog-niet-begonnen") {
    return { ...basis, stand: "nog-niet-begonnen", teDoen: `U kunt aanleveren vanaf ${swiDatum(beoordeling.begin)}.` };
  }
  if (beoordeling.termijnVerstreken) {
    return {
      ...basis,
      stand: "termijn-verstreken",
      teDoen: `De termijn liep tot en met ${uiterlijk}. Lever zo snel mogelijk aan.`,
    };
  }
  return {
    ...basis,
    stand: "nog-niet-geleverd",
    teDoen: `Lever aan uiterlijk ${uiterlijk} (nog ${beoordeling.dagenOver === 1 ? "1 dag" : `${beoordeling.dagenOver} dagen`}).`,
  };
}

/**
 * The quarter the portal talks about today: the one whose aanleverperiode is open, else the one
 * whose period ended last; `volgende` is the next period when none is open.
 */
export function actueelKwartaal(nu: Date = new Date()): {
  jaar: number;
  kwartaal: Kwartaalnummer;
  open: boolean;
  volgende: { jaar: number; kwartaal: Kwartaalnummer; begin: Datum } | null;
} {
  const vandaag = datumInNederland(nu);
  const jaar = Math.floor(vandaag / 10000);
  // The quarters whose periods could contain today or have ended last: the previous ones.
  const kandidaten: { jaar: number; kwartaal: Kwartaalnummer }[] = [];
  for (const j of [jaar - 1, jaar]) for (const k of [1, 2, 3, 4] as const) kandidaten.push({ jaar: j, kwartaal: k });
  const begonnen = kandidaten.filter((q) => aanleverperiode(q.jaar, q.kwartaal).begin <= vandaag);
  const laatste = begonnen[begonnen.length - 1]!;
  const periode = aanleverperiode(laatste.jaar, laatste.kwartaal);
  if (vandaag <= periode.einde) return { ...laatste, open: true, volgende: null };
  const volgend =
    laatste.kwartaal === 4
      ? { jaar: laatste.jaar + 1, kwartaal: 1 as const }
      : { jaar: laatste.jaar, kwartaal: (laatste.kwartaal + 1) as Kwartaalnummer };
  return {
    ...laatste,
    open: false,
    volgende: { ...volgend, begin: aanleverperiode(volgend.jaar, volgend.kwartaal).begin },
  };
}

/** The last `aantal` quarters up to and including the given one, oldest first. */
export function kwartalenTot(
  jaar: number,
  kwartaal: Kwartaalnummer,
  aantal: number,
): { jaar: number; kwartaal: Kwartaalnummer; tekst: string }[] {
  const uit: { jaar: number; kwartaal: Kwartaalnummer; tekst: string }[] = [];
  let j = jaar;
  let k: number = kwartaal;
  for (let i = 0; i < aantal; i++) {
    uit.unshift({ jaar: j, kwartaal: k as Kwartaalnummer, tekst: formatKwartaal(j, k) });
    k--;
    if (k === 0) {
      k = 4;
      j--;
    }
  }
  return uit;
}
