/**
 * The rule catalogue: the single source for every rule code of controles.md, its short name,
 * kind, severity, kenmerken, what it flags and what to do about it. The checks take their
 * severity and advice from here, `swi rules` lists it, and docs/regels.md is generated from it
 * (scripts/gen-docs-regels.ts), so the three cannot drift apart.
 *
 * P20 and P22 have two cases with their own severity; `ernst` is then a list of cases, and
 * `ernstVan(code, geval)` gives the severity of one case.
 */
import type {
  BestandRegelCode,
  EerdereRegelCode,
  PersoonRegelCode,
  RegelCode,
  Severity,
  TechnischeRegelCode,
} from "./types";
import { kenmerkenTekst } from "./statistisch/kenmerken";

export type RegelSoort = "technisch" | "persoon" | "eerdere-levering" | "bestand";

/** "afkeur": a technical failure rejects the whole file. */
export type Ernst = Severity | "afkeur";

export type Geval = "na-kwartaal" | "nagekomen";

export interface ErnstGeval {
  geval: Geval;
  ernst: Severity;
  /** When this case applies, in Dutch. */
  wanneer: string;
}

interface RegelBasis<C extends RegelCode, S extends RegelSoort> {
  code: C;
  /** Short name, e.g. "ontzorgen". */
  naam: string;
  /** Code and name, e.g. "P09 ontzorgen". */
  titel: string;
  soort: S;
  /** Tabel 1 numbers the rule is about (empty when about the file as a whole). */
  kenmerken: readonly number[];
  /** What is flagged, in Dutch. */
  omschrijving: string;
  /** What to do about it, in Dutch. */
  watTeDoen: string;
}

export type Regel =
  | (RegelBasis<TechnischeRegelCode, "technisch"> & { ernst: "afkeur" })
  | (RegelBasis<PersoonRegelCode, "persoon"> & { ernst: Severity | readonly ErnstGeval[] })
  | (RegelBasis<EerdereRegelCode, "eerdere-levering"> & { ernst: Severity })
  | (RegelBasis<BestandRegelCode, "bestand"> & { ernst: Severity });

const DATUMS_ALLE = [9, 12, 13, 14, 15, 17, 20, 21, 22, 29, 30, 33, 34, 35, 36];
const DATUMS_P02 = [12, 13, 14, 15, 17, 20, 21, 22, 29, 30, 33, 34];
const DATUMS_P03 = [12, 13, 14, 15, 17, 20, 21, 22, 29, 30, 33, 34, 35, 36];
const DATUMS_ZONDER_9 = DATUMS_ALLE.filter((k) => k !== 9);
const KENMERKEN_12_33 = Array.from({ length: 22 }, (_, i) => 12 + i);

/** A Regel without its derived titel (distributes over the union so each kind keeps its own ernst). */
type Invoer = Regel extends infer R ? (R extends Regel ? Omit<R, "titel"> : never) : never;

function maak(r: Invoer): Regel {
  return { ...r, titel: `${r.code} ${r.naam}` } as Regel;
}

const LIJST: Regel[] = [
  // Technische controle: the file is rejected.
  maak({
    code: "T01",
    naam: "bestandsnaam",
    soort: "technisch",
    ernst: "afkeur",
    kenmerken: [],
    omschrijving:
      "De naam van het XML-bestand volgt niet het patroon SWI_[berichtgevercode]_[gemeentecode]_[jjjj][q].XML, of het zip-bestand is onleesbaar, bevat mappen, andere bestanden, geneste zips of paden, of bevat twee bestanden voor dezelfde gemeente en hetzelfde kwartaal.",
    watTeDoen:
      "Geef het bestand de voorgeschreven naam (bijvoorbeeld SWI_0153_0153_20261.XML) en zet in een zip alleen zulke XML-bestanden, zonder mappen. Lever daarna opnieuw.",
  }),
  maak({
    code: "T02",
    naam: "xml",
    soort: "technisch",
    ernst: "afkeur",
    kenmerken: [],
    omschrijving:
      "Het bestand is geen goed gevormde XML in UTF-8, bevat een DOCTYPE-declaratie, declareert een andere codering dan UTF-8 of gebruikt een namespace.",
    watTeDoen:
      "Laat uw softwareleverancier het bestand opnieuw aanmaken als UTF-8 XML zonder DOCTYPE en zonder namespace, en lever opnieuw.",
  }),
  maak({
    code: "T03",
    naam: "schema",
    soort: "technisch",
    ernst: "afkeur",
    kenmerken: [],
    omschrijving:
      "Het bestand voldoet niet aan de XSD: een element ontbreekt, staat op de verkeerde plaats, is leeg, heeft een verkeerd formaat of een waarde buiten de toegestane codes, of een persoon heeft meer dan 5 voortgangsgesprekken.",
    watTeDoen:
      "Corrigeer het genoemde element op de genoemde regel (meestal in de registratie of via uw softwareleverancier) en lever opnieuw.",
  }),
  maak({
    code: "T04",
    naam: "datum",
    soort: "technisch",
    ernst: "afkeur",
    kenmerken: DATUMS_ALLE,
    omschrijving:
      "Een datum is geen bestaande kalenderdatum. Alleen de geboortedatum mag een onbekende maand en dag (jjjj0000) of een onbekende dag (jjjjmm00) hebben, zoals de BRP die vastlegt.",
    watTeDoen: "Corrigeer de datum in de registratie en lever opnieuw.",
  }),
  maak({
    code: "T05",
    naam: "kop-bestandsnaam",
    soort: "technisch",
    ernst: "afkeur",
    kenmerken: [1, 2, 6, 7],
    omschrijving:
      "Statistiekjaar, Statistiekkwartaal, Berichtgevercode of Gemeentecode in het bestand wijkt af van de bestandsnaam.",
    watTeDoen: "Zorg dat de bestandsnaam en de gegevens in het blok Levering bij elkaar passen en lever opnieuw.",
  }),
  maak({
    code: "T06",
    naam: "kop-berichtgever",
    soort: "technisch",
    ernst: "afkeur",
    kenmerken: [6, 7],
    omschrijving:
      "De Berichtgevercode is niet die van de berichtgever die levert, of de Gemeentecode is geen gemeente waarvoor deze berichtgever in dat statistiekjaar levert (zonder bekende berichtgever: geen gemeente uit de CBS-codelijst van dat jaar).",
    watTeDoen:
      "Controleer de berichtgevercode en de gemeentecode (CBS-codelijst van het statistiekjaar). Neem contact op met het CBS als u voor een andere gemeente wilt leveren.",
  }),
  maak({
    code: "T07",
    naam: "periode",
    soort: "technisch",
    ernst: "afkeur",
    kenmerken: [1, 2, 3],
    omschrijving: "Het kwartaal is op de ontvangstdatum nog niet voorbij, of de Statistiekcode is niet 40.",
    watTeDoen: "Lever pas na afloop van het kwartaal en vul Statistiekcode 40 in.",
  }),
  maak({
    code: "T08",
    naam: "bsn",
    soort: "technisch",
    ernst: "afkeur",
    kenmerken: [8],
    omschrijving: "Het burgerservicenummer bestaat niet uit 9 cijfers, voldoet niet aan de elfproef of is 000000000.",
    watTeDoen:
      "Controleer het BSN in de registratie (vul een BSN van 8 cijfers aan met een voorloopnul) en lever opnieuw.",
  }),
  maak({
    code: "T09",
    naam: "uniek",
    soort: "technisch",
    ernst: "afkeur",
    kenmerken: [8],
    omschrijving: "Hetzelfde burgerservicenummer komt meer dan één keer in het bestand voor.",
    watTeDoen:
      "Neem iedere persoon één keer op; meerdere PIP's, gesprekken en boetes horen binnen dezelfde Persoon. Lever opnieuw.",
  }),
  maak({
    code: "T10",
    naam: "tekst",
    soort: "technisch",
    ernst: "afkeur",
    kenmerken: [5],
    omschrijving:
      "Het versienummer van het softwarepakket bevat tekens die niet zijn toegestaan (paragraaf 3.2.3 van de richtlijnen), zoals letters met accenten.",
    watTeDoen: "Laat uw softwareleverancier alleen de toegestane tekens gebruiken en lever opnieuw.",
  }),

  // Statistische controle per persoon.
  maak({
    code: "P01",
    naam: "toekomst",
    soort: "persoon",
    ernst: "fout",
    kenmerken: DATUMS_ALLE,
    omschrijving:
      "Een datum ligt na de ontvangstdatum van de levering. In de toekomst geplande of verwachte datums worden niet geleverd. Een onvolledige geboortedatum telt alleen als dat voor iedere dag geldt waar hij voor kan staan.",
    watTeDoen:
      "Controleer de datum in de registratie. Lever een geplande of verwachte datum pas als de gebeurtenis heeft plaatsgevonden.",
  }),
  maak({
    code: "P02",
    naam: "na-kwartaal",
    soort: "persoon",
    ernst: "waarschuwing",
    kenmerken: DATUMS_P02,
    omschrijving:
      "Een datum ligt na de laatste dag van het kwartaal (maar niet na de ontvangstdatum): hij hoort bij de levering over het volgende kwartaal.",
    watTeDoen:
      "Controleer de datum. Lever alleen gebeurtenissen tot en met de laatste dag van het kwartaal; deze komt mee in de levering over het volgende kwartaal.",
  }),
  maak({
    code: "P03",
    naam: "voor-wi2021",
    soort: "persoon",
    ernst: "waarschuwing",
    kenmerken: DATUMS_P03,
    omschrijving:
      "Een datum ligt vóór 1 januari 2022: de persoon valt buiten de populatie van de SWI (gestart onder een eerdere wet), of de datum is onjuist.",
    watTeDoen:
      "Controleer of de persoon onder de Wet inburgering 2021 valt en of de datum klopt. Lever geen personen die vóór 1 januari 2022 met hun inburgering zijn gestart.",
  }),
  maak({
    code: "P04",
    naam: "voor-geboorte",
    soort: "persoon",
    ernst: "fout",
    kenmerken: DATUMS_ZONDER_9,
    omschrijving:
      "Een gebeurtenis ligt vóór de geboortedatum. Bij een onvolledige geboortedatum alleen als dat voor iedere dag geldt waar hij voor kan staan.",
    watTeDoen: "Controleer de datum van de gebeurtenis en de geboortedatum (BRP) en corrigeer de onjuiste waarde.",
  }),
  maak({
    code: "P05",
    naam: "leeftijd",
    soort: "persoon",
    ernst: "waarschuwing",
    kenmerken: [9],
    omschrijving:
      "De persoon is op de laatste dag van het kwartaal jonger dan 16 jaar, of heeft de AOW-leeftijd (67 jaar) bereikt terwijl EindeBegeleidingReden niet 2 (niet meer inburgeringsplichtig) is. Bij een onvolledige geboortedatum alleen als dat voor iedere dag geldt waar hij voor kan staan.",
    watTeDoen:
      "Controleer de geboortedatum. Wie de AOW-leeftijd bereikt, is niet meer inburgeringsplichtig: vul dan EindeBegeleidingReden 2 met de datum in. Lever personen jonger dan 16 jaar alleen als zij inburgeringsplichtig zijn.",
  }),
  maak({
    code: "P06",
    naam: "geboortedatum-onvolledig",
    soort: "persoon",
    ernst: "info",
    kenmerken: [9],
    omschrijving: "De geboortedatum heeft een onbekende maand of dag (00).",
    watTeDoen:
      "Geen actie nodig als de BRP de geboortedatum zo vermeldt. Neem anders de volledige geboortedatum uit de BRP over.",
  }),
  maak({
    code: "P07",
    naam: "alleen-asiel",
    soort: "persoon",
    ernst: "fout",
    kenmerken: [12, 13, 14, 33],
    omschrijving:
      "Maatschappelijke begeleiding, ontzorgen of de begindatum van de leerroute is gevuld voor een gezinsmigrant/overige migrant (TypeMigrant 2); deze kenmerken gelden alleen voor asielstatushouders.",
    watTeDoen: "Controleer het TypeMigrant. Klopt dat, lever deze kenmerken dan niet voor deze persoon.",
  }),
  maak({
    code: "P08",
    naam: "alleen-gezin",
    soort: "persoon",
    ernst: "fout",
    kenmerken: [35],
    omschrijving:
      "Een voortgangsgesprek is geleverd voor een asielstatushouder (TypeMigrant 1); voortgangsgesprekken met asielmigranten worden niet geleverd.",
    watTeDoen:
      "Controleer het TypeMigrant. Lever voortgangsgesprekken alleen voor gezinsmigranten en overige migranten.",
  }),
  maak({
    code: "P09",
    naam: "ontzorgen",
    soort: "persoon",
    ernst: "fout",
    kenmerken: [13, 14],
    omschrijving: "OntzorgenEinddatum is gevuld zonder OntzorgenBegindatum, of ligt vóór OntzorgenBegindatum.",
    watTeDoen:
      "Vul de begindatum van het ontzorgen (het eerste gesprek erover) aan, of corrigeer de begin- of einddatum.",
  }),
  maak({
    code: "P10",
    naam: "alfabetisering",
    soort: "persoon",
    ernst: "fout",
    kenmerken: [18, 19],
    omschrijving:
      "Analfabetisme is gevuld terwijl Alfabetiseringscursus niet 2 (ja) is, of Alfabetiseringscursus is 2 (ja) zonder Analfabetisme.",
    watTeDoen:
      "Vul Analfabetisme alleen (en dan altijd) in als een alfabetiseringscursus nodig is (Alfabetiseringscursus 2).",
  }),
  maak({
    code: "P11",
    naam: "map-volgorde",
    soort: "persoon",
    ernst: "fout",
    kenmerken: [21, 22],
    omschrijving:
      "MAPDatumEindgesprek is gevuld zonder MAPDatumEersteActiviteit, of ligt vóór MAPDatumEersteActiviteit.",
    watTeDoen: "Vul de datum van de eerste MAP-activiteit aan, of corrigeer de datums.",
  }),
  maak({
    code: "P12",
    naam: "map-route",
    soort: "persoon",
    ernst: "waarschuwing",
    kenmerken: [21, 22, 31],
    omschrijving:
      "Er is een MAP-datum geleverd, terwijl de persoon PIP's heeft (in deze en alle eerdere leveringen samen) en geen daarvan de B1-route of de Z-route heeft. De MAP geldt voor wie de B1- of Z-route volgt of heeft gevolgd.",
    watTeDoen: "Controleer de leerroute in de PIP's en de MAP-datums en corrigeer wat onjuist is.",
  }),
  maak({
    code: "P13",
    naam: "z-route",
    soort: "persoon",
    ernst: "fout",
    kenmerken: [23, 24, 25, 26, 27, 31],
    omschrijving:
      "Z-route lezen, schrijven, spreken of luisteren (24–27) is gevuld terwijl de inschatting taalniveau (23) niet 2 (ja) is; of 23 is 2 terwijl een van 24–27 ontbreekt; of 23 is gevuld terwijl de persoon in deze en alle eerdere leveringen geen PIP met de Z-route heeft.",
    watTeDoen:
      "Vul de Z-route-kenmerken alleen in na een afgeronde Z-route; bij inschatting taalniveau 2 (ja) alle vier de vaardigheden (9 als die onbekend is).",
  }),
  maak({
    code: "P14",
    naam: "einde-begeleiding",
    soort: "persoon",
    ernst: "fout",
    kenmerken: [28, 29],
    omschrijving: "EindeBegeleidingReden is gevuld zonder EindeBegeleidingDatum, of andersom.",
    watTeDoen: "Vul bij het einde van de begeleiding altijd zowel de reden als de datum in.",
  }),
  maak({
    code: "P15",
    naam: "niveau-b1",
    soort: "persoon",
    ernst: "fout",
    kenmerken: [31, 32],
    omschrijving:
      "LeerrouteNiveau is gevuld op een PIP met een andere route dan de B1-route, of een PIP met de B1-route heeft geen LeerrouteNiveau.",
    watTeDoen: "Vul LeerrouteNiveau (B1 of A2) alleen en altijd in bij een PIP met de B1-route.",
  }),
  maak({
    code: "P16",
    naam: "einddatum-z",
    soort: "persoon",
    ernst: "fout",
    kenmerken: [31, 34],
    omschrijving:
      "LeerrouteEinddatum is gevuld op een PIP met een andere route dan de Z-route. De einddatum van de B1- en onderwijsroute ontvangt het CBS van DUO.",
    watTeDoen: "Lever LeerrouteEinddatum alleen bij een PIP met de Z-route.",
  }),
  maak({
    code: "P17",
    naam: "pip-intake",
    soort: "persoon",
    ernst: "waarschuwing",
    kenmerken: [15, 30],
    omschrijving:
      "Een PIP is gedateerd vóór de begindatum van de brede intake, of er is een PIP terwijl de begindatum van de brede intake ontbreekt.",
    watTeDoen:
      "Controleer de PIP-datum en de begindatum van de brede intake; het PIP volgt op de brede intake. Vul een ontbrekende begindatum aan.",
  }),
  maak({
    code: "P18",
    naam: "dubbele-pip",
    soort: "persoon",
    ernst: "waarschuwing",
    kenmerken: [30],
    omschrijving: "Twee of meer PIP's van één persoon hebben dezelfde PIP-datum.",
    watTeDoen: "Lever per vastgesteld PIP één PIP-element. Verwijder dubbele PIP's of corrigeer de datum.",
  }),
  maak({
    code: "P19",
    naam: "uren",
    soort: "persoon",
    ernst: "waarschuwing",
    kenmerken: [16],
    omschrijving: "Meer dan 600 uur taalles en KNM tussen de brede intake en het PIP.",
    watTeDoen:
      "Controleer het aantal uren: het gaat alleen om uren tussen de brede intake en de ondertekening van het PIP.",
  }),
  maak({
    code: "P20",
    naam: "gesprek-kwartaal",
    soort: "persoon",
    ernst: [
      {
        geval: "na-kwartaal",
        ernst: "waarschuwing",
        wanneer: "gedateerd na de laatste dag van het kwartaal, maar niet na de ontvangstdatum",
      },
      {
        geval: "nagekomen",
        ernst: "info",
        wanneer: "gedateerd vóór het kwartaal en in geen eerdere levering (nagekomen, toegestaan volgens 3.3.6)",
      },
    ],
    kenmerken: [35],
    omschrijving:
      "Een voortgangsgesprek ligt na de laatste dag van het kwartaal maar niet na de ontvangstdatum (waarschuwing; een latere datum is alleen P01), of vóór het kwartaal en staat in geen eerdere levering (info: nagekomen).",
    watTeDoen:
      "Lever een gesprek in de levering over het kwartaal waarin het is gevoerd. Een nagekomen gesprek uit een eerder kwartaal is toegestaan; controleer alleen of de datum klopt.",
  }),
  maak({
    code: "P21",
    naam: "dubbel-gesprek",
    soort: "persoon",
    ernst: "fout",
    kenmerken: [35],
    omschrijving:
      "Dezelfde datum van een voortgangsgesprek komt bij één persoon meer dan één keer voor in dit bestand.",
    watTeDoen: "Lever ieder voortgangsgesprek één keer. Verwijder het dubbele gesprek of corrigeer de datum.",
  }),
  maak({
    code: "P22",
    naam: "boete-kwartaal",
    soort: "persoon",
    ernst: [
      {
        geval: "na-kwartaal",
        ernst: "waarschuwing",
        wanneer: "gedateerd na de laatste dag van het kwartaal, maar niet na de ontvangstdatum",
      },
      {
        geval: "nagekomen",
        ernst: "info",
        wanneer: "gedateerd vóór het kwartaal en in geen eerdere levering (nagekomen)",
      },
    ],
    kenmerken: [36],
    omschrijving:
      "Een boete ligt na de laatste dag van het kwartaal maar niet na de ontvangstdatum (waarschuwing; een latere datum is alleen P01), of vóór het kwartaal en staat in geen eerdere levering (info: nagekomen).",
    watTeDoen:
      "Lever een boete in de levering over het kwartaal waarin zij is opgelegd. Een nagekomen boete uit een eerder kwartaal is toegestaan; controleer alleen of de datum klopt.",
  }),
  maak({
    code: "P23",
    naam: "boete-nul",
    soort: "persoon",
    ernst: "waarschuwing",
    kenmerken: [38],
    omschrijving:
      "Een boete met bedrag 0 staat in geen eerdere levering (met dezelfde datum en reden). Een bedrag 0 (nihilstelling) corrigeert een eerder geleverde boete.",
    watTeDoen:
      "Lever een ingetrokken boete met bedrag 0 alleen als correctie van een eerder geleverde boete, met dezelfde datum en reden. Lever een boete die nooit is geleverd en is ingetrokken niet.",
  }),
  maak({
    code: "P24",
    naam: "na-einde",
    soort: "persoon",
    ernst: "waarschuwing",
    kenmerken: [28, 30, 35, 36],
    omschrijving:
      "Een PIP, voortgangsgesprek of boete is gedateerd na de EindeBegeleidingDatum met reden 2 (niet meer inburgeringsplichtig) uit dit bestand of, als die hier ontbreekt, uit de laatste eerdere levering.",
    watTeDoen: "Controleer de datum van het einde van de begeleiding en de datum van het PIP, gesprek of de boete.",
  }),

  // Controle tegen eerdere leveringen.
  maak({
    code: "Q01",
    naam: "verdwenen",
    soort: "eerdere-levering",
    ernst: "waarschuwing",
    kenmerken: [8, 28],
    omschrijving:
      "Een persoon stond zonder EindeBegeleidingReden in de levering over het vorige kwartaal, maar ontbreekt in deze levering.",
    watTeDoen:
      "Lever iedere persoon zolang de begeleiding loopt. Is de begeleiding geëindigd, lever de persoon dan nog met EindeBegeleidingReden en EindeBegeleidingDatum.",
  }),
  maak({
    code: "Q02",
    naam: "vaste-gegevens",
    soort: "eerdere-levering",
    ernst: "waarschuwing",
    kenmerken: [9, 10],
    omschrijving: "De geboortedatum of het geslacht wijkt af van de levering over het vorige kwartaal.",
    watTeDoen: "Controleer de geboortedatum en het geslacht in de BRP en lever de waarde die de BRP vermeldt.",
  }),
  maak({
    code: "Q03",
    naam: "datum-gewijzigd",
    soort: "eerdere-levering",
    ernst: "waarschuwing",
    kenmerken: [12, 13, 15, 17, 20, 21],
    omschrijving: "Een datum die in de levering over het vorige kwartaal stond, is gewijzigd of ontbreekt nu.",
    watTeDoen: "Controleer welke datum juist is. Een eenmaal bekende datum blijft in iedere volgende levering staan.",
  }),
  maak({
    code: "Q04",
    naam: "gesprek-herhaald",
    soort: "eerdere-levering",
    ernst: "fout",
    kenmerken: [35],
    omschrijving: "Een voortgangsgesprek met een datum die al in een eerdere levering stond, is opnieuw geleverd.",
    watTeDoen:
      "Lever ieder voortgangsgesprek alleen in de levering over het kwartaal waarin het is gevoerd, niet opnieuw.",
  }),
  maak({
    code: "Q05",
    naam: "boete-correctie",
    soort: "eerdere-levering",
    ernst: "fout",
    kenmerken: [36, 37, 38],
    omschrijving:
      "Een boete met dezelfde datum als een eerder geleverde boete heeft een reden die bij geen daarvan past, of een hoger bedrag dan de eerder geleverde boete met dezelfde datum en reden. Een correctie (2.5) houdt datum en reden gelijk; het bedrag mag alleen omlaag, tot 0 bij intrekking. Een ongewijzigde herlevering wordt niet gesignaleerd.",
    watTeDoen:
      "Lever een correctie met dezelfde datum en reden als de oorspronkelijke boete en alleen een lager bedrag (0 bij intrekking).",
  }),
  maak({
    code: "Q06",
    naam: "leerroute-begindatum",
    soort: "eerdere-levering",
    ernst: "waarschuwing",
    kenmerken: [33],
    omschrijving:
      "Een LeerrouteBegindatum wijkt af van de eerder geleverde voor deze persoon. De begindatum blijft ongewijzigd, ook als de route wijzigt.",
    watTeDoen:
      "Lever de begindatum van de eerste cursusdag van de leerroute, ook bij een nieuw PIP met een andere route.",
  }),

  // Signalen over het bestand als geheel.
  maak({
    code: "F01",
    naam: "aantal",
    soort: "bestand",
    ernst: "waarschuwing",
    kenmerken: [],
    omschrijving:
      "Het aantal personen wijkt meer dan 20% en meer dan 10 personen af van de levering over het vorige kwartaal (als die minstens 20 personen had).",
    watTeDoen:
      "Vergelijk het aantal met uw administratie: ontbreken er personen, of zijn er personen dubbel of ten onrechte opgenomen?",
  }),
  maak({
    code: "F02",
    naam: "alfabetisering-leeg",
    soort: "bestand",
    ernst: "waarschuwing",
    kenmerken: [15, 18],
    omschrijving:
      "Alfabetiseringscursus (18), voor iedereen in te vullen, is leeg bij meer dan 50% van de personen bij wie de brede intake is begonnen (bij minstens 20 zulke personen).",
    watTeDoen: "Vul Alfabetiseringscursus in voor iedereen bij wie de brede intake is begonnen.",
  }),
  maak({
    code: "F03",
    naam: "vulgraad",
    soort: "bestand",
    ernst: "waarschuwing",
    kenmerken: KENMERKEN_12_33,
    omschrijving:
      "Voor een kenmerk 12–33 daalt het aandeel gevulde waarden bij de personen voor wie het geldt met meer dan 20 procentpunten ten opzichte van het vorige kwartaal (bij minstens 20 zulke personen vorig kwartaal). Het geldt voor 12–14 en 33 bij TypeMigrant 1; 21–22 bij een PIP met de B1- of Z-route; 23 bij een Z-route-PIP met einddatum; 24–27 bij inschatting taalniveau 2; 32 bij een B1-route-PIP; de overige voor iedereen.",
    watTeDoen:
      "Controleer of het kenmerk nog goed uit uw registratie wordt overgenomen (bijvoorbeeld na een wijziging in de software).",
  }),
  maak({
    code: "F04",
    naam: "te-laat",
    soort: "bestand",
    ernst: "info",
    kenmerken: [],
    omschrijving: "Het bestand is ontvangen na de aanleverperiode (4 weken na de laatste dag van het kwartaal).",
    watTeDoen: "Lever binnen 4 weken na afloop van het kwartaal.",
  }),
];

export const REGELS: readonly Regel[] = LIJST;

const PER_CODE = new Map<RegelCode, Regel>(LIJST.map((r) => [r.code, r]));

export function regel(code: RegelCode): Regel {
  const r = PER_CODE.get(code);
  if (!r) throw new Error(`onbekende regelcode ${code}`);
  return r;
}

/** The severity of a rule, or of one case of P20/P22. */
export function ernstVan(code: RegelCode, geval?: Geval): Ernst {
  const e = regel(code).ernst;
  if (typeof e === "string") return e;
  const g = e.find((x) => x.geval === geval);
  if (!g) throw new Error(`regel ${code} heeft een ernst per geval; geef het geval op`);
  return g.ernst;
}

/** "waarschuwing" or, for rules with cases, "waarschuwing (…); info (…)". */
export function ernstTekst(r: Regel): string {
  return typeof r.ernst === "string" ? r.ernst : r.ernst.map((g) => `${g.ernst} (${g.wanneer})`).join("; ");
}

const SOORT_KOP: Record<RegelSoort, string> = {
  technisch: "Technische controle (het bestand wordt afgekeurd)",
  persoon: "Statistische controle per persoon (signaal)",
  "eerdere-levering": "Controle tegen eerdere leveringen (signaal)",
  bestand: "Signalen over het bestand als geheel",
};

function cel(tekst: string): string {
  return tekst.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** docs/regels.md before formatting (scripts/gen-docs-regels.ts formats it with prettier). */
export function regelsMarkdown(): string {
  const regels: string[] = [
    "# Controles van de SWI-leveringen",
    "",
    "<!-- Gegenereerd uit lib/swi/regels.ts met `npm run docs:regels`; niet met de hand wijzigen. -->",
    "",
    "Iedere bevinding draagt één van deze codes. De codes veranderen niet. Ernst: *afkeur* (het bestand wordt niet verwerkt en moet opnieuw worden geleverd), *fout* (vrijwel zeker onjuist), *waarschuwing* (waarschijnlijk onjuist, controleer het), *info* (toegestaan, maar het bekijken waard). Kenmerken zijn de nummers van Tabel 1 van de richtlijnen.",
  ];
  for (const soort of Object.keys(SOORT_KOP) as RegelSoort[]) {
    regels.push(
      "",
      `## ${SOORT_KOP[soort]}`,
      "",
      "| Code | Naam | Ernst | Kenmerken | Wat wordt gesignaleerd | Wat te doen |",
      "| --- | --- | --- | --- | --- | --- |",
    );
    for (const r of LIJST) {
      if (r.soort !== soort) continue;
      const kenmerken = r.kenmerken.length ? kenmerkenTekst(r.kenmerken) : "–";
      regels.push(
        `| ${r.code} | ${cel(r.naam)} | ${cel(ernstTekst(r))} | ${kenmerken} | ${cel(r.omschrijving)} | ${cel(r.watTeDoen)} |`,
      );
    }
  }
  return regels.join("\n") + "\n";
}
