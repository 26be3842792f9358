"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { isEindstatus, statusTekst } from "@/lib/leveringen/status";

export interface GevolgdeLevering {
  id: string;
  bestandsnaam: string;
  status: string;
}

const INTERVAL_MS = 2000;
const MAX_INTERVAL_MS = 30_000;

/**
 * Keeps a server-rendered page current while deliveries are being processed: polls their statuses
 * every ~2 s, and when one changes re-renders the page on the server (router.refresh) and says what
 * changed in a polite live region. Stops once every delivery has a final status.
 */
export function LiveStatus({ leveringen }: { leveringen: GevolgdeLevering[] }) {
  const router = useRouter();
  const [melding, setMelding] = useState("");
  const [afgebroken, setAfgebroken] = useState(false);
  const bekend = useRef(new Map<string, string>());

  const teVolgen = leveringen.filter((l) => !isEindstatus(l.status));
  const sleutel = teVolgen.map((l) => `${l.id}:${l.status}`).join(",");

  useEffect(() => {
    bekend.current = new Map(teVolgen.map((l) => [l.id, l.status]));
    const namen = new Map(teVolgen.map((l) => [l.id, l.bestandsnaam]));
    if (teVolgen.length === 0) return;
    let gestopt = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let wacht = INTERVAL_MS;

    const vraag = async () => {
      try {
        const ids = [...bekend.current.keys()];
        const res = await fetch(`/api/leveringen/status?ids=${encodeURIComponent(ids.join(","))}`, {
          cache: "no-store",
          headers: { accept: "application/json" },
        });
        if (res.status === 401 || res.status === 404) {
          // Signed out or gone: reloading would not help; the page says what it last knew.
          setAfgebroken(true);
          return;
        }
        if (!res.ok) throw new Error(String(res.status));
        const data = (await res.json()) as { leveringen: { id: string; status: string }[] };
        const wijzigingen = data.leveringen.filter((l) => bekend.current.get(l.id) !== l.status);
        wacht = INTERVAL_MS;
        if (wijzigingen.length > 0) {
          for (const w of wijzigingen) bekend.current.set(w.id, w.status);
          setMelding(
            wijzigingen
              .map((w) => `${namen.get(w.id) ?? "Levering"}: ${statusTekst(w.status).toLowerCase()}`)
              .join(". "),
          );
          router.refresh();
        }
        // Everything final: the refresh above brings the final page, which follows nothing.
        if ([...bekend.current.values()].every(isEindstatus)) return;
      } catch {
        // A dropped connection: try again, less often, until it is back.
        wacht = Math.min(wacht * 2, MAX_INTERVAL_MS);
      }
      if (!gestopt) timer = setTimeout(vraag, wacht);
    };
    timer = setTimeout(vraag, wacht);
    return () => {
      gestopt = true;
      if (timer) clearTimeout(timer);
    };
    // `sleutel` stands for the followed deliveries and their statuses.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sleutel]);

  const volgt = teVolgen.length > 0 && !afgebroken;
  return (
    <div className="mb-4">
      <p role="status" aria-live="polite" className="sr-only">
        {melding}
      </p>
      {volgt ? (
        <p className="text-grijs-5" data-testid="live-status">
          <span aria-hidden="true">⟳ </span>
          Deze pagina wordt automatisch bijgewerkt zolang er leveringen worden gecontroleerd.
        </p>
      ) : null}
    </div>
  );
}
