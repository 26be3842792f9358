import Link from "next/link";
import { vereisCbs } from "@/lib/auth/actor";
import { berichtenPad, gesprekkenVoorCbs } from "@/lib/berichten/berichten";
import { BeheerKop } from "@/app/components/Kop";
import { Tabel } from "@/app/components/Tabel";
import { getal, moment } from "@/lib/swi/opmaak";

export const metadata = { title: "Berichten" };

export default async function BerichtenBeheer() {
  const actor = await vereisCbs();
  const rijen = await gesprekkenVoorCbs(actor);
  return (
    <div>
      <BeheerKop
        titel="Berichten"
        ondertitel="Beveiligde gesprekken met berichtgevers, per levering en algemeen. Antwoorden doet u in het gesprek zelf."
      />
      {rijen.length === 0 ? (
        <p>Er zijn nog geen berichten.</p>
      ) : (
        <Tabel
          bijschrift="Gesprekken, meest recente eerst"
          rijen={rijen}
          sleutel={(r) => `${r.berichtgever.code}-${r.levering?.id ?? "algemeen"}`}
          kolommen={[
            { kop: "Berichtgever", cel: (r) => `${r.berichtgever.code} ${r.berichtgever.naam}` },
            {
              kop: "Gesprek",
              cel: (r) => (
                <Link href={berichtenPad(r.berichtgever.code, r.levering?.id)}>
                  {r.levering ? r.levering.bestandsnaam : "Algemeen gesprek"}
                </Link>
              ),
            },
            { kop: "Berichten", cel: (r) => getal(r.aantal), className: "text-right" },
            { kop: "Laatste", cel: (r) => moment(r.laatste) },
            { kop: "Wacht op het CBS", cel: (r) => (r.wachtOpCbs ? <strong>ja</strong> : "nee") },
          ]}
        />
      )}
    </div>
  );
}
