"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { ErrorSummary, type VeldFout } from "@/app/components/ErrorSummary";
import {
  uploadBestand,
  type UploadSessie,
  UploadGeweigerd,
  VerbindingMislukt,
  type OntvangenLevering,
  type UploadVoortgang,
} from "@/lib/leveringen/upload-client";
import { grootteTekst } from "@/lib/leveringen/weergave";
import { controleerNaamVooraf, type NaamBevinding, type Toewijzing } from "@/lib/swi/naamcontrole";
import type { Datum } from "@/lib/swi/types";

type Staat = "gekozen" | "bezig" | "wacht" | "afronden" | "ontvangen" | "geweigerd" | "onderbroken";

interface Item {
  sleutel: string;
  bestand: File;
  staat: Staat;
  verzonden: number;
  melding?: string;
  verwachteNaam?: string;
  sessie?: UploadSessie;
  leveringen?: OntvangenLevering[];
}

function sleutelVan(f: File): string {
  return `${f.name}|${f.size}|${f.lastModified}`;
}

export function UploadFormulier({
  code,
  toewijzingen,
  vandaag,
}: {
  code: string;
  toewijzingen: readonly Toewijzing[];
  /** Today in Dutch time, as the portal's clock has it (the deadline is the portal's, not the PC's). */
  vandaag: Datum;
}) {
  const [items, setItems] = useState<Item[]>([]);
  const [fouten, setFouten] = useState<VeldFout[]>([]);
  const [bezig, setBezig] = useState(false);
  const [sleepActief, setSleepActief] = useState(false);
  const [aankondiging, setAankondiging] = useState("");
  const [proef, setProef] = useState(false);
  const invoer = useRef<HTMLInputElement>(null);

  const werkBij = (sleutel: string, wijziging: Partial<Item>) =>
    setItems((huidig) => huidig.map((i) => (i.sleutel === sleutel ? { ...i, ...wijziging } : i)));

  function voegToe(lijst: FileList | File[] | null) {
    if (!lijst) return;
    const nieuw = Array.from(lijst);
    setFouten([]);
    setItems((huidig) => {
      const bekend = new Set(huidig.map((i) => i.sleutel));
      const erbij = nieuw
        .filter((f) => !bekend.has(sleutelVan(f)))
        .map((f): Item => ({ sleutel: sleutelVan(f), bestand: f, staat: "gekozen", verzonden: 0 }));
      return [...huidig, ...erbij];
    });
    if (invoer.current) invoer.current.value = "";
  }

  async function verstuurEen(item: Item) {
    const naam = item.bestand.name;
    setAankondiging(`Upload van ${naam} gestart.`);
    try {
      const r = await uploadBestand(item.bestand, {
        berichtgeverCode: code,
        proef,
        sessie: item.sessie,
        opSessie: (sessie) => werkBij(item.sleutel, { sessie }),
        opVoortgang: (v: UploadVoortgang) =>
          werkBij(item.sleutel, {
            staat: v.soort,
            verzonden: v.verzonden,
            melding:
              v.soort === "wacht"
                ? `${v.melding ?? "De verbinding is onderbroken."} Nieuwe poging over ${v.seconden} ${v.seconden === 1 ? "seconde" : "seconden"} (poging ${v.poging + 1} van ${v.maxPogingen}).`
                : undefined,
          }),
      });
      werkBij(item.sleutel, {
        staat: "ontvangen",
        verzonden: item.bestand.size,
        leveringen: r.leveringen,
        melding: undefined,
      });
      setAankondiging(`${naam} is ontvangen. De controles lopen nu.`);
    } catch (e) {
      if (e instanceof UploadGeweigerd) {
        werkBij(item.sleutel, {
          staat: "geweigerd",
          melding: e.melding,
          verwachteNaam: e.verwachteNaam,
          sessie: undefined,
        });
        setAankondiging(`${naam} is geweigerd: ${e.melding}`);
      } else if (e instanceof VerbindingMislukt) {
        werkBij(item.sleutel, { staat: "onderbroken", melding: e.message });
        setAankondiging(`De upload van ${naam} is onderbroken.`);
      } else {
        werkBij(item.sleutel, {
          staat: "onderbroken",
          melding: "Er ging iets mis bij het verzenden. Kies ‘Opnieuw proberen’.",
        });
        setAankondiging(`De upload van ${naam} is mislukt.`);
      }
    }
  }

  async function verstuur(teVersturen: Item[]) {
    setBezig(true);
    try {
      // One file at a time: parallel uploads would share one connection and all go slower.
      for (const item of teVersturen) await verstuurEen(item);
    } finally {
      setBezig(false);
    }
  }

  function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    const open = items.filter((i) => i.staat === "gekozen" || i.staat === "onderbroken");
    if (open.length === 0) {
      setFouten([{ veld: "bestanden", bericht: "Kies ten minste één bestand (XML of zip) om te uploaden." }]);
      return;
    }
    setFouten([]);
    void verstuur(open);
  }

  const ontvangen = items.some((i) => i.staat === "ontvangen");
  const open = items.filter((i) => i.staat === "gekozen" || i.staat === "onderbroken").length;

  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary fouten={fouten} />
      <p role="status" aria-live="polite" className="sr-only">
        {aankondiging}
      </p>

      <div
        data-testid="sleepvak"
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
          setSleepActief(true);
        }}
        onDragLeave={() => setSleepActief(false)}
        onDrop={(e) => {
          e.preventDefault();
          setSleepActief(false);
          voegToe(e.dataTransfer.files);
        }}
        className={`mb-6 max-w-3xl border-4 border-dashed p-6 ${sleepActief ? "border-hemel-donker bg-grijs-1" : "border-grijs-5"} ${fouten.length ? "border-rood" : ""}`}
      >
        <p className="mb-3 font-semibold">Sleep uw bestanden hierheen, of kies ze:</p>
        <label htmlFor="bestanden" className="mb-1 block font-semibold">
          Bestanden (XML of zip)
        </label>
        <p id="bestanden-hint" className="mb-2 text-grijs-5">
          U kunt meerdere bestanden tegelijk kiezen. Een XML-bestand heet SWI_{code}
          _[gemeentecode]_[jjjj][kwartaal].XML; een zip-bestand mag meerdere van zulke bestanden bevatten. Maximaal 200
          MB per bestand.
        </p>
        {fouten.length ? (
          <p id="bestanden-fout" className="mb-2 font-semibold text-rood">
            <span className="sr-only">Fout: </span>
            {fouten[0]!.bericht}
          </p>
        ) : null}
        <input
          ref={invoer}
          id="bestanden"
          name="bestanden"
          type="file"
          multiple
          accept=".xml,.XML,.zip,.ZIP"
          aria-describedby={fouten.length ? "bestanden-hint bestanden-fout" : "bestanden-hint"}
          aria-invalid={fouten.length ? true : undefined}
          onChange={(e) => voegToe(e.target.files)}
          className="block"
        />
      </div>

      {items.length > 0 ? (
        <section aria-labelledby="gekozen-titel" className="mb-6 max-w-3xl">
          <h2 id="gekozen-titel" className="mb-3 text-2xl font-semibold">
            Bestanden
          </h2>
          <ul className="space-y-4">
            {items.map((i) => (
              <BestandRegel
                key={i.sleutel}
                item={i}
                code={code}
                bezig={bezig}
                naamcontrole={controleerNaamVooraf(i.bestand.name, { berichtgevercode: code, toewijzingen, vandaag })}
                verwijder={() => setItems((h) => h.filter((x) => x.sleutel !== i.sleutel))}
              />
            ))}
          </ul>
        </section>
      ) : null}

      <div className="mb-6 flex max-w-3xl items-start gap-3">
        <input
          id="proef"
          name="proef"
          type="checkbox"
          checked={proef}
          disabled={bezig}
          onChange={(e) => setProef(e.target.checked)}
          aria-describedby="proef-hint"
          className="mt-1 h-6 w-6"
        />
        <div>
          <label htmlFor="proef" className="font-semibold">
            Alleen controleren (proeflevering)
          </label>
          <p id="proef-hint" className="text-grijs-5">
            U krijgt de volledige controle, het spiegelrapport en de signaleringslijst, maar het bestand telt niet als
            levering en het CBS ziet het niet. Na 14 dagen wordt het verwijderd, tenzij de contactpersoon het vrijgeeft
            als levering.
          </p>
        </div>
      </div>

      <p className="mb-6 flex flex-wrap gap-4">
        <button type="submit" className="knop" disabled={bezig} aria-disabled={bezig}>
          {bezig
            ? "Bezig met uploaden…"
            : open > 0 && items.some((i) => i.staat === "onderbroken")
              ? "Opnieuw proberen"
              : "Bestanden uploaden"}
        </button>
      </p>

      {ontvangen ? (
        <p className="max-w-3xl border-l-4 border-groen bg-grijs-1 p-3">
          De controles lopen nu op de achtergrond; u krijgt een e-mail als ze klaar zijn.{" "}
          <Link href={`/berichtgever/${code}/leveringen`}>Bekijk de status in het overzicht van uw leveringen</Link>.
        </p>
      ) : null}
    </form>
  );
}

const STAAT_TEKST: Record<Staat, string> = {
  gekozen: "Klaar om te uploaden",
  bezig: "Bezig met uploaden",
  wacht: "Verbinding onderbroken",
  afronden: "Bezig met afronden",
  ontvangen: "Ontvangen",
  geweigerd: "Geweigerd",
  onderbroken: "Onderbroken",
};

function BestandRegel({
  item,
  code,
  bezig,
  naamcontrole,
  verwijder,
}: {
  item: Item;
  code: string;
  bezig: boolean;
  /** What the name alone says, checked in the browser as soon as the file is chosen. */
  naamcontrole: readonly NaamBevinding[];
  verwijder: () => void;
}) {
  const totaal = item.bestand.size;
  const procent = totaal > 0 ? Math.floor((item.verzonden / totaal) * 100) : 100;
  const id = `bestand-${item.sleutel.replace(/[^A-Za-z0-9]/g, "-")}`;
  const fout = item.staat === "geweigerd" || item.staat === "onderbroken";
  return (
    <li
      className={`border-l-4 p-3 ${fout ? "border-rood" : item.staat === "ontvangen" ? "border-groen" : "border-grijs-2"}`}
      data-bestand={item.bestand.name}
    >
      <p className="flex flex-wrap items-baseline gap-x-3">
        <span id={`${id}-naam`} className="break-all font-semibold">
          {item.bestand.name}
        </span>
        <span className="text-sm text-grijs-5">{grootteTekst(totaal)}</span>
        <span className="text-sm font-semibold" data-testid="upload-staat">
          {STAAT_TEKST[item.staat]}
        </span>
      </p>
      {item.staat !== "gekozen" && item.staat !== "geweigerd" ? (
        <p className="mt-1 flex items-center gap-3">
          <progress
            max={totaal}
            value={item.verzonden}
            aria-labelledby={`${id}-naam`}
            aria-describedby={`${id}-procent`}
            className="h-4 w-64 max-w-full"
          />
          <span id={`${id}-procent`} className="text-sm">
            {procent}% ({grootteTekst(item.verzonden)} van {grootteTekst(totaal)})
          </span>
        </p>
      ) : null}
      {item.staat === "gekozen" && naamcontrole.length > 0 ? (
        <ul
          className="mt-1 space-y-1"
          data-testid="naamcontrole"
          aria-label={`Controle van de naam van ${item.bestand.name}`}
        >
          {naamcontrole.map((b) => (
            <li
              key={b.regel}
              data-regel={b.regel}
              data-ernst={b.ernst}
              className={
                b.ernst === "afkeur"
                  ? "font-semibold text-rood"
                  : b.ernst === "let-op"
                    ? "font-semibold"
                    : "text-grijs-5"
              }
            >
              {b.ernst === "afkeur" ? "Wordt afgekeurd: " : b.ernst === "let-op" ? "Let op: " : ""}
              {b.melding} <span className="text-sm font-normal">({b.regel})</span>
            </li>
          ))}
        </ul>
      ) : null}
      {item.melding ? (
        <p className={`mt-1 ${fout ? "font-semibold text-rood" : ""}`} role={fout ? "alert" : undefined}>
          {fout ? <span className="sr-only">Fout: </span> : null}
          {item.melding}
        </p>
      ) : null}
      {item.verwachteNaam ? (
        <p className="mt-1">
          Verwachte bestandsnaam: <code data-testid="verwachte-naam">{item.verwachteNaam}</code>
        </p>
      ) : null}
      {item.leveringen && item.leveringen.length > 0 ? (
        <ul className="mt-1 list-disc pl-6">
          {item.leveringen.map((l) => (
            <li key={l.id}>
              <Link href={`/berichtgever/${code}/leveringen/${l.id}`}>{l.bestandsnaam}</Link>
            </li>
          ))}
        </ul>
      ) : null}
      {item.staat === "gekozen" && !bezig ? (
        <button type="button" onClick={verwijder} className="mt-1 text-hemel-donker underline">
          Verwijder <span className="sr-only">{item.bestand.name}</span> uit de lijst
        </button>
      ) : null}
    </li>
  );
}
