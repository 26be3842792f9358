import Link from "next/link";

/** Title and breadcrumb of a staff page (the /beheer layout is shared and has no navigation of its own). */
export function BeheerKop({
  titel,
  kruimels = [],
  ondertitel,
}: {
  titel: string;
  kruimels?: { href: string; tekst: string }[];
  ondertitel?: React.ReactNode;
}) {
  return (
    <div className="mb-6">
      <nav aria-label="Kruimelpad" className="mb-2 text-sm">
        <ol className="flex flex-wrap gap-2">
          <li>
            <Link href="/beheer">Beheer</Link>
          </li>
          {kruimels.map((k) => (
            <li key={k.href}>
              <span aria-hidden="true">› </span>
              <Link href={k.href}>{k.tekst}</Link>
            </li>
          ))}
        </ol>
      </nav>
      <h1 className="text-3xl font-bold">{titel}</h1>
      {ondertitel && <p className="mt-1 text-grijs-5">{ondertitel}</p>}
    </div>
  );
}

export function Melding({ children }: { children: React.ReactNode }) {
  return (
    <p role="status" className="mb-6 max-w-3xl border-l-8 border-groen bg-grijs-1 p-3 font-semibold">
      {children}
    </p>
  );
}
