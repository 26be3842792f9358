/**
 * The readable Dutch report of `swi validate` (without --json). Long signal lists are cut off:
 * the full list is what --json and the portal's signaleringslijst are for.
 */
import type { LeveringResultaat } from "../lib/swi/controle";
import { eerdereVan } from "../lib/swi/controle";
import { formatDatum, formatKwartaal } from "../lib/swi/datum";
import { vergelijkSignalen } from "../lib/swi/signaleringslijst";
import type { Spiegelrapport } from "../lib/swi/spiegelrapport";
import type { EerdereLevering } from "../lib/swi/eerdere-levering";
import type { Datum, LeveringKop, TechnischeFout } from "../lib/swi/types";

/** Signal rows shown per delivery before the report refers to --json. */
export const MAX_SIGNALEN_IN_RAPPORT = 200;

function meervoud(n: number, enkel: string, meer: string): string {
  return `${n} ${n === 1 ? enkel : meer}`;
}

function inspringen(tekst: string, prefix: string): string {
  return tekst.replace(/\s+/g, " ").trim().replace(/^/, prefix);
}

/** "T03 (regel 16, kenmerk 10): …", without repeating a line number the message already starts with. */
export function foutTekst(e: TechnischeFout): string {
  const regelInBericht = e.line !== null && e.message.startsWith(`Regel ${e.line}:`);
  const plek = [
    e.line !== null && !regelInBericht ? `regel ${e.line}` : null,
    e.kenmerk !== null ? `kenmerk ${e.kenmerk}` : null,
  ]
    .filter(Boolean)
    .join(", ");
  return `${e.rule}${plek ? ` (${plek})` : ""}: ${e.message}`;
}

function kopRegel(r: LeveringResultaat): string {
  const k = r.kop;
  const delen: string[] = [];
  if (k?.berichtgevercode) delen.push(`berichtgever ${k.berichtgevercode}`);
  if (k?.gemeentecode) delen.push(`gemeente ${k.gemeentecode}`);
  if (k?.statistiekjaar !== undefined && k.statistiekkwartaal !== undefined)
    delen.push(formatKwartaal(k.statistiekjaar, k.statistiekkwartaal));
  delen.push(meervoud(r.aantalPersonen, "persoon", "personen"));
  return delen.join(", ");
}

function getal(n: number | null): string {
  return n === null ? "–" : String(n);
}

function verschil(n: number | null): string {
  if (n === null) return "–";
  return n > 0 ? `+${n}` : String(n);
}

function spiegelrapportTekst(s: Spiegelrapport): string[] {
  const regels: string[] = [];
  const vergeleken = s.vorigKwartaal
    ? `vergeleken met ${formatKwartaal(s.vorigKwartaal.jaar, s.vorigKwartaal.kwartaal)}`
    : "zonder vorig kwartaal";
  regels.push(`  Spiegelrapport (${vergeleken}):`);
  const breedte = Math.max(...s.rijen.map((r) => r.omschrijving.length), 20);
  regels.push(`    ${"".padEnd(breedte)}  ${"huidig".padStart(8)}  ${"vorig".padStart(8)}  ${"verschil".padStart(8)}`);
  let groep = "";
  for (const r of s.rijen) {
    if (r.groep !== groep) {
      groep = r.groep;
      regels.push(`    ${groep}`);
    }
    regels.push(
      `      ${r.omschrijving.padEnd(breedte - 2)}  ${String(r.huidig).padStart(8)}  ${getal(r.vorig).padStart(8)}  ${verschil(r.verschil).padStart(8)}`,
    );
  }
  return regels;
}

function leveringTekst(r: LeveringResultaat, eerdere: readonly EerdereLevering[]): string[] {
  const regels: string[] = [`Levering ${r.file}`, `  ${kopRegel(r)}`];
  if (!r.accepted) {
    regels.push(`  Technische controle: AFGEKEURD (${meervoud(r.errorCount, "fout", "fouten")})`);
    for (const e of r.errors) regels.push(inspringen(foutTekst(e), "    "));
    if (r.errorCount > r.errors.length) regels.push(`    … en nog ${r.errorCount - r.errors.length} fouten.`);
    regels.push("  Het bestand is niet verwerkt. Corrigeer de fouten en lever het bestand opnieuw aan.");
    return regels;
  }

  regels.push("  Technische controle: goedgekeurd");
  const gebruikt = r.kop ? eerdereVan(r.kop as LeveringKop, eerdere) : [];
  const vorige = gebruikt[gebruikt.length - 1];
  regels.push(
    vorige
      ? `  Vergeleken met: ${vorige.fileName} (${formatKwartaal(vorige.kop.statistiekjaar, vorige.kop.statistiekkwartaal)})` +
          (gebruikt.length > 1 ? ` en ${meervoud(gebruikt.length - 1, "eerdere levering", "eerdere leveringen")}` : "")
      : "  Vergeleken met: geen eerdere levering opgegeven (--previous); de controles tegen eerdere leveringen zijn niet gedaan.",
  );

  const perErnst = { fout: 0, waarschuwing: 0, info: 0 };
  for (const s of r.signals) perErnst[s.severity]++;
  regels.push(
    `  Signalen over personen: ${r.signals.length}` +
      (r.signals.length
        ? ` (fout ${perErnst.fout}, waarschuwing ${perErnst.waarschuwing}, info ${perErnst.info})`
        : ""),
  );
  const gesorteerd = [...r.signals].sort(vergelijkSignalen);
  for (const s of gesorteerd.slice(0, MAX_SIGNALEN_IN_RAPPORT)) {
    regels.push(`    BSN ${s.bsn}  ${s.rule} ${s.severity}  kenmerk ${s.kenmerken.join(", ")}`);
    regels.push(inspringen(s.message, "      "));
    if (s.waarden) regels.push(inspringen(`Waarde(n): ${s.waarden}`, "      "));
    regels.push(inspringen(`Wat te doen: ${s.advies}`, "      "));
  }
  if (gesorteerd.length > MAX_SIGNALEN_IN_RAPPORT) {
    regels.push(
      `    … en nog ${gesorteerd.length - MAX_SIGNALEN_IN_RAPPORT} signalen; gebruik --json voor de volledige lijst.`,
    );
  }

  regels.push(`  Signalen over het bestand: ${r.fileSignals.length}`);
  for (const f of r.fileSignals) {
    regels.push(inspringen(`${f.rule} ${f.severity}: ${f.message}`, "    "));
    regels.push(inspringen(`Wat te doen: ${f.advies}`, "      "));
  }
  if (r.spiegelrapport) regels.push(...spiegelrapportTekst(r.spiegelrapport));
  return regels;
}

export function tekstRapport(
  resultaten: LeveringResultaat[],
  opties: { received: Datum; eerdere: readonly EerdereLevering[] },
): string {
  const regels: string[] = [`SWI-controle, ontvangstdatum ${formatDatum(opties.received)}`, ""];
  for (const r of resultaten) regels.push(...leveringTekst(r, opties.eerdere), "");
  const goed = resultaten.filter((r) => r.accepted).length;
  const afgekeurd = resultaten.length - goed;
  regels.push(
    resultaten.length === 0
      ? "Resultaat: geen levering gevonden in het bestand."
      : `Resultaat: ${meervoud(goed, "levering", "leveringen")} goedgekeurd, ${afgekeurd} afgekeurd.`,
  );
  return regels.join("\n") + "\n";
}
