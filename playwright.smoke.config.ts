// The test workers load server modules (e2e/support) outside Next: see scripts/alleen-server.cjs.
import "./scripts/alleen-server.cjs";
import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/support/browser";

/**
 * The newcomer's path, as the README tells it: `npm start` without DATABASE_URL or SMTP_URL
 * (embedded PostgreSQL, mail to the local outbox), then sign in through the outbox.
 */
const PORT = Number(process.env.SMOKE_PORT ?? 3200);

export default defineConfig({
  testDir: "./e2e/smoke",
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    launchOptions: chromiumLaunchOptions(),
  },
  webServer: {
    command: "rm -rf var/smoke && tsx --require ./scripts/alleen-server.cjs scripts/start.ts",
    url: `http://localhost:${PORT}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      SWI_VAR_DIR: "var/smoke",
      DATABASE_URL: "",
      SMTP_URL: "",
      NEXTAUTH_SECRET: "",
      SWI_ENCRYPTION_KEY: "",
    },
  },
});
