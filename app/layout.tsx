import type { Metadata } from "next";
import Link from "next/link";
import { huidigeActor, ROL_NAAM } from "@/lib/auth/actor";
import "./globals.css";

// Every page depends on who is signed in and carries a per-request CSP nonce.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "SWI berichtgeversportaal", template: "%s · SWI berichtgeversportaal" },
  description: "Aanleveren en terugkoppeling van de Statistiek Wet Inburgering (CBS)",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const actor = await huidigeActor();
  return (
    <html lang="nl">
      <body className="flex min-h-screen flex-col">
        <a
          href="#inhoud"
          className="sr-only bg-geel px-4 py-2 text-black focus:not-sr-only focus:absolute focus:left-2 focus:top-2"
        >
          Direct naar de inhoud
        </a>
        <header className="border-b border-grijs-2">
          <div className="mx-auto flex max-w-5xl items-center gap-4 px-4 pt-4">
            <div aria-hidden="true" className="h-16 w-10 bg-lint" />
            <div>
              <p className="text-sm text-grijs-5">Centraal Bureau voor de Statistiek</p>
              <p className="text-xl font-semibold">
                <Link href="/" className="text-black no-underline">
                  SWI berichtgeversportaal
                </Link>
              </p>
            </div>
          </div>
          <nav aria-label="Hoofdmenu" className="mt-4 bg-lint">
            <ul className="mx-auto flex max-w-5xl flex-wrap gap-x-6 px-4 py-2 text-white">
              {actor ? (
                <>
                  <li>
                    <Link href="/" className="text-white">
                      Home
                    </Link>
                  </li>
                  <li>
                    <Link href="/formaat" className="text-white">
                      Aanleverformaat
                    </Link>
                  </li>
                  <li className="ml-auto">
                    <span className="mr-4">
                      {actor.naam} ({ROL_NAAM[actor.rol]})
                    </span>
                    <Link href="/uitloggen" className="text-white">
                      Uitloggen
                    </Link>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <Link href="/inloggen" className="text-white">
                      Inloggen
                    </Link>
                  </li>
                  <li>
                    <Link href="/formaat" className="text-white">
                      Aanleverformaat
                    </Link>
                  </li>
                </>
              )}
            </ul>
          </nav>
        </header>
        <main id="inhoud" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
          {children}
        </main>
        <footer className="bg-lint text-white">
          <div className="mx-auto max-w-5xl px-4 py-6 text-sm">
            <p>
              Vragen over de SWI:{" "}
              <a href="mailto:wetinburgering@cbs.nl" className="text-white">
                wetinburgering@cbs.nl
              </a>
              {" · "}Vragen over dit portaal:{" "}
              <a href="mailto:DRITHD@cbs.nl" className="text-white">
                DRITHD@cbs.nl
              </a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
