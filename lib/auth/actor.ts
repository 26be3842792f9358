import { cache } from "react";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/options";
import { GeenRecht } from "@/lib/http/fouten";

export type Rol = "CBS" | "CONTACTPERSOON" | "BACKUP";

/** How a role is named on screen (the header says who is signed in, and as what). */
export const ROL_NAAM: Record<Rol, string> = { CBS: "CBS", CONTACTPERSOON: "contactpersoon", BACKUP: "back-up" };

/** Who is asking: the one thing every data access in lib/ is scoped by. */
export interface Actor {
  userId: string;
  email: string;
  naam: string;
  rol: Rol;
  /** The berichtgever a contact person or back-up user belongs to; null for CBS staff. */
  berichtgeverId: string | null;
}

/** The signed-in person of this request, or null. Cached per request. */
export const huidigeActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions());
  const u = session?.user as
    { id?: string; email?: string; name?: string; rol?: Rol; berichtgeverId?: string | null } | undefined;
  if (!u?.id || !u.rol || !u.email) return null;
  return {
    userId: u.id,
    email: u.email,
    naam: u.name ?? u.email,
    rol: u.rol,
    berichtgeverId: u.berichtgeverId ?? null,
  };
});

export async function vereisActor(): Promise<Actor> {
  const actor = await huidigeActor();
  if (!actor) redirect("/inloggen");
  return actor;
}

/** CBS staff only; anyone else gets the "geen toegang" page (403). */
export async function vereisCbs(): Promise<Actor> {
  const actor = await vereisActor();
  if (!heeftRecht(actor, "beheer")) forbidden();
  return actor;
}

/** What a role may do, in one table, so that a back-up user is a row, not a code change. */
export const RECHTEN = {
  beheer: ["CBS"],
  uploaden: ["CBS", "CONTACTPERSOON", "BACKUP"],
  statusBekijken: ["CBS", "CONTACTPERSOON", "BACKUP"],
  persoonsgegevensDownloaden: ["CBS", "CONTACTPERSOON"],
  tokensBeheren: ["CBS", "CONTACTPERSOON"],
  /** Turn an accepted proeflevering into the delivery. */
  vrijgeven: ["CONTACTPERSOON"],
  /** An upload counts at once even when the berichtgever wants uploads released (vrijgaveVereist). */
  leverenZonderVrijgave: ["CBS", "CONTACTPERSOON"],
  /** Proefleveringen are the berichtgever's own trial: staff never see them or their contents. */
  proefleveringenZien: ["CONTACTPERSOON", "BACKUP"],
  /** Whether uploads by back-up users and API tokens wait for release. */
  vrijgaveInstellen: ["CBS", "CONTACTPERSOON"],
  // The berichtgever's own word on its data: not CBS staff on its behalf.
  signalenBeantwoorden: ["CONTACTPERSOON"],
  // Messages may quote BSNs: the same people as the person-level downloads.
  berichten: ["CBS", "CONTACTPERSOON"],
} as const satisfies Record<string, readonly Rol[]>;

export type Recht = keyof typeof RECHTEN;

/** What someone without the right is told (403), in the words of the refusal. */
export const WEIGERING: Record<Recht, string> = {
  beheer: "Geen toegang: deze pagina is alleen voor medewerkers van het CBS.",
  uploaden: "U mag geen bestanden aanleveren.",
  statusBekijken: "U mag de leveringen van deze berichtgever niet bekijken.",
  persoonsgegevensDownloaden:
    "Alleen de contactpersoon van de berichtgever kan persoonsgegevens downloaden of inzien, omdat ze BSN's bevatten.",
  tokensBeheren: "Alleen de contactpersoon van de berichtgever kan API-tokens beheren.",
  vrijgeven: "Alleen de contactpersoon van de berichtgever kan een proeflevering vrijgeven als levering.",
  leverenZonderVrijgave: "Uw uploads wachten op vrijgave door de contactpersoon.",
  proefleveringenZien: "Proefleveringen zijn alleen zichtbaar voor de berichtgever zelf.",
  vrijgaveInstellen: "Alleen de contactpersoon of het CBS kan instellen of uploads op vrijgave wachten.",
  signalenBeantwoorden: "Alleen de contactpersoon van de berichtgever kan signalen beantwoorden.",
  berichten:
    "Alleen de contactpersoon van de berichtgever kan berichten lezen en versturen, omdat ze BSN's kunnen bevatten.",
};

export function heeftRecht(actor: Pick<Actor, "rol">, recht: Recht): boolean {
  return (RECHTEN[recht] as readonly Rol[]).includes(actor.rol);
}

/** GeenRecht (403) unless the actor's role has `recht`; for a check after the tenant check. */
export function vereisRecht(actor: Actor, recht: Recht): void {
  if (!heeftRecht(actor, recht)) throw new GeenRecht(WEIGERING[recht]);
}
