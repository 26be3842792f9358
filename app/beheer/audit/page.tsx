import Link from "next/link";
import { vereisCbs } from "@/lib/auth/actor";
import {
  auditFilterSchema,
  bekendeActies,
  leesbareDetails,
  zoekAuditLog,
  type AuditFilter,
} from "@/lib/beheer/auditlog";
import { ErrorSummary } from "@/app/components/ErrorSummary";
import { BeheerKop } from "@/app/components/Kop";
import { moment } from "@/lib/swi/opmaak";
import { Tabel } from "@/app/components/Tabel";

export const metadata = { title: "Auditlog" };

const VELDEN = ["email", "actie", "berichtgever", "van", "tot"] as const;

function zoekstring(f: Record<string, string | undefined>, extra: Record<string, string> = {}): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, ...extra })) if (v) s.set(k, v);
  return s.toString();
}

export default async function Auditlog({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await vereisCbs();
  const p = await searchParams;
  const ruw = Object.fromEntries(VELDEN.map((v) => [v, typeof p[v] === "string" ? (p[v] as string) : undefined]));
  const parsed = auditFilterSchema.safeParse(ruw);
  const fouten = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ veld: String(i.path[0] ?? "email"), bericht: i.message }));
  const filter: AuditFilter = parsed.success ? parsed.data : {};
  const [{ rijen, volgende }, acties] = await Promise.all([
    parsed.success
      ? zoekAuditLog(actor, filter, { voor: typeof p.voor === "string" ? p.voor : undefined })
      : { rijen: [], volgende: null },
    bekendeActies(actor),
  ]);
  const foutVan = (v: string) => fouten.find((f) => f.veld === v)?.bericht;

  return (
    <div>
      <BeheerKop titel="Auditlog" />
      <p className="mb-6 max-w-3xl">
        Elke aanmelding, elke download van persoonsgegevens en elke wijziging aan berichtgevers, gemeenten,
        contactpersonen en tokens: wie, wat, wanneer en vanaf welk adres. Het auditlog kan door niemand worden gewijzigd
        of verwijderd.
      </p>
      <ErrorSummary fouten={fouten} />
      <form
        method="get"
        className="mb-6 grid max-w-4xl gap-4 sm:grid-cols-3"
        role="search"
        aria-label="Auditlog doorzoeken"
      >
        {(
          [
            ["email", "E-mailadres (of deel ervan)", "text"],
            ["berichtgever", "Berichtgevercode", "text"],
            ["van", "Vanaf datum", "date"],
            ["tot", "Tot en met datum", "date"],
          ] as const
        ).map(([naam, label, type]) => (
          <div key={naam}>
            <label htmlFor={naam} className="mb-1 block font-semibold">
              {label}
            </label>
            {foutVan(naam) && (
              <p id={`${naam}-fout`} className="mb-1 font-semibold text-rood">
                <span className="sr-only">Fout: </span>
                {foutVan(naam)}
              </p>
            )}
            <input
              id={naam}
              name={naam}
              type={type}
              defaultValue={ruw[naam] ?? ""}
              aria-invalid={foutVan(naam) ? true : undefined}
              aria-describedby={foutVan(naam) ? `${naam}-fout` : undefined}
              className={`invoer ${foutVan(naam) ? "invoer-fout" : ""}`}
            />
          </div>
        ))}
        <div>
          <label htmlFor="actie" className="mb-1 block font-semibold">
            Actie
          </label>
          <select id="actie" name="actie" defaultValue={ruw.actie ?? ""} className="invoer">
            <option value="">Alle</option>
            {[...new Set(acties.map((a) => a.split(".")[0]!))]
              .filter((fam) => !acties.includes(fam))
              .map((fam) => (
                <option key={`${fam}.*`} value={fam}>
                  {fam}.* (alle)
                </option>
              ))}
            {acties.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-end gap-3">
          <button type="submit" className="knop">
            Zoeken
          </button>
          <Link href="/beheer/audit">Wissen</Link>
        </div>
      </form>
      <p className="mb-4">
        {/* A plain link: Next's <Link> prefetches route handlers, which would export (and audit) unasked. */}
        <a href={`/beheer/audit/export?${zoekstring(ruw)}`} className="knop-secundair" download>
          Exporteren als CSV
        </a>
      </p>
      <Tabel
        bijschrift={<>Nieuwste eerst{rijen.length === 0 ? ": niets gevonden" : ""}</>}
        label="Auditlog"
        zichtbaar="mb-2 text-left"
        className="text-sm"
        rijen={rijen}
        sleutel={(r) => r.id}
        kolommen={[
          { kop: "Tijdstip", cel: (r) => moment(r.tijdstip), className: "whitespace-nowrap" },
          {
            kop: "Wie",
            cel: (r) => (
              <>
                {r.actorEmail ?? (r.actorRol ? "—" : "systeem")}
                {r.actorRol && <span className="block text-grijs-5">{r.actorRol}</span>}
              </>
            ),
          },
          { kop: "Actie", cel: (r) => r.actie },
          { kop: "Berichtgever", cel: (r) => r.berichtgever ?? "—" },
          {
            kop: "Waarop",
            cel: (r) => <>{r.doelType ? `${r.doelType} ${r.doelId ?? ""}` : "—"}</>,
            className: "break-all",
          },
          {
            kop: "Vanaf",
            cel: (r) => (
              <>
                {r.ip ?? "—"}
                {r.userAgent && (
                  <span className="block max-w-[14rem] truncate text-grijs-5" title={r.userAgent}>
                    {r.userAgent}
                  </span>
                )}
              </>
            ),
          },
          {
            kop: "Details",
            cel: (r) => (
              <ul className="text-sm">
                {leesbareDetails(r.details).map(([naam, waarde]) => (
                  <li key={naam}>
                    <span className="font-semibold">{naam || "waarde"}</span>: {waarde}
                  </li>
                ))}
              </ul>
            ),
            className: "max-w-md break-words",
          },
        ]}
      />
      {volgende && (
        <p className="mt-4">
          <Link href={`/beheer/audit?${zoekstring(ruw, { voor: volgende })}`}>Oudere regels</Link>
        </p>
      )}
    </div>
  );
}
