export type { SpiegelrapportGegevens } from "./gegevens";
export { GeenSpiegelrapport, spiegelrapportVoorActor } from "./data";
export { spiegelrapportCsv } from "./csv";
export { spiegelrapportPdf } from "./pdf";
export { grafiekSvg, spiegelrapportGrafieken, waardeTekst, type Grafiek, type GrafiekPunt } from "./grafieken";
export * from "./weergave";
