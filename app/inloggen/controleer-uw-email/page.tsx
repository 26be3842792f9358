import Link from "next/link";
import { isLocalOutbox } from "@/lib/env";

export const metadata = { title: "Controleer uw e-mail" };

export default function ControleerUwEmail() {
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold">Controleer uw e-mail</h1>
      <p className="mb-4">
        Als het e-mailadres bij ons bekend is, is er nu een e-mail met een inloglink onderweg. Open de link en klik op
        &quot;Inloggen&quot;. De link is 15 minuten geldig en werkt één keer.
      </p>
      <p className="mb-4">
        Geen e-mail ontvangen? Kijk ook in uw map met ongewenste e-mail, of{" "}
        <Link href="/inloggen">vraag een nieuwe link aan</Link>.
      </p>
      {isLocalOutbox() && (
        <p>
          Lokale proefomgeving: de e-mail staat in het <Link href="/ontwikkeling/postvak">lokale postvak</Link>.
        </p>
      )}
    </div>
  );
}
