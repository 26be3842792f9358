import Link from "next/link";
import { headers } from "next/headers";
import { z } from "zod";
import { heeftRecht, vereisActor } from "@/lib/auth/actor";
import { isPrefetch } from "@/lib/prefetch";
import { foutenPagina, leveringVoorActor, type LeveringKort, type TijdlijnItem } from "@/lib/leveringen/data";
import { grootteTekst, kwartaalTekst } from "@/lib/leveringen/weergave";
import { LiveStatus } from "../LiveStatus";
import { GeldtLabel, ProefLabel, StatusLabel } from "../StatusLabel";
import { Tabelgebied } from "@/app/components/Tabelgebied";
import { voorPagina } from "@/lib/http/pagina";
import { moment, aantal, getal } from "@/lib/swi/opmaak";
import { Gegevenslijst } from "@/app/components/Sectie";
import { Formulier } from "@/app/components/Formulier";
import { magVrijgeven, PROEF_BEWAARDAGEN, PROEF_TEKST, proefVerlooptOp } from "@/lib/leveringen/vrijgave";
import { geefVrijActie } from "@/lib/leveringen/vrijgave-acties";

export const metadata = { title: "Levering" };

const paginaSchema = z.coerce.number().int().min(1).catch(1);

export default async function LeveringDetailPagina({
  params,
  searchParams,
}: {
  params: Promise<{ code: string; id: string }>;
  searchParams: Promise<{ pagina?: string; toon?: string; vrijgegeven?: string }>;
}) {
  const { code, id } = await params;
  const zoek = await searchParams;
  const pagina = paginaSchema.parse(zoek.pagina);
  // Only the person's own request shows (and audits) the BSNs, never a prefetch of this page.
  const toonBsns = zoek.toon === "bsn" && !isPrefetch(await headers());
  const actor = await vereisActor();
  const [l, fouten] = await voorPagina(() =>
    Promise.all([leveringVoorActor(actor, id, code), foutenPagina(actor, id, pagina, { code, toonBsns })]),
  );
  const basis = `/berichtgever/${l.berichtgever.code}`;
  const pad = `${basis}/leveringen/${l.id}`;
  const magDownloaden = heeftRecht(actor, "persoonsgegevensDownloaden");

  return (
    <div>
      <nav aria-label="Kruimelpad" className="mb-4 text-sm">
        <Link href={basis}>{l.berichtgever.naam}</Link> <span aria-hidden="true">›</span>{" "}
        <Link href={`${basis}/leveringen${l.statistiekjaar ? `?jaar=${l.statistiekjaar}` : ""}`}>Leveringen</Link>{" "}
        <span aria-hidden="true">›</span> {l.bestandsnaam}
      </nav>
      <p className="text-grijs-5">Levering</p>
      <h1 className="mb-3 break-all text-3xl font-bold">{l.bestandsnaam}</h1>
      <p className="mb-4" data-testid="levering-status">
        Status: <StatusLabel status={l.status} />
        {l.geldend?.id === l.id && <GeldtLabel />}
        <ProefLabel proef={l.proef} />
      </p>
      {l.geldend && l.geldend.id !== l.id && (
        <p className="mb-4 max-w-3xl border-l-4 border-groen bg-grijs-1 p-3" data-testid="geldend-elders">
          Voor {l.gemeentenaam ?? `gemeente ${l.gemeentecode}`}, {kwartaalTekst(l.statistiekjaar, l.statistiekkwartaal)}{" "}
          geldt de levering <Link href={`${basis}/leveringen/${l.geldend.id}`}>{l.geldend.bestandsnaam}</Link>,
          ontvangen {moment(l.geldend.ontvangenOp)}.
        </p>
      )}
      {l.proef ? (
        <section
          aria-labelledby="proef-titel"
          className="mb-6 max-w-3xl border-l-4 border-hemel-donker bg-grijs-1 p-3"
          data-testid="proef"
        >
          <h2 id="proef-titel" className="mb-2 text-xl font-semibold">
            {PROEF_TEKST[l.proef]}
          </h2>
          <p className="mb-3">
            Dit bestand is {l.status === "VERWERKT" ? "gecontroleerd" : "ontvangen"} maar telt niet als levering: het
            CBS ziet het niet en het wordt op {moment(proefVerlooptOp(l.ontvangenOp))} verwijderd ({PROEF_BEWAARDAGEN}{" "}
            dagen na ontvangst), tenzij de contactpersoon het vrijgeeft. Bij vrijgeven geldt het moment van vrijgeven
            als ontvangstdatum (ook voor de controle op te laat leveren) en wordt het bestand opnieuw gecontroleerd.
          </p>
          {magVrijgeven(actor, l) ? (
            <Formulier actie={geefVrijActie} knop="Vrijgeven als levering" verborgen={{ code, leveringId: l.id }} />
          ) : l.status === "VERWERKT" && !heeftRecht(actor, "vrijgeven") ? (
            <p className="text-grijs-5">Alleen de contactpersoon kan dit bestand vrijgeven als levering.</p>
          ) : null}
        </section>
      ) : null}
      {zoek.vrijgegeven && l.vrijgegevenOp ? (
        <p className="mb-4 max-w-3xl border-l-8 border-groen bg-grijs-1 p-3 font-semibold" role="status">
          Vrijgegeven als levering op {moment(l.vrijgegevenOp)}. Het bestand wordt nu gecontroleerd met die datum als
          ontvangstdatum.
        </p>
      ) : null}
      <LiveStatus leveringen={[{ id: l.id, bestandsnaam: l.bestandsnaam, status: l.status }]} />

      {l.vervangenDoor ? (
        <p className="mb-6 max-w-3xl border-l-4 border-hemel-donker bg-grijs-1 p-3" data-testid="vervangen-door">
          Deze levering is vervangen door een latere levering voor hetzelfde kwartaal:{" "}
          <Link href={`${basis}/leveringen/${l.vervangenDoor.id}`}>{l.vervangenDoor.bestandsnaam}</Link>, ontvangen{" "}
          {moment(l.vervangenDoor.ontvangenOp)}.
        </p>
      ) : null}

      <section aria-labelledby="verloop-titel" className="mb-8">
        <h2 id="verloop-titel" className="mb-3 text-2xl font-semibold">
          Verloop
        </h2>
        <Tijdlijn stappen={l.tijdlijn} />
        {l.verwerkingsfout ? (
          <p className="mt-3 max-w-3xl border-l-4 border-rood p-3">
            <strong>Verwerkingsfout (alleen zichtbaar voor het CBS):</strong> {l.verwerkingsfout}
          </p>
        ) : null}
      </section>

      {l.status === "AFGEKEURD" || fouten.aantalOpgeslagen > 0 ? (
        <section aria-labelledby="fouten-titel" className="mb-8">
          <h2 id="fouten-titel" className="mb-3 text-2xl font-semibold">
            Fouten in de technische controle
          </h2>
          <p className="mb-3 max-w-3xl">
            Het bestand is afgekeurd en niet verwerkt. Herstel de fouten en lever het bestand opnieuw aan.{" "}
            {fouten.aantalFouten > fouten.aantalOpgeslagen
              ? `Er zijn ${getal(fouten.aantalFouten)} fouten gevonden; de eerste ${getal(fouten.aantalOpgeslagen)} staan hieronder.`
              : `Er ${fouten.aantalFouten === 1 ? "is" : "zijn"} ${aantal(fouten.aantalFouten, "fout", "fouten")} gevonden.`}
          </p>
          <p className="mb-4 flex flex-wrap gap-4">
            <Link href={`${basis}/leveringen/nieuw`} className="knop">
              Hersteld bestand uploaden
            </Link>
            {magDownloaden && fouten.aantalOpgeslagen > 0 ? (
              <a href={`${pad}/fouten.csv`} className="knop-secundair" download>
                Alle fouten downloaden (CSV)
              </a>
            ) : null}
          </p>
          {!magDownloaden && fouten.aantalOpgeslagen > 0 ? (
            <p className="mb-4 max-w-3xl text-grijs-5">
              De foutmeldingen kunnen BSN&apos;s bevatten; die zijn hier verborgen. Alleen de contactpersoon kan ze zien
              en als bestand downloaden.
            </p>
          ) : null}
          {magDownloaden && fouten.bsnsVerborgen ? (
            <form method="get" action={`${pad}#fouten-titel`} className="mb-4 max-w-3xl" data-testid="toon-bsns">
              <p className="mb-2 text-grijs-5">
                De BSN&apos;s in de meldingen zijn verborgen. Als u ze toont, wordt dat vastgelegd, zoals een download.
              </p>
              <input type="hidden" name="pagina" value={fouten.pagina} />
              <input type="hidden" name="toon" value="bsn" />
              <button type="submit" className="knop-secundair">
                Toon de BSN&apos;s in de meldingen
              </button>
            </form>
          ) : null}
          {fouten.bsnsGetoond ? (
            <p className="mb-4 max-w-3xl text-grijs-5" data-testid="bsns-getoond">
              De BSN&apos;s worden getoond; dat is vastgelegd in het auditlog.{" "}
              <Link href={`${pad}?pagina=${fouten.pagina}#fouten-titel`} prefetch={false}>
                Verberg ze weer
              </Link>
            </p>
          ) : null}
          {fouten.fouten.length > 0 ? (
            <>
              <Tabelgebied label="Fouten, horizontaal te scrollen">
                <table className="tabel" data-testid="fouten">
                  <caption className="mb-2 text-left">
                    Fouten {(fouten.pagina - 1) * fouten.perPagina + 1} tot en met{" "}
                    {getal((fouten.pagina - 1) * fouten.perPagina + fouten.fouten.length)} van{" "}
                    {getal(fouten.aantalOpgeslagen)}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Nr.</th>
                      <th scope="col">Regelnummer</th>
                      <th scope="col">Kenmerk</th>
                      <th scope="col">Controle</th>
                      <th scope="col">Melding</th>
                    </tr>
                  </thead>
                  <tbody>
                    {fouten.fouten.map((f) => (
                      <tr key={f.volgnummer}>
                        <td>{f.volgnummer}</td>
                        <td>{f.regelnummer ?? "—"}</td>
                        <td>{f.kenmerk ?? "—"}</td>
                        <td>{f.regel}</td>
                        <td className="break-words">{f.bericht}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </Tabelgebied>
              {fouten.aantalPaginas > 1 ? (
                <nav aria-label="Pagina's met fouten" className="mt-4 flex flex-wrap items-center gap-6">
                  {fouten.pagina > 1 ? (
                    <Link href={`${pad}?pagina=${fouten.pagina - 1}#fouten-titel`}>Vorige pagina</Link>
                  ) : null}
                  <span>
                    Pagina {fouten.pagina} van {fouten.aantalPaginas}
                  </span>
                  {fouten.pagina < fouten.aantalPaginas ? (
                    <Link href={`${pad}?pagina=${fouten.pagina + 1}#fouten-titel`}>Volgende pagina</Link>
                  ) : null}
                </nav>
              ) : null}
            </>
          ) : null}
        </section>
      ) : null}

      {l.heeftSpiegelrapport || l.signaleringslijst ? (
        <section aria-labelledby="terugkoppeling-titel" className="mb-8">
          <h2 id="terugkoppeling-titel" className="mb-3 text-2xl font-semibold">
            Terugkoppeling
          </h2>
          <ul className="list-disc space-y-1 pl-6">
            {l.heeftSpiegelrapport ? (
              <li>
                <Link href={`${pad}/spiegelrapport`}>Spiegelrapport</Link>: tellingen van deze levering naast die van
                eerdere kwartalen.
              </li>
            ) : null}
            {l.signaleringslijst ? (
              <li>
                <Link href={`${pad}/signaleringslijst`}>Signaleringslijst</Link>:{" "}
                {getal(l.signaleringslijst.aantalSignalen)}{" "}
                {l.signaleringslijst.aantalSignalen === 1 ? "signaal" : "signalen"} over personen, met BSN.
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="gegevens-titel" className="mb-8">
        <h2 id="gegevens-titel" className="mb-3 text-2xl font-semibold">
          Gegevens van de levering
        </h2>
        <Gegevenslijst
          className="max-w-3xl"
          rijen={[
            ["Berichtgever", `${l.berichtgever.code} · ${l.berichtgever.naam}`],
            [
              "Gemeente",
              l.gemeentecode ? `${l.gemeentecode}${l.gemeentenaam ? ` · ${l.gemeentenaam}` : ""}` : "onbekend",
            ],
            ["Kwartaal", kwartaalTekst(l.statistiekjaar, l.statistiekkwartaal)],
            [
              "Bestandsnaam",
              <span key="naam" className="break-all">
                {l.bestandsnaam}
              </span>,
            ],
            l.bronBestandsnaam
              ? [
                  "Aangeleverd in",
                  <span key="bron" className="break-all">
                    {l.bronBestandsnaam}
                  </span>,
                ]
              : null,
            ["Grootte", grootteTekst(l.grootte)],
            [
              "SHA-256",
              <code key="sha" className="break-all text-sm" data-testid="sha256">
                {l.sha256}
              </code>,
            ],
            ["Ontvangen op", moment(l.ontvangenOp)],
            ["Aangeleverd via", l.bron === "API" ? "de API (leverancierskoppeling)" : "het portaal"],
            l.geuploadDoor ? ["Geüpload door", l.geuploadDoor] : null,
            l.aantalPersonen !== null ? ["Aantal personen", getal(l.aantalPersonen)] : null,
            l.aantalSignalen !== null ? ["Aantal signalen", getal(l.aantalSignalen)] : null,
          ]}
        />
      </section>

      {l.vervangt.length > 0 ? (
        <section aria-labelledby="herlevering-titel" className="mb-8">
          <h2 id="herlevering-titel" className="mb-3 text-2xl font-semibold">
            Eerdere leveringen voor dit kwartaal
          </h2>
          <p className="mb-2">Deze levering vervangt:</p>
          <LeveringKortLijst leveringen={l.vervangt} basis={basis} />
        </section>
      ) : null}
    </div>
  );
}

const STAAT_TEKST: Record<TijdlijnItem["staat"], string> = { gedaan: "afgerond", bezig: "bezig", open: "nog niet" };

function Tijdlijn({ stappen }: { stappen: TijdlijnItem[] }) {
  return (
    <ol className="max-w-3xl border-l-4 border-grijs-2 pl-4" data-testid="tijdlijn">
      {stappen.map((s) => (
        <li
          key={s.stap}
          className={`mb-2 ${s.staat === "open" ? "text-grijs-5" : ""}`}
          data-stap={s.stap}
          data-staat={s.staat}
        >
          <span aria-hidden="true">{s.staat === "gedaan" ? "● " : s.staat === "bezig" ? "◐ " : "○ "}</span>
          <span className={s.staat === "open" ? "" : "font-semibold"}>{s.label}</span>
          <span className="sr-only"> ({STAAT_TEKST[s.staat]})</span>
          {s.moment ? <span> · {moment(s.moment)}</span> : s.staat === "bezig" ? <span> · bezig…</span> : null}
        </li>
      ))}
    </ol>
  );
}

function LeveringKortLijst({ leveringen, basis }: { leveringen: LeveringKort[]; basis: string }) {
  return (
    <ul className="space-y-1">
      {leveringen.map((v) => (
        <li key={v.id} className="flex flex-wrap items-center gap-x-3">
          <Link href={`${basis}/leveringen/${v.id}`} className="break-all">
            {v.bestandsnaam}
          </Link>
          <StatusLabel status={v.status} />
          <span className="text-sm text-grijs-5">ontvangen {moment(v.ontvangenOp)}</span>
        </li>
      ))}
    </ul>
  );
}
