import path from "node:path";
import { OpslagFout } from "./fouten";
import { hoofdsleutelUitBestand, leesHoofdsleutel } from "./hoofdsleutel";
import { maakOpslag, type Opslag, type OpslagConfig } from "./opslag";

export type Omgeving = Readonly<Record<string, string | undefined>>;

/**
 * Reads the storage settings from environment variables. Independent of lib/env.ts on purpose:
 * the worker process and tests use storage without the web app's other settings.
 *
 *   SWI_STORAGE           local (default) | s3
 *   SWI_STORAGE_DIR       local directory; default <SWI_VAR_DIR>/opslag
 *   SWI_ENCRYPTION_KEY    32 bytes, base64 or hex; required unless SWI_EMBEDDED=1
 *   SWI_ENCRYPTION_OLD_KEYS  keys from before a rotation, comma-separated, only for reading
 *   S3_ENDPOINT, S3_BUCKET, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE
 */
export function opslagConfigUitOmgeving(omgeving: Omgeving = process.env): OpslagConfig {
  const waarde = (naam: string) => {
    const w = omgeving[naam]?.trim();
    return w === "" ? undefined : w;
  };
  const varMap = path.resolve(waarde("SWI_VAR_DIR") ?? path.join(process.cwd(), "var"));
  const embedded = waarde("SWI_EMBEDDED") === "1";

  const gemeenschappelijk = {
    hoofdsleutel: hoofdsleutelUitOmgeving(waarde("SWI_ENCRYPTION_KEY"), embedded, varMap),
    oudeHoofdsleutels: oudeSleutels(waarde("SWI_ENCRYPTION_OLD_KEYS")),
  };

  const backend = waarde("SWI_STORAGE") ?? "local";
  if (backend === "local") {
    return {
      ...gemeenschappelijk,
      backend,
      map: path.resolve(waarde("SWI_STORAGE_DIR") ?? path.join(varMap, "opslag")),
    };
  }
  if (backend === "s3") {
    const bucket = waarde("S3_BUCKET");
    if (!bucket)
      throw new OpslagFout("CONFIGURATIE", "SWI_STORAGE=s3 maar S3_BUCKET ontbreekt. Geef de naam van de bucket op.");
    const accessKeyId = waarde("S3_ACCESS_KEY_ID");
    const secretAccessKey = waarde("S3_SECRET_ACCESS_KEY");
    if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
      throw new OpslagFout(
        "CONFIGURATIE",
        "Geef S3_ACCESS_KEY_ID en S3_SECRET_ACCESS_KEY allebei op, of geen van beide.",
      );
    }
    const padStijl = waarde("S3_FORCE_PATH_STYLE");
    return {
      ...gemeenschappelijk,
      backend,
      s3: {
        bucket,
        endpoint: waarde("S3_ENDPOINT"),
        region: waarde("S3_REGION"),
        accessKeyId,
        secretAccessKey,
        forcePathStyle: padStijl === undefined ? undefined : ["1", "true", "ja"].includes(padStijl.toLowerCase()),
      },
    };
  }
  throw new OpslagFout("CONFIGURATIE", `SWI_STORAGE=${backend} wordt niet ondersteund; kies local of s3.`);
}

export function opslagUitOmgeving(omgeving: Omgeving = process.env): Opslag {
  return maakOpslag(opslagConfigUitOmgeving(omgeving));
}

/** Where embedded mode keeps its generated master key. */
export function embeddedSleutelbestand(varMap: string): string {
  return path.join(varMap, "sleutels", "master.key");
}

function hoofdsleutelUitOmgeving(tekst: string | undefined, embedded: boolean, varMap: string): Buffer {
  if (tekst !== undefined) {
    const sleutel = leesHoofdsleutel(tekst);
    if (!sleutel) {
      throw new OpslagFout(
        "CONFIGURATIE",
        "SWI_ENCRYPTION_KEY is geen geldige sleutel: verwacht 32 bytes als base64 (44 tekens) of hex (64 tekens). Maak er een met: openssl rand -base64 32",
      );
    }
    return sleutel;
  }
  if (embedded) return hoofdsleutelUitBestand(embeddedSleutelbestand(varMap));
  throw new OpslagFout(
    "CONFIGURATIE",
    "SWI_ENCRYPTION_KEY ontbreekt. Aangeleverde bestanden en signaleringslijsten worden versleuteld opgeslagen; zet een sleutel van 32 bytes (base64 of hex) in SWI_ENCRYPTION_KEY, bijvoorbeeld gemaakt met: openssl rand -base64 32. Bewaar hem veilig: zonder deze sleutel zijn de opgeslagen bestanden niet meer te lezen.",
  );
}

function oudeSleutels(tekst: string | undefined): Buffer[] {
  if (tekst === undefined) return [];
  return tekst
    .split(/[\s,]+/)
    .filter((t) => t !== "")
    .map((t, i) => {
      const sleutel = leesHoofdsleutel(t);
      if (!sleutel) {
        throw new OpslagFout(
          "CONFIGURATIE",
          `SWI_ENCRYPTION_OLD_KEYS: sleutel ${i + 1} is geen geldige sleutel van 32 bytes (base64 of hex).`,
        );
      }
      return sleutel;
    });
}
