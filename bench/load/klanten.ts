/**
 * The people and programs at the deadline: a vendor's integration uploading through the API v1,
 * the browser's chunked upload of a contact person, and contact persons browsing their status
 * pages and spiegelrapporten while the deliveries are processed. Every request's latency is kept.
 */
import fs from "node:fs";
import { maakRng } from "../../lib/swi/testhulp/prng";
import type { BenchBestand } from "./bestanden";
import type { Toegang } from "./portaal";

export interface Verzoek {
  soort: string;
  ms: number;
  status: number;
  /** ms since the bench's epoch, to tell the measured window from the rest. */
  op: number;
}

export class Metingen {
  readonly verzoeken: Verzoek[] = [];
  constructor(private readonly epoch: number) {}
  nu(): number {
    return performance.now() - this.epoch;
  }
  async meet(soort: string, doe: () => Promise<Response>): Promise<{ res: Response; tekst: string }> {
    const begin = performance.now();
    const res = await doe();
    // The whole body counts: a page is not there before its last byte.
    const tekst = await res.text();
    this.verzoeken.push({ soort, ms: performance.now() - begin, status: res.status, op: begin - this.epoch });
    return { res, tekst };
  }
}

export interface Upload {
  code: string;
  bestand: BenchBestand;
  deur: "api" | "portaal";
  status: number;
  /** Requests sent again after a 429 or 5xx. */
  herhalingen: number;
  aanleveringId?: string;
  leveringIds: string[];
  /** Start and end, ms since the bench's epoch. */
  begin: number;
  eind: number;
  melding?: string;
}

const MAX_POGINGEN = 8;

function wachtVoor(res: Response, poging: number): number {
  const ra = Number(res.headers.get("retry-after"));
  return Number.isFinite(ra) && ra > 0 ? ra * 1000 : Math.min(500 * 2 ** poging, 10_000);
}

/** What a well-behaved client does: retry on 429 and 5xx, after Retry-After when given. */
async function metHerhaling(
  m: Metingen,
  soort: string,
  doe: () => Promise<Response>,
): Promise<{ res: Response; tekst: string; pogingen: number }> {
  for (let poging = 1; ; poging++) {
    const { res, tekst } = await m.meet(soort, doe);
    if ((res.status !== 429 && res.status < 500) || poging >= MAX_POGINGEN) return { res, tekst, pogingen: poging };
    await new Promise((r) => setTimeout(r, wachtVoor(res, poging)));
  }
}

interface Aangenomen {
  aanleveringId: string;
  leveringen: { id: string }[];
}

export async function uploadViaApi(basis: string, t: Toegang, bestand: BenchBestand, m: Metingen): Promise<Upload> {
  const begin = m.nu();
  const { res, tekst, pogingen } = await metHerhaling(m, "upload-api", async () => {
    const fd = new FormData();
    fd.set("bestand", await fs.openAsBlob(bestand.pad), bestand.naam);
    return fetch(`${basis}/api/v1/leveringen`, {
      method: "POST",
      headers: { authorization: `Bearer ${t.apiToken}` },
      body: fd,
    });
  });
  return uitkomst(t.code, bestand, "api", res.status, tekst, pogingen - 1, begin, m.nu());
}

/** As the portal's upload page does it: start, parts of deelGrootte, complete. */
export async function uploadViaPortaal(basis: string, t: Toegang, bestand: BenchBestand, m: Metingen): Promise<Upload> {
  const begin = m.nu();
  const headers = { cookie: `next-auth.session-token=${t.sessieToken}`, origin: basis };
  let herhalingen = 0;
  const stap = async (soort: string, doe: () => Promise<Response>) => {
    const r = await metHerhaling(m, soort, doe);
    herhalingen += r.pogingen - 1;
    return r;
  };
  const start = await stap("upload-start", () =>
    fetch(`${basis}/api/uploads`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ bestandsnaam: bestand.naam, grootte: bestand.bytes }),
    }),
  );
  if (start.res.status !== 201)
    return uitkomst(t.code, bestand, "portaal", start.res.status, start.tekst, herhalingen, begin, m.nu());
  const { uploadId, deelGrootte, delen } = JSON.parse(start.tekst) as {
    uploadId: string;
    deelGrootte: number;
    delen: number;
  };
  const fd = await fs.promises.open(bestand.pad, "r");
  try {
    for (let n = 0; n < delen; n++) {
      const lengte = Math.min(deelGrootte, bestand.bytes - n * deelGrootte);
      const buf = Buffer.alloc(lengte);
      await fd.read(buf, 0, lengte, n * deelGrootte);
      const deel = await stap("upload-deel", () =>
        fetch(`${basis}/api/uploads/${uploadId}/delen/${n}`, {
          method: "PUT",
          headers: { ...headers, "content-type": "application/octet-stream" },
          body: buf,
        }),
      );
      if (deel.res.status !== 204)
        return uitkomst(t.code, bestand, "portaal", deel.res.status, deel.tekst, herhalingen, begin, m.nu());
    }
  } finally {
    await fd.close();
  }
  const klaar = await stap("upload-voltooien", () =>
    fetch(`${basis}/api/uploads/${uploadId}/voltooien`, { method: "POST", headers }),
  );
  return uitkomst(t.code, bestand, "portaal", klaar.res.status, klaar.tekst, herhalingen, begin, m.nu());
}

function uitkomst(
  code: string,
  bestand: BenchBestand,
  deur: Upload["deur"],
  status: number,
  tekst: string,
  herhalingen: number,
  begin: number,
  eind: number,
): Upload {
  const u: Upload = { code, bestand, deur, status, herhalingen, leveringIds: [], begin, eind };
  if (status === 201) {
    const a = JSON.parse(tekst) as Aangenomen;
    u.aanleveringId = a.aanleveringId;
    u.leveringIds = a.leveringen.map((l) => l.id);
  } else {
    u.melding = tekst.slice(0, 300);
  }
  return u;
}

/**
 * A contact person with the portal open: looks at the overview, the delivery list, a delivery and
 * its spiegelrapport, pausing in between; while a delivery is being processed the open page asks
 * for its status every 2 seconds, as LiveStatus.tsx does.
 */
export async function blader(
  basis: string,
  t: Toegang,
  leveringen: () => string[],
  m: Metingen,
  denktijdMs: [number, number],
  doorgaan: () => boolean,
  seed: string,
): Promise<void> {
  const rng = maakRng(`${seed}:${t.code}`);
  const headers = { cookie: `next-auth.session-token=${t.sessieToken}` };
  const pagina = (p: string, soort: string) => m.meet(soort, () => fetch(`${basis}${p}`, { headers }));
  const wacht = (ms: number) => new Promise((r) => setTimeout(r, ms));
  await wacht(rng() * denktijdMs[1]);
  while (doorgaan()) {
    const ids = leveringen();
    const id = ids[Math.floor(rng() * ids.length)];
    const keuze = rng();
    if (keuze < 0.15 || !id) await pagina(`/berichtgever/${t.code}`, "pagina: overzicht");
    else if (keuze < 0.4) await pagina(`/berichtgever/${t.code}/leveringen`, "pagina: leveringen");
    else if (keuze < 0.7) {
      await pagina(`/berichtgever/${t.code}/leveringen/${id}`, "pagina: levering");
      // The live status of that page, until the pause is over.
      const tot = m.nu() + denktijdMs[0] + rng() * (denktijdMs[1] - denktijdMs[0]);
      while (m.nu() + 2000 < tot && doorgaan()) {
        await wacht(2000);
        await m.meet("api: status", () => fetch(`${basis}/api/leveringen/status?ids=${id}`, { headers }));
      }
      continue;
    } else await pagina(`/berichtgever/${t.code}/leveringen/${id}/spiegelrapport`, "pagina: spiegelrapport");
    await wacht(denktijdMs[0] + rng() * (denktijdMs[1] - denktijdMs[0]));
  }
}
