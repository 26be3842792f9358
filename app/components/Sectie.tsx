/**
 * A titled part of a page, labelled by its heading for screen readers, and the definition list
 * every page uses for "label: value" details (stacked on a phone, two columns from `sm`).
 */
export function Sectie({
  id,
  titel,
  children,
  className = "mb-10",
}: {
  id: string;
  titel: React.ReactNode;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <section aria-labelledby={`${id}-titel`} className={className}>
      <h2 id={`${id}-titel`} className="mb-3 text-2xl font-semibold">
        {titel}
      </h2>
      {children}
    </section>
  );
}

const LABELBREEDTE = {
  "10rem": "sm:grid-cols-[10rem_1fr]",
  "12rem": "sm:grid-cols-[12rem_1fr]",
  "14rem": "sm:grid-cols-[14rem_1fr]",
} as const;

/** A row is `[label, value]`; `null` or `false` leaves it out (a detail that does not apply). */
export type GegevensRij = readonly [string, React.ReactNode] | null | false;

export function Gegevenslijst({
  rijen,
  labelBreedte = "14rem",
  className = "mb-4 max-w-2xl",
}: {
  rijen: readonly GegevensRij[];
  labelBreedte?: keyof typeof LABELBREEDTE;
  className?: string;
}) {
  return (
    <dl className={`grid grid-cols-1 gap-y-1 ${LABELBREEDTE[labelBreedte]} ${className}`}>
      {rijen.map((rij) =>
        rij ? (
          <div key={rij[0]} className="contents">
            <dt className="font-semibold">{rij[0]}</dt>
            <dd className="break-words">{rij[1]}</dd>
          </div>
        ) : null,
      )}
    </dl>
  );
}
