import Link from "next/link";
import { apiTokensVanBerichtgever } from "@/lib/api-tokens/beheer";
import { vereisActor } from "@/lib/auth/actor";
import { maakTokenActie, trekTokenInActie } from "@/lib/api-tokens/acties";
import { Formulier } from "@/app/components/Formulier";
import { MaakTokenFormulier } from "./MaakTokenFormulier";
import { Tabelgebied } from "@/app/components/Tabelgebied";
import { voorPagina } from "@/lib/http/pagina";
import { momentLang } from "@/lib/swi/opmaak";

export const metadata = { title: "API-tokens" };

export default async function ApiTokens({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<{ intrekken?: string; ingetrokken?: string }>;
}) {
  const { code } = await params;
  const sp = await searchParams;
  const actor = await vereisActor();
  const gegevens = await voorPagina(() => apiTokensVanBerichtgever(actor, code));
  const { berichtgever, tokens } = gegevens;
  const teBevestigen = tokens.find((t) => t.id === sp.intrekken && !t.ingetrokkenOp);
  const ingetrokken = tokens.find((t) => t.id === sp.ingetrokken && t.ingetrokkenOp);
  const pagina = `/berichtgever/${berichtgever.code}/api-tokens`;

  return (
    <div>
      <p className="mb-4">
        <Link href={`/berichtgever/${berichtgever.code}`}>Terug naar {berichtgever.naam}</Link>
      </p>
      <p className="text-grijs-5">Berichtgever {berichtgever.code}</p>
      <h1 className="mb-4 text-3xl font-bold">API-tokens</h1>
      <p className="mb-4 max-w-3xl">
        Met een API-token kan de software van uw leverancier bestanden aanleveren en de uitkomst ophalen (status,
        spiegelrapport en signaleringslijst) namens {berichtgever.naam}, zonder dat iemand inlogt. Geef een token alleen
        aan uw softwareleverancier, en trek hem in zodra hij niet meer nodig is.
      </p>
      <p className="mb-8 max-w-3xl">
        De technische beschrijving van de API staat in <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>{" "}
        (OpenAPI).
      </p>

      {ingetrokken && (
        <div role="status" className="mb-6 max-w-3xl border-l-8 border-groen bg-grijs-1 p-4">
          Token &quot;{ingetrokken.naam}&quot; is ingetrokken. Software die hem nog gebruikt, krijgt geen toegang meer.
        </div>
      )}

      {teBevestigen && (
        <div role="alertdialog" aria-labelledby="bevestig-titel" className="mb-8 max-w-3xl border-4 border-oranje p-4">
          <h2 id="bevestig-titel" className="mb-2 text-xl font-semibold">
            Token &quot;{teBevestigen.naam}&quot; intrekken?
          </h2>
          <p className="mb-4">
            Software die deze token gebruikt ({teBevestigen.prefix}…), kan daarna niets meer aanleveren of ophalen. Dit
            is niet terug te draaien.
          </p>
          <div className="flex flex-wrap items-center gap-4">
            <Formulier
              actie={trekTokenInActie}
              knop="Ja, trek de token in"
              verborgen={{ code: berichtgever.code, tokenId: teBevestigen.id }}
              className=""
            />
            <Link href={pagina}>Nee, annuleren</Link>
          </div>
        </div>
      )}

      <section aria-labelledby="tokens-titel" className="mb-10">
        <h2 id="tokens-titel" className="mb-3 text-2xl font-semibold">
          Tokens
        </h2>
        {tokens.length === 0 ? (
          <p>Er zijn nog geen API-tokens.</p>
        ) : (
          <Tabelgebied label="API-tokens, horizontaal te scrollen">
            <table className="tabel">
              <caption className="sr-only">API-tokens van berichtgever {berichtgever.code}</caption>
              <thead>
                <tr>
                  <th scope="col">Naam</th>
                  <th scope="col">Begint met</th>
                  <th scope="col">Aangemaakt</th>
                  <th scope="col">Laatst gebruikt</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((t) => (
                  <tr key={t.id}>
                    <th scope="row" className="border-b border-grijs-2 font-normal">
                      {t.naam}
                    </th>
                    <td>
                      <code>{t.prefix}…</code>
                    </td>
                    <td>
                      {momentLang(t.aangemaaktOp)}
                      <br />
                      <span className="text-grijs-5">door {t.aangemaaktDoor}</span>
                    </td>
                    <td>{t.laatstGebruiktOp ? momentLang(t.laatstGebruiktOp) : "nog niet"}</td>
                    <td>
                      {t.ingetrokkenOp ? (
                        <>Ingetrokken op {momentLang(t.ingetrokkenOp)}</>
                      ) : (
                        <>
                          Actief
                          <br />
                          <Link href={`${pagina}?intrekken=${encodeURIComponent(t.id)}`}>
                            Intrekken<span className="sr-only"> van token {t.naam}</span>
                          </Link>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Tabelgebied>
        )}
      </section>

      <section aria-labelledby="nieuw-titel">
        <h2 id="nieuw-titel" className="mb-3 text-2xl font-semibold">
          Nieuwe token
        </h2>
        <MaakTokenFormulier actie={maakTokenActie} code={berichtgever.code} />
      </section>
    </div>
  );
}
