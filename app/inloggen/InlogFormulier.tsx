"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { z } from "zod";
import { ErrorSummary, type VeldFout } from "@/app/components/ErrorSummary";

const emailSchema = z
  .string()
  .trim()
  .min(1, "Vul uw e-mailadres in")
  .pipe(z.email("Vul een geldig e-mailadres in, zoals naam@gemeente.nl"));

export function InlogFormulier({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [fouten, setFouten] = useState<VeldFout[]>([]);
  const [bezig, setBezig] = useState(false);

  async function verstuur(e: React.FormEvent) {
    e.preventDefault();
    const parsed = emailSchema.safeParse(email);
    if (!parsed.success) {
      setFouten([{ veld: "email", bericht: parsed.error.issues[0]?.message ?? "Vul een geldig e-mailadres in" }]);
      return;
    }
    setFouten([]);
    setBezig(true);
    const res = await signIn("email", { email: parsed.data, callbackUrl, redirect: false });
    setBezig(false);
    if (res?.error) {
      setFouten([
        {
          veld: "email",
          bericht:
            res.error === "TeVeelPogingen"
              ? "U heeft te vaak om een inloglink gevraagd. Wacht een kwartier en probeer het dan opnieuw."
              : res.error === "EmailSignin"
                ? "Het versturen van de inloglink is niet gelukt. Probeer het over een paar minuten opnieuw."
                : "Inloggen is nu niet mogelijk. Probeer het later opnieuw.",
        },
      ]);
      return;
    }
    router.push("/inloggen/controleer-uw-email");
  }

  const fout = fouten[0];
  return (
    <form onSubmit={verstuur} noValidate className="max-w-md">
      <ErrorSummary fouten={fouten} />
      <div className="mb-6">
        <label htmlFor="email" className="mb-1 block text-lg font-semibold">
          E-mailadres
        </label>
        <p id="email-hint" className="mb-2 text-grijs-5">
          Het e-mailadres waarmee u bij het CBS bent geregistreerd.
        </p>
        {fout && (
          <p id="email-fout" className="mb-2 font-semibold text-rood">
            <span className="sr-only">Fout: </span>
            {fout.bericht}
          </p>
        )}
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          spellCheck={false}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-describedby={fout ? "email-hint email-fout" : "email-hint"}
          aria-invalid={fout ? true : undefined}
          className={`invoer ${fout ? "invoer-fout" : ""}`}
        />
      </div>
      <button type="submit" className="knop" disabled={bezig}>
        {bezig ? "Bezig met versturen…" : "Stuur mij een inloglink"}
      </button>
    </form>
  );
}
