/**
 * The streaming validator: saxes events drive a state machine over format.ts (via knopen.ts),
 * checking T02 (well-formedness, namespaces), T03 (structure and value formats), T04 (calendar
 * dates), T07 (Statistiekcode), T08 (BSN), T09 (unique BSN) and T10 (text characters) while the
 * file streams, and collecting compact Persoon objects as long as no failure is found.
 *
 * Hot path: one Map lookup per start tag, no closures or objects per element, value checks by
 * charCode loops. Containers live on a preallocated stack.
 */
import { SaxesParser, type SaxesTagPlain, type XMLDecl } from "saxes";
import { telPersoon, type BestandTelling } from "../statistisch/bestand";
import type { Boete, LeveringKop, Persoon, Pip, Voortgangsgesprek } from "../types";
import { TOEGESTANE_TEKENS } from "../format";
import * as bericht from "../technisch/berichten";
import { voldoetAanElfproef } from "../technisch/bsn";
import { isGeboortedatum, isKalenderdatum } from "../technisch/datum";
import type { Foutenlijst } from "../technisch/fouten";
import {
  KNOPEN,
  maxDiepte,
  SOORT_BSN,
  SOORT_CIJFERS,
  SOORT_CODE,
  SOORT_DATUM,
  SOORT_GEBOORTEDATUM,
  SOORT_GROEP,
  SOORT_TEKST,
  SOORT_VAST,
  WORTEL,
  isTekstveld,
  type Knoop,
} from "./knopen";

// Local copies: imported bindings compile to getter calls under CommonJS (tsx), on the hot path.
const GROEP = SOORT_GROEP;
const DATUM = SOORT_DATUM;
const GEBOORTEDATUM = SOORT_GEBOORTEDATUM;
const CODE = SOORT_CODE;
const CIJFERS = SOORT_CIJFERS;
const BSN = SOORT_BSN;
const TEKST = SOORT_TEKST;
const VAST = SOORT_VAST;
const ALLE_KNOPEN = KNOPEN;
const HOOFD = WORTEL;

const XSI = "http://www.w3.org/2001/XMLSchema-instance";
/** Longer values are invalid anyway (the longest allowed is 12 characters); stop collecting. */
const MAX_WAARDE = 1000;
/** A single text, name or comment longer than this is no SWI file; it would only eat memory. */
const MAX_ONDERDEEL = 1_000_000;

const TOEGESTAAN = new Uint8Array(128);
for (let i = 0; i < TOEGESTANE_TEKENS.length; i++) TOEGESTAAN[TOEGESTANE_TEKENS.charCodeAt(i)] = 1;

/** Misplaced groups may nest this much deeper than the format does before being skipped. */
const MAX_EXTRA_DIEPTE = 16;

/** Thrown out of saxes to stop at the first well-formedness failure. */
class Gestopt extends Error {}

type Doelobject = Record<string, unknown>;

export class StroomValidator {
  readonly kop: Partial<LeveringKop> = {};
  /** Line of each header element, for T05–T07 messages. */
  readonly kopRegels: Partial<Record<keyof LeveringKop, number>> = {};
  aantalPersonen = 0;
  /** Null once a failure means the file will be rejected: no point keeping 200,000 persons. */
  personen: Persoon[] | null = [];
  /**
   * Set: each person is counted for the file-level checks instead of kept (the browser, where a
   * 140 MB file must not be held as 200,000 objects). Counted only while no failure is found.
   */
  telling: BestandTelling | null = null;
  /** A T02 failure stopped reading. */
  gestopt = false;

  private readonly parser: SaxesParser;
  private readonly bsnRegels = new Map<number, number>();

  // Container stack, preallocated: depth d holds the d-th open group.
  private diepte = 0;
  private readonly stapel: Knoop[];
  private readonly positie: Int32Array;
  private readonly tellers: Int32Array[];
  private readonly regel: Int32Array;
  private readonly object: (Doelobject | null)[];
  private readonly tekstGemeld: Uint8Array;
  /** Failures stored when each open group started (Foutenlijst.opgeslagen), to forget knock-on failures. */
  private readonly foutenBijOpen: Int32Array;

  // The open leaf, if any.
  private blad: Knoop | null = null;
  private bladRegel = 0;
  private bladTekst = "";
  private bladDefect = false;
  /** The open leaf's value was read from bytes (bladBytes) into bladGetal, already checked. */
  private bladSnel = false;
  private bladGetal = 0;
  private bladFoutenBijOpen = 0;
  /**
   * The element closed last. saxes closes a mismatched element (calls opSluit) before it fails, so
   * this is the unclosed element when the failure arrives.
   */
  private geslotenNaam = "";
  private geslotenRegel = 0;
  private geslotenFouten = 0;
  /** The XML declaration named another encoding than UTF-8 (reported once, reading goes on). */
  private encodingGemeld = false;

  /** Depth inside a subtree being skipped (unknown element). */
  private overslaan = 0;
  private heeftAttributen = false;
  /** The root binds xsi to the XML Schema instance namespace. */
  private xsiGebonden = false;

  constructor(private readonly fouten: Foutenlijst) {
    // Room for misplaced groups nested in each other; deeper than this is skipped (see open).
    const n = maxDiepte() + MAX_EXTRA_DIEPTE;
    this.stapel = new Array<Knoop>(n).fill(HOOFD);
    this.positie = new Int32Array(n);
    this.tellers = Array.from({ length: n }, () => new Int32Array(32));
    this.regel = new Int32Array(n);
    this.object = new Array<Doelobject | null>(n).fill(null);
    this.tekstGemeld = new Uint8Array(n);
    this.foutenBijOpen = new Int32Array(n);

    // XML 1.0 rules whatever the declaration says; no namespace processing (names are checked here).
    this.parser = new SaxesParser({ xmlns: false, position: true, defaultXMLVersion: "1.0", forceXMLVersion: true });
    // Keep the handlers few: every `on` adds a property to the parser, and at eight V8 turns it
    // into a dictionary object, which made saxes' own per-character loop 4x slower (measured).
    // So no error handler (saxes then throws, caught in schrijf) and no doctype handler (the
    // Bytewacht never lets a DOCTYPE through).
    this.parser.on("xmldecl", this.opXmlDecl);
    this.parser.on("opentag", this.opOpen);
    this.parser.on("closetag", this.opSluit);
    this.parser.on("text", this.opTekst);
    this.parser.on("cdata", this.opTekst);
    this.parser.on("attribute", this.opAttribuut);
  }

  /** The line the parser is at (1-based). */
  get huidigeRegel(): number {
    return this.parser.line;
  }

  /** Feeds decoded text; returns false once reading has stopped (T02). */
  schrijf(tekst: string): boolean {
    if (this.gestopt) return false;
    try {
      this.parser.write(tekst);
    } catch (e) {
      this.opgevangen(e);
    }
    if (!this.gestopt && this.onderdeelTeLang()) this.stop(bericht.teLangOnderdeel());
    return !this.gestopt;
  }

  /** End of input: reports an incomplete document. */
  sluit(): void {
    if (this.gestopt) return;
    try {
      this.parser.close();
    } catch (e) {
      this.opgevangen(e);
    }
  }

  /** saxes throws its well-formedness errors as "line:column: message"; anything else is a bug. */
  private opgevangen(e: unknown): void {
    if (e instanceof Gestopt) return;
    if (e instanceof Error && e.constructor === Error && /^\d+:\d+: /.test(e.message)) {
      const open = (this.parser as unknown as { tag?: { name?: unknown } }).tag?.name;
      const openNaam = typeof open === "string" ? open : undefined;
      const geopend = /^\d+:\d+: unexpected close tag/.test(e.message) ? this.openVan(openNaam) : null;
      // An element left open makes everything after it look misplaced: those failures are not
      // the sender's mistakes, the missing close tag is.
      if (geopend !== null) this.fouten.vergeetVanaf(geopend.fouten);
      this.stop(bericht.geenXml(e.message, openNaam, geopend?.regel));
      return;
    }
    throw e;
  }

  /** Where the element saxes found unclosed was opened (it has just been closed in opSluit). */
  private openVan(naam: string | undefined): { regel: number; fouten: number } | null {
    if (naam === undefined || this.overslaan > 0 || naam !== this.geslotenNaam) return null;
    return { regel: this.geslotenRegel, fouten: this.geslotenFouten };
  }

  /** A byte-level refusal found by the caller (Bytewacht) at this line. */
  stopMet(line: number, tekst: string): void {
    if (this.gestopt) return;
    this.gestopt = true;
    // Bytes that are not UTF-8 in a file that declared another encoding: already reported.
    if (this.encodingGemeld && tekst.includes("UTF-8")) return;
    this.fouten.voeg(line, null, "T02", tekst, true);
  }

  private stop(tekst: string): void {
    this.stopMet(this.parser.line, tekst);
  }

  private onderdeelTeLang(): boolean {
    const p = this.parser as unknown as { text?: unknown; name?: unknown; piTarget?: unknown; entity?: unknown };
    return (
      (typeof p.text === "string" && p.text.length > MAX_ONDERDEEL) ||
      (typeof p.name === "string" && p.name.length > MAX_ONDERDEEL) ||
      (typeof p.piTarget === "string" && p.piTarget.length > MAX_ONDERDEEL) ||
      (typeof p.entity === "string" && p.entity.length > MAX_ONDERDEEL)
    );
  }

  private readonly opXmlDecl = (decl: XMLDecl): void => {
    const enc = decl.encoding;
    if (enc !== undefined && !/^utf-?8$/i.test(enc)) {
      // Reading goes on: a file in plain ASCII is still readable, and every other failure in it
      // should be reported now rather than after the next upload. Bytes that are not UTF-8 stop
      // the reading later without a second message.
      this.encodingGemeld = true;
      this.fouten.voeg(this.parser.line, null, "T02", bericht.encodingNietUtf8(enc), true);
    }
  };

  private readonly opAttribuut = (): void => {
    this.heeftAttributen = true;
  };

  private readonly opOpen = (tag: SaxesTagPlain): void => {
    const attributen = this.heeftAttributen ? tag.attributes : null;
    this.heeftAttributen = false;
    this.openTag(tag.name, ALLE_KNOPEN.get(tag.name), attributen, this.parser.line);
  };

  /**
   * A start tag. `knoop` is the definition named `naam` (KNOPEN.get(naam)), looked up by the
   * caller so the byte scanner can find it without making a string of the name.
   */
  openTag(naam: string, knoop: Knoop | undefined, attributen: Record<string, string> | null, regel: number): void {
    if (this.overslaan > 0) {
      this.overslaan++;
      return;
    }
    const wortel = this.diepte === 0 && this.blad === null;
    if (attributen !== null) this.controleerAttributen(naam, attributen, wortel, regel);
    if (naam.includes(":")) {
      const voorvoegsel = `het voorvoegsel ${naam.slice(0, naam.indexOf(":"))}:`;
      return this.slaOver(`ns-el|${naam}`, regel, null, "T02", bericht.namespace(naam, voorvoegsel));
    }
    if (this.blad !== null) {
      this.bladDefect = true;
      return this.slaOver(
        `kind|${this.blad.naam}|${naam}`,
        regel,
        this.blad.kenmerk,
        "T03",
        bericht.kindInBlad(this.blad, naam),
      );
    }
    if (wortel) {
      if (naam !== HOOFD.naam) this.fouten.voeg(regel, null, "T03", bericht.verkeerdeWortel(naam), true);
      this.open(HOOFD, regel);
      return;
    }
    const ouder = this.stapel[this.diepte - 1]!;
    if (knoop === undefined) {
      return this.slaOver(
        `onbekend|${ouder.naam}|${naam}`,
        regel,
        null,
        "T03",
        bericht.onbekendElement(naam, ouder, bedoeld(naam)),
      );
    }
    if (knoop.ouder === ouder) this.telKind(knoop, ouder, regel);
    else if (knoop.ouder === null) {
      return this.slaOver(
        `plek|${ouder.naam}|${naam}`,
        regel,
        null,
        "T03",
        bericht.onbekendElement(naam, ouder, undefined),
      );
    } else {
      // Checked on its own terms, so a misplaced Persoon still gets its values checked.
      this.fouten.voegGegroepeerd(
        `plek|${ouder.naam}|${naam}`,
        regel,
        knoop.kenmerk || null,
        "T03",
        bericht.verkeerdeOuder(knoop, ouder),
        true,
      );
    }
    this.open(knoop, regel);
  }

  /** An element that cannot be checked: one (grouped) failure, and its whole subtree is skipped. */
  private slaOver(sleutel: string, regel: number, kenmerk: number | null, code: "T02" | "T03", tekst: string): void {
    this.fouten.voegGegroepeerd(sleutel, regel, kenmerk, code, tekst, true);
    this.overslaan = 1;
  }

  /** Occurrence and order of a child in its own parent (maxOccurs, the sequence of the XSD). */
  private telKind(knoop: Knoop, ouder: Knoop, regel: number): void {
    const d = this.diepte - 1;
    const i = knoop.index;
    const aantal = ++this.tellers[d]![i]!;
    const pos = this.positie[d]!;
    if (aantal > knoop.max) {
      if (aantal === knoop.max + 1)
        this.fouten.voeg(regel, knoop.kenmerk || null, "T03", bericht.teVaak(knoop, ouder), true);
    } else if (i < pos) {
      const na = ouder.kinderen[pos]!;
      this.fouten.voegGegroepeerd(
        `volgorde|${ouder.naam}|${knoop.naam}|${na.naam}`,
        regel,
        knoop.kenmerk || null,
        "T03",
        bericht.verkeerdeVolgorde(knoop, na, ouder),
        true,
      );
    }
    if (i > pos) this.positie[d] = i;
  }

  private open(knoop: Knoop, regel: number): void {
    if (knoop.soort !== GROEP) {
      this.blad = knoop;
      this.bladRegel = regel;
      this.bladTekst = "";
      this.bladDefect = false;
      this.bladSnel = false;
      this.bladFoutenBijOpen = this.fouten.opgeslagen;
      return;
    }
    if (this.diepte >= this.stapel.length) {
      this.fouten.voegGegroepeerd(`diep|${knoop.naam}`, regel, null, "T03", bericht.teDiep(knoop), true);
      this.overslaan = 1;
      return;
    }
    const d = this.diepte++;
    this.stapel[d] = knoop;
    this.positie[d] = -1;
    this.tellers[d]!.fill(0);
    this.regel[d] = regel;
    this.foutenBijOpen[d] = this.fouten.opgeslagen;
    this.tekstGemeld[d] = 0;
    let obj: Doelobject | null = null;
    switch (knoop.doel) {
      case "persoon":
        this.aantalPersonen++;
        obj = nieuwePersoon(regel) as unknown as Doelobject;
        break;
      case "pip":
        obj = nieuwePip(regel) as unknown as Doelobject;
        break;
      case "gesprek":
        obj = { line: regel, datum: 0 } satisfies Voortgangsgesprek as unknown as Doelobject;
        break;
      case "boete":
        obj = { line: regel, datum: 0, reden: 0 as 1, bedrag: 0 } satisfies Boete as unknown as Doelobject;
        break;
      case "kop":
        obj = this.kop as Doelobject;
        break;
    }
    this.object[d] = obj;
    if (knoop.lijst !== null && obj !== null && d > 0 && this.stapel[d - 1]!.doel === "persoon") {
      const persoon = this.object[d - 1] as unknown as Persoon | null;
      if (persoon) {
        const lijst = persoon[knoop.lijst] as unknown[];
        if (lijst === GEEN) (persoon as unknown as Doelobject)[knoop.lijst] = [obj];
        else lijst.push(obj);
      }
    }
  }

  private readonly opTekst = (tekst: string): void => {
    this.tekst(tekst, this.parser.line);
  };

  /**
   * The byte scanner's shortcut for a leaf value directly followed by its end tag: a valid date,
   * one-character code or number is taken from the bytes without a string. False when this value
   * needs the general path (tekst), which then also words any failure.
   */
  bladBytes(data: Uint8Array, van: number, tot: number): boolean {
    const knoop = this.blad;
    if (knoop === null || this.overslaan > 0 || this.bladSnel || this.bladTekst.length > 0) return false;
    const lengte = tot - van;
    let n = 0;
    switch (knoop.soort) {
      case DATUM:
      case GEBOORTEDATUM: {
        if (lengte !== 8) return false;
        for (let i = van; i < tot; i++) {
          const c = data[i]! - 48;
          if (c < 0 || c > 9) return false;
          n = n * 10 + c;
        }
        if (knoop.soort === GEBOORTEDATUM ? !isGeboortedatum(n) : !isKalenderdatum(n)) return false;
        break;
      }
      case CODE: {
        const tabel = knoop.codeVanByte;
        if (tabel === null || lengte !== 1) return false;
        n = tabel[data[van]!]!;
        if (n < 0) return false;
        break;
      }
      case CIJFERS: {
        if (lengte < knoop.minLengte || lengte > knoop.maxLengte || isTekstveld(knoop.veld)) return false;
        for (let i = van; i < tot; i++) {
          const c = data[i]! - 48;
          if (c < 0 || c > 9) return false;
          n = n * 10 + c;
        }
        break;
      }
      default:
        return false;
    }
    this.bladSnel = true;
    this.bladGetal = n;
    return true;
  }

  /** Text between tags; `regel` is the line of the `<` that ends it. */
  tekst(tekst: string, regel: number): void {
    if (this.overslaan > 0) return;
    if (this.blad !== null) {
      if (this.bladTekst.length === 0) this.bladTekst = tekst;
      else if (this.bladTekst.length < MAX_WAARDE) this.bladTekst += tekst;
      return;
    }
    const d = this.diepte - 1;
    if (d < 0 || this.tekstGemeld[d] === 1) return;
    for (let i = 0; i < tekst.length; i++) {
      const c = tekst.charCodeAt(i);
      if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d) {
        this.tekstGemeld[d] = 1;
        const ouder = this.stapel[d]!;
        this.fouten.voegGegroepeerd(
          `tekst|${ouder.naam}`,
          regel,
          null,
          "T03",
          bericht.tekstInGroep(ouder, tekst),
          true,
        );
        return;
      }
    }
  }

  /** An end tag (saxes has already matched it with its start tag). */
  readonly opSluit = (): void => {
    if (this.overslaan > 0) {
      this.overslaan--;
      return;
    }
    if (this.blad !== null) {
      const blad = this.blad;
      this.blad = null;
      this.geslotenNaam = blad.naam;
      this.geslotenRegel = this.bladRegel;
      this.geslotenFouten = this.bladFoutenBijOpen;
      if (!this.bladDefect) this.sluitBlad(blad);
      return;
    }
    const d = --this.diepte;
    if (d < 0) return;
    const knoop = this.stapel[d]!;
    this.geslotenNaam = knoop.naam;
    this.geslotenRegel = this.regel[d]!;
    this.geslotenFouten = this.foutenBijOpen[d]!;
    const obj = this.object[d];
    const verplicht = knoop.verplicht;
    if (verplicht.length > 0) {
      const tellers = this.tellers[d]!;
      for (let j = 0; j < verplicht.length; j++) {
        const kind = verplicht[j]!;
        if (tellers[kind.index]! < kind.min) {
          const bsn = knoop.doel === "persoon" ? (obj as unknown as Persoon).bsn || undefined : undefined;
          this.fouten.voeg(this.regel[d]!, kind.kenmerk || null, "T03", bericht.ontbreekt(kind, knoop, bsn), true);
        }
      }
    }
    if (knoop.doel === "persoon" && this.personen !== null) {
      if (this.fouten.aantal > 0) this.personen = null;
      else if (this.telling !== null) telPersoon(this.telling, obj as unknown as Persoon);
      else this.personen.push(obj as unknown as Persoon);
    }
    this.object[d] = null;
  };

  private sluitBlad(knoop: Knoop): void {
    const t = this.bladTekst;
    const regel = this.bladRegel;
    const k = knoop.kenmerk;
    let waarde: string | number;
    if (this.bladSnel) waarde = this.bladGetal;
    else
      switch (knoop.soort) {
        case DATUM:
        case GEBOORTEDATUM: {
          const n = achtCijfers(t);
          if (n < 0) {
            this.fouten.voeg(
              regel,
              k,
              "T03",
              t.length === 0 ? bericht.leeg(knoop) : bericht.geenDatumvorm(knoop, t),
              true,
            );
            return;
          }
          const geboorte = knoop.soort === GEBOORTEDATUM;
          if (geboorte ? !isGeboortedatum(n) : !isKalenderdatum(n)) {
            this.fouten.voeg(regel, k, "T04", bericht.geenKalenderdatum(knoop, t, geboorte), false);
            return;
          }
          waarde = n;
          break;
        }
        case CODE: {
          const v = knoop.codes!.get(t);
          if (v === undefined) {
            this.fouten.voeg(regel, k, "T03", t.length === 0 ? bericht.leeg(knoop) : bericht.geenCode(knoop, t), true);
            return;
          }
          waarde = v;
          break;
        }
        case CIJFERS: {
          const n = cijfers(t, knoop.minLengte, knoop.maxLengte);
          if (n < 0) {
            this.fouten.voeg(
              regel,
              k,
              "T03",
              t.length === 0 ? bericht.leeg(knoop) : bericht.geenCijfers(knoop, t),
              true,
            );
            return;
          }
          // Codes with leading zeros (berichtgever, gemeente) stay text; counts and years become numbers.
          waarde = knoop.veld === "berichtgevercode" || knoop.veld === "gemeentecode" ? t : n;
          break;
        }
        case BSN: {
          if (cijfers(t, 9, 9) < 0) {
            this.fouten.voeg(regel, k, "T08", bericht.bsnVorm(knoop, t), true);
            return;
          }
          if (!voldoetAanElfproef(t)) {
            this.fouten.voeg(regel, k, "T08", bericht.bsnElfproef(knoop, t), false);
          }
          // A second <Burgerservicenummer> in the same Persoon is reported as such (T03), not as
          // the person occurring twice in the file.
          if (this.tellers[this.diepte - 1]![knoop.index]! > knoop.max) return;
          const sleutel = Number(t);
          const eerder = this.bsnRegels.get(sleutel);
          if (eerder !== undefined) {
            this.fouten.voeg(regel, k, "T09", bericht.bsnDubbel(knoop, t, eerder), false);
            return;
          }
          this.bsnRegels.set(sleutel, regel);
          waarde = t;
          break;
        }
        case TEKST: {
          const lengte = [...t].length;
          if (lengte < knoop.minLengte || lengte > knoop.maxLengte) {
            this.fouten.voeg(regel, k, "T03", bericht.tekstLengte(knoop, t, lengte), true);
          }
          const fout = verbodenTekens(t);
          if (fout.length > 0) this.fouten.voeg(regel, k, "T10", bericht.tekstTekens(knoop, t, fout), true);
          waarde = t;
          break;
        }
        case VAST: {
          if (t !== knoop.vast) {
            this.fouten.voeg(regel, k, "T07", bericht.vasteWaarde(knoop, t), true);
            return;
          }
          waarde = Number(t);
          break;
        }
        default:
          return;
      }
    const d = this.diepte - 1;
    const obj = d >= 0 ? this.object[d] : null;
    if (obj !== null && obj !== undefined && this.stapel[d]!.doel === knoop.doel) {
      obj[knoop.veld] = waarde;
      if (knoop.doel === "kop") this.kopRegels[knoop.veld as keyof LeveringKop] = regel;
    }
  }

  private controleerAttributen(element: string, attrs: Record<string, string>, wortel: boolean, regel: number): void {
    if (wortel) this.xsiGebonden = attrs["xmlns:xsi"] === XSI;
    for (const naam of Object.keys(attrs)) {
      const waarde = attrs[naam]!;
      const sleutel = `ns|${element}|${naam}`;
      // ookInXsd follows what xmllint does with the same attribute (measured), so the
      // differential test can compare verdicts.
      if (naam === "xmlns") {
        // A default namespace puts every element outside the schema; xmlns="" changes nothing.
        this.fouten.voegGegroepeerd(
          sleutel,
          regel,
          null,
          "T02",
          bericht.namespace(element, `xmlns="${waarde}"`),
          waarde !== "",
        );
      } else if (naam.startsWith("xmlns:")) {
        if (!(wortel && naam === "xmlns:xsi" && waarde === XSI)) {
          // An unused declaration does not bother an XSD validator, but the contract says no namespace.
          this.fouten.voegGegroepeerd(
            sleutel,
            regel,
            null,
            "T02",
            bericht.namespace(element, `${naam}="${waarde}"`),
            false,
          );
        }
      } else if (naam.startsWith("xsi:")) {
        if (wortel && this.xsiGebonden && naam === "xsi:noNamespaceSchemaLocation") continue;
        const xsdNegeert =
          this.xsiGebonden && (naam === "xsi:noNamespaceSchemaLocation" || naam === "xsi:schemaLocation");
        this.fouten.voegGegroepeerd(
          sleutel,
          regel,
          null,
          "T02",
          bericht.namespace(element, `het attribuut ${naam}`),
          !xsdNegeert,
        );
      } else if (naam.includes(":")) {
        this.fouten.voegGegroepeerd(
          sleutel,
          regel,
          null,
          "T02",
          bericht.namespace(element, `het attribuut ${naam}`),
          true,
        );
      } else {
        const knoop = ALLE_KNOPEN.get(element) ?? null;
        this.fouten.voegGegroepeerd(
          `attr|${element}|${naam}`,
          regel,
          knoop?.kenmerk || null,
          "T03",
          bericht.attribuut(knoop, element, naam),
          true,
        );
      }
    }
  }
}

/** The known element a misspelt name probably means (same letters, other case). */
function bedoeld(naam: string): Knoop | undefined {
  const klein = naam.toLowerCase();
  for (const knoop of ALLE_KNOPEN.values()) if (knoop.naam.toLowerCase() === klein) return knoop;
  return undefined;
}

/** Eight ASCII digits as a number, or -1. */
function achtCijfers(t: string): number {
  if (t.length !== 8) return -1;
  let n = 0;
  for (let i = 0; i < 8; i++) {
    const c = t.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** min..max ASCII digits as a number, or -1. */
function cijfers(t: string, min: number, max: number): number {
  const len = t.length;
  if (len < min || len > max) return -1;
  let n = 0;
  for (let i = 0; i < len; i++) {
    const c = t.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** The distinct characters outside section 3.2.3, in order of appearance. */
function verbodenTekens(t: string): string[] {
  let fout: string[] | null = null;
  for (const c of t) {
    const code = c.codePointAt(0)!;
    if (code < 128 && TOEGESTAAN[code] === 1) continue;
    fout ??= [];
    if (!fout.includes(c)) fout.push(c);
  }
  return fout ?? [];
}

/**
 * Most persons have no PIP, gesprek or boete: they share this one frozen empty list (replaced by
 * a list of their own at the first element), instead of three empty arrays each — 400,000 arrays
 * on a national file with its previous quarter.
 */
const GEEN: never[] = Object.freeze([]) as unknown as never[];

function nieuwePersoon(line: number): Persoon {
  // Every field present from the start: one hidden class for all persons, and cheap to fill.
  return {
    line,
    bsn: "",
    geboortedatum: 0,
    geslacht: 0 as 1,
    typeMigrant: 0 as 1,
    maatschappelijkeBegeleidingBegindatum: undefined,
    ontzorgenBegindatum: undefined,
    ontzorgenEinddatum: undefined,
    bredeIntakeBegindatum: undefined,
    bredeIntakeUrenTaalKNM: undefined,
    waarschuwingNietVerschijnenIntakeDatum: undefined,
    alfabetiseringscursus: undefined,
    analfabetisme: undefined,
    pvtOndertekeningsdatum: undefined,
    mapDatumEersteActiviteit: undefined,
    mapDatumEindgesprek: undefined,
    zRouteInschattingTaalniveau: undefined,
    zRouteLezen: undefined,
    zRouteSchrijven: undefined,
    zRouteSpreken: undefined,
    zRouteLuisteren: undefined,
    eindeBegeleidingReden: undefined,
    eindeBegeleidingDatum: undefined,
    pips: GEEN,
    voortgangsgesprekken: GEEN,
    boetes: GEEN,
  };
}

function nieuwePip(line: number): Pip {
  return { line, datum: 0, route: 0 as 1, niveau: undefined, begindatum: undefined, einddatum: undefined };
}
