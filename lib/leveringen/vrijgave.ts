/**
 * Proefleveringen and their release ("Alleen controleren", "Vrijgeven"). A proeflevering runs the
 * whole check, spiegelrapport and signaleringslijst, but never counts: it is not geldend, replaces
 * nothing, is not compared with next quarter, and staff do not see it. It is removed 14 days after
 * receipt unless the contact person releases it.
 *
 * Release: the delivery is received at the moment of release. F04 (late), T07 (quarter not yet
 * over) and the person rules that compare dates with the receipt day depend on that day, and the
 * quarter-over-quarter rules on the deliveries that count at that moment; so the release does not
 * copy the proef's verdict but queues the same processing again, with the release moment as receipt
 * date. Until that is done the earlier geldende levering (if any) keeps counting, as with any
 * re-upload. The technical verdict cannot turn against the file on T07 (the release is later than
 * the upload); it can on T06 only if the gemeente was taken from the berichtgever in between, and
 * then the release is rejected like any upload would be.
 */
import "server-only";
import { type ActieContext, ActieFout } from "@/lib/acties/context";
import { type Actor, heeftRecht, vereisRecht } from "@/lib/auth/actor";
import { leveringFilter, magBerichtgeverZien } from "@/lib/berichtgevers/toegang";
import { isViercijfercode } from "@/lib/db/validation";
import { NietGevonden } from "@/lib/http/fouten";
import { jobVerzender, stuurJob, WACHTRIJEN } from "@/lib/jobs/boss";
import { datumLang } from "@/lib/swi/opmaak";

/** Days a proeflevering is kept (like a signaleringslijst): then it is removed unless released. */
export const PROEF_BEWAARDAGEN = 14;
const DAG_MS = 86_400_000;

export const PROEF_TEKST = {
  ALLEEN_CONTROLEREN: "Proeflevering (alleen controleren)",
  WACHT_OP_VRIJGAVE: "Wacht op vrijgave door de contactpersoon",
} as const;

/** The moment a proeflevering received at `ontvangenOp` is removed. */
export function proefVerlooptOp(ontvangenOp: Date): Date {
  return new Date(ontvangenOp.getTime() + PROEF_BEWAARDAGEN * DAG_MS);
}

/** Whether the actor may release this delivery now (the page shows the button only then). */
export function magVrijgeven(
  actor: Actor,
  l: { proef: string | null; status: string; ontvangenOp: Date; bestandVerwijderdOp?: Date | null },
  nu: Date = new Date(),
): boolean {
  return (
    heeftRecht(actor, "vrijgeven") &&
    l.proef !== null &&
    l.status === "VERWERKT" &&
    !l.bestandVerwijderdOp &&
    proefVerlooptOp(l.ontvangenOp) > nu
  );
}

/**
 * The contact person turns an accepted proeflevering of their own berichtgever into the delivery:
 * receipt moment = now, checked again by the worker, audited. Everything is re-read under a row
 * lock, so two presses (or a press and the purge) cannot both act.
 */
export async function geefVrij(ctx: ActieContext, code: string, leveringId: string): Promise<{ bestandsnaam: string }> {
  if (!isViercijfercode(code)) throw new NietGevonden();
  const l = await ctx.tx.levering.findFirst({
    where: { id: leveringId, ...leveringFilter(ctx.actor), berichtgever: { code } },
    select: { id: true, berichtgeverId: true, aanleveringId: true },
  });
  if (!l || !l.aanleveringId) throw new NietGevonden();
  vereisRecht(ctx.actor, "vrijgeven");
  await ctx.tx.$queryRaw`SELECT id FROM levering WHERE id = ${l.id} FOR UPDATE`;
  const nu = await ctx.tx.levering.findUniqueOrThrow({
    where: { id: l.id },
    select: {
      bestandsnaam: true,
      proef: true,
      status: true,
      ontvangenOp: true,
      bestandVerwijderdOp: true,
      gemeentecode: true,
      statistiekjaar: true,
      statistiekkwartaal: true,
    },
  });
  if (nu.proef === null) throw new ActieFout("formulier", "Deze levering is al vrijgegeven.");
  if (nu.status !== "VERWERKT") {
    throw new ActieFout("formulier", "Alleen een goedgekeurde proeflevering kan worden vrijgegeven.");
  }
  if (nu.bestandVerwijderdOp || proefVerlooptOp(nu.ontvangenOp) <= ctx.nu) {
    throw new ActieFout(
      "formulier",
      `Deze proeflevering kan niet meer worden vrijgegeven: zij werd na ${PROEF_BEWAARDAGEN} dagen verwijderd (${datumLang(proefVerlooptOp(nu.ontvangenOp))}). Lever het bestand opnieuw aan.`,
    );
  }
  await ctx.tx.levering.update({
    where: { id: l.id },
    data: {
      proef: null,
      vrijgegevenOp: ctx.nu,
      ontvangenOp: ctx.nu,
      status: "ONTVANGEN",
      controleGestartOp: null,
      verwerktOp: null,
      verwerkingsfout: null,
    },
  });
  await ctx.tx.aanlevering.update({ where: { id: l.aanleveringId }, data: { verwerktOp: null } });
  // The action was started with the queue running (metMail), so this is the started instance.
  await stuurJob(await jobVerzender(), WACHTRIJEN.verwerkAanlevering, { aanleveringId: l.aanleveringId }, ctx.tx);
  ctx.audit({
    actie: "levering.vrijgegeven",
    doelType: "levering",
    doelId: l.id,
    berichtgeverId: l.berichtgeverId,
    details: {
      bestandsnaam: nu.bestandsnaam,
      proef: nu.proef,
      geuploadOp: nu.ontvangenOp.toISOString(),
      gemeentecode: nu.gemeentecode,
      statistiekjaar: nu.statistiekjaar,
      statistiekkwartaal: nu.statistiekkwartaal,
    },
  });
  return { bestandsnaam: nu.bestandsnaam };
}

/** Staff or the contact person: whether uploads by back-up users and API tokens wait for release. */
export async function stelVrijgaveIn(ctx: ActieContext, code: string, vereist: boolean): Promise<void> {
  if (!isViercijfercode(code)) throw new NietGevonden();
  const b = await ctx.tx.berichtgever.findUnique({ where: { code }, select: { id: true, vrijgaveVereist: true } });
  if (!b || !magBerichtgeverZien(ctx.actor, b.id)) throw new NietGevonden();
  vereisRecht(ctx.actor, "vrijgaveInstellen");
  if (b.vrijgaveVereist === vereist) return;
  await ctx.tx.berichtgever.update({ where: { id: b.id }, data: { vrijgaveVereist: vereist } });
  ctx.audit({
    actie: "berichtgever.vrijgave-instellen",
    doelType: "berichtgever",
    doelId: b.id,
    berichtgeverId: b.id,
    details: { vrijgaveVereist: vereist },
  });
}
