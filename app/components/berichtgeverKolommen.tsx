import Link from "next/link";
import type { Kolom } from "./Tabel";

interface BerichtgeverRij {
  code: string;
  naam: string;
  contactpersoon: { naam: string; email: string } | null;
  gemeenten: readonly string[];
}

/** The columns every staff list of berichtgevers starts with, so the lists read the same everywhere. */
export function berichtgeverKolommen<T extends BerichtgeverRij>(gemeentenKop = "Gemeenten"): Kolom<T>[] {
  return [
    { kop: "Code", cel: (b) => b.code },
    { kop: "Naam", cel: (b) => <Link href={`/beheer/berichtgevers/${b.code}`}>{b.naam}</Link> },
    {
      kop: "Contactpersoon",
      cel: (b) => <>{b.contactpersoon ? `${b.contactpersoon.naam} (${b.contactpersoon.email})` : "—"}</>,
    },
    { kop: gemeentenKop, cel: (b) => b.gemeenten.join(", ") || "—" },
  ];
}
