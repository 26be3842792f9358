/**
 * The size class of a gemeente or berichtgever, one definition for the kwaliteitsonderzoek's
 * sample and the spiegelrapport's comparison.
 *
 * CBS's gemeentegrootteklassen go by inhabitants (<5.000 … ≥250.000), but the codelijst in
 * data/gemeenten has no inhabitants column, so the class goes by the persons delivered in one
 * quarter. Three classes, not eight: with about 340 gemeenten, eight classes would leave several
 * below the five gemeenten a comparison needs.
 */
export type Grootteklasse = "klein" | "middel" | "groot";

export const GROOTTEKLASSEN: readonly Grootteklasse[] = ["groot", "middel", "klein"];

/** Fewer than 100 persons klein, fewer than 1,000 middel, else groot. */
export function grootteklasse(personen: number): Grootteklasse {
  return personen < 100 ? "klein" : personen < 1000 ? "middel" : "groot";
}

export const GROOTTEKLASSE_TEKST: Record<Grootteklasse, string> = {
  klein: "klein (minder dan 100 personen)",
  middel: "middel (100 tot 1.000 personen)",
  groot: "groot (1.000 personen of meer)",
};
