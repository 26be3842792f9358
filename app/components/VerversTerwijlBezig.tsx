"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * While background work runs (a national checks run), renders the page again on the server every
 * few seconds, slower as it takes longer, until the page no longer shows it as running. The page
 * itself says what is happening in a live region; this only keeps it current.
 */
export function VerversTerwijlBezig({ bezig }: { bezig: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!bezig) return;
    let wacht = 2000;
    let timer: ReturnType<typeof setTimeout>;
    const volgende = () => {
      timer = setTimeout(() => {
        router.refresh();
        wacht = Math.min(wacht * 1.5, 15_000);
        volgende();
      }, wacht);
    };
    volgende();
    return () => clearTimeout(timer);
  }, [bezig, router]);
  return null;
}
