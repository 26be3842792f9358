import { after } from "next/server";
import type { Adapter, VerificationToken } from "next-auth/adapters";
import type { SendVerificationRequestParams } from "next-auth/providers/email";

export type Planner = (taak: () => Promise<void>) => void;

/** Next's after(): the task runs once the response has gone out. */
const naHetAntwoord: Planner = (taak) => after(taak);

/**
 * The answer to "send me a sign-in link" must not tell, not even by its duration, whether the
 * address is known. A known address costs a token INSERT, a mail rendering and an SMTP exchange
 * (≈23 ms against ≈11 ms), so that work runs after the response: before it, known and unknown
 * addresses do exactly the same, two tasks scheduled. Whether anything happens is decided inside
 * the tasks (the adapter stores no token and verstuurInloglink sends no mail for an unknown
 * address), and an SMTP failure can no longer show as an error only known addresses get.
 *
 * next-auth calls both halves at once for one request, with the same identifier and expiry; the
 * mail waits for its token, so a link never arrives before it works.
 */
export function inlogwerkNaHetAntwoord(
  adapter: Adapter,
  verstuur: (params: SendVerificationRequestParams) => Promise<void>,
  plan: Planner = naHetAntwoord,
): { adapter: Adapter; sendVerificationRequest: (params: SendVerificationRequestParams) => Promise<void> } {
  const opgeslagen = new Map<string, Promise<boolean>>();
  const sleutel = (identifier: string, expires: Date) => `${identifier}\n${expires.getTime()}`;
  return {
    adapter: {
      ...adapter,
      async createVerificationToken(token: VerificationToken) {
        let klaar: (gelukt: boolean) => void = () => {};
        opgeslagen.set(
          sleutel(token.identifier, token.expires),
          new Promise((r) => {
            klaar = r;
          }),
        );
        plan(async () => {
          try {
            await adapter.createVerificationToken?.(token);
            klaar(true);
          } catch (e) {
            klaar(false);
            console.error("Inlogtoken niet opgeslagen:", e instanceof Error ? e.message : e);
          }
        });
        return token;
      },
    },
    async sendVerificationRequest(params) {
      plan(async () => {
        const k = sleutel(params.identifier, params.expires);
        const tokenOpgeslagen = (await opgeslagen.get(k)) ?? true;
        opgeslagen.delete(k);
        if (!tokenOpgeslagen) return;
        try {
          await verstuur(params);
        } catch (e) {
          console.error("Inloglink niet verstuurd:", e instanceof Error ? e.message : e);
        }
      });
    },
  };
}
