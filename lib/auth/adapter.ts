import { uiterlijkeEinde } from "@/lib/auth/sessieduur";
import type { Adapter, AdapterSession, AdapterUser, VerificationToken } from "next-auth/adapters";
import { getDb } from "@/lib/db/client";

/**
 * next-auth's database adapter, written against our own schema instead of the generic
 * Prisma adapter, because who may sign in is decided here:
 * - only existing, active users (CBS staff, contact persons, back-up users) — nobody is
 *   ever created through sign-in, so an unknown address can never become an account;
 * - no verification token is stored for an unknown address, so nothing distinguishes it;
 * - a session of a deactivated user is dropped on its next request (revocation).
 */

export interface PortaalUser extends AdapterUser {
  rol: "CBS" | "CONTACTPERSOON" | "BACKUP";
  berichtgeverId: string | null;
}

type DbUser = {
  id: string;
  email: string;
  naam: string;
  emailVerified: Date | null;
  rol: "CBS" | "CONTACTPERSOON" | "BACKUP";
  berichtgeverId: string | null;
  actief: boolean;
};

function toAdapterUser(u: DbUser): PortaalUser {
  return {
    id: u.id,
    email: u.email,
    name: u.naam,
    emailVerified: u.emailVerified,
    rol: u.rol,
    berichtgeverId: u.berichtgeverId,
  };
}

export function normaliseerEmail(email: string): string {
  return email.trim().toLowerCase();
}

async function actieveGebruiker(email: string): Promise<DbUser | null> {
  const user = await getDb().user.findUnique({ where: { email: normaliseerEmail(email) } });
  return user && user.actief ? (user as DbUser) : null;
}

export function portaalAdapter(): Adapter {
  return {
    async createUser() {
      throw new Error("Accounts worden alleen door CBS aangemaakt, nooit via inloggen.");
    },
    async getUser(id) {
      const user = await getDb().user.findUnique({ where: { id } });
      return user && user.actief ? toAdapterUser(user as DbUser) : null;
    },
    async getUserByEmail(email) {
      const user = await actieveGebruiker(email);
      return user ? toAdapterUser(user) : null;
    },
    async getUserByAccount() {
      return null;
    },
    async updateUser(data) {
      const user = await getDb().user.update({
        where: { id: data.id },
        data: { emailVerified: data.emailVerified ?? undefined },
      });
      return toAdapterUser(user as DbUser);
    },
    async linkAccount() {
      return undefined;
    },
    async createSession(session): Promise<AdapterSession> {
      const s = await getDb().session.create({
        data: { sessionToken: session.sessionToken, userId: session.userId, expires: session.expires },
      });
      return { sessionToken: s.sessionToken, userId: s.userId, expires: s.expires };
    },
    async getSessionAndUser(sessionToken) {
      const s = await getDb().session.findUnique({ where: { sessionToken }, include: { user: true } });
      if (!s) return null;
      // Idle: `expires` slides with use (next-auth's maxAge); absolute: never past createdAt + the maximum.
      const nu = new Date();
      if (!s.user.actief || s.expires < nu || uiterlijkeEinde(s.createdAt) <= nu) {
        await getDb().session.deleteMany({ where: { sessionToken } });
        return null;
      }
      return {
        session: { sessionToken: s.sessionToken, userId: s.userId, expires: s.expires },
        user: toAdapterUser(s.user as DbUser),
      };
    },
    async updateSession(session) {
      const bestaand = await getDb().session.findUnique({
        where: { sessionToken: session.sessionToken },
        select: { createdAt: true },
      });
      if (!bestaand) return null;
      // Sliding never goes past the absolute end, so the cookie ends then too.
      const grens = uiterlijkeEinde(bestaand.createdAt);
      const expires = session.expires && session.expires > grens ? grens : session.expires;
      const s = await getDb().session.update({
        where: { sessionToken: session.sessionToken },
        data: { expires },
      });
      return { sessionToken: s.sessionToken, userId: s.userId, expires: s.expires };
    },
    async deleteSession(sessionToken) {
      await getDb().session.deleteMany({ where: { sessionToken } });
    },
    async createVerificationToken(token) {
      if (!(await actieveGebruiker(token.identifier))) return null;
      const identifier = normaliseerEmail(token.identifier);
      // A new link makes the earlier unused ones of this address worthless: only the newest works.
      const [, t] = await getDb().$transaction([
        getDb().verificationToken.deleteMany({ where: { identifier } }),
        getDb().verificationToken.create({ data: { identifier, token: token.token, expires: token.expires } }),
      ]);
      return t;
    },
    async useVerificationToken({ identifier, token }): Promise<VerificationToken | null> {
      // Deleting is the single-use guarantee: two concurrent clicks cannot both get the row.
      try {
        return await getDb().verificationToken.delete({
          where: { identifier_token: { identifier: normaliseerEmail(identifier), token } },
        });
      } catch {
        return null;
      }
    },
  };
}
