import type { Db } from "@/lib/db/client";
import type { LeveringStatus } from "@/lib/generated/prisma/enums";
import { aanleverperiode, beoordeelAanlevering, telt } from "@/lib/leveringen/aanleverperiode";
import type { Kwartaalnummer } from "@/lib/swi/datum";
import { beheerLezing } from "./context";
import type { Tx } from "@/lib/acties/context";
import { codelijstUitDb } from "./codelijst";
import { type Actor } from "@/lib/auth/actor";
import { geldendeLevering } from "@/lib/leveringen/kwartaalstand";

/**
 * The national delivery monitor: for one quarter, every gemeente of the codelijst with each of its
 * berichtgevers (a gemeente may have several, each with its own file) and where its delivery
 * stands.
 *
 * - The status follows the delivery that stands for the quarter: the newest one that was not
 *   rejected (a newer file replaces an older one), else the newest rejected one.
 * - "te laat" comes on top of a status: the first delivery that counts arrived after the
 *   aanleverperiode, or nothing counting has arrived and the period is over
 *   (lib/leveringen/aanleverperiode.ts decides both, as on the berichtgever's own pages).
 * - A gemeente without any berichtgever is shown as ontbreekt: it is a gap in the national file.
 */

export type MonitorStatus = "geleverd" | "afgekeurd" | "verwerkt" | "signaleringslijst" | "ontbreekt";
export type MonitorFilterStatus = MonitorStatus | "te-laat";

export const MONITOR_STATUS_TEKST: Record<MonitorFilterStatus, string> = {
  geleverd: "Geleverd (in behandeling)",
  afgekeurd: "Afgekeurd",
  verwerkt: "Verwerkt",
  signaleringslijst: "Verwerkt, met signaleringslijst",
  ontbreekt: "Ontbreekt",
  "te-laat": "Te laat",
};

export const MONITOR_STATUSSEN: readonly MonitorStatus[] = [
  "ontbreekt",
  "afgekeurd",
  "geleverd",
  "verwerkt",
  "signaleringslijst",
];

export interface MonitorRij {
  gemeentecode: string;
  gemeentenaam: string;
  provincie: string | null;
  berichtgever: { id: string; code: string; naam: string; actief: boolean } | null;
  status: MonitorStatus;
  teLaat: boolean;
  /** The aanleverperiode is over and nothing counting arrived. */
  termijnVerstreken: boolean;
  /** Receipt of the delivery that stands. */
  ontvangenOp: Date | null;
  leveringId: string | null;
  /** leveringId is the geldende levering (accepted); otherwise it is the one being checked or rejected. */
  geldend: boolean;
  aantalLeveringen: number;
  aantalPersonen: number | null;
  vorigAantalPersonen: number | null;
  /** aantalPersonen − vorigAantalPersonen, when both are known. */
  verschil: number | null;
  aantalSignalen: number | null;
  /** Delivered something that counts (not only rejected files): no reminder needed. */
  heeftGeleverd: boolean;
  /** The gemeente is assigned to this berichtgever for the year: only then is it reminded about it. */
  toegewezen: boolean;
}

export interface Monitor {
  jaar: number;
  kwartaal: Kwartaalnummer;
  /** jjjjmmdd */
  periodeBegin: number;
  periodeEinde: number;
  codelijst: string;
  rijen: MonitorRij[];
  totalen: Record<MonitorFilterStatus, number>;
}

interface LeveringKern {
  id: string;
  berichtgeverId: string;
  gemeentecode: string | null;
  status: LeveringStatus;
  ontvangenOp: Date;
  aantalPersonen: number | null;
  aantalSignalen: number | null;
  signaleringslijst: { id: string } | null;
}

/**
 * The delivery the monitor's status rests on: newest counting one, else newest rejected one. The
 * geldende levering (lib/leveringen/kwartaalstand.ts) is the accepted one among them.
 */
export function bepalendeLevering<L extends { status: LeveringStatus; ontvangenOp: Date }>(
  leveringen: readonly L[],
): L | null {
  const nieuwsteEerst = [...leveringen].sort((a, b) => b.ontvangenOp.getTime() - a.ontvangenOp.getTime());
  return (
    nieuwsteEerst.find((l) => telt(l) && l.status !== "VERVANGEN") ??
    nieuwsteEerst.find(telt) ??
    nieuwsteEerst[0] ??
    null
  );
}

export function monitorStatus(
  l: Pick<LeveringKern, "status" | "signaleringslijst" | "aantalSignalen"> | null,
): MonitorStatus {
  if (!l) return "ontbreekt";
  switch (l.status) {
    case "AFGEKEURD":
      return "afgekeurd";
    case "VERWERKT":
    case "VERVANGEN":
      return l.signaleringslijst ? "signaleringslijst" : "verwerkt";
    default:
      return "geleverd";
  }
}

export function vorigKwartaalVan(jaar: number, kwartaal: Kwartaalnummer): { jaar: number; kwartaal: Kwartaalnummer } {
  return kwartaal === 1 ? { jaar: jaar - 1, kwartaal: 4 } : { jaar, kwartaal: (kwartaal - 1) as Kwartaalnummer };
}

export function volgendKwartaalVan(jaar: number, kwartaal: Kwartaalnummer): { jaar: number; kwartaal: Kwartaalnummer } {
  return kwartaal === 4 ? { jaar: jaar + 1, kwartaal: 1 } : { jaar, kwartaal: (kwartaal + 1) as Kwartaalnummer };
}

/** The quarter's deliveries as known at `nu` (so a monitor of a past moment reads as it did then). */
async function leveringenVan(db: Db | Tx, jaar: number, kwartaal: number, nu: Date): Promise<LeveringKern[]> {
  return db.levering.findMany({
    where: {
      statistiekjaar: jaar,
      statistiekkwartaal: kwartaal,
      gemeentecode: { not: null },
      ontvangenOp: { lte: nu },
      // Proefleveringen are the berichtgever's own trial, never part of the monitor.
      proef: null,
    },
    select: {
      id: true,
      berichtgeverId: true,
      gemeentecode: true,
      status: true,
      ontvangenOp: true,
      aantalPersonen: true,
      aantalSignalen: true,
      signaleringslijst: { select: { id: true } },
    },
  });
}

function groepeer(leveringen: LeveringKern[]): Map<string, LeveringKern[]> {
  const m = new Map<string, LeveringKern[]>();
  for (const l of leveringen) {
    const k = `${l.berichtgeverId}|${l.gemeentecode}`;
    const lijst = m.get(k);
    if (lijst) lijst.push(l);
    else m.set(k, [l]);
  }
  return m;
}

export async function monitorVoorKwartaal(
  actor: Actor,
  jaar: number,
  kwartaal: Kwartaalnummer,
  opties: { nu?: Date; db?: Db | Tx } = {},
): Promise<Monitor> {
  const db = beheerLezing(actor, opties.db);
  const nu = opties.nu ?? new Date();
  const lijst = await codelijstUitDb(db, jaar);
  const vorig = vorigKwartaalVan(jaar, kwartaal);
  const [huidige, vorige, toewijzingen, berichtgevers] = await Promise.all([
    leveringenVan(db, jaar, kwartaal, nu),
    leveringenVan(db, vorig.jaar, vorig.kwartaal, nu),
    db.berichtgeverGemeente.findMany({
      where: { vanafJaar: { lte: jaar }, OR: [{ totEnMetJaar: null }, { totEnMetJaar: { gte: jaar } }] },
      select: { berichtgeverId: true, gemeentecode: true },
    }),
    db.berichtgever.findMany({ select: { id: true, code: true, naam: true, actief: true } }),
  ]);
  const berichtgeverVan = new Map(berichtgevers.map((b) => [b.id, b]));
  const huidigPer = groepeer(huidige);
  const vorigPer = groepeer(vorige);
  const toegewezen = new Set(toewijzingen.map((t) => `${t.berichtgeverId}|${t.gemeentecode}`));
  const rijen: MonitorRij[] = [];
  for (const [gemeentecode, bgIds] of monitorParen(lijst.gemeenten.keys(), toewijzingen, huidige)) {
    const g = lijst.gemeenten.get(gemeentecode);
    const basis = {
      gemeentecode,
      gemeentenaam: g?.naam ?? "(niet in de codelijst)",
      provincie: g?.provincie ?? null,
    };
    if (bgIds.size === 0) {
      rijen.push(ontbrekendeRij(basis, beoordeelAanlevering(jaar, kwartaal, [], nu).termijnVerstreken));
      continue;
    }
    for (const bgId of bgIds) {
      const sleutel = `${bgId}|${gemeentecode}`;
      const eigen = huidigPer.get(sleutel) ?? [];
      rijen.push({
        ...basis,
        ...rijVoorBerichtgever(eigen, vorigPer.get(sleutel) ?? [], beoordeelAanlevering(jaar, kwartaal, eigen, nu)),
        berichtgever: berichtgeverVan.get(bgId)!,
        toegewezen: toegewezen.has(sleutel),
      });
    }
  }
  const periode = aanleverperiode(jaar, kwartaal);
  rijen.sort(
    (a, b) =>
      a.gemeentecode.localeCompare(b.gemeentecode) ||
      (a.berichtgever?.code ?? "").localeCompare(b.berichtgever?.code ?? ""),
  );
  return {
    jaar,
    kwartaal,
    periodeBegin: periode.begin,
    periodeEinde: periode.einde,
    codelijst: lijst.toelichting,
    rijen,
    totalen: telTotalen(rijen),
  };
}

/**
 * Every (gemeente, berichtgever) pair that should deliver or did deliver: each gemeente of the
 * codelijst (with no berichtgever when none is assigned), each assignment, and each delivery that
 * counts (it keeps its row when the assignment has since ended). A rejected file (e.g. for another
 * berichtgever's gemeente, T06) never makes a gemeente appear under its sender.
 */
function monitorParen(
  gemeenten: Iterable<string>,
  toewijzingen: readonly { berichtgeverId: string; gemeentecode: string }[],
  huidige: readonly LeveringKern[],
): Map<string, Set<string>> {
  const paren = new Map<string, Set<string>>();
  const voegToe = (gemeente: string, berichtgeverId?: string) => {
    let s = paren.get(gemeente);
    if (!s) paren.set(gemeente, (s = new Set()));
    if (berichtgeverId) s.add(berichtgeverId);
  };
  for (const code of gemeenten) voegToe(code);
  for (const t of toewijzingen) voegToe(t.gemeentecode, t.berichtgeverId);
  for (const l of huidige) if (telt(l)) voegToe(l.gemeentecode!, l.berichtgeverId);
  return paren;
}

type RijBasis = Pick<MonitorRij, "gemeentecode" | "gemeentenaam" | "provincie">;

/** A gemeente no berichtgever reports for. */
function ontbrekendeRij(basis: RijBasis, termijnVerstreken: boolean): MonitorRij {
  return {
    ...basis,
    berichtgever: null,
    status: "ontbreekt",
    teLaat: termijnVerstreken,
    termijnVerstreken,
    ontvangenOp: null,
    leveringId: null,
    geldend: false,
    aantalLeveringen: 0,
    aantalPersonen: null,
    vorigAantalPersonen: null,
    verschil: null,
    aantalSignalen: null,
    heeftGeleverd: false,
    toegewezen: false,
  };
}

/** What one berichtgever delivered for one gemeente this quarter, against the previous one. */
function rijVoorBerichtgever(
  eigen: readonly LeveringKern[],
  vorige: readonly LeveringKern[],
  beoordeling: ReturnType<typeof beoordeelAanlevering>,
): Omit<MonitorRij, keyof RijBasis | "berichtgever" | "toegewezen"> {
  const geldend = bepalendeLevering([...eigen]);
  const vorigGeldend = bepalendeLevering(vorige.filter(telt));
  const aantalPersonen = geldend && telt(geldend) ? geldend.aantalPersonen : null;
  const vorigAantalPersonen = vorigGeldend?.aantalPersonen ?? null;
  return {
    status: monitorStatus(geldend),
    teLaat: beoordeling.staat === "te-laat" || beoordeling.termijnVerstreken,
    termijnVerstreken: beoordeling.termijnVerstreken,
    ontvangenOp: geldend?.ontvangenOp ?? null,
    leveringId: geldend?.id ?? null,
    geldend: geldend !== null && geldend.id === geldendeLevering(eigen)?.id,
    aantalLeveringen: eigen.length,
    aantalPersonen,
    vorigAantalPersonen,
    verschil: aantalPersonen !== null && vorigAantalPersonen !== null ? aantalPersonen - vorigAantalPersonen : null,
    aantalSignalen: geldend && telt(geldend) ? geldend.aantalSignalen : null,
    heeftGeleverd: eigen.some(telt),
  };
}

export function telTotalen(rijen: readonly MonitorRij[]): Record<MonitorFilterStatus, number> {
  const t: Record<MonitorFilterStatus, number> = {
    geleverd: 0,
    afgekeurd: 0,
    verwerkt: 0,
    signaleringslijst: 0,
    ontbreekt: 0,
    "te-laat": 0,
  };
  for (const r of rijen) {
    t[r.status]++;
    if (r.teLaat) t["te-laat"]++;
  }
  return t;
}

export const SORTEERVELDEN = [
  "gemeente",
  "naam",
  "berichtgever",
  "status",
  "ontvangen",
  "personen",
  "verschil",
  "signalen",
] as const;
export type Sorteerveld = (typeof SORTEERVELDEN)[number];

export interface MonitorFilter {
  status?: MonitorFilterStatus;
  provincie?: string;
  zoek?: string;
  sorteer?: Sorteerveld;
  aflopend?: boolean;
}

export function filterMonitor(rijen: readonly MonitorRij[], f: MonitorFilter): MonitorRij[] {
  const zoek = f.zoek?.trim().toLowerCase();
  const uit = rijen.filter(
    (r) =>
      (!f.status || (f.status === "te-laat" ? r.teLaat : r.status === f.status)) &&
      (!f.provincie || r.provincie === f.provincie) &&
      (!zoek ||
        r.gemeentecode.includes(zoek) ||
        r.gemeentenaam.toLowerCase().includes(zoek) ||
        (r.berichtgever !== null &&
          (r.berichtgever.code.includes(zoek) || r.berichtgever.naam.toLowerCase().includes(zoek)))),
  );
  const sleutel = sorteerSleutel(f.sorteer ?? "gemeente");
  const richting = f.aflopend ? -1 : 1;
  return uit.sort((a, b) => {
    const x = sleutel(a);
    const y = sleutel(b);
    // Unknown values (no delivery) always last, whatever the direction.
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return (
      (typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "nl")) * richting
    );
  });
}

function sorteerSleutel(veld: Sorteerveld): (r: MonitorRij) => string | number | null {
  switch (veld) {
    case "gemeente":
      return (r) => r.gemeentecode;
    case "naam":
      return (r) => r.gemeentenaam;
    case "berichtgever":
      return (r) => r.berichtgever?.code ?? null;
    case "status":
      return (r) => MONITOR_STATUSSEN.indexOf(r.status) * 2 + (r.teLaat ? 0 : 1);
    case "ontvangen":
      return (r) => r.ontvangenOp?.getTime() ?? null;
    case "personen":
      return (r) => r.aantalPersonen;
    case "verschil":
      return (r) => r.verschil;
    case "signalen":
      return (r) => r.aantalSignalen;
  }
}

/** Per provincie the number of rows in each status: the country at a glance. */
export function perProvincie(rijen: readonly MonitorRij[]) {
  const m = new Map<string, Record<MonitorStatus, number> & { totaal: number; teLaat: number }>();
  for (const r of rijen) {
    const p = r.provincie ?? "Onbekend";
    let t = m.get(p);
    if (!t)
      m.set(
        p,
        (t = { geleverd: 0, afgekeurd: 0, verwerkt: 0, signaleringslijst: 0, ontbreekt: 0, totaal: 0, teLaat: 0 }),
      );
    t[r.status]++;
    t.totaal++;
    if (r.teLaat) t.teLaat++;
  }
  return [...m.entries()]
    .sort(([a], [b]) => a.localeCompare(b, "nl"))
    .map(([provincie, tellingen]) => ({ provincie, ...tellingen }));
}

export const MONITOR_CSV_KOLOMMEN = [
  "gemeentecode",
  "gemeente",
  "provincie",
  "berichtgevercode",
  "berichtgever",
  "status",
  "te_laat",
  "ontvangen_op",
  "aantal_personen",
  "aantal_personen_vorig_kwartaal",
  "verschil",
  "aantal_signalen",
] as const;

export function monitorCsvRijen(rijen: readonly MonitorRij[]): (string | number)[][] {
  return rijen.map((r) => [
    r.gemeentecode,
    r.gemeentenaam,
    r.provincie ?? "",
    r.berichtgever?.code ?? "",
    r.berichtgever?.naam ?? "",
    r.status,
    r.teLaat ? "ja" : "nee",
    r.ontvangenOp ? r.ontvangenOp.toISOString() : "",
    r.aantalPersonen ?? "",
    r.vorigAantalPersonen ?? "",
    r.verschil ?? "",
    r.aantalSignalen ?? "",
  ]);
}
