/**
 * The public API of the SWI engine. The portal, the API routes and the CLI import from here or
 * from the module itself; everything under lib/swi/ not re-exported here is internal.
 */
export {
  controleerAanlevering,
  eerdereVan,
  kwartaalIndex,
  type EerdereLeveringen,
  type LeveringResultaat,
} from "./controle";
export { leesAanlevering, MAX_FOUTEN, BESTANDSNAAM_PATROON, ontleedBestandsnaam, type Bestandsnaam } from "./intake";
export { vatSamen, type EerdereLevering, type Eerder } from "./eerdere-levering";
export { statistischeControle, vorigeLevering, type StatistischeContext } from "./statistisch";
export { maakSpiegelrapport, spiegelrapportTitel, type Spiegelrapport, type SpiegelrapportRij } from "./spiegelrapport";
export { REGELS, regel, ernstVan, ernstTekst, type Regel, type RegelSoort } from "./regels";
export {
  signaleringslijstCsv,
  signaleringslijstXlsx,
  signaalRijen,
  bestandRijen,
  vergelijkSignalen,
  toelichtingKolommen,
  KOLOMMEN,
  KOLOMMEN_BESTAND,
  type SignaleringslijstInvoer,
} from "./signaleringslijst";
export { leesXsd, XSD_PATH, XSD_BESTANDSNAAM } from "./schema";
export { codelijstVoorJaar, codelijstVoorControle, laadCodelijst, type Codelijst, type Gemeente } from "./gemeenten";
export type * from "./types";
