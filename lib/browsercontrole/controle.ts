/**
 * The technische controle of a chosen file, in the browser, before anything is sent: the same
 * lib/swi functions and rules as the server's intake (lib/swi/intake.ts), reading from a Blob
 * instead of a path. The server checks everything again; this only spares the sender an upload
 * that would be refused, and keeps the BSNs in such a file on their own machine.
 */
// From its own module, not lib/swi/intake.ts (its re-exporter), which reads files with node:fs.
import { controleerXml } from "@/lib/swi/technisch/controleer-xml";
import { bestandsnaamUitleg, heeftXmlExtensie, heeftZipExtensie } from "@/lib/swi/technisch/bestandsnaam";
import {
  beoordeelInhoud,
  geenZipBericht,
  nietUitpakbaarBericht,
  onleesbareInhoudsopgaveBericht,
  STANDAARD_ZIP_LIMIETEN,
  TeGrootUitgepakt,
  Uitpakbewaking,
  voegLidToe,
  zipAfgewezen,
  type ZipLimieten,
} from "@/lib/swi/technisch/zip-controle";
import type { Toewijzing } from "@/lib/swi/naamcontrole";
import type { ControleContext, Datum, LeveringKop, TechnischeFout, TechnischeUitkomst } from "@/lib/swi/types";
import { lijktXml } from "@/lib/swi/xml/bestandssoort";
import { bestandscontrole, type BestandUitslag, type GeteldeLevering, type VorigeTellingen } from "./bestandscontrole";
import { stukken, type Bron } from "./bron";
import { BeschadigdeZip, GeenZip, leesCentraleMap, lidInhoud, type Lid } from "./zip-lezer";

export interface BrowserContext {
  berichtgevercode: string;
  toewijzingen: readonly Toewijzing[];
  /** Today as the portal has it: T07 is judged against the portal's date, not the PC's clock. */
  vandaag: Datum;
  /** The counts of earlier deliveries the file-level checks compare with; null when unknown. */
  vorige: VorigeTellingen | null;
}

/** What the page gets per delivery: no parsed persons, only the verdict and its failures. */
export interface BrowserUitkomst {
  fileName: string;
  accepted: boolean;
  errors: TechnischeFout[];
  errorCount: number;
  aantalPersonen: number;
  kop: Partial<LeveringKop> | null;
  /** F01–F04 of a technically accepted delivery (signals, never a rejection); null otherwise. */
  bestand: BestandUitslag | null;
}

export function controleContext(c: BrowserContext): ControleContext {
  const perJaar = new Map<number, ReadonlySet<string>>();
  return {
    received: c.vandaag,
    uploader: {
      berichtgevercode: c.berichtgevercode,
      gemeentenVoorJaar: (jaar) => {
        let codes = perJaar.get(jaar);
        if (!codes) {
          codes = new Set(
            c.toewijzingen
              .filter((t) => t.vanafJaar <= jaar && (t.totEnMetJaar === null || t.totEnMetJaar >= jaar))
              .map((t) => t.gemeentecode),
          );
          perJaar.set(jaar, codes);
        }
        return codes;
      },
    },
    // Only consulted without an uploader; the page always has one.
    codelijst: () => new Set(),
  };
}

/** Persons are counted as they stream by, never kept: a 140 MB file would be 200,000 objects. */
const ALLEEN_TELLEN = { alleenTellen: true } as const;

function samenvatting(u: TechnischeUitkomst, bestand: BestandUitslag | null = null): BrowserUitkomst {
  return {
    fileName: u.fileName,
    accepted: u.accepted,
    errors: u.errors,
    errorCount: u.errorCount,
    aantalPersonen: u.aantalPersonen,
    kop: u.kop ?? null,
    bestand,
  };
}

function geteld(u: TechnischeUitkomst): GeteldeLevering | null {
  return u.accepted && u.telling && u.kop ? { kop: u.kop as LeveringKop, telling: u.telling } : null;
}

/** Each accepted delivery with its file-level signals, the others of a zip counting as earlier ones. */
function metBestandscontrole(uitkomsten: TechnischeUitkomst[], context: BrowserContext): BrowserUitkomst[] {
  const alle = uitkomsten.map(geteld);
  const getelde = alle.filter((g) => g !== null);
  return uitkomsten.map((u, i) => {
    const g = alle[i];
    if (!g) return samenvatting(u);
    const anderen = getelde.filter((x) => x !== g);
    return samenvatting(u, bestandscontrole(g, context.vorige, anderen, context.vandaag));
  });
}

/**
 * controleerXml takes a Node Readable today; it only iterates it and calls destroy(). The pieces
 * are made Buffers (native in Node, the bundle's shim in the worker: see buffer-shim.ts).
 */
function alsStroom(bron: AsyncIterable<Uint8Array>): Parameters<typeof controleerXml>[0] {
  const iterator = (async function* () {
    for await (const stuk of bron) yield Buffer.from(stuk.buffer, stuk.byteOffset, stuk.length);
  })();
  return { [Symbol.asyncIterator]: () => iterator, destroy: () => void iterator.return(undefined) } as never;
}

/**
 * One result per delivery, like leesAanlevering on the server. `opVoortgang` hears how many bytes
 * of the chosen file have been read.
 */
export async function controleerInBrowser(
  naam: string,
  bron: Bron,
  context: BrowserContext,
  opVoortgang: (gelezen: number) => void = () => {},
  limieten: ZipLimieten = STANDAARD_ZIP_LIMIETEN,
): Promise<BrowserUitkomst[]> {
  const ctx = controleContext(context);
  if (heeftZipExtensie(naam))
    return metBestandscontrole(await controleerZip(naam, bron, ctx, opVoortgang, limieten), context);
  if (!heeftXmlExtensie(naam) && !lijktXml(await bron.lees(0, 64))) {
    return [samenvatting(zipAfgewezen(naam, [bestandsnaamUitleg(naam)]))];
  }
  // A Blob can be read again from the start: the byte scanner takes it, and only a file it hands
  // back (comments, entities, a fault) is read a second time by the general path.
  const invoer = { lees: () => stukken(bron, 0, bron.grootte, undefined, opVoortgang) };
  const uitkomst = await controleerXml(invoer, naam, ctx, ALLEEN_TELLEN);
  return metBestandscontrole([uitkomst], context);
}

async function controleerZip(
  naam: string,
  bron: Bron,
  ctx: ControleContext,
  opVoortgang: (gelezen: number) => void,
  limieten: ZipLimieten,
): Promise<TechnischeUitkomst[]> {
  let entries: Lid[];
  try {
    entries = await leesCentraleMap(bron, limieten.maxLeden);
  } catch (e) {
    if (e instanceof GeenZip) return [zipAfgewezen(naam, [geenZipBericht(naam, await bron.lees(0, 16))])];
    return [zipAfgewezen(naam, [onleesbareInhoudsopgaveBericht(naam)])];
  }
  const { leden, problemen, onveilig } = beoordeelInhoud(entries, limieten);
  if (onveilig) return [zipAfgewezen(naam, problemen)];

  // One pass instead of the server's two: what the server's counting pass would refuse (a member
  // that unpacks too far, or not at all) is noticed while checking, and then replaces every result,
  // which is what the server answers.
  const bewaking = new Uitpakbewaking(limieten);
  let probleem: string | null = null;
  const uitkomsten: TechnischeUitkomst[] = [];
  for (const lid of leden) {
    const inhoud = async function* () {
      let lidTotaal = 0;
      try {
        for await (const stuk of lidInhoud(bron, lid, opVoortgang)) {
          lidTotaal += stuk.length;
          bewaking.tel(lid.naam, lid.gecomprimeerd, lidTotaal, stuk.length);
          yield stuk;
        }
      } catch (e) {
        if (e instanceof TeGrootUitgepakt) probleem = e.message;
        else if (e instanceof BeschadigdeZip) probleem = nietUitpakbaarBericht(lid.naam);
        else throw e; // a read error of the file itself: controleerXml reports it (T02)
      }
    };
    uitkomsten.push(await controleerXml(alsStroom(inhoud()), lid.naam, ctx, ALLEEN_TELLEN));
    if (probleem !== null) return [zipAfgewezen(naam, [...problemen, probleem])];
  }
  if (problemen.length === 0) return uitkomsten;
  const afgewezen = zipAfgewezen(naam, problemen);
  uitkomsten.forEach((u, i) => voegLidToe(afgewezen, leden[i]!.naam, u));
  return [afgewezen];
}
