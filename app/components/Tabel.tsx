import type { ReactNode } from "react";
import { Tabelgebied } from "./Tabelgebied";

export interface Kolom<T> {
  kop: ReactNode;
  cel: (rij: T) => ReactNode;
  /** Classes of the column's cells (alignment, wrapping). */
  className?: string;
}

/**
 * The one way to put a list in a table: in its own scroll region (Tabelgebied), with a caption
 * for screen readers and column headers with scope. Pages say what the columns are, not how a
 * table is built.
 */
export function Tabel<T>({
  bijschrift,
  label,
  zichtbaar,
  rijen,
  sleutel,
  kolommen,
  className,
}: {
  /** What the table shows: its caption (for screen readers only, unless `zichtbaar`). */
  bijschrift: ReactNode;
  /** The name of its scroll region; by default the caption, when that is plain text. */
  label?: string;
  /** Show the caption above the table (a count, a title) instead of only to screen readers. */
  zichtbaar?: string;
  rijen: readonly T[];
  sleutel: (rij: T) => string | number;
  kolommen: readonly Kolom<T>[];
  className?: string;
}) {
  return (
    <Tabelgebied label={`${label ?? (typeof bijschrift === "string" ? bijschrift : "Tabel")}, horizontaal te scrollen`}>
      <table className={className ? `tabel ${className}` : "tabel"}>
        <caption className={zichtbaar ?? "sr-only"}>{bijschrift}</caption>
        <thead>
          <tr>
            {kolommen.map((k, i) => (
              <th key={i} scope="col" className={k.className}>
                {k.kop}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rijen.map((r) => (
            <tr key={sleutel(r)}>
              {kolommen.map((k, i) => (
                <td key={i} className={k.className}>
                  {k.cel(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Tabelgebied>
  );
}
