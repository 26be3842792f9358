import fs from "node:fs";

/**
 * Playwright cannot download its own browsers on these machines; the system Chromium is used.
 * Without one the suite stops at once with a message saying how to install it.
 */
export function chromiumPad(): string {
  const kandidaten = [
    process.env.CHROMIUM_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
  ];
  for (const k of kandidaten) if (k && fs.existsSync(k)) return k;
  throw new Error(
    "Geen Chromium gevonden voor de end-to-end-tests. Installeer hem met `sudo apt-get install chromium` " +
      "(Debian/Ubuntu) of wijs CHROMIUM_PATH naar een Chromium- of Chrome-programma.",
  );
}

/** Launch options for the system Chromium, with the flags this closed network needs. */
export function chromiumLaunchOptions() {
  return {
    executablePath: chromiumPad(),
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  };
}

/** Where the e2e server keeps its files; E2E_NAAM separates parallel runs on one machine. */
export function e2eVarDir(): string {
  const naam = (process.env.E2E_NAAM ?? "").replace(/[^a-z0-9]/g, "");
  return naam ? `var/e2e-${naam}` : "var/e2e";
}
