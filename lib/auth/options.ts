import "server-only";
import type { AuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import { env } from "@/lib/env";
import { portaalAdapter, normaliseerEmail, type PortaalUser } from "@/lib/auth/adapter";
import { verstuurInloglink, INLOGLINK_GELDIG_MINUTEN } from "@/lib/auth/inloglink";
import { schrijfAudit } from "@/lib/audit";
import { inlogwerkNaHetAntwoord } from "@/lib/auth/inlogwerk";
import { terugpad } from "@/lib/auth/bevestiging";
import { sessieduur } from "@/lib/auth/sessieduur";

export function authOptions(): AuthOptions {
  const e = env();
  const inlogwerk = inlogwerkNaHetAntwoord(portaalAdapter(), verstuurInloglink);
  const duur = sessieduur();
  return {
    secret: e.NEXTAUTH_SECRET,
    adapter: inlogwerk.adapter,
    // maxAge is the idle limit: each request (at most once a minute) moves the end that far ahead;
    // the adapter holds every session to its absolute limit.
    session: {
      strategy: "database",
      maxAge: Math.round(duur.inactiefMs / 1000),
      updateAge: Math.min(60, Math.round(duur.inactiefMs / 1000 / 4)),
    },
    useSecureCookies: e.APP_URL.startsWith("https://"),
    pages: {
      signIn: "/inloggen",
      verifyRequest: "/inloggen/controleer-uw-email",
      error: "/inloggen/fout",
      signOut: "/uitloggen",
    },
    providers: [
      EmailProvider({
        from: e.MAIL_FROM,
        maxAge: INLOGLINK_GELDIG_MINUTEN * 60,
        normalizeIdentifier: normaliseerEmail,
        sendVerificationRequest: inlogwerk.sendVerificationRequest,
      }),
    ],
    callbacks: {
      async signIn({ user, email }) {
        // The request for a link always gets the same answer, known address or not (no
        // account enumeration); whether a mail goes out is decided in verstuurInloglink.
        if (email?.verificationRequest) return true;
        const u = user as Partial<PortaalUser>;
        return Boolean(u.rol);
      },
      async session({ session, user }) {
        const u = user as PortaalUser;
        return {
          ...session,
          user: { id: u.id, email: u.email, name: u.name, rol: u.rol, berichtgeverId: u.berichtgeverId },
        };
      },
      async redirect({ url, baseUrl }) {
        // Only ever back into the portal itself (also refuses "/\\evil", which browsers read as "//evil").
        return `${baseUrl}${terugpad(url, baseUrl)}`;
      },
    },
    events: {
      async signIn({ user }) {
        const u = user as PortaalUser;
        await schrijfAudit({
          actor: { userId: u.id, email: u.email ?? null, rol: u.rol },
          actie: "login",
          berichtgeverId: u.berichtgeverId,
        });
      },
      async signOut({ session }) {
        const s = session as { userId?: string } | null;
        if (s?.userId) await schrijfAudit({ actor: { userId: s.userId }, actie: "logout" });
      },
    },
  };
}
