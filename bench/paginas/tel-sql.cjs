/**
 * Preloaded into the web server by bench/paginas.ts (NODE_OPTIONS=--require): counts the SQL
 * statements sent through `pg` (Prisma's driver adapter uses it) and writes the count to
 * SQL_TELLER_BESTAND on SIGUSR2. Never loaded by the portal itself.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload, loaded before any loader */
const fs = require("node:fs");
const pg = require("pg");
let aantal = 0;
for (const Klasse of [pg.Client]) {
  const query = Klasse.prototype.query;
  Klasse.prototype.query = function (...args) {
    aantal++;
    return query.apply(this, args);
  };
}
process.on("SIGUSR2", () => {
  if (process.env.SQL_TELLER_BESTAND) fs.writeFileSync(process.env.SQL_TELLER_BESTAND, String(aantal));
});
