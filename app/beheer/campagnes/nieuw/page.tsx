import Link from "next/link";
import { vereisCbs } from "@/lib/auth/actor";
import { CAMPAGNE_REGELS, campagneVoorbeeld } from "@/lib/beheer/campagnes";
import { CampagneFormulier } from "./CampagneFormulier";
import { BeheerKop } from "@/app/components/Kop";
import { aantal, getal } from "@/lib/swi/opmaak";
import { Tabel } from "@/app/components/Tabel";

export const metadata = { title: "Nieuwe campagne" };

export default async function NieuweCampagne({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await vereisCbs();
  const ruw = (await searchParams).regels;
  const bekend = new Set(CAMPAGNE_REGELS.map((r) => r.code as string));
  const regels = (Array.isArray(ruw) ? ruw : ruw ? [ruw] : []).filter((r) => bekend.has(r));
  const voorbeeld = regels.length ? await campagneVoorbeeld(actor, regels) : [];
  const teMailen = voorbeeld.filter((v) => v.berichtgever.actief && v.contactpersoon);

  return (
    <div>
      <BeheerKop titel="Nieuwe campagne" kruimels={[{ href: "/beheer/campagnes", tekst: "Campagnes" }]} />
      <form method="get" className="mb-10 max-w-3xl">
        <fieldset>
          <legend className="mb-1 text-2xl font-semibold">1. Kies de regel(s)</legend>
          <p className="mb-3 text-grijs-5">Geteld worden de signalen in de laatste verwerkte levering per gemeente.</p>
          <div className="max-h-96 overflow-y-auto border-2 border-grijs-2 p-3" tabIndex={0} aria-label="Regels">
            {CAMPAGNE_REGELS.map((r) => (
              <div key={r.code} className="mb-1 flex items-start gap-3">
                <input
                  id={`regel-${r.code}`}
                  type="checkbox"
                  name="regels"
                  value={r.code}
                  defaultChecked={regels.includes(r.code)}
                  className="mt-1 h-5 w-5"
                />
                <label htmlFor={`regel-${r.code}`}>
                  <strong>{r.titel}</strong>
                  <span className="block text-sm text-grijs-5">{r.omschrijving}</span>
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="knop-secundair mt-4">
          Aantallen per berichtgever tonen
        </button>
      </form>

      {regels.length > 0 && (
        <section aria-labelledby="aantallen-titel" className="mb-10">
          <h2 id="aantallen-titel" className="mb-3 text-2xl font-semibold">
            2. Aantallen per berichtgever
          </h2>
          {voorbeeld.length === 0 ? (
            <p>Geen enkele berichtgever heeft signalen van {regels.join(", ")} in de laatste leveringen.</p>
          ) : (
            <Tabel
              bijschrift={
                <>
                  {aantal(voorbeeld.length, "berichtgever", "berichtgevers")} met signalen; {getal(teMailen.length)}{" "}
                  {teMailen.length === 1 ? "krijgt" : "krijgen"} een e-mail.
                </>
              }
              label="Berichtgevers met signalen"
              zichtbaar="mb-2 text-left"
              rijen={voorbeeld}
              sleutel={(v) => v.berichtgever.id}
              kolommen={[
                {
                  kop: "Berichtgever",
                  cel: (v) => (
                    <>
                      <Link href={`/beheer/berichtgevers/${v.berichtgever.code}`}>
                        {v.berichtgever.code} {v.berichtgever.naam}
                      </Link>
                    </>
                  ),
                },
                {
                  kop: "Gemeenten (kwartaal)",
                  cel: (v) => (
                    <>
                      {v.gemeenten
                        .map((g) => `${g.gemeentecode} (${g.jaar} K${g.kwartaal}): ${getal(g.totaal)}`)
                        .join("; ")}
                    </>
                  ),
                },
                { kop: "Totaal", cel: (v) => getal(v.totaal), className: "text-right font-semibold" },
                {
                  kop: "E-mail naar",
                  cel: (v) =>
                    v.berichtgever.actief && v.contactpersoon
                      ? v.contactpersoon
                      : "niemand (geen actieve contactpersoon)",
                },
              ]}
            />
          )}
        </section>
      )}

      {teMailen.length > 0 && (
        <section aria-labelledby="versturen-titel">
          <h2 id="versturen-titel" className="mb-3 text-2xl font-semibold">
            3. Schrijf de toelichting, lees de e-mails en verstuur
          </h2>
          <CampagneFormulier regels={regels.join(",")} />
        </section>
      )}
    </div>
  );
}
