"use client";

import { useActionState, useEffect, useRef } from "react";
import { ErrorSummary } from "@/app/components/ErrorSummary";
import type { ActieToestand, FormulierActie } from "@/lib/acties/formulier";
import type { NieuweToken } from "@/lib/api-tokens/acties";

export function MaakTokenFormulier({ actie, code }: { actie: FormulierActie<NieuweToken>; code: string }) {
  const [toestand, verstuur, bezig] = useActionState(actie, { status: "leeg" } as ActieToestand<NieuweToken>);
  const nieuw = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (toestand.status === "ok") nieuw.current?.focus();
  }, [toestand]);
  const fout = toestand.status === "fout" ? (toestand.fouten[0]?.bericht ?? null) : null;
  const gemaakt = toestand.status === "ok" ? toestand.gegevens : undefined;

  return (
    <div>
      {gemaakt && (
        <div
          ref={nieuw}
          tabIndex={-1}
          role="status"
          aria-labelledby="nieuwe-token-titel"
          className="mb-8 max-w-3xl border-l-8 border-groen bg-grijs-1 p-4"
        >
          <h3 id="nieuwe-token-titel" className="mb-2 text-xl font-semibold">
            Token &quot;{gemaakt.naam}&quot; is aangemaakt
          </h3>
          <p className="mb-3">
            Kopieer de token nu en geef hem veilig door aan uw softwareleverancier.{" "}
            <strong>U ziet hem maar één keer</strong>: het portaal bewaart hem niet, alleen een controlewaarde. Kwijt?
            Trek de token in en maak een nieuwe.
          </p>
          <label htmlFor="nieuwe-token" className="mb-1 block font-semibold">
            Uw nieuwe token
          </label>
          <input
            id="nieuwe-token"
            readOnly
            value={gemaakt.token}
            spellCheck={false}
            autoComplete="off"
            className="invoer max-w-none font-mono"
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      )}

      <form action={verstuur} noValidate className="max-w-md">
        <input type="hidden" name="code" value={code} />
        <ErrorSummary fouten={fout ? [{ veld: "token-naam", bericht: fout }] : []} />
        <div className="mb-4">
          <label htmlFor="token-naam" className="mb-1 block text-lg font-semibold">
            Naam van de token
          </label>
          <p id="token-naam-hint" className="mb-2 text-grijs-5">
            Waar de token voor is, bijvoorbeeld de naam van uw softwareleverancier.
          </p>
          {fout && (
            <p id="token-naam-fout" className="mb-2 font-semibold text-rood">
              <span className="sr-only">Fout: </span>
              {fout}
            </p>
          )}
          <input
            id="token-naam"
            name="naam"
            type="text"
            maxLength={100}
            defaultValue={toestand.status === "fout" ? toestand.waarden.naam : ""}
            key={gemaakt ? gemaakt.prefix : "formulier"}
            aria-describedby={fout ? "token-naam-hint token-naam-fout" : "token-naam-hint"}
            aria-invalid={fout ? true : undefined}
            className={`invoer ${fout ? "invoer-fout" : ""}`}
          />
        </div>
        <button type="submit" className="knop" disabled={bezig}>
          {bezig ? "Bezig…" : "Token aanmaken"}
        </button>
      </form>
    </div>
  );
}
