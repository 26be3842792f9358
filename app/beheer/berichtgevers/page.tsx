import Link from "next/link";
import { z } from "zod";
import { vereisCbs } from "@/lib/auth/actor";
import { berichtgeversLijst } from "@/lib/beheer/berichtgevers";
import { BeheerKop } from "@/app/components/Kop";
import { aantal } from "@/lib/swi/opmaak";
import { Tabel } from "@/app/components/Tabel";
import { berichtgeverKolommen } from "@/app/components/berichtgeverKolommen";

export const metadata = { title: "Berichtgevers" };

const filterSchema = z.object({
  zoek: z.string().max(100).optional().catch(undefined),
  status: z.enum(["actief", "inactief", "alle"]).optional().catch(undefined),
});

export default async function Berichtgevers({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await vereisCbs();
  const f = filterSchema.parse(await searchParams);
  const status = f.status ?? "alle";
  const rijen = await berichtgeversLijst(actor, { zoek: f.zoek, status });
  return (
    <div>
      <BeheerKop titel="Berichtgevers" />
      <p className="mb-6">
        <Link href="/beheer/berichtgevers/nieuw" className="knop">
          Nieuwe berichtgever
        </Link>
      </p>
      <form
        method="get"
        className="mb-6 flex flex-wrap items-end gap-4"
        role="search"
        aria-label="Berichtgevers zoeken"
      >
        <div>
          <label htmlFor="zoek" className="mb-1 block font-semibold">
            Zoeken
          </label>
          <p id="zoek-hint" className="mb-1 text-sm text-grijs-5">
            Berichtgevercode, naam of gemeentecode
          </p>
          <input
            id="zoek"
            name="zoek"
            type="search"
            defaultValue={f.zoek ?? ""}
            aria-describedby="zoek-hint"
            className="invoer"
          />
        </div>
        <div>
          <label htmlFor="status" className="mb-1 block font-semibold">
            Status
          </label>
          <select id="status" name="status" defaultValue={status} className="invoer">
            <option value="alle">Alle</option>
            <option value="actief">Actief</option>
            <option value="inactief">Gedeactiveerd</option>
          </select>
        </div>
        <button type="submit" className="knop-secundair">
          Zoeken
        </button>
      </form>
      <Tabel
        bijschrift={<>{aantal(rijen.length, "berichtgever", "berichtgevers")}</>}
        label="Berichtgevers"
        zichtbaar="mb-2 text-left"
        rijen={rijen}
        sleutel={(b) => b.id}
        kolommen={[
          ...berichtgeverKolommen("Gemeenten (lopend)"),
          { kop: "Back-ups", cel: (b) => b.backups },
          { kop: "Status", cel: (b) => (b.actief ? "Actief" : "Gedeactiveerd") },
        ]}
      />
    </div>
  );
}
