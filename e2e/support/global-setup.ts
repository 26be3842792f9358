import { startSmtp } from "./smtp";
import { chromiumPad } from "./browser";

export default async function globalSetup() {
  chromiumPad();
  const stop = await startSmtp(Number(process.env.E2E_SMTP_PORT ?? 2526));
  return async () => {
    await stop();
  };
}
