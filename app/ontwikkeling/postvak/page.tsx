import { notFound } from "next/navigation";
import { isLocalOutbox } from "@/lib/env";
import { leesPostvak } from "@/lib/mail/postvak";

export const metadata = { title: "Lokaal postvak" };

function MetLinks({ tekst }: { tekst: string }) {
  const delen = tekst.split(/(https?:\/\/[^\s\]]+)/g);
  return (
    <>
      {delen.map((d, i) =>
        /^https?:\/\//.test(d) ? (
          <a key={i} href={d} className="break-all">
            {d}
          </a>
        ) : (
          <span key={i}>{d}</span>
        ),
      )}
    </>
  );
}

/** Exists only on the newcomer's embedded set-up, where no mail server is configured. */
export default async function Postvak() {
  if (!isLocalOutbox()) notFound();
  const berichten = await leesPostvak();
  return (
    <div>
      <h1 className="mb-4 text-3xl font-bold">Lokaal postvak</h1>
      <p className="mb-6 max-w-2xl">
        Deze proefomgeving heeft geen mailserver. Alle e-mails die het portaal verstuurt, staan hier (nieuwste eerst) en
        in de map <code>var/mail/</code>. In productie bestaat deze pagina niet.
      </p>
      {berichten.length === 0 ? (
        <>
          {/* A sign-in mail is written just after the answer to its request: look again shortly. */}
          <meta httpEquiv="refresh" content="2" />
          <p>Er zijn nog geen e-mails verstuurd. Deze pagina ververst zich vanzelf.</p>
        </>
      ) : (
        <ol className="space-y-6">
          {berichten.map((b) => (
            <li key={b.id} className="border-2 border-grijs-2 p-4">
              <h2 className="text-xl font-semibold">{b.onderwerp}</h2>
              <p className="mb-2 text-grijs-5">
                Aan {b.aan} · {b.datum.toLocaleString("nl-NL", { timeZone: "Europe/Amsterdam" })}
              </p>
              <pre className="whitespace-pre-wrap font-sans">
                <MetLinks tekst={b.tekst} />
              </pre>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
