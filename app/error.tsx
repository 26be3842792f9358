"use client";

// Never shows the error itself: it could hold data from the request (a BSN in a file).
export default function Fout({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold">Er ging iets mis</h1>
      <p className="mb-4">
        Er is een fout opgetreden bij het tonen van deze pagina. Uw gegevens zijn niet verloren gegaan. Probeer het
        opnieuw; lukt het dan nog niet, mail dan naar DRITHD@cbs.nl.
      </p>
      <button type="button" className="knop" onClick={() => reset()}>
        Opnieuw proberen
      </button>
    </div>
  );
}
