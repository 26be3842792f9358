/**
 * The file-level checks (F01–F04) in the browser, with the same lib/swi code as the server: the
 * counts come from the stream (XmlOpties.alleenTellen), the previous quarter's from the page.
 *
 * The previous quarter is chosen as the server's statistische controle chooses it
 * (lib/leveringen/verwerking/eerdere.ts, eerdereVan): the accepted, non-trial delivery of the same
 * berichtgever and gemeente for the latest quarter before the file's whose file is still kept, or
 * an earlier quarter of the same gemeente in the same zip (that one wins a tie). When the page
 * cannot know that delivery's counts, F01 and F03 are left to the server and the page says so.
 */
import { maakBasis } from "@/lib/swi/statistisch/basis";
import {
  bestandSignalen,
  tellingLezen,
  type BestandTelling,
  type OpgeslagenTelling,
  type Vergelijkingstelling,
} from "@/lib/swi/statistisch/bestand";
import { formatKwartaal } from "@/lib/swi/datum";
import type { BestandSignaal, Datum, LeveringKop } from "@/lib/swi/types";

/** One geldende levering the page knows, with its counts (null: stored before counts were kept). */
export interface BekendeLevering {
  jaar: number;
  kwartaal: number;
  telling: OpgeslagenTelling | null;
}

/** Per gemeente the newest quarters with a geldende levering whose file is kept, newest first. */
export interface VorigeTellingen {
  [gemeentecode: string]: {
    leveringen: BekendeLevering[];
    /** No older such delivery exists than the ones listed. */
    volledig: boolean;
  };
}

/** "vergeleken": F01/F03 judged here; "geen-vorige": the server has nothing to compare with either. */
export type Vergelijking = "vergeleken" | "geen-vorige" | "na-upload";

export interface BestandUitslag {
  signalen: BestandSignaal[];
  vergelijking: Vergelijking;
  /** "2025 K4" when compared. */
  vorigKwartaal: string | null;
}

/** A delivery of the file being checked (a zip may hold several), once technically accepted. */
export interface GeteldeLevering {
  kop: LeveringKop;
  telling: BestandTelling;
}

const volgnummer = (jaar: number, kwartaal: number) => jaar * 4 + kwartaal;

type Keuze =
  { soort: "vorige"; jaar: number; kwartaal: number; telling: Vergelijkingstelling } | { soort: Vergelijking };

function kiesVorige(huidig: GeteldeLevering, bekend: VorigeTellingen | null, zip: readonly GeteldeLevering[]): Keuze {
  const { gemeentecode, berichtgevercode } = huidig.kop;
  const grens = volgnummer(huidig.kop.statistiekjaar, huidig.kop.statistiekkwartaal);
  let uitZip: GeteldeLevering | undefined;
  for (const l of zip) {
    if (l.kop.gemeentecode !== gemeentecode || l.kop.berichtgevercode !== berichtgevercode) continue;
    const v = volgnummer(l.kop.statistiekjaar, l.kop.statistiekkwartaal);
    // The later member of one quarter wins, as on the server.
    if (v < grens && (!uitZip || v >= volgnummer(uitZip.kop.statistiekjaar, uitZip.kop.statistiekkwartaal))) uitZip = l;
  }
  const zipKeuze = (): Keuze =>
    uitZip
      ? {
          soort: "vorige",
          jaar: uitZip.kop.statistiekjaar,
          kwartaal: uitZip.kop.statistiekkwartaal,
          telling: uitZip.telling,
        }
      : { soort: "geen-vorige" };

  const lijst = bekend?.[gemeentecode];
  // The page was told nothing about this gemeente.
  if (!lijst) return { soort: "na-upload" };
  const uitPortal = lijst.leveringen.find((l) => volgnummer(l.jaar, l.kwartaal) < grens);
  if (!uitPortal) {
    // Older deliveries the page was not given could be the previous one.
    return lijst.volledig ? zipKeuze() : { soort: "na-upload" };
  }
  const vPortal = volgnummer(uitPortal.jaar, uitPortal.kwartaal);
  if (uitZip && volgnummer(uitZip.kop.statistiekjaar, uitZip.kop.statistiekkwartaal) >= vPortal) return zipKeuze();
  const telling = tellingLezen(uitPortal.telling);
  if (!telling) return { soort: "na-upload" };
  return { soort: "vorige", jaar: uitPortal.jaar, kwartaal: uitPortal.kwartaal, telling };
}

/**
 * The file-level signals of one accepted delivery, as the server will give them. `zip`: the other
 * accepted deliveries in the same upload; `vandaag`: the receipt day the server will use (F04).
 */
export function bestandscontrole(
  huidig: GeteldeLevering,
  /** Null: the page knows nothing of earlier deliveries. */
  bekend: VorigeTellingen | null,
  zip: readonly GeteldeLevering[],
  vandaag: Datum,
): BestandUitslag {
  const keuze = kiesVorige(huidig, bekend, zip);
  const basis = maakBasis(huidig.kop, vandaag);
  if (keuze.soort !== "vorige") {
    return {
      signalen: bestandSignalen(huidig.telling, undefined, "", basis),
      vergelijking: keuze.soort,
      vorigKwartaal: null,
    };
  }
  const tekst = formatKwartaal(keuze.jaar, keuze.kwartaal);
  return {
    signalen: bestandSignalen(huidig.telling, keuze.telling, tekst, basis),
    vergelijking: "vergeleken",
    vorigKwartaal: tekst,
  };
}
