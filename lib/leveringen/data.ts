/**
 * Read queries behind the leveringen pages. Every function takes the actor and scopes its query
 * through lib/berichtgevers/toegang.ts: what the actor may not see does not exist (NietGevonden).
 * A `code` argument is the berichtgever in the URL; a delivery of another berichtgever under that
 * URL is equally not found, so links cannot be bent to show one tenant's delivery under another.
 */
import { getDb } from "@/lib/db/client";
import { heeftRecht, type Actor } from "@/lib/auth/actor";
import { berichtgeverVanCode, gemeentenVanBerichtgever } from "@/lib/berichtgevers/data";
import { leveringFilter } from "@/lib/berichtgevers/toegang";
import { NietGevonden } from "@/lib/http/fouten";
import type { Kwartaalnummer } from "@/lib/swi/datum";
import { beoordeelAanlevering, type AanleverBeoordeling } from "./aanleverperiode";
import { isEindstatus, type LeveringStatus } from "./status";
import { maskeerBsns, ontsleutelFoutbericht } from "./foutberichten";
import { schrijfAudit } from "@/lib/audit";
import type { Proef } from "@/lib/generated/prisma/enums";
import { actueelKwartaal, kwartaalStand, kwartalenTot, type KwartaalStand, geldendeLevering } from "./kwartaalstand";

export const FOUTEN_PER_PAGINA = 50;
const MAX_STATUS_IDS = 200;
const DAG_MS = 86_400_000;

export interface LeveringRij {
  id: string;
  bestandsnaam: string;
  bronBestandsnaam: string | null;
  gemeentecode: string | null;
  statistiekjaar: number | null;
  statistiekkwartaal: number | null;
  status: LeveringStatus;
  ontvangenOp: Date;
  aantalFouten: number | null;
  aantalSignalen: number | null;
  vervangenDoorId: string | null;
  proef: Proef | null;
  vrijgegevenOp: Date | null;
}

export interface KwartaalOverzicht {
  kwartaal: Kwartaalnummer;
  aanlevering: AanleverBeoordeling;
  /** Newest first. */
  leveringen: LeveringRij[];
}

export interface LeveringenOverzicht {
  berichtgever: { id: string; code: string; naam: string };
  jaar: number;
  gemeenten: { code: string; naam: string; kwartalen: KwartaalOverzicht[] }[];
  /** Deliveries of the year that fit no gemeente/quarter of the berichtgever (e.g. a header that could not be read). */
  overige: LeveringRij[];
}

const rijVelden = {
  id: true,
  bestandsnaam: true,
  bronBestandsnaam: true,
  gemeentecode: true,
  statistiekjaar: true,
  statistiekkwartaal: true,
  status: true,
  ontvangenOp: true,
  aantalFouten: true,
  aantalSignalen: true,
  vervangenDoorId: true,
  proef: true,
  vrijgegevenOp: true,
} as const;

/** Per gemeente and quarter of `jaar`: the deliveries and the state of the aanleverperiode. */
export async function leveringenOverzicht(
  actor: Actor,
  code: string,
  jaar: number,
  nu: Date = new Date(),
): Promise<LeveringenOverzicht> {
  const b = await berichtgeverVanCode(actor, code);
  const jaarBegin = new Date(Date.UTC(jaar, 0, 1) - DAG_MS);
  const jaarEinde = new Date(Date.UTC(jaar + 1, 0, 1) + DAG_MS);
  const [rijen, gemeentenVanJaar] = await Promise.all([
    getDb().levering.findMany({
      where: {
        ...leveringFilter(actor),
        berichtgeverId: b.id,
        OR: [{ statistiekjaar: jaar }, { statistiekjaar: null, ontvangenOp: { gte: jaarBegin, lt: jaarEinde } }],
      },
      select: rijVelden,
      orderBy: [{ ontvangenOp: "desc" }, { id: "asc" }],
    }),
    gemeentenVanBerichtgever(b.id, jaar),
  ]);

  const ingedeeld = new Set<string>();
  const gemeenten = gemeentenVanJaar.map((g) => ({
    code: g.code,
    naam: g.naam,
    kwartalen: ([1, 2, 3, 4] as const).map((kwartaal) => {
      const leveringen = rijen.filter(
        (r) => r.gemeentecode === g.code && r.statistiekjaar === jaar && r.statistiekkwartaal === kwartaal,
      );
      for (const r of leveringen) ingedeeld.add(r.id);
      return { kwartaal, aanlevering: beoordeelAanlevering(jaar, kwartaal, leveringen, nu), leveringen };
    }),
  }));
  return {
    berichtgever: { id: b.id, code: b.code, naam: b.naam },
    jaar,
    gemeenten,
    overige: rijen.filter((r) => !ingedeeld.has(r.id)),
  };
}

/** The newest deliveries of a berichtgever, for its home page. */
export async function recenteLeveringen(actor: Actor, code: string, aantal = 5): Promise<LeveringRij[]> {
  const b = await berichtgeverVanCode(actor, code);
  return getDb().levering.findMany({
    where: { ...leveringFilter(actor), berichtgeverId: b.id },
    select: rijVelden,
    orderBy: [{ ontvangenOp: "desc" }, { id: "asc" }],
    take: aantal,
  });
}

export type TijdlijnStap =
  "ontvangen" | "technische-controle" | "afgekeurd" | "statistische-controle" | "verwerkt" | "vervangen";

export interface TijdlijnItem {
  stap: TijdlijnStap;
  label: string;
  /** "gedaan": passed, "bezig": where the delivery is now, "open": still to come. */
  staat: "gedaan" | "bezig" | "open";
  moment: Date | null;
}

export interface LeveringKort {
  id: string;
  bestandsnaam: string;
  ontvangenOp: Date;
  status: LeveringStatus;
  proef: Proef | null;
}

export interface LeveringDetail extends LeveringRij {
  berichtgever: { id: string; code: string; naam: string };
  gemeentenaam: string | null;
  grootte: number;
  sha256: string;
  bron: "PORTAAL" | "API";
  geuploadDoor: string | null;
  controleGestartOp: Date | null;
  verwerktOp: Date | null;
  aantalPersonen: number | null;
  aanlevering: { id: string; bestandsnaam: string; grootte: number; sha256: string } | null;
  vervangenDoor: LeveringKort | null;
  vervangt: LeveringKort[];
  heeftSpiegelrapport: boolean;
  signaleringslijst: {
    id: string;
    aangemaaktOp: Date;
    verlooptOp: Date;
    verwijderdOp: Date | null;
    aantalSignalen: number;
  } | null;
  /** Only for CBS staff: why processing failed for a reason that is not the file's. */
  verwerkingsfout: string | null;
  tijdlijn: TijdlijnItem[];
  /** The delivery that counts for this gemeente and quarter (this one, another, or none yet). */
  geldend: LeveringKort | null;
}

const kortVelden = { id: true, bestandsnaam: true, ontvangenOp: true, status: true, proef: true } as const;

/**
 * One delivery with everything its detail page shows; NietGevonden for another tenant's. The
 * deliveries it replaced or was replaced by are always of the same berichtgever, gemeente and
 * quarter (lib/leveringen/verwerking/resultaten.ts), so they come from that quarter's list.
 */
export async function leveringVoorActor(actor: Actor, id: string, code?: string): Promise<LeveringDetail> {
  const db = getDb();
  const l = await db.levering.findFirst({
    where: { id, ...leveringFilter(actor), ...(code !== undefined ? { berichtgever: { code } } : {}) },
    select: {
      ...rijVelden,
      berichtgeverId: true,
      grootte: true,
      sha256: true,
      bron: true,
      controleGestartOp: true,
      verwerktOp: true,
      aantalPersonen: true,
      verwerkingsfout: true,
      spiegelrapport: true,
      berichtgever: { select: { id: true, code: true, naam: true } },
      uploadedBy: { select: { naam: true } },
      aanlevering: { select: { id: true, bestandsnaam: true, grootte: true, sha256: true } },
      signaleringslijst: {
        select: { id: true, aangemaaktOp: true, verlooptOp: true, verwijderdOp: true, aantalSignalen: true },
      },
    },
  });
  if (!l) throw new NietGevonden();
  const [kwartaalgenoten, gemeente] = await Promise.all([
    l.gemeentecode && l.statistiekjaar && l.statistiekkwartaal
      ? db.levering.findMany({
          where: {
            berichtgeverId: l.berichtgeverId,
            gemeentecode: l.gemeentecode,
            statistiekjaar: l.statistiekjaar,
            statistiekkwartaal: l.statistiekkwartaal,
          },
          select: { ...kortVelden, vervangenDoorId: true },
          orderBy: [{ ontvangenOp: "asc" }, { id: "asc" }],
        })
      : [],
    l.gemeentecode && l.statistiekjaar
      ? db.gemeente.findFirst({
          where: { code: l.gemeentecode, jaar: { lte: l.statistiekjaar } },
          orderBy: { jaar: "desc" },
          select: { naam: true },
        })
      : null,
  ]);
  const kort = (k: LeveringKort): LeveringKort => ({
    id: k.id,
    bestandsnaam: k.bestandsnaam,
    ontvangenOp: k.ontvangenOp,
    status: k.status,
    proef: k.proef,
  });
  const vervangenDoor = l.vervangenDoorId
    ? (kwartaalgenoten.find((k) => k.id === l.vervangenDoorId) ??
      (await db.levering.findUnique({
        where: { id: l.vervangenDoorId },
        select: { ...kortVelden, vervangenDoorId: true },
      })))
    : null;
  return {
    id: l.id,
    bestandsnaam: l.bestandsnaam,
    bronBestandsnaam: l.bronBestandsnaam,
    gemeentecode: l.gemeentecode,
    statistiekjaar: l.statistiekjaar,
    statistiekkwartaal: l.statistiekkwartaal,
    status: l.status,
    ontvangenOp: l.ontvangenOp,
    aantalFouten: l.aantalFouten,
    aantalSignalen: l.aantalSignalen,
    vervangenDoorId: l.vervangenDoorId,
    proef: l.proef,
    vrijgegevenOp: l.vrijgegevenOp,
    berichtgever: l.berichtgever,
    gemeentenaam: gemeente?.naam ?? null,
    grootte: Number(l.grootte),
    sha256: l.sha256,
    bron: l.bron,
    geuploadDoor: l.uploadedBy?.naam ?? null,
    controleGestartOp: l.controleGestartOp,
    verwerktOp: l.verwerktOp,
    aantalPersonen: l.aantalPersonen,
    aanlevering: l.aanlevering ? { ...l.aanlevering, grootte: Number(l.aanlevering.grootte) } : null,
    vervangenDoor: vervangenDoor ? kort(vervangenDoor) : null,
    vervangt: kwartaalgenoten.filter((k) => k.vervangenDoorId === l.id).map(kort),
    heeftSpiegelrapport: l.spiegelrapport !== null,
    signaleringslijst: l.signaleringslijst,
    verwerkingsfout: heeftRecht(actor, "beheer") ? l.verwerkingsfout : null,
    tijdlijn: tijdlijn({ ...l, vervangenDoor }),
    geldend: geldendeLevering(kwartaalgenoten.map(kort)),
  };
}

/**
 * The steps a delivery goes through, with the moments the data model records. The statistische
 * controle has no start time of its own; the step shows without one.
 */
export function tijdlijn(l: {
  status: LeveringStatus;
  ontvangenOp: Date;
  controleGestartOp: Date | null;
  verwerktOp: Date | null;
  vervangenDoor?: { ontvangenOp: Date } | null;
}): TijdlijnItem[] {
  const item = (
    stap: TijdlijnStap,
    label: string,
    staat: TijdlijnItem["staat"],
    moment: Date | null,
  ): TijdlijnItem => ({
    stap,
    label,
    staat,
    moment: staat === "open" ? null : moment,
  });
  const volgorde: LeveringStatus[] = [
    "ONTVANGEN",
    "TECHNISCHE_CONTROLE",
    "STATISTISCHE_CONTROLE",
    "VERWERKT",
    "VERVANGEN",
  ];
  if (l.status === "AFGEKEURD") {
    return [
      item("ontvangen", "Ontvangen", "gedaan", l.ontvangenOp),
      item("technische-controle", "Technische controle", "gedaan", l.controleGestartOp),
      item("afgekeurd", "Afgekeurd", "gedaan", l.verwerktOp),
    ];
  }
  const nu = volgorde.indexOf(l.status);
  const staat = (i: number): TijdlijnItem["staat"] =>
    i < nu ? "gedaan" : i === nu ? (isEindstatus(l.status) ? "gedaan" : "bezig") : "open";
  const stappen = [
    item("ontvangen", "Ontvangen", staat(0), l.ontvangenOp),
    item("technische-controle", "Technische controle", staat(1), l.controleGestartOp),
    item("statistische-controle", "Statistische controle", staat(2), null),
    item("verwerkt", "Verwerkt", staat(3), l.verwerktOp),
  ];
  if (l.status === "VERVANGEN")
    stappen.push(item("vervangen", "Vervangen", "gedaan", l.vervangenDoor?.ontvangenOp ?? null));
  return stappen;
}

export interface FoutRij {
  volgnummer: number;
  regelnummer: number | null;
  kenmerk: number | null;
  regel: string;
  bericht: string;
}

export interface FoutenPagina {
  levering: { id: string; bestandsnaam: string; status: LeveringStatus };
  /** With every BSN masked, unless the actor may and chose to see them (toonBsns). */
  fouten: FoutRij[];
  /** Some message on this page quotes a BSN that is masked here. */
  bsnsVerborgen: boolean;
  /** The BSNs on this page are shown (and that view was audited). */
  bsnsGetoond: boolean;
  pagina: number;
  perPagina: number;
  aantalPaginas: number;
  /** Errors stored (capped per delivery). */
  aantalOpgeslagen: number;
  /** All errors the check found, also beyond the cap. */
  aantalFouten: number;
}

/**
 * One page (1-based) of a rejected delivery's technical errors, in file order. BSNs in the messages
 * are masked, unless `toonBsns` and the actor has the person-level right: that view is audited
 * like a download (only when the page really quotes one).
 */
export async function foutenPagina(
  actor: Actor,
  id: string,
  pagina: number,
  opties: { code?: string; perPagina?: number; toonBsns?: boolean } = {},
): Promise<FoutenPagina> {
  const perPagina = opties.perPagina ?? FOUTEN_PER_PAGINA;
  const l = await getDb().levering.findFirst({
    where: {
      id,
      ...leveringFilter(actor),
      ...(opties.code !== undefined ? { berichtgever: { code: opties.code } } : {}),
    },
    select: {
      id: true,
      bestandsnaam: true,
      status: true,
      aantalFouten: true,
      berichtgeverId: true,
      _count: { select: { fouten: true } },
    },
  });
  if (!l) throw new NietGevonden();
  const aantalOpgeslagen = l._count.fouten;
  const aantalPaginas = Math.max(1, Math.ceil(aantalOpgeslagen / perPagina));
  const p = Number.isInteger(pagina) ? Math.min(Math.max(1, pagina), aantalPaginas) : 1;
  const opgeslagen = await getDb().leveringFout.findMany({
    where: { leveringId: l.id },
    orderBy: { volgnummer: "asc" },
    skip: (p - 1) * perPagina,
    take: perPagina,
    select: { volgnummer: true, regelnummer: true, kenmerk: true, regel: true, bericht: true },
  });
  const leesbaar = opgeslagen.map((f) => ({ ...f, bericht: ontsleutelFoutbericht(f.bericht, l.id) }));
  const gemaskeerd = leesbaar.map((f) => ({ ...f, bericht: maskeerBsns(f) }));
  const metBsn = gemaskeerd.some((f, i) => f.bericht !== leesbaar[i]!.bericht);
  const tonen = metBsn && opties.toonBsns === true && heeftRecht(actor, "persoonsgegevensDownloaden");
  if (tonen) {
    await schrijfAudit({
      actor: { userId: actor.userId, email: actor.email, rol: actor.rol },
      actie: "inzage.foutmeldingen",
      doelType: "levering",
      doelId: l.id,
      berichtgeverId: l.berichtgeverId,
      details: { bestandsnaam: l.bestandsnaam, pagina: p },
    });
  }
  return {
    levering: { id: l.id, bestandsnaam: l.bestandsnaam, status: l.status },
    fouten: tonen ? leesbaar : gemaskeerd,
    bsnsVerborgen: metBsn && !tonen,
    bsnsGetoond: tonen,
    pagina: p,
    perPagina,
    aantalPaginas,
    aantalOpgeslagen,
    aantalFouten: Math.max(l.aantalFouten ?? 0, aantalOpgeslagen),
  };
}

/** Every stored error of a delivery (for fouten.csv); the number is capped by the pipeline. */
export async function alleFouten(
  actor: Actor,
  id: string,
  code?: string,
): Promise<{ levering: { id: string; bestandsnaam: string; berichtgeverId: string }; fouten: FoutRij[] }> {
  const l = await getDb().levering.findFirst({
    where: { id, ...leveringFilter(actor), ...(code !== undefined ? { berichtgever: { code } } : {}) },
    select: { id: true, bestandsnaam: true, berichtgeverId: true },
  });
  if (!l) throw new NietGevonden();
  const fouten = await getDb().leveringFout.findMany({
    where: { leveringId: l.id },
    orderBy: { volgnummer: "asc" },
    select: { volgnummer: true, regelnummer: true, kenmerk: true, regel: true, bericht: true },
  });
  return { levering: l, fouten: fouten.map((f) => ({ ...f, bericht: ontsleutelFoutbericht(f.bericht, l.id) })) };
}

export interface SignaleringslijstInfo {
  id: string;
  levering: { id: string; bestandsnaam: string; status: LeveringStatus; berichtgeverCode: string };
  aangemaaktOp: Date;
  verlooptOp: Date;
  aantalSignalen: number;
  /** Downloadable now: not expired and the files not yet removed. */
  beschikbaar: boolean;
  /** Whole days left (rounded up) while available, else 0. */
  dagenOver: number;
  /** The actor's role may download person-level data. */
  magDownloaden: boolean;
}

/**
 * The signaleringslijst of a delivery as the actor may see it. NietGevonden when the delivery is
 * not the actor's or has no list (yet).
 */
export async function signaleringslijstVoorActor(
  actor: Actor,
  leveringId: string,
  opties: { code?: string; nu?: Date } = {},
): Promise<SignaleringslijstInfo> {
  const l = await getDb().levering.findFirst({
    where: {
      id: leveringId,
      ...leveringFilter(actor),
      ...(opties.code !== undefined ? { berichtgever: { code: opties.code } } : {}),
    },
    select: {
      id: true,
      bestandsnaam: true,
      status: true,
      berichtgever: { select: { code: true } },
      signaleringslijst: {
        select: { id: true, aangemaaktOp: true, verlooptOp: true, verwijderdOp: true, aantalSignalen: true },
      },
    },
  });
  if (!l?.signaleringslijst) throw new NietGevonden();
  const s = l.signaleringslijst;
  const nu = opties.nu ?? new Date();
  const beschikbaar = s.verwijderdOp === null && s.verlooptOp.getTime() > nu.getTime();
  return {
    id: s.id,
    levering: { id: l.id, bestandsnaam: l.bestandsnaam, status: l.status, berichtgeverCode: l.berichtgever.code },
    aangemaaktOp: s.aangemaaktOp,
    verlooptOp: s.verlooptOp,
    aantalSignalen: s.aantalSignalen,
    beschikbaar,
    dagenOver: beschikbaar ? Math.ceil((s.verlooptOp.getTime() - nu.getTime()) / DAG_MS) : 0,
    magDownloaden: heeftRecht(actor, "persoonsgegevensDownloaden"),
  };
}

export interface LeveringStatusInfo {
  id: string;
  status: LeveringStatus;
  eindstatus: boolean;
}

/** Current statuses of the given deliveries; ids the actor may not see are left out. */
export async function leveringStatussen(actor: Actor, ids: readonly string[]): Promise<LeveringStatusInfo[]> {
  const uniek = [...new Set(ids)].slice(0, MAX_STATUS_IDS);
  if (uniek.length === 0) return [];
  const rijen = await getDb().levering.findMany({
    where: { id: { in: uniek }, ...leveringFilter(actor) },
    select: { id: true, status: true },
  });
  return rijen.map((r) => ({ id: r.id, status: r.status, eindstatus: isEindstatus(r.status) }));
}

/** Statuses of a berichtgever's deliveries that are still being processed. */
export async function lopendeLeveringen(actor: Actor, code: string): Promise<LeveringStatusInfo[]> {
  const b = await berichtgeverVanCode(actor, code);
  const rijen = await getDb().levering.findMany({
    where: {
      ...leveringFilter(actor),
      berichtgeverId: b.id,
      status: { in: ["ONTVANGEN", "TECHNISCHE_CONTROLE", "STATISTISCHE_CONTROLE"] },
    },
    select: { id: true, status: true },
    orderBy: { ontvangenOp: "desc" },
    take: MAX_STATUS_IDS,
  });
  return rijen.map((r) => ({ id: r.id, status: r.status, eindstatus: false }));
}

export interface GemeenteStand {
  gemeente: { code: string; naam: string };
  stand: KwartaalStand<LeveringRij>;
}

export interface Kwartaalbeeld {
  berichtgever: { id: string; code: string; naam: string };
  actueel: ReturnType<typeof actueelKwartaal>;
  /** One card per gemeente: the current quarter. */
  kaarten: GemeenteStand[];
  /** The last 8 quarters, oldest first, with the state per gemeente (for a berichtgever of several). */
  kwartalen: { jaar: number; kwartaal: Kwartaalnummer; tekst: string }[];
  matrix: { gemeente: { code: string; naam: string }; standen: KwartaalStand<LeveringRij>[] }[];
  /** Ids of every geldende levering in these quarters, to mark them in lists. */
  geldend: Set<string>;
  /** Uploads by back-up users or API tokens that wait for the contact person's release, newest first. */
  wachtOpVrijgave: LeveringRij[];
}

/** What is due now and how the last quarters went, per gemeente of the berichtgever. */
export async function kwartaalbeeld(actor: Actor, code: string, nu: Date = new Date()): Promise<Kwartaalbeeld> {
  const actueel = actueelKwartaal(nu);
  const kwartalen = kwartalenTot(actueel.jaar, actueel.kwartaal, 8);
  const b = await berichtgeverVanCode(actor, code);
  const [gemeenten, rijen, wachtOpVrijgave] = await Promise.all([
    gemeentenVanBerichtgever(b.id, actueel.jaar),
    getDb().levering.findMany({
      where: {
        ...leveringFilter(actor),
        berichtgeverId: b.id,
        statistiekjaar: { gte: kwartalen[0]!.jaar, lte: actueel.jaar },
      },
      select: rijVelden,
    }),
    getDb().levering.findMany({
      where: {
        ...leveringFilter(actor),
        berichtgeverId: b.id,
        proef: "WACHT_OP_VRIJGAVE",
        status: { not: "AFGEKEURD" },
      },
      select: rijVelden,
      orderBy: [{ ontvangenOp: "desc" }, { id: "asc" }],
      take: 50,
    }),
  ]);
  const per = new Map<string, LeveringRij[]>();
  for (const r of rijen) {
    const k = `${r.gemeentecode}|${r.statistiekjaar}|${r.statistiekkwartaal}`;
    per.set(k, [...(per.get(k) ?? []), r]);
  }
  const standVan = (g: string, jaar: number, kwartaal: Kwartaalnummer) =>
    kwartaalStand(jaar, kwartaal, per.get(`${g}|${jaar}|${kwartaal}`) ?? [], nu);
  const matrix = gemeenten.map((g) => ({
    gemeente: g,
    standen: kwartalen.map((q) => standVan(g.code, q.jaar, q.kwartaal)),
  }));
  const geldend = new Set<string>();
  for (const r of matrix) for (const s of r.standen) if (s.geldend) geldend.add(s.geldend.id);
  return {
    berichtgever: { id: b.id, code: b.code, naam: b.naam },
    actueel,
    kaarten: matrix.map((r) => ({ gemeente: r.gemeente, stand: r.standen[r.standen.length - 1]! })),
    kwartalen,
    matrix,
    geldend,
    wachtOpVrijgave,
  };
}
