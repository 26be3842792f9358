import { NextResponse } from "next/server";
import { z } from "zod";
import { bevestigingsCookie, CALLBACK_PAD, terugpad } from "@/lib/auth/bevestiging";
import { portaalOrigin, portaalUrl } from "@/lib/http/adres";

const formSchema = z.object({
  token: z.string().regex(/^[0-9a-f]{16,128}$/),
  email: z.string().min(3).max(320),
  callbackUrl: z.string().max(2000).default("/"),
});

/** The person pressed "Inloggen": hand the token to next-auth's callback, which uses it up. */
export async function POST(req: Request) {
  // Only a press on our own confirmation page counts, not a form posted from another site.
  const site = req.headers.get("sec-fetch-site");
  const origin = req.headers.get("origin");
  const vreemd = site ? site !== "same-origin" && site !== "none" : origin !== null && origin !== portaalOrigin();
  if (vreemd) {
    return new NextResponse("Ongeldige herkomst van het verzoek.", { status: 403 });
  }
  const form = await req.formData();
  const parsed = formSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return NextResponse.redirect(portaalUrl("/inloggen/fout?error=Verification"), 303);
  const { token, email, callbackUrl } = parsed.data;
  const target = new URL(portaalUrl(CALLBACK_PAD));
  target.search = new URLSearchParams({ callbackUrl: terugpad(callbackUrl), token, email }).toString();
  const antwoord = NextResponse.redirect(target, 303);
  // The callback accepts the token only with this cookie (lib/auth/bevestiging.ts).
  antwoord.headers.append("Set-Cookie", bevestigingsCookie(token));
  return antwoord;
}
