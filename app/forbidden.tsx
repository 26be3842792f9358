import Link from "next/link";

export const metadata = { title: "Geen toegang" };

export default function GeenToegang() {
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold">Geen toegang</h1>
      <p className="mb-4">
        U bent ingelogd, maar u heeft geen toegang tot deze pagina. Deze pagina is alleen voor medewerkers van het CBS.
      </p>
      <p>
        <Link href="/">Naar de startpagina</Link>
      </p>
    </div>
  );
}
