/**
 * The portal's web server: Next.js's production server behind a plain Node HTTP server, in place
 * of `next start`, for one reason: Next gives route handlers and server actions no socket, and
 * `next start` only puts the peer address in X-Forwarded-For when the client sent none. Here every
 * request gets the peer in SOCKET_ADRES_HEADER, overwriting any copy the client sent, so that
 * lib/client-adres.ts can tell who is asking (audit log, per-IP limits). It also answers a
 * malformed percent-encoding itself (lib/ongeldig-adres.ts), which Next turns into a bare 500.
 *
 *   node --require ./scripts/alleen-server.cjs --import tsx scripts/server.ts -p 3000 -H 127.0.0.1
 */
import http from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { SOCKET_ADRES_HEADER } from "@/lib/client-adres";
import { isGeldigGecodeerd, ONGELDIG_ADRES_PAD, ongeldigAdresJson } from "@/lib/ongeldig-adres";

async function main() {
  const { values } = parseArgs({
    options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
  });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  const hostname = values.hostname ?? "0.0.0.0";
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((req, res) => {
    req.headers[SOCKET_ADRES_HEADER] = req.socket.remoteAddress ?? "";
    const pad = (req.url ?? "/").split("?")[0]!;
    if (!isGeldigGecodeerd(pad)) {
      if (pad.startsWith("/api/")) {
        res.writeHead(400, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
        res.end(ongeldigAdresJson(pad));
        return;
      }
      req.url = ONGELDIG_ADRES_PAD;
    }
    handle(req, res).catch((e: unknown) => {
      console.error(`Verzoek ${req.method} ${req.url?.split("?")[0]} mislukt:`, e);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  server.listen(port, hostname, () => console.log(`Het portaal luistert op http://${hostname}:${port}`));
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
