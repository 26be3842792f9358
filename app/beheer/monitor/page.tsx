import Link from "next/link";
import { vereisCbs } from "@/lib/auth/actor";
import { formatDatum } from "@/lib/swi/datum";
import {
  filterMonitor,
  MONITOR_STATUS_TEKST,
  monitorVoorKwartaal,
  perProvincie,
  type MonitorFilterStatus,
  type MonitorRij,
  type Sorteerveld,
} from "@/lib/beheer/monitor";
import { monitorParams, monitorZoekstring } from "@/lib/beheer/monitor-filter";
import { herinneringenVanKwartaal, herinneringMails, nogNietGeleverd } from "@/lib/beheer/herinneringen";
import { mailVoorbeelden } from "@/lib/beheer/mailvoorbeeld";
import { MailVoorbeelden } from "@/app/components/MailVoorbeelden";
import { verstuurHerinneringActie } from "@/lib/beheer/monitor-acties";
import { BeheerKop } from "@/app/components/Kop";
import { Kwartaalveld } from "@/app/components/Kwartaalveld";
import { Formulier } from "@/app/components/Formulier";
import { StatusLabel, Landkaart } from "./Weergave";
import { Tabelgebied } from "@/app/components/Tabelgebied";
import { moment, aantal, getal } from "@/lib/swi/opmaak";
import { datumInNederland } from "@/lib/leveringen/aanleverperiode";

export const metadata = { title: "Landelijke leveringsmonitor" };

const KOLOMMEN: { veld: Sorteerveld; kop: string; getal?: boolean }[] = [
  { veld: "gemeente", kop: "Code" },
  { veld: "naam", kop: "Gemeente" },
  { veld: "berichtgever", kop: "Berichtgever" },
  { veld: "status", kop: "Status" },
  { veld: "ontvangen", kop: "Ontvangen" },
  { veld: "personen", kop: "Personen", getal: true },
  { veld: "verschil", kop: "Verschil vorig kwartaal", getal: true },
  { veld: "signalen", kop: "Signalen", getal: true },
];

function verschil(r: MonitorRij): string {
  if (r.verschil === null) return "—";
  return r.verschil > 0 ? `+${getal(r.verschil)}` : getal(r.verschil);
}

export default async function Monitor({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await vereisCbs();
  const { jaar, kwartaal, filter } = monitorParams(await searchParams);
  const [monitor, herinneringen, teVersturen] = await Promise.all([
    monitorVoorKwartaal(actor, jaar, kwartaal),
    herinneringenVanKwartaal(actor, jaar, kwartaal),
    herinneringMails(actor, jaar, kwartaal),
  ]);
  // Before the aanleverperiode begins no reminder can be sent, so there is nothing to read yet.
  const begonnen = datumInNederland(new Date()) >= monitor.periodeBegin;
  const voorbeelden = begonnen ? await mailVoorbeelden(teVersturen.mails) : [];
  const rijen = filterMonitor(monitor.rijen, filter);
  const provincies = perProvincie(monitor.rijen);
  const k = { jaar, kwartaal };
  const sorteer = filter.sorteer ?? "gemeente";
  const nogNiet = nogNietGeleverd(monitor.rijen).reduce((n, b) => n + b.gemeenten.length, 0);

  return (
    <div>
      <BeheerKop
        titel="Landelijke leveringsmonitor"
        ondertitel={`${jaar} kwartaal ${kwartaal}: aanleverperiode ${formatDatum(monitor.periodeBegin)} tot en met ${formatDatum(monitor.periodeEinde)}. ${monitor.codelijst}`}
      />

      <form method="get" className="mb-8 flex flex-wrap items-end gap-4" aria-label="Kwartaal en filters">
        <Kwartaalveld jaar={jaar} kwartaal={kwartaal} />
        <div>
          <label htmlFor="status" className="mb-1 block font-semibold">
            Status
          </label>
          <select id="status" name="status" defaultValue={filter.status ?? ""} className="invoer">
            <option value="">Alle</option>
            {(Object.keys(MONITOR_STATUS_TEKST) as MonitorFilterStatus[]).map((s) => (
              <option key={s} value={s}>
                {MONITOR_STATUS_TEKST[s]} ({monitor.totalen[s]})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="provincie" className="mb-1 block font-semibold">
            Provincie
          </label>
          <select id="provincie" name="provincie" defaultValue={filter.provincie ?? ""} className="invoer">
            <option value="">Alle</option>
            {provincies.map((p) => (
              <option key={p.provincie} value={p.provincie}>
                {p.provincie}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="zoek" className="mb-1 block font-semibold">
            Gemeente of berichtgever
          </label>
          <input id="zoek" name="zoek" type="search" defaultValue={filter.zoek ?? ""} className="invoer" />
        </div>
        {filter.sorteer && <input type="hidden" name="sorteer" value={filter.sorteer} />}
        {filter.aflopend && <input type="hidden" name="richting" value="af" />}
        <button type="submit" className="knop-secundair">
          Tonen
        </button>
      </form>

      <section aria-labelledby="stand-titel" className="mb-10">
        <h2 id="stand-titel" className="mb-3 text-2xl font-semibold">
          Stand van het land
        </h2>
        <Landkaart totalen={monitor.totalen} provincies={provincies} />
      </section>

      <section aria-labelledby="herinnering-titel" className="mb-10">
        <h2 id="herinnering-titel" className="mb-3 text-2xl font-semibold">
          Herinnering
        </h2>
        <p className="mb-3 max-w-3xl">
          {nogNiet === 0
            ? "Alle gemeenten met een actieve berichtgever hebben iets aangeleverd dat telt."
            : `${nogNiet} ${nogNiet === 1 ? "gemeente heeft" : "gemeenten hebben"} nog niets aangeleverd dat telt (alleen afgekeurde bestanden tellen niet). `}
          Een herinnering gaat naar de contactpersoon van elke berichtgever met zulke gemeenten, met de lijst van die
          gemeenten. Een week vóór het einde van de aanleverperiode gaat er automatisch één.
        </p>
        {herinneringen.length > 0 && (
          <ul className="mb-4 ml-6 list-disc">
            {herinneringen.map((h) => (
              <li key={h.id}>
                {moment(h.verstuurdOp)}:{" "}
                {h.soort === "AUTOMATISCH" ? "automatisch" : `door ${h.verstuurdDoor?.naam ?? "onbekend"}`},{" "}
                {aantal(h.aantalMails, "e-mail", "e-mails")}
              </li>
            ))}
          </ul>
        )}
        <MailVoorbeelden
          voorbeelden={voorbeelden}
          titel={`Lees eerst wat er verstuurd wordt: ${aantal(voorbeelden.length, "e-mail", "e-mails")}`}
        />
        <Formulier
          actie={verstuurHerinneringActie}
          knop={`Herinnering versturen voor ${jaar} kwartaal ${kwartaal}`}
          knopStijl="knop-secundair"
          verborgen={{ jaar: String(jaar), kwartaal: String(kwartaal) }}
          voorvoegsel="herinnering"
        />
      </section>

      <section aria-labelledby="tabel-titel">
        <h2 id="tabel-titel" className="mb-3 text-2xl font-semibold">
          Per gemeente
        </h2>
        <p className="mb-3">
          {/* A plain link: Next's <Link> prefetches route handlers, which would export (and audit) unasked. */}
          <a href={`/beheer/monitor/export?${monitorZoekstring(k, filter)}`} className="knop-secundair" download>
            Exporteren als CSV
          </a>
        </p>
        <Tabelgebied label="Monitor per gemeente, horizontaal te scrollen">
          <table className="tabel">
            <caption className="mb-2 text-left">
              {getal(rijen.length)} van {aantal(monitor.rijen.length, "rij", "rijen")}. Klik op een kolomkop om te
              sorteren.
            </caption>
            <thead>
              <tr>
                {KOLOMMEN.map((c) => {
                  const actief = sorteer === c.veld;
                  const aflopend = actief && filter.aflopend;
                  return (
                    <th
                      key={c.veld}
                      scope="col"
                      aria-sort={actief ? (aflopend ? "descending" : "ascending") : undefined}
                      className={c.getal ? "text-right" : ""}
                    >
                      <Link
                        href={`/beheer/monitor?${monitorZoekstring(k, filter, { sorteer: c.veld, richting: actief && !aflopend ? "af" : undefined })}`}
                      >
                        {c.kop}
                        {actief && <span aria-hidden="true">{aflopend ? " ▼" : " ▲"}</span>}
                      </Link>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {rijen.map((r) => (
                <tr key={`${r.gemeentecode}-${r.berichtgever?.id ?? "geen"}`}>
                  <td>{r.gemeentecode}</td>
                  <td>
                    {r.gemeentenaam}
                    {r.provincie && <span className="block text-sm text-grijs-5">{r.provincie}</span>}
                  </td>
                  <td>
                    {r.berichtgever ? (
                      <Link href={`/beheer/berichtgevers/${r.berichtgever.code}`}>
                        {r.berichtgever.code} {r.berichtgever.naam}
                      </Link>
                    ) : (
                      <span className="font-semibold text-rood">Geen berichtgever</span>
                    )}
                    {r.berichtgever && !r.berichtgever.actief && <span className="block text-sm">(gedeactiveerd)</span>}
                  </td>
                  <td>
                    <StatusLabel status={r.status} teLaat={r.teLaat} />
                  </td>
                  <td>
                    {r.ontvangenOp && r.leveringId && r.berichtgever ? (
                      <Link href={`/berichtgever/${r.berichtgever.code}/leveringen/${r.leveringId}`}>
                        {moment(r.ontvangenOp)}
                        {r.geldend && <span className="sr-only"> (geldende levering)</span>}
                      </Link>
                    ) : (
                      "—"
                    )}
                    {r.geldend && (
                      <span className="block text-sm text-groen" aria-hidden="true">
                        ★ geldt
                      </span>
                    )}
                  </td>
                  <td className="text-right">{r.aantalPersonen ?? "—"}</td>
                  <td className="text-right">{verschil(r)}</td>
                  <td className="text-right">{r.aantalSignalen ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Tabelgebied>
      </section>
    </div>
  );
}
