import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { isBevestigd, wisBevestigingsCookie } from "@/lib/auth/bevestiging";
import { beperkInlogverzoek } from "@/lib/auth/inlog-limiet";
import { portaalUrl } from "@/lib/http/adres";

async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  const pad = (await ctx.params).nextauth;
  const geweigerd = await beperkInlogverzoek(req, pad);
  if (geweigerd) return geweigerd;
  const isCallback = pad.join("/") === "callback/email";
  if (isCallback && !isBevestigd(req)) {
    // Not from our confirmation page: show that page (the token stays unused) instead of signing in.
    const bevestig = new URL(portaalUrl("/inloggen/bevestigen"));
    bevestig.search = new URL(req.url).search;
    return NextResponse.redirect(bevestig, 303);
  }
  const antwoord = await NextAuth(authOptions())(req, ctx);
  if (isCallback) antwoord.headers.append("Set-Cookie", wisBevestigingsCookie());
  return antwoord;
}

export { handler as GET, handler as POST };
