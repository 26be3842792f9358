import Link from "next/link";
import { vereisCbs } from "@/lib/auth/actor";
import { alleBerichtgevers } from "@/lib/berichtgevers/data";

export const metadata = { title: "Berichtgevers" };

export default async function Beheer() {
  const actor = await vereisCbs();
  const berichtgevers = await alleBerichtgevers(actor);
  return (
    <div>
      <h1 className="mb-6 text-3xl font-bold">Berichtgevers</h1>
      <table className="tabel">
        <caption className="sr-only">Alle berichtgevers</caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Naam</th>
            <th scope="col">Contactpersoon</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {berichtgevers.map((b) => (
            <tr key={b.id}>
              <td>{b.code}</td>
              <td>
                <Link href={`/berichtgever/${b.code}`}>{b.naam}</Link>
              </td>
              <td>{b.contactpersoon?.user ? `${b.contactpersoon.user.naam} (${b.contactpersoon.user.email})` : "—"}</td>
              <td>{b.actief ? "Actief" : "Gedeactiveerd"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
