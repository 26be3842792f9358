"use client";

import { createContext, useActionState, useContext, useEffect, useRef } from "react";
import { ErrorSummary } from "@/app/components/ErrorSummary";
import type { ActieToestand, FormulierActie } from "@/lib/acties/formulier";

/**
 * A staff form on a server action made with cbsActie: GOV.UK-style error summary and field
 * errors, the entered values kept on an error, a status message on success. Fields read the
 * form's state through context, so a page can lay them out freely.
 */

interface FormulierContext {
  toestand: ActieToestand;
  /** The element id of a field: unique on the page even when one form repeats per table row. */
  idVan(naam: string): string;
}

const Context = createContext<FormulierContext>({ toestand: { status: "leeg" }, idVan: (n) => n });

export function Formulier<G>({
  actie,
  knop,
  children,
  verborgen = {},
  voorvoegsel,
  knopStijl = "knop",
  naSucces,
  className = "max-w-2xl",
}: {
  actie: FormulierActie<G>;
  knop: React.ReactNode;
  children?: React.ReactNode;
  /** Hidden fields (ids of what the form is about). */
  verborgen?: Record<string, string>;
  /** Makes field ids unique when the same form appears more than once on a page. */
  voorvoegsel?: string;
  knopStijl?: "knop" | "knop-secundair";
  /** Rendered under the form after success, with the returned data (a preview). */
  naSucces?: (gegevens: G) => React.ReactNode;
  className?: string;
}) {
  const [toestand, verstuur, bezig] = useActionState(actie, { status: "leeg" } as ActieToestand<G>);
  const idVan = (naam: string) => (voorvoegsel ? `${voorvoegsel}-${naam}` : naam);
  const melding = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (toestand.status === "ok") melding.current?.focus();
  }, [toestand]);
  const formulierId = idVan("formulier");
  const fouten =
    toestand.status === "fout"
      ? toestand.fouten.map((f) => ({ veld: f.veld === "formulier" ? formulierId : idVan(f.veld), bericht: f.bericht }))
      : [];
  return (
    <Context.Provider value={{ toestand, idVan }}>
      <form action={verstuur} noValidate className={className} id={formulierId}>
        <ErrorSummary fouten={fouten} />
        {toestand.status === "ok" && (
          <p
            ref={melding}
            tabIndex={-1}
            role="status"
            className="mb-4 border-l-8 border-groen bg-grijs-1 p-3 font-semibold"
          >
            {toestand.melding}
          </p>
        )}
        {Object.entries(verborgen).map(([naam, waarde]) => (
          <input key={naam} type="hidden" name={naam} value={waarde} />
        ))}
        {children}
        <button type="submit" className={knopStijl} disabled={bezig}>
          {bezig ? "Bezig…" : knop}
        </button>
      </form>
      {toestand.status === "ok" && toestand.gegevens !== undefined && naSucces?.(toestand.gegevens as G)}
    </Context.Provider>
  );
}

function useVeld(naam: string, standaard?: string) {
  const { toestand, idVan } = useContext(Context);
  const fout = toestand.status === "fout" ? toestand.fouten.find((f) => f.veld === naam)?.bericht : undefined;
  const waarden =
    toestand.status === "fout" ? toestand.waarden : toestand.status === "ok" ? toestand.waarden : undefined;
  return { id: idVan(naam), fout, waarde: waarden?.[naam] ?? standaard, sleutel: toestand };
}

function Label({ id, label, hint, fout }: { id: string; label: string; hint?: React.ReactNode; fout?: string }) {
  return (
    <>
      <label htmlFor={id} className="mb-1 block text-lg font-semibold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="mb-2 text-grijs-5">
          {hint}
        </p>
      )}
      {fout && (
        <p id={`${id}-fout`} className="mb-2 font-semibold text-rood">
          <span className="sr-only">Fout: </span>
          {fout}
        </p>
      )}
    </>
  );
}

function beschrijving(id: string, hint: unknown, fout: unknown): string | undefined {
  return [hint ? `${id}-hint` : null, fout ? `${id}-fout` : null].filter(Boolean).join(" ") || undefined;
}

export function Tekstveld({
  naam,
  label,
  hint,
  standaard,
  type = "text",
  autoComplete = "off",
  breedte = "max-w-md",
  inputMode,
}: {
  naam: string;
  label: string;
  hint?: React.ReactNode;
  standaard?: string;
  type?: "text" | "email" | "tel" | "number" | "date";
  autoComplete?: string;
  breedte?: string;
  inputMode?: "numeric" | "text" | "email" | "tel";
}) {
  const { id, fout, waarde, sleutel } = useVeld(naam, standaard);
  return (
    <div className="mb-5">
      <Label id={id} label={label} hint={hint} fout={fout} />
      <input
        // A new key after each answer makes the field take the kept (or reset) value.
        key={JSON.stringify(sleutel.status) + (waarde ?? "")}
        id={id}
        name={naam}
        type={type}
        inputMode={inputMode}
        autoComplete={autoComplete}
        spellCheck={false}
        defaultValue={waarde}
        aria-describedby={beschrijving(id, hint, fout)}
        aria-invalid={fout ? true : undefined}
        className={`invoer ${breedte} ${fout ? "invoer-fout" : ""}`}
      />
    </div>
  );
}

export function Tekstvak({
  naam,
  label,
  hint,
  standaard,
  rijen = 6,
}: {
  naam: string;
  label: string;
  hint?: React.ReactNode;
  standaard?: string;
  rijen?: number;
}) {
  const { id, fout, waarde, sleutel } = useVeld(naam, standaard);
  return (
    <div className="mb-5">
      <Label id={id} label={label} hint={hint} fout={fout} />
      <textarea
        key={JSON.stringify(sleutel.status) + (waarde ?? "")}
        id={id}
        name={naam}
        rows={rijen}
        defaultValue={waarde}
        aria-describedby={beschrijving(id, hint, fout)}
        aria-invalid={fout ? true : undefined}
        className={`invoer max-w-2xl ${fout ? "invoer-fout" : ""}`}
      />
    </div>
  );
}

export function Bestandsveld({
  naam,
  label,
  hint,
  accept,
}: {
  naam: string;
  label: string;
  hint?: React.ReactNode;
  accept?: string;
}) {
  const { id, fout } = useVeld(naam);
  return (
    <div className="mb-5">
      <Label id={id} label={label} hint={hint} fout={fout} />
      <input
        id={id}
        name={naam}
        type="file"
        accept={accept}
        aria-describedby={beschrijving(id, hint, fout)}
        aria-invalid={fout ? true : undefined}
        className={`block ${fout ? "border-2 border-rood" : ""}`}
      />
    </div>
  );
}

export function Keuzeveld({
  naam,
  label,
  hint,
  opties,
  standaard,
}: {
  naam: string;
  label: string;
  hint?: React.ReactNode;
  opties: { waarde: string; tekst: string }[];
  standaard?: string;
}) {
  const { id, fout, waarde, sleutel } = useVeld(naam, standaard);
  return (
    <div className="mb-5">
      <Label id={id} label={label} hint={hint} fout={fout} />
      <select
        key={JSON.stringify(sleutel.status) + (waarde ?? "")}
        id={id}
        name={naam}
        defaultValue={waarde}
        aria-describedby={beschrijving(id, hint, fout)}
        aria-invalid={fout ? true : undefined}
        className={`invoer max-w-md ${fout ? "invoer-fout" : ""}`}
      >
        {opties.map((o) => (
          <option key={o.waarde} value={o.waarde}>
            {o.tekst}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Vinkje({
  naam,
  label,
  hint,
  standaard = false,
}: {
  naam: string;
  label: string;
  hint?: React.ReactNode;
  /** Checked before anything was entered (the stored setting). */
  standaard?: boolean;
}) {
  const { id, fout, waarde, sleutel } = useVeld(naam);
  return (
    <div className="mb-5">
      {fout && (
        <p id={`${id}-fout`} className="mb-2 font-semibold text-rood">
          <span className="sr-only">Fout: </span>
          {fout}
        </p>
      )}
      <div className="flex items-start gap-3">
        <input
          key={JSON.stringify(sleutel.status)}
          id={id}
          name={naam}
          type="checkbox"
          defaultChecked={waarde === undefined ? standaard : waarde === "on"}
          aria-describedby={beschrijving(id, hint, fout)}
          className="mt-1 h-6 w-6"
        />
        <div>
          <label htmlFor={id} className="font-semibold">
            {label}
          </label>
          {hint && (
            <p id={`${id}-hint`} className="text-grijs-5">
              {hint}
            </p>
          )}
        </div>
      </div>
    </div>
  );
}

/** A group of checkboxes sharing one name (several values). */
export function Vinkjes({
  naam,
  legenda,
  hint,
  opties,
  gekozen = [],
}: {
  naam: string;
  legenda: string;
  hint?: React.ReactNode;
  opties: { waarde: string; tekst: string; toelichting?: string }[];
  gekozen?: string[];
}) {
  const { toestand, idVan } = useContext(Context);
  const id = idVan(naam);
  const fout = toestand.status === "fout" ? toestand.fouten.find((f) => f.veld === naam)?.bericht : undefined;
  return (
    <fieldset className="mb-5" aria-describedby={beschrijving(id, hint, fout)}>
      <legend className="mb-1 text-lg font-semibold">{legenda}</legend>
      {hint && (
        <p id={`${id}-hint`} className="mb-2 text-grijs-5">
          {hint}
        </p>
      )}
      {fout && (
        <p id={`${id}-fout`} className="mb-2 font-semibold text-rood">
          <span className="sr-only">Fout: </span>
          {fout}
        </p>
      )}
      {/* The error summary links to the first box. */}
      <div id={id} tabIndex={-1}>
        {opties.map((o, i) => (
          <div key={o.waarde} className="mb-1 flex items-start gap-3">
            <input
              id={`${id}-${i}`}
              name={naam}
              type="checkbox"
              value={o.waarde}
              defaultChecked={gekozen.includes(o.waarde)}
              className="mt-1 h-5 w-5"
            />
            <label htmlFor={`${id}-${i}`}>
              {o.tekst}
              {o.toelichting && <span className="block text-sm text-grijs-5">{o.toelichting}</span>}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
