import Link from "next/link";

export const metadata = { title: "Pagina niet gevonden" };

export default function NietGevonden() {
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold">Pagina niet gevonden</h1>
      <p className="mb-4">
        De pagina die u zoekt bestaat niet, of u heeft er geen toegang toe. Controleer het adres, of ga terug naar de
        startpagina.
      </p>
      <p>
        <Link href="/">Naar de startpagina</Link>
      </p>
    </div>
  );
}
