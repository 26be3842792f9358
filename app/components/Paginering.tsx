import Link from "next/link";
import { paginanummers, type Pagina } from "@/lib/paginering";
import { getal } from "@/lib/swi/opmaak";

/**
 * Page links under a long list (NL Design System pagination): previous, numbers with gaps, next;
 * the current page marked with aria-current. Plain links without prefetch: a page of a BSN list
 * is recorded as seen, so it is only fetched when someone opens it.
 */
export function Paginering({ p, href, label }: { p: Pagina; href: (nummer: number) => string; label: string }) {
  if (p.aantal <= 1) return null;
  return (
    <nav aria-label={label} className="mt-4">
      <p className="mb-2 text-grijs-5">
        Rij {getal(p.van + 1)} tot en met {getal(p.tot)} van {getal(p.totaal)}
      </p>
      <ul className="flex flex-wrap items-center gap-2">
        {p.nummer > 1 && (
          <li>
            <Link prefetch={false} href={href(p.nummer - 1)} className="underline">
              Vorige<span className="sr-only"> pagina</span>
            </Link>
          </li>
        )}
        {paginanummers(p).map((n, i) =>
          n === null ? (
            <li key={`gat-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={n}>
              {n === p.nummer ? (
                <span
                  aria-current="page"
                  className="inline-block min-w-8 bg-hemel-donker px-2 py-1 text-center text-white"
                >
                  <span className="sr-only">Pagina </span>
                  {n}
                </span>
              ) : (
                <Link prefetch={false} href={href(n)} className="inline-block min-w-8 px-2 py-1 text-center underline">
                  <span className="sr-only">Pagina </span>
                  {n}
                </Link>
              )}
            </li>
          ),
        )}
        {p.nummer < p.aantal && (
          <li>
            <Link prefetch={false} href={href(p.nummer + 1)} className="underline">
              Volgende<span className="sr-only"> pagina</span>
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
