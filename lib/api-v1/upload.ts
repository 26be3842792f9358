/**
 * POST /api/v1/leveringen: the multipart body is parsed as it arrives (busboy) and the file part
 * is streamed straight into registreerAanlevering, which encrypts it into storage while counting
 * and hashing it. Nothing holds the whole file in memory, also not at 200 MB.
 */
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import busboy from "busboy";
import type { ApiTokenActor } from "@/lib/api-tokens/verificatie";
import { heeftRecht } from "@/lib/auth/actor";
import {
  AanleveringGeweigerd,
  controleerBestandsnaamVoorUpload,
  grootteTekst,
  maxUploadBytes,
  registreerAanlevering,
  type OntvangenAanlevering,
} from "@/lib/leveringen/ontvangst";
import { foutAntwoord, foutJson, json } from "@/lib/http/antwoord";
import { leveringUrl } from "./links";
import { BESTAND_VELD } from "./upload-veld";
import { leesProefParameter } from "./parameters";

export { BESTAND_VELD };

/** Room for the multipart framing around the file when judging Content-Length. */
const MULTIPART_MARGE = 64 * 1024;

export function aangenomen(r: OntvangenAanlevering): Response {
  const leveringen = r.leveringen.map((l) => ({ ...l, url: leveringUrl(l.id) }));
  const eerste = leveringen[0];
  return json({ aanleveringId: r.aanleveringId, leveringen }, 201, eerste ? { Location: eerste.url } : {});
}

/**
 * Some clients send the path they read the file from; only its last part is the name. A path that
 * climbs (`..`) is no such path: it is passed on whole, so that the name check refuses it.
 */
function bestandsnaamUit(filename: string | undefined): string {
  const naam = filename ?? "";
  const delen = naam.split(/[\\/]/);
  return delen.includes("..") ? naam : (delen.pop() ?? "");
}

function teGrootAntwoord(max: number): Response {
  return foutJson(
    413,
    `Het bestand is groter dan ${grootteTekst(max)}, de grens voor één aanlevering. Pak het in als zip-bestand of lever het verdeeld over meerdere bestanden aan.`,
    { code: "TE_GROOT" },
  );
}

export async function ontvangUpload(req: Request, actor: ApiTokenActor): Promise<Response> {
  if (!heeftRecht(actor, "uploaden")) return foutJson(403, "Deze token mag geen bestanden aanleveren.");
  let proef: boolean;
  try {
    proef = leesProefParameter(new URL(req.url).searchParams);
  } catch (e) {
    return foutAntwoord(e, req, "json");
  }
  const contentType = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*(;|$)/i.test(contentType)) {
    return foutJson(415, `Stuur het bestand als multipart/form-data, in het veld "${BESTAND_VELD}".`);
  }
  const max = maxUploadBytes();
  const lengte = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(lengte) && lengte > max + MULTIPART_MARGE) return teGrootAntwoord(max);
  if (!req.body) return foutJson(400, `Het verzoek bevat geen bestand in het veld "${BESTAND_VELD}".`);

  let ontleder: busboy.Busboy;
  try {
    ontleder = busboy({
      headers: { "content-type": contentType },
      defParamCharset: "utf8",
      // bestandsnaamUit decides about paths; busboy's own stripping would hide a climbing `..`.
      preservePath: true,
      limits: { files: 1, fields: 20, parts: 25, fieldSize: 64 * 1024 },
    });
  } catch {
    return foutJson(400, "Het verzoek is geen geldig multipart/form-data-bericht.");
  }
  const bron = Readable.fromWeb(req.body as unknown as NodeWebReadableStream<Uint8Array>);
  // Never more of the body than an honest request can hold, whatever its Content-Length said: a body
  // that keeps coming is cut off, also while the rest of a refused request is drained.
  let gelezen = 0;
  let afgekapt = false;
  bron.on("data", (stuk: Buffer) => {
    gelezen += stuk.length;
    if (gelezen > max + MULTIPART_MARGE && !afgekapt) {
      afgekapt = true;
      bron.destroy(new Error("Het verzoek is groter dan toegestaan."));
    }
  });

  return new Promise<Response>((resolve) => {
    let bezig = false;
    let klaar = false;
    let onleesbaar = false;
    const antwoord = (r: Response) => {
      if (klaar) return;
      klaar = true;
      resolve(r);
    };
    // After a refusal the rest of the body is read and dropped, so the client gets to read the answer.
    const laatRestWeglopen = () => {
      bron.unpipe(ontleder);
      bron.on("error", () => {});
      bron.resume();
    };

    ontleder.on("file", (veld, stroom, info) => {
      // A part that is skipped fails with the request when that is cut off; that is answered already.
      stroom.on("error", () => {});
      if (veld !== BESTAND_VELD || bezig) {
        stroom.resume();
        return;
      }
      bezig = true;
      const bestandsnaam = bestandsnaamUit(info.filename);
      const naamFout = controleerBestandsnaamVoorUpload(bestandsnaam, actor.berichtgeverCode);
      if (naamFout) {
        stroom.resume();
        laatRestWeglopen();
        antwoord(foutAntwoord(naamFout, req, "json"));
        return;
      }
      registreerAanlevering({
        berichtgeverId: actor.berichtgeverId,
        bestandsnaam,
        bron: "API",
        apiTokenId: actor.apiToken.id,
        proef,
        inhoud: stroom,
      }).then(
        (r) => antwoord(aangenomen(r)),
        (e: unknown) => {
          laatRestWeglopen();
          if (!(e instanceof AanleveringGeweigerd)) {
            if (afgekapt) return antwoord(teGrootAntwoord(max));
            if (onleesbaar) return antwoord(foutJson(400, "Het verzoek is geen geldig multipart/form-data-bericht."));
          }
          antwoord(foutAntwoord(e, req, "json", "bestand"));
        },
      );
    });
    ontleder.on("close", () => {
      if (!bezig) antwoord(foutJson(400, `Het verzoek bevat geen bestand in het veld "${BESTAND_VELD}".`));
    });
    ontleder.on("error", () => {
      onleesbaar = true;
      laatRestWeglopen();
      if (!bezig)
        antwoord(
          afgekapt ? teGrootAntwoord(max) : foutJson(400, "Het verzoek is geen geldig multipart/form-data-bericht."),
        );
    });
    bron.on("error", (e) => ontleder.destroy(e));
    bron.pipe(ontleder);
  });
}
