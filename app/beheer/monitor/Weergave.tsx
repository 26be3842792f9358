import type { MonitorFilterStatus, MonitorStatus } from "@/lib/beheer/monitor";
import { MONITOR_STATUS_TEKST } from "@/lib/beheer/monitor";
import { Tabelgebied } from "@/app/components/Tabelgebied";
import { getal } from "@/lib/swi/opmaak";

/**
 * Status shown as words with a colour beside them (never colour alone), and the country's state
 * per provincie as stacked bars whose numbers are also written out.
 */

const KLEUR: Record<MonitorStatus, string> = {
  ontbreekt: "bg-rood",
  afgekeurd: "bg-oranje",
  geleverd: "bg-hemel",
  verwerkt: "bg-groen",
  signaleringslijst: "bg-lint",
};

const VOLGORDE: MonitorStatus[] = ["verwerkt", "signaleringslijst", "geleverd", "afgekeurd", "ontbreekt"];

export function StatusLabel({ status, teLaat }: { status: MonitorStatus; teLaat: boolean }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span aria-hidden="true" className={`inline-block h-3 w-3 ${KLEUR[status]}`} />
      <span>{MONITOR_STATUS_TEKST[status]}</span>
      {teLaat && <strong className="border border-rood px-1 text-sm text-rood">te laat</strong>}
    </span>
  );
}

export function Landkaart({
  totalen,
  provincies,
}: {
  totalen: Record<MonitorFilterStatus, number>;
  provincies: (Record<MonitorStatus, number> & { provincie: string; totaal: number; teLaat: number })[];
}) {
  return (
    <div>
      <ul className="mb-4 flex flex-wrap gap-x-6 gap-y-2" aria-label="Totalen">
        {VOLGORDE.map((s) => (
          <li key={s} className="flex items-center gap-2">
            <span aria-hidden="true" className={`inline-block h-4 w-4 ${KLEUR[s]}`} />
            {MONITOR_STATUS_TEKST[s]}: <strong>{totalen[s]}</strong>
          </li>
        ))}
        <li>
          Te laat: <strong>{totalen["te-laat"]}</strong>
        </li>
      </ul>
      <Tabelgebied label="Stand van de levering per provincie, horizontaal te scrollen">
        <table className="tabel">
          <caption className="sr-only">Stand van de levering per provincie</caption>
          <thead>
            <tr>
              <th scope="col">Provincie</th>
              <th scope="col" className="w-1/2">
                Verdeling
              </th>
              <th scope="col">Aantallen</th>
            </tr>
          </thead>
          <tbody>
            {provincies.map((p) => (
              <tr key={p.provincie}>
                <th scope="row" className="font-normal">
                  {p.provincie}
                </th>
                <td>
                  <div className="flex h-5 w-full border border-grijs-5" aria-hidden="true">
                    {VOLGORDE.map((s) =>
                      p[s] ? (
                        <div key={s} className={KLEUR[s]} style={{ width: `${(100 * p[s]) / p.totaal}%` }} />
                      ) : null,
                    )}
                  </div>
                </td>
                <td className="text-sm">
                  {VOLGORDE.filter((s) => p[s] > 0)
                    .map((s) => `${MONITOR_STATUS_TEKST[s].toLowerCase()} ${p[s]}`)
                    .join(", ")}
                  {p.teLaat > 0 && `; te laat ${getal(p.teLaat)}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Tabelgebied>
    </div>
  );
}
