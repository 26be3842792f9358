"use client";

import { useEffect, useRef } from "react";

export interface VeldFout {
  veld: string; // id of the input
  bericht: string;
}

/** GOV.UK / NL Design System error summary: focused on render, each error links to its field. */
export function ErrorSummary({ fouten }: { fouten: VeldFout[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (fouten.length) ref.current?.focus();
  }, [fouten]);
  if (!fouten.length) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="foutoverzicht-titel"
      className="mb-6 border-4 border-rood p-4"
    >
      <h2 id="foutoverzicht-titel" className="mb-2 text-xl font-bold">
        Er is een probleem
      </h2>
      <ul className="list-none">
        {fouten.map((f) => (
          <li key={f.veld}>
            <a href={`#${f.veld}`} className="font-semibold text-rood">
              {f.bericht}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
