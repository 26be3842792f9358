import Link from "next/link";
import { redirect } from "next/navigation";
import { huidigeActor } from "@/lib/auth/actor";
import { terugpad } from "@/lib/auth/bevestiging";
import { isLocalOutbox } from "@/lib/env";
import { InlogFormulier } from "./InlogFormulier";

export const metadata = { title: "Inloggen" };

export default async function Inloggen({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; uitgelogd?: string }>;
}) {
  const sp = await searchParams;
  if (await huidigeActor()) redirect("/");
  return (
    <div>
      {sp.uitgelogd && (
        <div role="status" className="mb-6 border-l-8 border-groen bg-grijs-1 p-4">
          {sp.uitgelogd === "overal" ? "U bent op alle apparaten uitgelogd." : "U bent uitgelogd."}
        </div>
      )}
      <h1 className="mb-4 text-3xl font-bold">Inloggen</h1>
      <p className="mb-6 max-w-2xl">
        Vul uw e-mailadres in. Als u toegang heeft tot het portaal, ontvangt u binnen een paar minuten een e-mail met
        een inloglink. De link is 15 minuten geldig en werkt één keer.
      </p>
      <InlogFormulier callbackUrl={terugpad(sp.callbackUrl)} />
      {isLocalOutbox() && (
        <div className="mt-10 max-w-2xl border-l-8 border-hemel bg-grijs-1 p-4">
          <h2 className="mb-2 text-lg font-semibold">Lokale proefomgeving</h2>
          <p>
            Dit portaal draait zonder mailserver. E-mails komen in het{" "}
            <Link href="/ontwikkeling/postvak">lokale postvak</Link>. Inloggen kan als een van de voorbeeldpersonen,
            bijvoorbeeld <code>contactpersoon@enschede.example.nl</code> of <code>beheer@cbs.example.nl</code>.
          </p>
        </div>
      )}
    </div>
  );
}
