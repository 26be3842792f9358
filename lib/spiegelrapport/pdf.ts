/**
 * The spiegelrapport as a PDF (pdfkit): the same sections and numbers as the page, as tables,
 * tagged (headings, paragraphs, tables with column headers) and in Dutch, so a screen reader can
 * read it. The standard Helvetica (WinAnsi) has no U+2212, so differences use a hyphen.
 * The charts are the page's own SVG (grafieken.ts) drawn as vectors by svg-to-pdfkit, each a
 * Figure with its title and explanation as alternative text; the tables carry the numbers.
 */
import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";
import { ernstTekst, regel } from "@/lib/swi/regels";
import { kenmerkNaam } from "@/lib/swi/format";
import type { RegelCode } from "@/lib/swi/types";
import type { SpiegelrapportGegevens, SpiegelrapportOmgeving } from "./gegevens";
import { spiegelrapportGrafieken, alsStaafgrafiek, staafgrafiekSvg, type Staafgrafiek } from "./grafieken";
import { trendGrafiek } from "./trend";
import { celTekst, eigenTekst, klasseKop, vergelijkingsGrafieken, vergelijkingUitleg } from "./vergelijking";
import {
  groepeerRijen,
  huidigKwartaalTekst,
  regelsMetSignalen,
  spiegelrapportTitelTekst,
  verschilTekst,
  vorigKwartaalTekst,
  vulgetalTekst,
} from "./weergave";
import { getal, momentLang } from "@/lib/swi/opmaak";

const LINTBLAUW = "#154273";

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

export async function spiegelrapportPdf(
  g: SpiegelrapportGegevens,
  omgeving: SpiegelrapportOmgeving | null = null,
): Promise<Buffer> {
  const titel = spiegelrapportTitelTekst(g);
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 50, bottom: 50, left: 50, right: 50 },
    tagged: true,
    lang: "nl-NL",
    displayTitle: true,
    pdfVersion: "1.7",
    bufferPages: true,
    info: {
      Title: titel,
      Author: "CBS – SWI berichtgeversportaal",
      Subject: "Spiegelrapport Statistiek Wet Inburgering",
    },
  });
  const stukken: Buffer[] = [];
  doc.on("data", (b: Buffer) => stukken.push(b));
  const klaar = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(stukken)));
    doc.on("error", reject);
  });

  const document = doc.struct("Document");
  doc.addStructure(document);
  const r = g.rapport;
  const huidig = huidigKwartaalTekst(r);
  const vorig = vorigKwartaalTekst(r);

  kop(doc, document, "H1", titel, 18);
  alinea(
    doc,
    document,
    `Berichtgever ${g.berichtgever.code} ${g.berichtgever.naam}. Bestand ${g.levering.bestandsnaam}.`,
  );
  alinea(
    doc,
    document,
    `Ontvangen op ${momentLang(g.levering.ontvangenOp)}` +
      (g.levering.verwerktOp ? `, verwerkt op ${momentLang(g.levering.verwerktOp)}.` : "."),
  );
  alinea(
    doc,
    document,
    vorig
      ? `Vergeleken met de levering over het vorige kwartaal, ${vorig}. Verschil = ${huidig} min ${vorig}.`
      : "Er is geen levering over het vorige kwartaal om mee te vergelijken; de kolommen vorig kwartaal en verschil zijn leeg.",
  );
  if (g.levering.status === "VERVANGEN") {
    alinea(
      doc,
      document,
      "Deze levering is vervangen door een latere levering voor dezelfde gemeente en hetzelfde kwartaal.",
    );
  }
  alinea(doc, document, `Personen in de levering: ${getal(r.personen)}.`);

  kop(doc, document, "H2", "In beeld", 13);
  for (const grafiek of spiegelrapportGrafieken(r)) figuur(doc, document, alsStaafgrafiek(grafiek));

  if (omgeving) {
    verloop(doc, document, omgeving);
    vergelijking(doc, document, omgeving);
  }

  for (const groep of groepeerRijen(r.rijen)) {
    kop(doc, document, "H2", groep.groep, 13);
    tabel(
      doc,
      document,
      ["Omschrijving", "Kenmerk", huidig, vorig ?? "Vorig kwartaal", "Verschil"],
      groep.rijen.map((rij) => [
        rij.omschrijving,
        rij.kenmerk === null ? "" : String(rij.kenmerk),
        getal(rij.huidig),
        rij.vorig === null ? "-" : getal(rij.vorig),
        rij.verschil === null ? "-" : verschilTekst(rij.verschil, "-"),
      ]),
      [230, 50, 70, 70, 75],
    );
  }

  if (r.vulling) {
    kop(doc, document, "H2", "Vulling van de kenmerken per persoon", 13);
    alinea(
      doc,
      document,
      "Per kenmerk het deel van de personen voor wie het kenmerk geldt (Tabel 1 van de richtlijnen) waarvoor een waarde is geleverd.",
    );
    tabel(
      doc,
      document,
      ["Kenmerk", "Geldt voor", huidig, vorig ?? "Vorig kwartaal"],
      r.vulling.map((v) => [
        `${v.kenmerk} ${kenmerkNaam(v.kenmerk)}`,
        v.populatie,
        vulgetalTekst(v.huidig),
        vulgetalTekst(v.vorig),
      ]),
      [150, 155, 95, 95],
    );
  }

  kop(doc, document, "H2", "Signalen per controle", 13);
  const metSignalen = regelsMetSignalen(r);
  if (metSignalen.length === 0) alinea(doc, document, "De statistische controle gaf geen signalen.");
  else {
    alinea(
      doc,
      document,
      `Signalen per persoon: ${getal(r.signalenPerErnst.fout)} fout, ${getal(r.signalenPerErnst.waarschuwing)} waarschuwing, ${getal(r.signalenPerErnst.info)} informatief. De uitleg per controle staat op de pagina Aanleverformaat van het portaal.`,
    );
    tabel(
      doc,
      document,
      ["Controle", "Ernst", "Aantal"],
      metSignalen.map(({ code, aantal }) => {
        const rg = regel(code as RegelCode);
        return [rg.titel, ernstTekst(rg), getal(aantal)];
      }),
      [260, 165, 70],
    );
  }

  kop(doc, document, "H2", "Signalen over het bestand", 13);
  if (g.bestandSignalen.length === 0) alinea(doc, document, "Geen signalen over het bestand als geheel.");
  for (const s of g.bestandSignalen) {
    alinea(doc, document, `${regel(s.rule).titel} (${s.severity}): ${s.message} ${s.advies}`);
  }

  paginanummers(doc, titel);
  document.end();
  doc.end();
  return klaar;
}

/** At most this many quarters fit the width of an A4 table; older ones are on the page. */
const KWARTALEN_IN_TABEL = 8;

function verloop(doc: Doc, document: Struct, omgeving: SpiegelrapportOmgeving): void {
  const t = omgeving.trend;
  kop(doc, document, "H2", "Verloop per kwartaal", 13);
  alinea(
    doc,
    document,
    t.kwartalen.length === 1
      ? "Dit is de eerste levering voor deze gemeente; er zijn nog geen eerdere kwartalen om mee te vergelijken."
      : "De aantallen van elk kwartaal dat voor deze gemeente is geleverd, tot en met dit kwartaal. Voor een eerder kwartaal telt de levering die geldt.",
  );
  figuur(doc, document, trendGrafiek(t));
  const van = Math.max(0, t.kwartalen.length - KWARTALEN_IN_TABEL);
  if (van > 0)
    alinea(
      doc,
      document,
      `De tabel toont de laatste ${getal(KWARTALEN_IN_TABEL)} kwartalen; de pagina in het portaal toont ze alle.`,
    );
  const kwartalen = t.kwartalen.slice(van);
  const breedte = Math.min(60, Math.floor(295 / kwartalen.length));
  tabel(
    doc,
    document,
    ["Omschrijving", ...kwartalen.map((k) => k.tekst)],
    t.rijen.map((rij) => [
      rij.groep === "Personen" || rij.groep === "Signalen" ? rij.omschrijving : `${rij.groep}: ${rij.omschrijving}`,
      ...rij.waarden.slice(van).map((w) => (w === null ? "-" : getal(w))),
    ]),
    [495 - breedte * kwartalen.length, ...kwartalen.map(() => breedte)],
    kwartalen.length,
  );
}

function vergelijking(doc: Doc, document: Struct, omgeving: SpiegelrapportOmgeving): void {
  const v = omgeving.vergelijking;
  kop(doc, document, "H2", "Vergeleken met andere gemeenten", 13);
  for (const zin of vergelijkingUitleg(v)) alinea(doc, document, zin);
  if (v.landelijk.getoond) for (const grafiek of vergelijkingsGrafieken(v)) figuur(doc, document, grafiek);
  tabel(
    doc,
    document,
    ["Cijfer", "Deze gemeente", "Landelijk", klasseKop(v)],
    v.rijen.map((rij) => [
      rij.groep === "Personen" ? rij.omschrijving : `${rij.groep}: ${rij.omschrijving}`,
      eigenTekst(rij),
      celTekst(rij, rij.landelijk),
      celTekst(rij, rij.klasse),
    ]),
    [245, 80, 80, 90],
  );
}

/**
 * A chart as a tagged Figure: the same SVG as on the page, scaled to the text width, or smaller
 * when it would not fit on one page.
 */
function figuur(doc: Doc, ouder: Struct, grafiek: Staafgrafiek): void {
  const svg = staafgrafiekSvg(grafiek);
  const svgKop = /^<svg[^>]*>/.exec(svg)?.[0] ?? "";
  const svgBreedte = Number(/\swidth="([\d.]+)"/.exec(svgKop)?.[1] ?? 600);
  const svgHoogte = Number(/\sheight="([\d.]+)"/.exec(svgKop)?.[1] ?? 400);
  const ruimte = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const paginaHoogte = doc.page.height - doc.page.margins.top - doc.page.margins.bottom - 30;
  const schaal = Math.min(ruimte / svgBreedte, paginaHoogte / svgHoogte);
  const breedte = svgBreedte * schaal;
  const hoogte = svgHoogte * schaal;
  kop(doc, ouder, "H3", grafiek.titel, 11, hoogte + 20);
  const x = doc.page.margins.left;
  const y = doc.y;
  ouder.add(
    doc.struct("Figure", { alt: `${grafiek.titel}. ${grafiek.toelichting} De getallen staan in de tabel.` }, () => {
      SVGtoPDF(doc as never, svg, x, y, {
        width: breedte,
        height: hoogte,
        preserveAspectRatio: "xMinYMin meet",
        fontCallback: (_familie, vet) => (vet ? "Helvetica-Bold" : "Helvetica"),
        warningCallback: () => {},
      });
    }),
  );
  doc.x = x;
  doc.y = y + hoogte + 10;
}

/** A heading, on a new page when less than `ruimteNodig` (what follows it) would fit below it. */
function kop(
  doc: Doc,
  ouder: Struct,
  type: "H1" | "H2" | "H3",
  tekst: string,
  grootte: number,
  ruimteNodig = 60,
): void {
  if (doc.y > doc.page.height - doc.page.margins.bottom - ruimteNodig - 20) doc.addPage();
  doc.moveDown(type === "H1" ? 0 : 0.8);
  doc
    .font("Helvetica-Bold")
    .fontSize(grootte)
    .fillColor(LINTBLAUW)
    .text(tekst, doc.page.margins.left, doc.y, { structParent: ouder, structType: type } as PDFKit.Mixins.TextOptions);
  doc.moveDown(0.3);
}

function alinea(doc: Doc, ouder: Struct, tekst: string): void {
  doc
    .font("Helvetica")
    .fontSize(10)
    .fillColor("black")
    .text(tekst, doc.page.margins.left, doc.y, { structParent: ouder, structType: "P" } as PDFKit.Mixins.TextOptions);
  doc.moveDown(0.3);
}

function tabel(
  doc: Doc,
  ouder: Struct,
  koppen: string[],
  rijen: string[][],
  breedtes: number[],
  getalKolommen = 3,
): void {
  const rechts = (i: number) => i >= koppen.length - getalKolommen && i > 0;
  doc.font("Helvetica").fontSize(9).fillColor("black");
  doc.table({
    position: { x: doc.page.margins.left },
    columnStyles: breedtes.map((w, i) => ({ width: w, align: { x: rechts(i) ? "right" : "left", y: "top" } })),
    defaultStyle: {
      border: { bottom: 0.5 },
      borderColor: { bottom: "#b4b4b4" },
      padding: { top: 3, bottom: 3, left: 4, right: 4 },
    },
    structParent: ouder,
    data: [
      koppen.map((k) => ({
        text: k,
        type: "TH",
        scope: "Column",
        font: { src: "Helvetica-Bold" },
        border: { bottom: 1 },
      })),
      ...rijen,
    ],
  } as PDFKit.Mixins.TableOptionsWithData);
  doc.moveDown(0.5);
}

/** Page numbers as artifacts: not part of the content a screen reader reads. */
function paginanummers(doc: Doc, titel: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Text inside the bottom margin would make pdfkit start a new page; lift the margin meanwhile.
    const marge = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const onder = doc.page.height - marge + 15;
    doc.markContent("Artifact", { type: "Pagination" } as never);
    doc
      .font("Helvetica")
      .fontSize(8)
      .fillColor("#696969")
      .text(`${titel} — pagina ${i + 1} van ${count}`, doc.page.margins.left, onder, {
        lineBreak: false,
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
        align: "center",
      });
    doc.endMarkedContent();
    doc.page.margins.bottom = marge;
  }
}
