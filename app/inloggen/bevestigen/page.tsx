import Link from "next/link";
import { z } from "zod";
import { inlogtokenStaat } from "@/lib/auth/token";

export const metadata = { title: "Inloggen bevestigen" };

const paramsSchema = z.object({
  token: z.string().regex(/^[0-9a-f]{16,128}$/),
  email: z.string().min(3).max(320),
  callbackUrl: z.string().max(2000).optional(),
});

function Ongeldig({ reden }: { reden: string }) {
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold">Deze inloglink werkt niet meer</h1>
      <p className="mb-4">{reden}</p>
      <p>
        <Link href="/inloggen" className="knop">
          Vraag een nieuwe inloglink aan
        </Link>
      </p>
    </div>
  );
}

/**
 * The page the mail links to. It shows a button and nothing else happens: link scanners
 * that open the link (GET or HEAD) do not use it up; only the person's POST does.
 */
export default async function Bevestigen({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const parsed = paramsSchema.safeParse(await searchParams);
  if (!parsed.success)
    return <Ongeldig reden="De link is onvolledig. Kopieer de hele link uit de e-mail, of vraag een nieuwe aan." />;
  const { token, email, callbackUrl } = parsed.data;
  const staat = await inlogtokenStaat(email, token);
  if (staat === "verlopen") return <Ongeldig reden="De link is verlopen: een inloglink is 15 minuten geldig." />;
  if (staat === "onbekend")
    return <Ongeldig reden="De link is al gebruikt of bestaat niet. Een inloglink werkt één keer." />;
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold">Inloggen bevestigen</h1>
      <p className="mb-6">
        U logt in op het SWI berichtgeversportaal als <strong>{email}</strong>.
      </p>
      <form method="post" action="/api/inloggen/bevestigen">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="email" value={email} />
        <input type="hidden" name="callbackUrl" value={callbackUrl ?? "/"} />
        <button type="submit" className="knop">
          Inloggen
        </button>
      </form>
    </div>
  );
}
