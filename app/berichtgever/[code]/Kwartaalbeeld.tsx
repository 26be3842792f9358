import Link from "next/link";
import { Sectie } from "@/app/components/Sectie";
import { Tabel } from "@/app/components/Tabel";
import type { Kwartaalbeeld as Beeld } from "@/lib/leveringen/data";
import { STAND_TEKST, type Stand } from "@/lib/leveringen/kwartaalstand";
import { statusTekst } from "@/lib/leveringen/status";
import { aanleverperiode } from "@/lib/leveringen/aanleverperiode";
import { formatKwartaal } from "@/lib/swi/datum";
import { aantal, moment, swiDatum } from "@/lib/swi/opmaak";

// Colour supports the words, never replaces them (WCAG 1.4.1).
const STIJL: Record<Stand, { klasse: string; teken: string }> = {
  "nog-niet-begonnen": { klasse: "border-grijs-5 text-black", teken: "○" },
  "nog-niet-geleverd": { klasse: "border-oranje text-black", teken: "!" },
  "wordt-gecontroleerd": { klasse: "border-hemel-donker text-hemel-donker", teken: "◔" },
  afgekeurd: { klasse: "border-rood text-rood", teken: "✗" },
  tijdig: { klasse: "border-groen text-groen", teken: "✓" },
  "te-laat": { klasse: "border-oranje text-black", teken: "✓" },
  "termijn-verstreken": { klasse: "border-rood text-rood", teken: "✗" },
};

export function StandLabel({ stand }: { stand: Stand }) {
  const s = STIJL[stand];
  return (
    <span
      className={`inline-block whitespace-nowrap border-2 px-2 text-sm font-semibold ${s.klasse}`}
      data-stand={stand}
    >
      <span aria-hidden="true">{s.teken} </span>
      {STAND_TEKST[stand]}
    </span>
  );
}

/** A card per gemeente: the current aanleverperiode, its state, and what to do now. */
export function Kwartaalkaarten({ beeld }: { beeld: Beeld }) {
  const { actueel } = beeld;
  const basis = `/berichtgever/${beeld.berichtgever.code}`;
  const periode = aanleverperiode(actueel.jaar, actueel.kwartaal);
  const kwartaal = formatKwartaal(actueel.jaar, actueel.kwartaal);
  return (
    <Sectie id="nu" titel="Wat nu aan de beurt is">
      <p className="mb-4 max-w-3xl">
        {actueel.open ? (
          <>
            De aanleverperiode over <strong>{kwartaal}</strong> loopt van {swiDatum(periode.begin)} tot en met{" "}
            {swiDatum(periode.einde)}.
          </>
        ) : (
          <>
            De aanleverperiode over <strong>{kwartaal}</strong> liep tot en met {swiDatum(periode.einde)}.
            {actueel.volgende && (
              <>
                {" "}
                Die over {formatKwartaal(actueel.volgende.jaar, actueel.volgende.kwartaal)} begint op{" "}
                {swiDatum(actueel.volgende.begin)}.
              </>
            )}
          </>
        )}
      </p>
      {beeld.wachtOpVrijgave.length > 0 && (
        <div className="mb-4 max-w-3xl border-l-4 border-oranje bg-grijs-1 p-3" data-testid="wacht-op-vrijgave">
          <p className="mb-2 font-semibold">
            {aantal(beeld.wachtOpVrijgave.length, "upload wacht", "uploads wachten")} op vrijgave door de
            contactpersoon. Tot dan telt {beeld.wachtOpVrijgave.length === 1 ? "zij" : "geen ervan"} niet als levering.
          </p>
          <ul className="list-disc pl-6">
            {beeld.wachtOpVrijgave.map((l) => (
              <li key={l.id}>
                <Link href={`${basis}/leveringen/${l.id}`} className="break-all">
                  {l.bestandsnaam}
                </Link>{" "}
                (ontvangen {moment(l.ontvangenOp)}, {statusTekst(l.status).toLowerCase()})
              </li>
            ))}
          </ul>
        </div>
      )}
      {beeld.kaarten.length === 0 ? (
        <p>Er zijn nog geen gemeenten aan deze berichtgever gekoppeld. Neem contact op met het CBS.</p>
      ) : (
        <ul className="grid max-w-5xl grid-cols-1 gap-4 md:grid-cols-2">
          {beeld.kaarten.map(({ gemeente, stand }) => (
            <li key={gemeente.code} className="border-2 border-grijs-2 p-4" data-gemeente={gemeente.code}>
              <h3 className="mb-2 text-xl font-semibold">
                {gemeente.naam} ({gemeente.code}), {kwartaal}
              </h3>
              <p className="mb-2">
                <StandLabel stand={stand.stand} />
              </p>
              {stand.teDoen && <p className="mb-2">{stand.teDoen}</p>}
              {stand.geldend && (
                <p className="mb-1">
                  Geldende levering:{" "}
                  <Link href={`${basis}/leveringen/${stand.geldend.id}`} className="break-all">
                    {stand.geldend.bestandsnaam}
                  </Link>
                  , ontvangen {moment(stand.geldend.ontvangenOp)}
                </p>
              )}
              {stand.nieuwste && (
                <p className="mb-1">
                  Laatste bestand:{" "}
                  <Link href={`${basis}/leveringen/${stand.nieuwste.id}`} className="break-all">
                    {stand.nieuwste.bestandsnaam}
                  </Link>{" "}
                  ({statusTekst(stand.nieuwste.status).toLowerCase()})
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </Sectie>
  );
}

/** For a berichtgever of several gemeenten: gemeente × the last 8 quarters, each cell its state. */
export function Kwartaalmatrix({ beeld }: { beeld: Beeld }) {
  const basis = `/berichtgever/${beeld.berichtgever.code}`;
  return (
    <Sectie id="matrix" titel="De laatste 8 kwartalen per gemeente">
      <Tabel
        bijschrift="Stand per gemeente en kwartaal"
        rijen={beeld.matrix}
        sleutel={(r) => r.gemeente.code}
        kolommen={[
          { kop: "Gemeente", cel: (r) => `${r.gemeente.naam} (${r.gemeente.code})` },
          ...beeld.kwartalen.map((q, i) => ({
            kop: q.tekst,
            cel: (r: Beeld["matrix"][number]) => {
              const s = r.standen[i]!;
              const l = s.geldend ?? s.nieuwste;
              return l ? (
                <Link href={`${basis}/leveringen/${l.id}`}>
                  <StandLabel stand={s.stand} />
                </Link>
              ) : (
                <StandLabel stand={s.stand} />
              );
            },
          })),
        ]}
      />
    </Sectie>
  );
}
