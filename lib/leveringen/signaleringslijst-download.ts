/**
 * Download of a signaleringslijst (person-level data: BSNs). The order of the checks matters:
 * tenant first (another berichtgever's list does not exist for you, whatever your role), then the
 * role, then availability. Only a download that is actually handed out is audited, and the audit
 * entry is written before the first byte leaves, so there is no download without a trace.
 */
import type { Readable } from "node:stream";
import { getDb } from "@/lib/db/client";
import { heeftRecht, type Actor } from "@/lib/auth/actor";
import { leveringFilter } from "@/lib/berichtgevers/toegang";
import { schrijfAudit } from "@/lib/audit";
import type { Opslag } from "@/lib/storage";
import { leveringOpslag } from "./opslag";
import { GeenRecht, NietGevonden, PortaalFout } from "@/lib/http/fouten";

export type DownloadFormaat = "csv" | "xlsx";

export const CONTENT_TYPE: Record<DownloadFormaat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The role may not download person-level data (a back-up user). Answer 403. */
export class GeenDownloadRecht extends GeenRecht {
  constructor() {
    super(
      "Alleen de contactpersoon van de berichtgever kan de signaleringslijst downloaden, omdat die persoonsgegevens bevat.",
    );
    this.name = "GeenDownloadRecht";
  }
}

/** The list existed but can no longer be downloaded. Answer 410 (Gone). */
export class SignaleringslijstVerlopen extends PortaalFout {
  constructor() {
    super(
      "verlopen",
      "Deze signaleringslijst is verlopen: hij was 14 dagen te downloaden en is daarna verwijderd. " +
        "Neem contact op met het CBS (wetinburgering@cbs.nl) als u hem nog nodig hebt.",
    );
    this.name = "SignaleringslijstVerlopen";
  }
}

export interface SignaleringslijstDownload {
  stroom: Readable;
  bestandsnaam: string;
  contentType: string;
  lijstId: string;
}

export function downloadBestandsnaam(leveringBestandsnaam: string, formaat: DownloadFormaat): string {
  const basis = leveringBestandsnaam.replace(/\.xml$/i, "").replace(/[^A-Za-z0-9_-]/g, "_");
  return `signaleringslijst_${basis}.${formaat}`;
}

export async function openSignaleringslijst(
  actor: Actor,
  leveringId: string,
  formaat: DownloadFormaat,
  opties: { code?: string; nu?: Date; opslag?: Opslag } = {},
): Promise<SignaleringslijstDownload> {
  const l = await getDb().levering.findFirst({
    where: {
      id: leveringId,
      ...leveringFilter(actor),
      ...(opties.code !== undefined ? { berichtgever: { code: opties.code } } : {}),
    },
    select: { id: true, bestandsnaam: true, berichtgeverId: true, signaleringslijst: true },
  });
  if (!l?.signaleringslijst) throw new NietGevonden();
  if (!heeftRecht(actor, "persoonsgegevensDownloaden")) throw new GeenDownloadRecht();
  const lijst = l.signaleringslijst;
  const nu = opties.nu ?? new Date();
  if (lijst.verwijderdOp !== null || lijst.verlooptOp.getTime() <= nu.getTime()) throw new SignaleringslijstVerlopen();

  const sleutel = formaat === "csv" ? lijst.csvSleutel : lijst.xlsxSleutel;
  // Opened before the audit entry so a missing file is not logged as a download, and before any
  // byte is sent so the log never misses one.
  const stroom = await (opties.opslag ?? leveringOpslag()).lees(sleutel);
  try {
    await schrijfAudit({
      actor: { userId: actor.userId, email: actor.email, rol: actor.rol },
      actie: "download.signaleringslijst",
      doelType: "signaleringslijst",
      doelId: lijst.id,
      berichtgeverId: l.berichtgeverId,
      details: { leveringId: l.id, bestandsnaam: l.bestandsnaam, formaat },
    });
  } catch (fout) {
    stroom.destroy();
    throw fout;
  }
  return {
    stroom,
    bestandsnaam: downloadBestandsnaam(l.bestandsnaam, formaat),
    contentType: CONTENT_TYPE[formaat],
    lijstId: lijst.id,
  };
}
