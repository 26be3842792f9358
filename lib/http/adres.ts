import { env } from "@/lib/env";

/**
 * The portal's own address (APP_URL), in one place: every absolute link the portal hands out (in
 * mails, the vendor API, sign-in links) and every same-origin check is made from it.
 */
export function portaalOrigin(): string {
  return new URL(env().APP_URL).origin;
}

/** An absolute link to a path of the portal: "https://swi.cbs.nl/berichtgever/0153". */
export function portaalUrl(pad: string): string {
  return `${env().APP_URL.replace(/\/+$/, "")}${pad.startsWith("/") ? pad : `/${pad}`}`;
}
