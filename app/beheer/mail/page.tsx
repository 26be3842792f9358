import Link from "next/link";
import { vereisCbs } from "@/lib/auth/actor";
import { mailOverzicht } from "@/lib/mail/wachtrij";
import type { MailStatus } from "@/lib/generated/prisma/enums";
import { BeheerKop } from "@/app/components/Kop";
import { verstuurOpnieuwActie } from "@/lib/beheer/mail-acties";
import { Formulier } from "@/app/components/Formulier";
import { moment } from "@/lib/swi/opmaak";
import { Tabel } from "@/app/components/Tabel";

export const metadata = { title: "Uitgaande e-mail" };

const STATUS_TEKST: Record<MailStatus, string> = {
  WACHTRIJ: "In de wachtrij",
  VERZONDEN: "Verzonden",
  MISLUKT: "Mislukt",
};

const STATUS_STIJL: Record<MailStatus, string> = {
  WACHTRIJ: "border-geel bg-geel/20",
  VERZONDEN: "border-groen bg-groen/10",
  MISLUKT: "border-rood bg-rood/10",
};

function isStatus(s: unknown): s is MailStatus {
  return typeof s === "string" && Object.hasOwn(STATUS_TEKST, s);
}

/**
 * Every queued and sent mail (newest first) with its state, attempts and last SMTP error, so staff
 * see when mail does not arrive. Mails hold no personal data; only the recipient's address.
 */
export default async function MailWachtrij({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await vereisCbs();
  const params = await searchParams;
  const status = isStatus(params.status) ? params.status : undefined;
  const rijen = await mailOverzicht(actor, { status, max: 200 });

  return (
    <div>
      <BeheerKop
        titel="Uitgaande e-mail"
        ondertitel="De laatste 200 e-mails van het portaal. Een e-mail die de mailserver weigert, blijft in de wachtrij en wordt later opnieuw geprobeerd."
      />

      <nav aria-label="Filter op status" className="mb-6">
        <ul className="flex flex-wrap gap-4">
          {[undefined, ...(Object.keys(STATUS_TEKST) as MailStatus[])].map((s) => (
            <li key={s ?? "alle"}>
              <Link
                href={s ? `/beheer/mail?status=${s}` : "/beheer/mail"}
                aria-current={s === status ? "page" : undefined}
                className={s === status ? "font-bold" : undefined}
              >
                {s ? STATUS_TEKST[s] : "Alle"}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {rijen.length === 0 ? (
        <p>Er zijn geen e-mails{status ? ` met de status "${STATUS_TEKST[status].toLowerCase()}"` : ""}.</p>
      ) : (
        <Tabel
          bijschrift={<>Uitgaande e-mail{status ? `, status ${STATUS_TEKST[status].toLowerCase()}` : ""}</>}
          label="Uitgaande e-mail"
          rijen={rijen}
          sleutel={(m) => m.id}
          kolommen={[
            { kop: "Aangemaakt", cel: (m) => moment(m.createdAt), className: "whitespace-nowrap" },
            { kop: "Aan", cel: (m) => m.aan, className: "break-all" },
            {
              kop: "Onderwerp",
              cel: (m) => (
                <>
                  {m.onderwerp}
                  <span className="block text-sm text-grijs-5">{m.sjabloon}</span>
                </>
              ),
            },
            {
              kop: "Berichtgever",
              cel: (m) => <>{m.berichtgever ? `${m.berichtgever.code} ${m.berichtgever.naam}` : "—"}</>,
            },
            {
              kop: "Status",
              cel: (m) => (
                <>
                  <span className={`border-l-4 px-2 ${STATUS_STIJL[m.status]}`}>{STATUS_TEKST[m.status]}</span>
                  {m.verzondenOp && <span className="block text-sm">{moment(m.verzondenOp)}</span>}
                </>
              ),
              className: "whitespace-nowrap",
            },
            { kop: "Pogingen", cel: (m) => m.pogingen, className: "text-right" },
            {
              kop: "Laatste fout",
              cel: (m) => (
                <>
                  {m.laatsteFout ?? "—"}
                  {m.status === "MISLUKT" && (
                    <Formulier
                      actie={verstuurOpnieuwActie}
                      verborgen={{ id: m.id }}
                      voorvoegsel={`mail-${m.id}`}
                      knopStijl="knop-secundair"
                      className="mt-2"
                      knop={
                        <>
                          Opnieuw versturen<span className="sr-only"> aan {m.aan}</span>
                        </>
                      }
                    />
                  )}
                </>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
