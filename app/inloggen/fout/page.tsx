import Link from "next/link";

export const metadata = { title: "Inloggen niet gelukt" };

const BERICHTEN: Record<string, string> = {
  Verification: "De inloglink is verlopen of al gebruikt. Een inloglink is 15 minuten geldig en werkt één keer.",
  AccessDenied: "Met dit e-mailadres kunt u niet inloggen. Neem contact op met het CBS als u denkt dat dit niet klopt.",
  TeVeelPogingen:
    "U heeft te vaak om een inloglink gevraagd. Wacht een kwartier en probeer het dan opnieuw. Lukt het daarna nog niet, mail dan naar DRITHD@cbs.nl.",
  EmailSignin: "Het versturen van de inloglink is niet gelukt. Probeer het over een paar minuten opnieuw.",
};

export default async function InlogFout({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold">Inloggen is niet gelukt</h1>
      <p className="mb-6">{BERICHTEN[error ?? ""] ?? "Er ging iets mis bij het inloggen. Probeer het opnieuw."}</p>
      <p>
        <Link href="/inloggen" className="knop">
          Vraag een nieuwe inloglink aan
        </Link>
      </p>
    </div>
  );
}
