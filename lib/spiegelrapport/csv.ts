import { kenmerkNaam } from "@/lib/swi/format";
import { regel } from "@/lib/swi/regels";
import { csvTekst } from "@/lib/swi/tabel";
import type { RegelCode } from "@/lib/swi/types";
import type { SpiegelrapportGegevens } from "./gegevens";
import { huidigKwartaalTekst, vorigKwartaalTekst } from "./weergave";

/**
 * The spiegelrapport as one table, opened by a civil servant in a Dutch spreadsheet: UTF-8 with
 * BOM, `;`, CRLF, as the signaleringslijst. Numbers stay plain numbers (-3, not "−3") so they can
 * be computed with; text cells are defused against formula injection. After the count rows come
 * the signal counts per rule ("Signalen per controle"), one row for every P, Q and F rule.
 */
export function spiegelrapportCsv(g: SpiegelrapportGegevens): string {
  const r = g.rapport;
  const vorig = vorigKwartaalTekst(r);
  const kop = [
    "Groep",
    "Sleutel",
    "Omschrijving",
    "Kenmerk",
    `Aantal ${huidigKwartaalTekst(r)}`,
    vorig ? `Aantal ${vorig}` : "Aantal vorig kwartaal",
    "Verschil",
  ];
  const rijen: (string | number)[][] = [kop];
  for (const rij of r.rijen) {
    rijen.push([
      rij.groep,
      rij.sleutel,
      rij.omschrijving,
      rij.kenmerk ?? "",
      rij.huidig,
      rij.vorig ?? "",
      rij.verschil ?? "",
    ]);
  }
  // Fill rates on the population each kenmerk applies to (Tabel 1), as percentages with one decimal.
  const pct = (v: { gevuld: number; populatie: number } | null | undefined) =>
    v && v.populatie > 0 ? Math.round((1000 * v.gevuld) / v.populatie) / 10 : "";
  for (const v of r.vulling ?? []) {
    const h = pct(v.huidig);
    const o = pct(v.vorig);
    rijen.push([
      "Vulling kenmerken in procenten van wie het geldt",
      `vulling.${v.kenmerk}.procent`,
      `${kenmerkNaam(v.kenmerk)}: % van ${v.populatie} (${v.huidig.gevuld} van ${v.huidig.populatie})`,
      v.kenmerk,
      h,
      o,
      typeof h === "number" && typeof o === "number" ? Math.round(10 * (h - o)) / 10 : "",
    ]);
  }
  for (const [code, aantal] of Object.entries(r.signalenPerRegel)) {
    rijen.push(["Signalen per controle", `signalen.${code}`, regel(code as RegelCode).titel, "", aantal, "", ""]);
  }
  return csvTekst(rijen);
}
