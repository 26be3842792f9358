import crypto from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { OpslagFout } from "./fouten";
import type { RuweOpslag } from "./ruwe-opslag";

/** More than any header (82 bytes + key id); zeroed before unlinking, see `verwijder`. */
const KOP_WISSEN = 512;

export function maakLokaleOpslag(map: string): RuweOpslag {
  const root = path.resolve(map);

  function pad(sleutel: string): string {
    const doel = path.join(root, ...sleutel.split("/"));
    // Keys are validated before they get here; this is the last line if that ever regresses.
    if (!doel.startsWith(root + path.sep)) {
      throw new OpslagFout("ONGELDIGE_SLEUTEL", "Opslagsleutel valt buiten de opslagmap.");
    }
    return doel;
  }

  return {
    async schrijf(sleutel, geheim) {
      const doel = pad(sleutel);
      const map = path.dirname(doel);
      await fsp.mkdir(map, { recursive: true, mode: 0o700 });
      // Same directory as the target, so the rename is atomic; the leading dot keeps it out of `lijst`.
      const tijdelijk = path.join(map, `.${path.basename(doel)}.${crypto.randomBytes(8).toString("hex")}.tmp`);
      try {
        await pipeline(geheim, fs.createWriteStream(tijdelijk, { flags: "wx", mode: 0o600, flush: true }));
        await fsp.rename(tijdelijk, doel);
      } catch (fout) {
        await fsp.rm(tijdelijk, { force: true });
        throw fout;
      }
      await fsyncMap(map);
    },

    async lees(sleutel) {
      let handle: fsp.FileHandle;
      try {
        handle = await fsp.open(pad(sleutel), "r");
      } catch (fout) {
        if (isNietGevonden(fout)) throw nietGevonden(sleutel);
        throw fout;
      }
      if (!(await handle.stat()).isFile()) {
        await handle.close();
        throw nietGevonden(sleutel);
      }
      return handle.createReadStream();
    },

    async verwijder(sleutel) {
      const doel = pad(sleutel);
      // Zeroing the header destroys the wrapped data key, so blocks the filesystem keeps after
      // unlink stay undecryptable even for someone who later obtains the master key.
      try {
        const handle = await fsp.open(doel, "r+");
        try {
          const stat = await handle.stat();
          if (!stat.isFile()) return;
          await handle.write(Buffer.alloc(Math.min(stat.size, KOP_WISSEN)), 0, undefined, 0);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await fsp.unlink(doel);
      } catch (fout) {
        if (isNietGevonden(fout)) return;
        throw fout;
      }
      await fsyncMap(path.dirname(doel));
    },

    async bestaat(sleutel) {
      try {
        return (await fsp.stat(pad(sleutel))).isFile();
      } catch (fout) {
        if (isNietGevonden(fout)) return false;
        throw fout;
      }
    },

    async *lijst(prefix) {
      const laatsteSlash = prefix.lastIndexOf("/");
      const mapDeel = laatsteSlash >= 0 ? prefix.slice(0, laatsteSlash) : "";
      yield* loop(mapDeel === "" ? root : path.join(root, ...mapDeel.split("/")), mapDeel, prefix);
    },

    async sluit() {},
  };
}

async function* loop(map: string, relatief: string, prefix: string): AsyncGenerator<string> {
  let namen: fs.Dirent[];
  try {
    namen = await fsp.readdir(map, { withFileTypes: true });
  } catch (fout) {
    if (isNietGevonden(fout)) return;
    throw fout;
  }
  namen.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const ding of namen) {
    if (ding.name.startsWith(".")) continue;
    const sleutel = relatief === "" ? ding.name : `${relatief}/${ding.name}`;
    if (ding.isDirectory()) {
      if (prefix.startsWith(`${sleutel}/`) || `${sleutel}/`.startsWith(prefix)) {
        yield* loop(path.join(map, ding.name), sleutel, prefix);
      }
    } else if (ding.isFile() && sleutel.startsWith(prefix)) {
      yield sleutel;
    }
  }
}

async function fsyncMap(map: string): Promise<void> {
  const handle = await fsp.open(map, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isNietGevonden(fout: unknown): boolean {
  const code = (fout as NodeJS.ErrnoException | undefined)?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}

function nietGevonden(sleutel: string): OpslagFout {
  return new OpslagFout("NIET_GEVONDEN", `Er is geen opgeslagen bestand onder ${sleutel}.`);
}
