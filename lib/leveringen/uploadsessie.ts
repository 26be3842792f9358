/**
 * Chunked browser uploads (app/api/uploads): a large file arrives in parts of 8 MiB, each stored
 * encrypted under uploads/<uploadId>/<n> and re-sendable (a dropped connection loses at most one
 * part), then the parts are streamed in order into registreerAanlevering as one file. Parts are
 * numbered 0 … delen − 1. A session belongs to the user who started it; anyone else is told it
 * does not exist. Abandoned sessions are removed by the purge after 24 hours.
 */
import { Readable, Transform, type TransformCallback } from "node:stream";
import { type Actor, heeftRecht } from "@/lib/auth/actor";
import { magBerichtgeverZien } from "@/lib/berichtgevers/toegang";
import { NietGevonden, PortaalFout, soortVoorStatus } from "@/lib/http/fouten";
import { getDb } from "@/lib/db/client";
import type { Opslag } from "@/lib/storage";
import {
  AanleveringGeweigerd,
  controleerBestandsnaamVoorUpload,
  grootteTekst,
  maxUploadBytes,
  registreerAanlevering,
  type OntvangenAanlevering,
} from "./ontvangst";
import { leveringOpslag } from "./opslag";
import { isViercijfercode } from "@/lib/db/validation";

export const DEEL_GROOTTE = 8 * 1024 * 1024;

/** A request the upload API answers with `status` and a Dutch `melding`. */
export class UploadFout extends PortaalFout {
  constructor(status: number, melding: string) {
    super(soortVoorStatus(status), melding);
    this.name = "UploadFout";
  }
}

export interface UploadSessieInfo {
  id: string;
  berichtgeverId: string;
  userId: string;
  bestandsnaam: string;
  grootte: number;
  delen: number;
}

/** The berichtgever an upload is for: the actor's own; CBS staff name one with its code. */
export async function berichtgeverVoorUpload(actor: Actor, code: string | null): Promise<{ id: string; code: string }> {
  const db = getDb();
  if (heeftRecht(actor, "beheer")) {
    if (!code) throw new UploadFout(400, "Geef aan voor welke berichtgever u aanlevert (?berichtgever=code).");
    const b = isViercijfercode(code)
      ? await db.berichtgever.findUnique({ where: { code }, select: { id: true, code: true } })
      : null;
    if (!b) throw new NietGevonden();
    return b;
  }
  if (!actor.berichtgeverId) throw new NietGevonden();
  const b = await db.berichtgever.findUnique({ where: { id: actor.berichtgeverId }, select: { id: true, code: true } });
  if (!b || !magBerichtgeverZien(actor, b.id) || (code !== null && code !== b.code)) throw new NietGevonden();
  return b;
}

function verwachteDeelGrootte(s: Pick<UploadSessieInfo, "grootte" | "delen">, n: number): number {
  return n < s.delen - 1 ? DEEL_GROOTTE : s.grootte - (s.delen - 1) * DEEL_GROOTTE;
}

function deelSleutel(uploadId: string, n: number): string {
  return `uploads/${uploadId}/${n}`;
}

/** Refuses by name and size before any byte is sent; otherwise opens a session. */
export async function startUpload(
  berichtgever: { id: string; code: string },
  userId: string,
  input: { bestandsnaam: string; grootte: number },
): Promise<{ uploadId: string; deelGrootte: number; delen: number }> {
  const naamFout = controleerBestandsnaamVoorUpload(input.bestandsnaam, berichtgever.code);
  if (naamFout) throw naamFout;
  if (input.grootte === 0)
    throw new AanleveringGeweigerd("LEEG", `Het bestand ${input.bestandsnaam} is leeg (0 bytes).`);
  const max = maxUploadBytes();
  if (input.grootte > max) {
    throw new AanleveringGeweigerd(
      "TE_GROOT",
      `Het bestand is ${grootteTekst(input.grootte)}; de grens voor één aanlevering is ${grootteTekst(max)}. Pak het in als zip-bestand (XML wordt daarin veel kleiner) of lever het verdeeld over meerdere bestanden aan.`,
    );
  }
  const delen = Math.ceil(input.grootte / DEEL_GROOTTE);
  const sessie = await getDb().uploadSessie.create({
    data: {
      berichtgeverId: berichtgever.id,
      userId,
      bestandsnaam: input.bestandsnaam,
      grootte: BigInt(input.grootte),
      delen,
    },
  });
  return { uploadId: sessie.id, deelGrootte: DEEL_GROOTTE, delen };
}

/** The session, if it is this user's; NietGevonden otherwise (no hint that it exists). */
export async function eigenUploadSessie(actor: Actor, uploadId: string): Promise<UploadSessieInfo> {
  if (!/^[a-z0-9]{1,64}$/.test(uploadId)) throw new NietGevonden();
  const s = await getDb().uploadSessie.findUnique({ where: { id: uploadId } });
  if (!s || s.userId !== actor.userId || !magBerichtgeverZien(actor, s.berichtgeverId)) throw new NietGevonden();
  return { ...s, grootte: Number(s.grootte) };
}

class DeelTeGroot extends Error {}

class DeelOnvolledig extends Error {
  constructor(readonly grootte: number) {
    super(`deel van ${grootte} bytes`);
  }
}

/** The request body broke off (the connection was cut) before the part was in. */
class VerbindingVerbroken extends Error {}

/**
 * Passes exactly `verwacht` bytes. A part that is too long fails at once; one that is too short
 * fails at its end, before the storage makes it visible: a cut-off part is never stored as if it
 * were complete, not even for a moment (a status request in between would report it received).
 */
class Begrenzer extends Transform {
  private n = 0;
  constructor(private readonly verwacht: number) {
    super();
  }
  override _transform(stuk: Buffer, _c: BufferEncoding, klaar: TransformCallback): void {
    this.n += stuk.length;
    if (this.n > this.verwacht) klaar(new DeelTeGroot());
    else klaar(null, stuk);
  }
  override _flush(klaar: TransformCallback): void {
    klaar(this.n === this.verwacht ? null : new DeelOnvolledig(this.n));
  }
}

function oorzaak<T extends Error>(fout: unknown, soort: new (...a: never[]) => T): T | undefined {
  if (fout instanceof soort) return fout;
  const c = (fout as { cause?: unknown } | null)?.cause;
  return c instanceof soort ? c : undefined;
}

/** Stores part `n` (replacing an earlier copy). Its size must be exactly what the session expects. */
export async function ontvangDeel(
  sessie: UploadSessieInfo,
  n: number,
  body: Readable,
  opslag: Opslag = leveringOpslag(),
): Promise<void> {
  if (!Number.isInteger(n) || n < 0 || n >= sessie.delen) {
    body.destroy();
    throw new UploadFout(404, `Deel ${n} bestaat niet; dit bestand heeft de delen 0 tot en met ${sessie.delen - 1}.`);
  }
  const verwacht = verwachteDeelGrootte(sessie, n);
  const begrenzer = new Begrenzer(verwacht);
  body.on("error", (e) => begrenzer.destroy(new VerbindingVerbroken(e.message, { cause: e })));
  try {
    await opslag.schrijf(deelSleutel(sessie.id, n), body.pipe(begrenzer));
  } catch (fout) {
    body.destroy();
    if (oorzaak(fout, DeelTeGroot))
      throw new UploadFout(422, `Deel ${n} is groter dan de verwachte ${verwacht} bytes.`);
    const onvolledig = oorzaak(fout, DeelOnvolledig);
    if (onvolledig) {
      throw new UploadFout(
        422,
        `Deel ${n} heeft ${onvolledig.grootte} bytes, verwacht ${verwacht}. Stuur het opnieuw.`,
      );
    }
    // Nobody reads this answer (the sender is gone), but the log shows a dropped part, not a crash.
    if (oorzaak(fout, VerbindingVerbroken)) {
      throw new UploadFout(400, `De verbinding werd verbroken voordat deel ${n} binnen was. Stuur het opnieuw.`);
    }
    throw fout;
  }
}

/** The parts stored so far, ascending, so that a client can resume. */
export async function ontvangenDelen(sessie: UploadSessieInfo, opslag: Opslag = leveringOpslag()): Promise<number[]> {
  const delen: number[] = [];
  for await (const sleutel of opslag.lijst(`uploads/${sessie.id}/`)) {
    const n = Number(sleutel.slice(sleutel.lastIndexOf("/") + 1));
    if (Number.isInteger(n) && n >= 0 && n < sessie.delen) delen.push(n);
  }
  return delen.sort((a, b) => a - b);
}

/**
 * Streams the parts in order into registreerAanlevering, then removes them and the session. A
 * refusal (the same file again) also ends the session; any other failure keeps it, so that the
 * client can try again.
 */
export async function voltooiUpload(
  sessie: UploadSessieInfo,
  opslag: Opslag = leveringOpslag(),
  opties: { proef?: boolean } = {},
): Promise<OntvangenAanlevering> {
  const aanwezig = new Set(await ontvangenDelen(sessie, opslag));
  const ontbrekend = Array.from({ length: sessie.delen }, (_, i) => i).filter((i) => !aanwezig.has(i));
  if (ontbrekend.length > 0) {
    const lijst = ontbrekend.length > 10 ? `${ontbrekend.slice(0, 10).join(", ")} …` : ontbrekend.join(", ");
    throw new UploadFout(
      422,
      `Het bestand is nog niet compleet: ${ontbrekend.length === 1 ? "deel" : "delen"} ${lijst} ontbreken.`,
    );
  }
  const inhoud = Readable.from(
    (async function* () {
      for (let n = 0; n < sessie.delen; n++) yield* await opslag.lees(deelSleutel(sessie.id, n));
    })(),
  );
  try {
    const resultaat = await registreerAanlevering({
      berichtgeverId: sessie.berichtgeverId,
      bestandsnaam: sessie.bestandsnaam,
      bron: "PORTAAL",
      uploadedById: sessie.userId,
      proef: opties.proef === true,
      inhoud,
    });
    // The delivery is in; a session that cannot be removed now (a database hiccup) is left to the
    // purge, rather than answering an error for an upload that succeeded.
    await verwijderUploadSessie(sessie.id, opslag).catch((fout: unknown) =>
      console.error(`[upload] sessie ${sessie.id} niet opgeruimd:`, fout instanceof Error ? fout.message : fout),
    );
    return resultaat;
  } catch (fout) {
    if (fout instanceof AanleveringGeweigerd) await verwijderUploadSessie(sessie.id, opslag);
    throw fout;
  }
}

/** Removes a session's parts and then its row (so a crash in between leaves the row for the purge). */
export async function verwijderUploadSessie(uploadId: string, opslag: Opslag = leveringOpslag()): Promise<void> {
  const sleutels: string[] = [];
  for await (const sleutel of opslag.lijst(`uploads/${uploadId}/`)) sleutels.push(sleutel);
  for (const sleutel of sleutels) await opslag.verwijder(sleutel);
  await getDb().uploadSessie.deleteMany({ where: { id: uploadId } });
}
