/**
 * The browser side of the chunked upload API (app/api/uploads): start a session (the name is
 * refused there at once), send the parts one by one with retry and backoff, resume after a dropped
 * connection by asking which parts arrived, then complete. Framework-free so the retry logic reads
 * on its own.
 */

export interface OntvangenLevering {
  id: string;
  bestandsnaam: string;
  gemeentecode: string | null;
  statistiekjaar: number | null;
  statistiekkwartaal: number | null;
  status: string;
}

export type UploadVoortgang =
  | { soort: "bezig"; verzonden: number }
  | {
      soort: "wacht";
      verzonden: number;
      seconden: number;
      poging: number;
      maxPogingen: number;
      /** What the portal said about its own trouble (storage full, a database outage), if anything. */
      melding?: string;
    }
  | { soort: "afronden"; verzonden: number };

/** Refused by the portal: a message for the user, and for a wrong name the name it expects. */
export class UploadGeweigerd extends Error {
  constructor(
    readonly melding: string,
    readonly verwachteNaam?: string,
  ) {
    super(melding);
    this.name = "UploadGeweigerd";
  }
}

/**
 * The connection failed too often, or the portal kept reporting trouble of its own (`melding`);
 * the upload can be resumed with `uploadId`.
 */
export class VerbindingMislukt extends Error {
  constructor(
    readonly uploadId: string | undefined,
    melding?: string,
  ) {
    super(
      melding
        ? `${melding} Kies later ‘Opnieuw proberen’; wat al is verzonden, hoeft niet opnieuw.`
        : "De verbinding met het portaal is te vaak onderbroken. Controleer uw internetverbinding en kies ‘Opnieuw proberen’; wat al is verzonden, hoeft niet opnieuw.",
    );
    this.name = "VerbindingMislukt";
  }
}

export const MAX_POGINGEN = 8;
const EERSTE_WACHT_MS = 1000;
const MAX_WACHT_MS = 30_000;
const DEEL_TIMEOUT_MS = 180_000;

/** Retry only what another attempt can fix: the network, the server's own trouble, throttling. */
function opnieuwProberen(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

function wachtTijd(poging: number): number {
  const basis = Math.min(EERSTE_WACHT_MS * 2 ** (poging - 1), MAX_WACHT_MS);
  // Jitter keeps many browsers that lost the same connection from retrying in step.
  return Math.round(basis * (0.75 + Math.random() * 0.5));
}

function slaap(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(klaar, ms);
    const online = () => klaar();
    function klaar() {
      clearTimeout(t);
      window.removeEventListener("online", online);
      signal?.removeEventListener("abort", afgebroken);
      resolve();
    }
    function afgebroken() {
      clearTimeout(t);
      window.removeEventListener("online", online);
      reject(new DOMException("Afgebroken", "AbortError"));
    }
    // Back online: no need to sit out the rest of the wait.
    window.addEventListener("online", online);
    signal?.addEventListener("abort", afgebroken);
  });
}

interface Antwoord {
  status: number;
  data: Record<string, unknown>;
}

async function json(url: string, init: RequestInit): Promise<Antwoord> {
  try {
    const res = await fetch(url, {
      ...init,
      headers: { accept: "application/json", ...(init.headers ?? {}) },
      cache: "no-store",
    });
    const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    return { status: res.status, data };
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    return { status: 0, data: {} };
  }
}

/** PUT with upload progress (fetch has none). Status 0 means the network failed. */
function putDeel(
  url: string,
  body: Blob,
  voortgang: (geladen: number) => void,
  signal?: AbortSignal,
): Promise<Antwoord> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", url);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.timeout = DEEL_TIMEOUT_MS;
    xhr.upload.onprogress = (e) => voortgang(e.loaded);
    xhr.onload = () => resolve({ status: xhr.status, data: jsonUit(xhr.responseText) });
    xhr.onerror = () => resolve({ status: 0, data: {} });
    xhr.ontimeout = () => resolve({ status: 0, data: {} });
    xhr.onabort = () => reject(new DOMException("Afgebroken", "AbortError"));
    signal?.addEventListener("abort", () => xhr.abort());
    xhr.send(body);
  });
}

function jsonUit(tekst: string): Record<string, unknown> {
  try {
    const data: unknown = JSON.parse(tekst);
    return data && typeof data === "object" ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The portal's own explanation of a failure worth retrying (507 storage full, 503 outage). */
function storingsmelding(a: Antwoord): string | undefined {
  return a.status >= 500 && typeof a.data.melding === "string" ? a.data.melding : undefined;
}

function melding(a: Antwoord, standaard: string): string {
  return typeof a.data.melding === "string" ? a.data.melding : standaard;
}

function vastFout(a: Antwoord): Error {
  if (a.status === 401)
    return new UploadGeweigerd("U bent niet meer ingelogd. Log opnieuw in en probeer het nog eens.");
  if (a.status === 404)
    return new UploadGeweigerd("Deze upload is niet (meer) bekend bij het portaal. Begin opnieuw met dit bestand.");
  if (a.status === 413) return new UploadGeweigerd(melding(a, "Het bestand is te groot om te verzenden."));
  return new UploadGeweigerd(
    melding(a, `Het portaal weigerde het bestand (code ${a.status}).`),
    typeof a.data.verwachteNaam === "string" ? a.data.verwachteNaam : undefined,
  );
}

/** What the portal said when the session started; enough to resume it. */
export interface UploadSessie {
  uploadId: string;
  deelGrootte: number;
  delen: number;
}

export interface UploadOpties {
  berichtgeverCode: string;
  /** "Alleen controleren": the file is checked without counting as the delivery. */
  proef?: boolean;
  /** An earlier session of this file to resume. */
  sessie?: UploadSessie;
  signal?: AbortSignal;
  opVoortgang: (v: UploadVoortgang) => void;
  /** Called once the session exists, so that a failed upload can be resumed. */
  opSessie?: (sessie: UploadSessie) => void;
}

/** Calls `stap` until it gives a definitive answer, waiting longer after every failed attempt. */
async function metHerhaling(
  stap: () => Promise<Antwoord>,
  opWacht: (seconden: number, poging: number, melding?: string) => void,
  uploadId: string | undefined,
  signal?: AbortSignal,
): Promise<Antwoord> {
  for (let poging = 1; ; poging++) {
    const a = await stap();
    if (!opnieuwProberen(a.status)) return a;
    if (poging >= MAX_POGINGEN) throw new VerbindingMislukt(uploadId, storingsmelding(a));
    const ms = wachtTijd(poging);
    opWacht(Math.ceil(ms / 1000), poging, storingsmelding(a));
    await slaap(ms, signal);
  }
}

export async function uploadBestand(
  bestand: File,
  opties: UploadOpties,
): Promise<{ aanleveringId: string; leveringen: OntvangenLevering[] }> {
  const { signal, opVoortgang } = opties;
  const basis = "/api/uploads";
  let uploadId = opties.sessie?.uploadId;
  let deelGrootte = opties.sessie?.deelGrootte ?? 0;
  let delen = opties.sessie?.delen ?? 0;
  let verzonden = 0;
  const wacht = (seconden: number, poging: number, melding?: string) =>
    opVoortgang({
      soort: "wacht",
      verzonden,
      seconden,
      poging,
      maxPogingen: MAX_POGINGEN,
      ...(melding ? { melding } : {}),
    });

  opVoortgang({ soort: "bezig", verzonden: 0 });
  let ontvangen = new Set<number>();
  if (uploadId) {
    const stand = await metHerhaling(
      () => json(`${basis}/${uploadId}`, { method: "GET", signal }),
      wacht,
      uploadId,
      signal,
    );
    if (stand.status !== 200) uploadId = undefined;
    else ontvangen = new Set((stand.data.ontvangenDelen as number[] | undefined) ?? []);
  }
  if (!uploadId) {
    const start = await metHerhaling(
      () =>
        json(`${basis}?berichtgever=${encodeURIComponent(opties.berichtgeverCode)}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ bestandsnaam: bestand.name, grootte: bestand.size }),
          signal,
        }),
      wacht,
      undefined,
      signal,
    );
    if (start.status !== 201) throw vastFout(start);
    uploadId = String(start.data.uploadId);
    deelGrootte = Number(start.data.deelGrootte);
    delen = Number(start.data.delen);
    opties.opSessie?.({ uploadId, deelGrootte, delen });
  }
  const id = uploadId;
  const grootteVan = (n: number) => Math.min(deelGrootte, bestand.size - n * deelGrootte);
  verzonden = [...ontvangen].reduce((som, n) => som + grootteVan(n), 0);
  opVoortgang({ soort: "bezig", verzonden });

  for (let n = 0; n < delen; n++) {
    if (ontvangen.has(n)) continue;
    const stuk = bestand.slice(n * deelGrootte, n * deelGrootte + grootteVan(n));
    let naEenFout = false;
    const a = await metHerhaling(
      async () => {
        if (naEenFout) {
          // The part may have arrived while its answer got lost: ask before sending it again.
          const stand = await json(`${basis}/${id}`, { method: "GET", signal });
          if (stand.status === 200 && ((stand.data.ontvangenDelen as number[] | undefined) ?? []).includes(n)) {
            return { status: 204, data: {} };
          }
          if (stand.status !== 200 && !opnieuwProberen(stand.status)) return stand;
        }
        opVoortgang({ soort: "bezig", verzonden });
        const antwoord = await putDeel(
          `${basis}/${id}/delen/${n}`,
          stuk,
          (geladen) => opVoortgang({ soort: "bezig", verzonden: verzonden + geladen }),
          signal,
        );
        naEenFout = opnieuwProberen(antwoord.status);
        return antwoord;
      },
      wacht,
      id,
      signal,
    );
    if (a.status !== 204 && a.status !== 200) throw vastFout(a);
    verzonden += stuk.size;
    opVoortgang({ soort: "bezig", verzonden });
  }

  opVoortgang({ soort: "afronden", verzonden });
  const klaar = await metHerhaling(
    () => json(`${basis}/${id}/voltooien${opties.proef ? "?proef=true" : ""}`, { method: "POST", signal }),
    wacht,
    id,
    signal,
  );
  if (klaar.status !== 201) throw vastFout(klaar);
  return {
    aanleveringId: String(klaar.data.aanleveringId),
    leveringen: (klaar.data.leveringen as OntvangenLevering[]) ?? [],
  };
}
