/**
 * Receipt of an upload (portal or API): refuse at once what can be refused without looking inside
 * (the file name, the size, the same file twice), store the file encrypted, record the
 * administrative data, queue the processing job and the receipt mail, and answer. The checks
 * themselves run in the worker (verwerking.ts).
 */
import crypto from "node:crypto";
import { type Readable, Transform, type TransformCallback } from "node:stream";
import { schrijfAudit } from "@/lib/audit";
import { getDb } from "@/lib/db/client";
import { isDatabaseOnbereikbaar } from "@/lib/db/onbereikbaar";
import { Prisma } from "@/lib/generated/prisma/client";
import { jobVerzender, stuurJob, WACHTRIJEN } from "@/lib/jobs/boss";
import { zetMailInWachtrij } from "@/lib/mail/wachtrij";
import { ontleedBestandsnaam } from "@/lib/swi/intake";
import { leveringOpslag } from "./opslag";
import { Staart, zipLedenUitStaart } from "./zipnamen";
import { PortaalFout, type FoutSoort } from "@/lib/http/fouten";
import { momentLang } from "@/lib/swi/opmaak";
import { portaalUrl } from "@/lib/http/adres";
import { heeftRecht, type Rol } from "@/lib/auth/actor";
import type { Proef } from "@/lib/generated/prisma/enums";

export type WeigerCode = "NAAM" | "BERICHTGEVER" | "TE_GROOT" | "DUBBEL" | "LEEG";

const SOORT_PER_WEIGERING: Record<WeigerCode, FoutSoort> = {
  NAAM: "niet-verwerkbaar",
  BERICHTGEVER: "niet-verwerkbaar",
  LEEG: "niet-verwerkbaar",
  TE_GROOT: "te-groot",
  DUBBEL: "conflict",
};

/** An upload refused before processing; `melding` is for the person uploading (Dutch). */
export class AanleveringGeweigerd extends PortaalFout {
  declare readonly code: WeigerCode;

  constructor(
    code: WeigerCode,
    melding: string,
    readonly verwachteNaam?: string,
  ) {
    super(SOORT_PER_WEIGERING[code], melding, { code, extra: verwachteNaam ? { verwachteNaam } : {} });
    this.name = "AanleveringGeweigerd";
  }
}

export const STANDAARD_MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/** SWI_MAX_UPLOAD_BYTES, default 200 MB. */
export function maxUploadBytes(env: Record<string, string | undefined> = process.env): number {
  const waarde = Number(env.SWI_MAX_UPLOAD_BYTES?.trim() || NaN);
  return Number.isInteger(waarde) && waarde > 0 ? waarde : STANDAARD_MAX_UPLOAD_BYTES;
}

export function grootteTekst(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Number.isInteger(mb) ? mb : mb.toFixed(1).replace(".", ",")} MB` : `${bytes} bytes`;
}

/** The quarter being delivered now: the one before the current one (Europe/Amsterdam). */
export function teLeverenKwartaal(nu: Date = new Date()): { jaar: number; kwartaal: number } {
  const [jaar, maand] = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Amsterdam",
    year: "numeric",
    month: "2-digit",
  })
    .format(nu)
    .split("-")
    .map(Number) as [number, number];
  const huidig = Math.floor((maand - 1) / 3) + 1;
  return huidig === 1 ? { jaar: jaar - 1, kwartaal: 4 } : { jaar, kwartaal: huidig - 1 };
}

// Path separators, control characters, and invisible formatting characters (bidi overrides, zero
// widths): a name holding one can show as another name in the portal, the mail and the audit log.
const ONVEILIG = /[\\/\u0000-\u001f\u007f-\u009f\u2028\u2029]|\p{Cf}/u;

/**
 * The refusal of an upload by its name alone, before any byte is sent: an XML must be named
 * SWI_[berichtgevercode]_[gemeentecode]_[jjjj][kwartaal].XML with the uploader's own code; a zip may
 * have any name (its members are checked by the processing, T01); anything else is refused.
 */
export function controleerBestandsnaamVoorUpload(
  bestandsnaam: string,
  berichtgeverCode: string,
  nu: Date = new Date(),
): AanleveringGeweigerd | null {
  const { jaar, kwartaal } = teLeverenKwartaal(nu);
  const ontleed = ontleedBestandsnaam(bestandsnaam);
  const voorbeeldGemeente =
    ontleed?.gemeentecode ?? /^SWI_[0-9]{4}_([0-9]{4})_/i.exec(bestandsnaam)?.[1] ?? berichtgeverCode;
  const patroon = `SWI_${berichtgeverCode}_[gemeentecode]_[jjjj][kwartaal].XML`;
  const uitleg = `De bestandsnaam moet zijn: ${patroon}, bijvoorbeeld SWI_${berichtgeverCode}_${voorbeeldGemeente}_${jaar}${kwartaal}.XML`;

  if (bestandsnaam.length === 0 || bestandsnaam.length > 255 || ONVEILIG.test(bestandsnaam)) {
    return new AanleveringGeweigerd("NAAM", `Deze bestandsnaam kan niet worden gebruikt. ${uitleg}.`, patroon);
  }
  if (/\.zip$/i.test(bestandsnaam)) return null;
  if (!/\.xml$/i.test(bestandsnaam)) {
    return new AanleveringGeweigerd(
      "NAAM",
      `U kunt alleen XML-bestanden en zip-bestanden aanleveren; "${bestandsnaam}" is geen van beide. ${uitleg}.`,
      patroon,
    );
  }
  if (!ontleed) {
    return new AanleveringGeweigerd(
      "NAAM",
      `De bestandsnaam "${bestandsnaam}" voldoet niet aan het voorgeschreven patroon. ${uitleg}. Gemeentecode en berichtgevercode hebben 4 cijfers (met voorloopnullen), het kwartaal is 1, 2, 3 of 4.`,
      patroon,
    );
  }
  if (ontleed.berichtgevercode !== berichtgeverCode) {
    const verwacht = `SWI_${berichtgeverCode}_${ontleed.gemeentecode}_${ontleed.statistiekjaar}${ontleed.statistiekkwartaal}.XML`;
    return new AanleveringGeweigerd(
      "BERICHTGEVER",
      `De berichtgevercode in de bestandsnaam (${ontleed.berichtgevercode}) is niet die van uw organisatie (${berichtgeverCode}). Controleer of u het juiste bestand aanlevert. De bestandsnaam moet zijn: ${verwacht}`,
      verwacht,
    );
  }
  return null;
}

export interface AanleveringInput {
  berichtgeverId: string;
  bestandsnaam: string;
  bron: "PORTAAL" | "API";
  uploadedById?: string;
  apiTokenId?: string;
  /** "Alleen controleren": the full check, without counting as the delivery. */
  proef?: boolean;
  inhoud: Readable;
}

export interface OntvangenLevering {
  id: string;
  /** Set when the file is only checked (ALLEEN_CONTROLEREN) or waits for release (WACHT_OP_VRIJGAVE). */
  proef: Proef | null;
  bestandsnaam: string;
  gemeentecode: string | null;
  statistiekjaar: number | null;
  statistiekkwartaal: number | null;
  status: string;
}

export interface OntvangenAanlevering {
  aanleveringId: string;
  leveringen: OntvangenLevering[];
}

class TeGroot extends Error {}

/** Counts bytes, stops the stream once it passes the limit, and keeps a zip's tail. */
class Begrenzer extends Transform {
  private n = 0;
  constructor(
    private readonly max: number,
    private readonly staart: Staart | null,
  ) {
    super();
  }
  override _transform(stuk: Buffer, _c: BufferEncoding, klaar: TransformCallback): void {
    this.n += stuk.length;
    if (this.n > this.max) return klaar(new TeGroot());
    this.staart?.voegToe(stuk);
    klaar(null, stuk);
  }
}

function dubbel(eerder: {
  ontvangenOp: Date;
  bestandsnaam: string;
  leveringen?: readonly { proef: Proef | null }[];
}): AanleveringGeweigerd {
  // The same bytes as a proeflevering: releasing it is the way, not a second upload.
  const alsProef = eerder.leveringen?.some((l) => l.proef !== null)
    ? " Het staat als proeflevering in het portaal: de contactpersoon kan het daar vrijgeven als levering."
    : "";
  return new AanleveringGeweigerd(
    "DUBBEL",
    `Dit bestand is al eerder aangeleverd, op ${momentLang(eerder.ontvangenOp)} (als ${eerder.bestandsnaam}). Hetzelfde bestand wordt maar één keer verwerkt.${alsProef}`,
  );
}

/**
 * After a transaction that failed on the connection, whether it was committed after all (the
 * connection may have gone while COMMIT was under way): the recorded upload when it was, "niet"
 * when the database says it was not, "onbekend" when the database does not answer.
 */
async function uitkomstNaStoring(
  berichtgeverId: string,
  sha256: string,
  sleutel: string,
): Promise<OntvangenAanlevering | "niet" | "onbekend"> {
  try {
    const rij = await getDb().aanlevering.findUnique({
      where: { berichtgeverId_sha256: { berichtgeverId, sha256 } },
      include: { leveringen: { orderBy: { createdAt: "asc" } } },
    });
    // Another upload's row for the same bytes means ours was refused by the unique key.
    if (!rij || rij.opslagSleutel !== sleutel) return "niet";
    return {
      aanleveringId: rij.id,
      leveringen: rij.leveringen.map((l) => ({
        id: l.id,
        proef: l.proef,
        bestandsnaam: l.bestandsnaam,
        gemeentecode: l.gemeentecode,
        statistiekjaar: l.statistiekjaar,
        statistiekkwartaal: l.statistiekkwartaal,
        status: l.status,
      })),
    };
  } catch {
    return "onbekend";
  }
}

/**
 * Receives one uploaded file: streams it into encrypted storage (hashing and counting it on the
 * way), refuses it when it is too large, empty or already delivered, and otherwise records the
 * Aanlevering with its Levering rows, the processing job and the receipt mail in one transaction.
 */
export async function registreerAanlevering(input: AanleveringInput): Promise<OntvangenAanlevering> {
  // A sender that breaks off can fail the stream while the berichtgever is looked up: listen from
  // the start (an error nobody listens to is uncaught) and remember it, because a failed stream
  // that is piped afterwards never ends.
  let vroegeFout: unknown = null;
  input.inhoud.on("error", (e) => (vroegeFout ??= e));
  const berichtgever = await berichtgeverVoorOntvangst(input);
  const proef = await proefVoor(input, berichtgever);
  const bestand = await slaOp(input, berichtgever.code, () => vroegeFout);
  // From here on the file is stored: every way out that records nothing removes it again, so a
  // database outage in the middle leaves neither a file without its rows nor rows without their file.
  const resultaat = await legVast(input, berichtgever, bestand, proef);
  await auditOntvangst(input, berichtgever.id, bestand, resultaat);
  return resultaat;
}

/**
 * Whether this upload counts at once: not when the uploader asked for the checks only, nor when the
 * berichtgever wants uploads by API tokens and by roles without the right to deliver directly
 * (back-up users) released by the contact person first.
 */
async function proefVoor(input: AanleveringInput, berichtgever: { vrijgaveVereist: boolean }): Promise<Proef | null> {
  if (input.proef) return "ALLEEN_CONTROLEREN";
  if (!berichtgever.vrijgaveVereist) return null;
  if (input.bron === "API") return "WACHT_OP_VRIJGAVE";
  const uploader = input.uploadedById
    ? await getDb().user.findUnique({ where: { id: input.uploadedById }, select: { rol: true } })
    : null;
  const rol: Rol | null = uploader?.rol ?? null;
  return rol && heeftRecht({ rol }, "leverenZonderVrijgave") ? null : "WACHT_OP_VRIJGAVE";
}

interface OpgeslagenBestand {
  sleutel: string;
  grootte: number;
  sha256: string;
  /** The last bytes of a zip, for its member list. */
  staart: Staart | null;
  verwijder(): Promise<void>;
}

async function berichtgeverVoorOntvangst(input: AanleveringInput) {
  const berichtgever = await getDb().berichtgever.findUnique({ where: { id: input.berichtgeverId } });
  if (!berichtgever) {
    input.inhoud.destroy();
    throw new Error(`Onbekende berichtgever ${input.berichtgeverId}.`);
  }
  const naamFout = controleerBestandsnaamVoorUpload(input.bestandsnaam, berichtgever.code);
  if (naamFout) {
    input.inhoud.destroy();
    throw naamFout;
  }
  return berichtgever;
}

/** Streams the file, encrypted, into storage, no more than the upload limit. */
async function slaOp(input: AanleveringInput, code: string, vroegeFout: () => unknown): Promise<OpgeslagenBestand> {
  const max = maxUploadBytes();
  const opslag = leveringOpslag();
  const sleutel = `aanleveringen/${code}/${crypto.randomUUID()}`;
  const staart = /\.zip$/i.test(input.bestandsnaam) ? new Staart() : null;
  const verwijder = () => opslag.verwijder(sleutel).catch((e) => console.error("[ontvangst] opruimen mislukt:", e));
  try {
    if (vroegeFout() !== null) throw vroegeFout();
    const begrenzer = new Begrenzer(max, staart);
    input.inhoud.on("error", (e) => begrenzer.destroy(e));
    const { grootte, sha256 } = await opslag.schrijf(sleutel, input.inhoud.pipe(begrenzer));
    return { sleutel, grootte, sha256, staart, verwijder };
  } catch (fout) {
    input.inhoud.destroy();
    await verwijder();
    if (fout instanceof TeGroot || (fout as { cause?: unknown })?.cause instanceof TeGroot) {
      throw new AanleveringGeweigerd(
        "TE_GROOT",
        `Het bestand is groter dan ${grootteTekst(max)}, de grens voor één aanlevering. Pak het in als zip-bestand (XML wordt daarin veel kleiner) of lever het verdeeld over meerdere bestanden aan.`,
      );
    }
    throw fout;
  }
}

/**
 * Records the stored file: the aanlevering, a levering per file in it, the processing job and the
 * receipt mail, in one transaction. A refusal or a failure removes the stored file again, unless a
 * database outage leaves it unknown whether the rows were written.
 */
async function legVast(
  input: AanleveringInput,
  berichtgever: { id: string; code: string },
  bestand: OpgeslagenBestand,
  proef: Proef | null,
): Promise<OntvangenAanlevering> {
  const db = getDb();
  const { sleutel, grootte, sha256 } = bestand;
  let inTransactie = false;
  try {
    if (grootte === 0) throw new AanleveringGeweigerd("LEEG", `Het bestand ${input.bestandsnaam} is leeg (0 bytes).`);
    const eerder = await db.aanlevering.findUnique({
      where: { berichtgeverId_sha256: { berichtgeverId: berichtgever.id, sha256 } },
      include: { leveringen: { select: { proef: true } } },
    });
    if (eerder) throw dubbel(eerder);
    const leden = bestand.staart ? await zipLedenUitStaart(bestand.staart.bytes(), grootte) : null;
    const ontvangenOp = new Date();
    const boss = await jobVerzender();
    inTransactie = true;
    return await db.$transaction(async (tx) => {
      const aanlevering = await tx.aanlevering.create({
        data: {
          berichtgeverId: berichtgever.id,
          bestandsnaam: input.bestandsnaam,
          grootte: BigInt(grootte),
          sha256,
          ontvangenOp,
          bron: input.bron,
          uploadedById: input.uploadedById ?? null,
          apiTokenId: input.apiTokenId ?? null,
          opslagSleutel: sleutel,
        },
      });
      const leveringen: OntvangenLevering[] = [];
      for (const { naam, grootte: lidGrootte } of leden ?? [{ naam: input.bestandsnaam, grootte }]) {
        const o = ontleedBestandsnaam(naam);
        const l = await tx.levering.create({
          data: {
            berichtgeverId: berichtgever.id,
            aanleveringId: aanlevering.id,
            bestandsnaam: naam,
            bronBestandsnaam: leden ? input.bestandsnaam : null,
            gemeentecode: o?.gemeentecode ?? null,
            statistiekjaar: o?.statistiekjaar ?? null,
            statistiekkwartaal: o?.statistiekkwartaal ?? null,
            // A zip member's size is the one its zip declares; its hash is that of the file received.
            grootte: BigInt(lidGrootte),
            sha256,
            ontvangenOp,
            bron: input.bron,
            uploadedById: input.uploadedById ?? null,
            opslagSleutel: sleutel,
            proef,
          },
        });
        leveringen.push({
          id: l.id,
          proef: l.proef,
          bestandsnaam: l.bestandsnaam,
          gemeentecode: l.gemeentecode,
          statistiekjaar: l.statistiekjaar,
          statistiekkwartaal: l.statistiekkwartaal,
          status: l.status,
        });
      }
      await stuurJob(boss, WACHTRIJEN.verwerkAanlevering, { aanleveringId: aanlevering.id }, tx);
      await zetMailInWachtrij(
        {
          berichtgeverId: berichtgever.id,
          sjabloon: "levering-ontvangen",
          parameters: {
            bestandsnaam: input.bestandsnaam,
            ontvangenOp: ontvangenOp.toISOString(),
            leveringen: leveringen.map((l) => ({
              bestandsnaam: l.bestandsnaam,
              url: portaalUrl(`/berichtgever/${berichtgever.code}/leveringen/${l.id}`),
            })),
          },
        },
        { tx, boss },
      );
      return { aanleveringId: aanlevering.id, leveringen };
    });
  } catch (fout) {
    const uitkomst =
      inTransactie && isDatabaseOnbereikbaar(fout) ? await uitkomstNaStoring(berichtgever.id, sha256, sleutel) : "niet";
    if (uitkomst === "onbekend") {
      // The rows may exist and then need this file: kept. The person is told to try again and
      // then hears "al eerder aangeleverd" if it was recorded after all.
      console.warn(`[ontvangst] uitkomst onzeker door een databasestoring; ${sleutel} blijft bewaard.`);
      throw fout;
    }
    if (uitkomst === "niet") {
      await bestand.verwijder();
      if (fout instanceof Prisma.PrismaClientKnownRequestError && fout.code === "P2002") {
        // The same file arrived twice at the same moment; the other one won.
        const ander = await db.aanlevering.findUnique({
          where: { berichtgeverId_sha256: { berichtgeverId: berichtgever.id, sha256 } },
        });
        if (ander) throw dubbel(ander);
      }
      throw fout;
    }
    // Committed after all: the upload is in, with its job and mail.
    return uitkomst;
  }
}

/** The delivery is recorded and queued; failing the upload now would only make the sender try again. */
async function auditOntvangst(
  input: AanleveringInput,
  berichtgeverId: string,
  bestand: OpgeslagenBestand,
  resultaat: OntvangenAanlevering,
): Promise<void> {
  try {
    const uploader = input.uploadedById
      ? await getDb().user.findUnique({
          where: { id: input.uploadedById },
          select: { id: true, email: true, rol: true },
        })
      : null;
    await schrijfAudit({
      actor: uploader ? { userId: uploader.id, email: uploader.email, rol: uploader.rol } : null,
      actie: "levering.ontvangen",
      doelType: "aanlevering",
      doelId: resultaat.aanleveringId,
      berichtgeverId,
      details: {
        bestandsnaam: input.bestandsnaam,
        grootte: bestand.grootte,
        sha256: bestand.sha256,
        bron: input.bron,
        apiTokenId: input.apiTokenId ?? null,
        proef: resultaat.leveringen[0]?.proef ?? null,
        leveringen: resultaat.leveringen.map((l) => l.id),
      },
    });
  } catch (fout) {
    console.error(`[ontvangst] auditregel voor aanlevering ${resultaat.aanleveringId} niet geschreven:`, fout);
  }
}
