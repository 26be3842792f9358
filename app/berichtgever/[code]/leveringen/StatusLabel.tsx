import { statusTekst } from "@/lib/leveringen/status";

// Colour supports the text, never replaces it (WCAG 1.4.1): every label is a word with a symbol.
const STIJL: Record<string, { klasse: string; teken: string }> = {
  ONTVANGEN: { klasse: "border-grijs-5 text-black", teken: "○" },
  TECHNISCHE_CONTROLE: { klasse: "border-hemel-donker text-hemel-donker", teken: "◔" },
  STATISTISCHE_CONTROLE: { klasse: "border-hemel-donker text-hemel-donker", teken: "◑" },
  VERWERKT: { klasse: "border-groen text-groen", teken: "✓" },
  AFGEKEURD: { klasse: "border-rood text-rood", teken: "✗" },
  VERVANGEN: { klasse: "border-grijs-5 text-grijs-5", teken: "↻" },
};

export function StatusLabel({ status }: { status: string }) {
  const s = STIJL[status] ?? { klasse: "border-grijs-5", teken: "" };
  return (
    <span
      className={`inline-block whitespace-nowrap border-2 px-2 text-sm font-semibold ${s.klasse}`}
      data-status={status}
    >
      <span aria-hidden="true">{s.teken} </span>
      {statusTekst(status)}
    </span>
  );
}

/** Marks the geldende levering: the accepted delivery that counts for its gemeente and quarter. */
export function GeldtLabel() {
  return (
    <span
      className="ml-2 inline-block whitespace-nowrap border-2 border-groen px-2 text-sm font-semibold text-groen"
      data-geldend=""
    >
      <span aria-hidden="true">★ </span>
      Geldende levering
    </span>
  );
}

/** Marks a file that was checked without counting as a delivery (yet). */
export function ProefLabel({ proef }: { proef: string | null }) {
  if (!proef) return null;
  return (
    <span
      className="ml-2 inline-block whitespace-nowrap border-2 border-hemel-donker px-2 text-sm font-semibold text-hemel-donker"
      data-proef={proef}
    >
      <span aria-hidden="true">◇ </span>
      {proef === "WACHT_OP_VRIJGAVE" ? "Wacht op vrijgave" : "Proeflevering"}
    </span>
  );
}
