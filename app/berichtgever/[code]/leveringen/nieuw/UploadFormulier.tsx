"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
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
import { Browsercontrole, type LokaleUitslag } from "@/lib/browsercontrole/client";
import { aantal, getal } from "@/lib/swi/opmaak";
import { controleerNaamVooraf, type NaamBevinding, type Toewijzing } from "@/lib/swi/naamcontrole";
import type { Datum } from "@/lib/swi/types";
import type { BrowserUitkomst } from "@/lib/browsercontrole/berichten";
import type { VorigeTellingen } from "@/lib/browsercontrole/bestandscontrole";

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
  /** The technische controle in this browser, before anything is sent. */
  lokaal: { staat: "bezig"; gelezen: number } | ({ staat: "klaar" } & LokaleUitslag);
  /** The person chose to send a file the browser check refuses. */
  tochUploaden?: boolean;
}

/** The browser check refuses the file (one of its deliveries); such a file is not sent unless asked. */
function lokaalAfgekeurd(i: Item): boolean {
  return i.lokaal.staat === "klaar" && i.lokaal.soort === "klaar" && i.lokaal.uitkomsten.some((u) => !u.accepted);
}

function klaarOmTeVersturen(i: Item): boolean {
  return (
    (i.staat === "gekozen" || i.staat === "onderbroken") &&
    i.lokaal.staat === "klaar" &&
    (!lokaalAfgekeurd(i) || i.tochUploaden === true)
  );
}

function sleutelVan(f: File): string {
  return `${f.name}|${f.size}|${f.lastModified}`;
}

export function UploadFormulier({
  code,
  toewijzingen,
  vandaag,
  vorige,
}: {
  code: string;
  toewijzingen: readonly Toewijzing[];
  /** Today in Dutch time, as the portal's clock has it (the deadline is the portal's, not the PC's). */
  vandaag: Datum;
  /** Counts of earlier deliveries per gemeente, for F01/F03 in the browser. */
  vorige: VorigeTellingen;
}) {
  const [items, setItems] = useState<Item[]>([]);
  const [fouten, setFouten] = useState<VeldFout[]>([]);
  const [bezig, setBezig] = useState(false);
  const [sleepActief, setSleepActief] = useState(false);
  const [aankondiging, setAankondiging] = useState("");
  const [proef, setProef] = useState(false);
  const invoer = useRef<HTMLInputElement>(null);
  const controle = useRef<Browsercontrole | null>(null);

  useEffect(() => {
    controle.current = new Browsercontrole();
    return () => {
      controle.current?.sluit();
      controle.current = null;
    };
  }, []);

  function controleerLokaal(item: Item) {
    const c = controle.current ?? (controle.current = new Browsercontrole());
    void c
      .controleer(item.bestand, { berichtgevercode: code, toewijzingen, vandaag, vorige }, (gelezen) =>
        werkBij(item.sleutel, { lokaal: { staat: "bezig", gelezen } }),
      )
      .then((uitslag) => {
        werkBij(item.sleutel, { lokaal: { staat: "klaar", ...uitslag } });
        setAankondiging(uitslagTekst(item.bestand.name, uitslag));
      });
  }

  const werkBij = (sleutel: string, wijziging: Partial<Item>) =>
    setItems((huidig) => huidig.map((i) => (i.sleutel === sleutel ? { ...i, ...wijziging } : i)));

  function voegToe(lijst: FileList | File[] | null) {
    if (!lijst) return;
    const bekend = new Set(items.map((i) => i.sleutel));
    const erbij = Array.from(lijst)
      .filter((f) => !bekend.has(sleutelVan(f)))
      .map((f): Item => ({
        sleutel: sleutelVan(f),
        bestand: f,
        staat: "gekozen",
        verzonden: 0,
        lokaal: { staat: "bezig", gelezen: 0 },
      }));
    setFouten([]);
    setItems((huidig) => [...huidig, ...erbij.filter((e) => !huidig.some((i) => i.sleutel === e.sleutel))]);
    for (const item of erbij) controleerLokaal(item);
    if (erbij.length > 0) {
      setAankondiging(
        `De inhoud van ${aantal(erbij.length, "bestand", "bestanden")} wordt nu in uw browser gecontroleerd; er wordt nog niets verzonden.`,
      );
    }
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
    const nogTeDoen = items.filter((i) => i.staat === "gekozen" || i.staat === "onderbroken");
    if (nogTeDoen.length === 0) {
      setFouten([{ veld: "bestanden", bericht: "Kies ten minste één bestand (XML of zip) om te uploaden." }]);
      return;
    }
    if (nogTeDoen.some((i) => i.lokaal.staat === "bezig")) {
      setFouten([
        {
          veld: "bestanden",
          bericht:
            "De controle in uw browser is nog niet klaar. Wacht tot die klaar is; daarna kunt u de bestanden uploaden.",
        },
      ]);
      return;
    }
    const open = nogTeDoen.filter(klaarOmTeVersturen);
    if (open.length === 0) {
      setFouten([
        {
          veld: "bestanden",
          bericht:
            "Er is niets verzonden: de controle in uw browser keurt de gekozen bestanden af. Verbeter ze en kies ze opnieuw, of kies bij een bestand ‘Toch uploaden’.",
        },
      ]);
      return;
    }
    setFouten([]);
    void verstuur(open);
  }

  const ontvangen = items.some((i) => i.staat === "ontvangen");
  const open = items.filter(klaarOmTeVersturen).length;

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
                tochUploaden={() => {
                  const gekozen = { ...i, tochUploaden: true };
                  werkBij(i.sleutel, { tochUploaden: true });
                  setFouten([]);
                  void verstuur([gekozen]);
                }}
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
  tochUploaden,
}: {
  item: Item;
  code: string;
  bezig: boolean;
  /** What the name alone says, checked in the browser as soon as the file is chosen. */
  naamcontrole: readonly NaamBevinding[];
  verwijder: () => void;
  tochUploaden: () => void;
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
          {item.staat === "gekozen" && item.lokaal.staat === "bezig"
            ? "Wordt in uw browser gecontroleerd"
            : item.staat === "gekozen" && lokaalAfgekeurd(item) && !item.tochUploaden
              ? "Wordt afgekeurd; niet verzonden"
              : STAAT_TEKST[item.staat]}
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
      {item.staat === "gekozen" && item.lokaal.staat === "bezig" ? (
        <LokaleVoortgang id={id} naam={item.bestand.name} gelezen={item.lokaal.gelezen} totaal={totaal} />
      ) : null}
      {item.lokaal.staat === "klaar" && (item.staat === "gekozen" || item.staat === "onderbroken") ? (
        <LokaleUitslagPaneel
          id={id}
          naam={item.bestand.name}
          uitslag={item.lokaal}
          tochGekozen={item.tochUploaden === true}
          kanTochUploaden={!bezig && item.staat === "gekozen"}
          tochUploaden={tochUploaden}
        />
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

function uitslagTekst(naam: string, uitslag: LokaleUitslag): string {
  if (uitslag.soort === "mislukt") return `De controle van ${naam} in uw browser kon niet worden uitgevoerd.`;
  const fouten = uitslag.uitkomsten.reduce((n, u) => n + u.errorCount, 0);
  return fouten === 0
    ? `${naam}: de controle in uw browser vond geen fouten.`
    : `${naam} wordt afgekeurd: de controle in uw browser vond ${aantal(fouten, "fout", "fouten")}. Er is niets verzonden.`;
}

function LokaleVoortgang({ id, naam, gelezen, totaal }: { id: string; naam: string; gelezen: number; totaal: number }) {
  const procent = totaal > 0 ? Math.floor((gelezen / totaal) * 100) : 0;
  return (
    <p className="mt-1 flex flex-wrap items-center gap-3" data-testid="lokale-voortgang">
      <label htmlFor={`${id}-lokaal`} className="text-sm font-semibold">
        Controle in uw browser <span className="sr-only">van {naam}</span>
      </label>
      <progress
        id={`${id}-lokaal`}
        max={totaal || 1}
        value={gelezen}
        aria-describedby={`${id}-lokaal-procent`}
        className="h-4 w-64 max-w-full"
      />
      <span id={`${id}-lokaal-procent`} className="text-sm">
        {procent}% gecontroleerd
      </span>
    </p>
  );
}

/** Shown at most this many failures per delivery on the page; the count says how many there are. */
const TOON_FOUTEN = 100;

function LokaleUitslagPaneel({
  id,
  naam,
  uitslag,
  tochGekozen,
  kanTochUploaden,
  tochUploaden,
}: {
  id: string;
  naam: string;
  uitslag: LokaleUitslag;
  tochGekozen: boolean;
  kanTochUploaden: boolean;
  tochUploaden: () => void;
}) {
  const paneel = useRef<HTMLDivElement>(null);
  const afgekeurd = uitslag.soort === "klaar" && uitslag.uitkomsten.some((u) => !u.accepted);
  useEffect(() => {
    // As an error summary: the person's attention goes to what stops the upload.
    if (afgekeurd) paneel.current?.focus();
  }, [afgekeurd]);

  if (uitslag.soort === "mislukt") {
    return (
      <p className="mt-2 border-l-4 border-grijs-5 bg-grijs-1 p-3" data-testid="lokale-uitslag" data-uitslag="mislukt">
        De controle in uw browser kon voor dit bestand niet worden uitgevoerd. U kunt het gewoon uploaden; na ontvangst
        wordt het volledig gecontroleerd.
      </p>
    );
  }
  if (!afgekeurd) {
    const personen = uitslag.uitkomsten.reduce((n, u) => n + u.aantalPersonen, 0);
    return (
      <div className="mt-2 border-l-4 border-groen bg-grijs-1 p-3" data-testid="lokale-uitslag" data-uitslag="goed">
        <p>
          <strong>Geen fouten gevonden</strong> in de technische controle
          {uitslag.uitkomsten.length > 1 ? ` van ${aantal(uitslag.uitkomsten.length, "bestand", "bestanden")}` : ""} (
          {aantal(personen, "persoon", "personen")}). Deze controle liep in uw browser, op uw eigen computer; na
          ontvangst controleert de portal alles opnieuw, ook de statistische controle.
        </p>
        {uitslag.uitkomsten.map((u) =>
          u.bestand ? (
            <Bestandsignalen
              key={u.fileName}
              id={`${id}-${u.fileName}`}
              uitkomst={u}
              meer={uitslag.uitkomsten.length > 1}
            />
          ) : null,
        )}
      </div>
    );
  }
  const totaalFouten = uitslag.uitkomsten.reduce((n, u) => n + u.errorCount, 0);
  return (
    <div
      ref={paneel}
      tabIndex={-1}
      aria-labelledby={`${id}-uitslag-titel`}
      className="mt-2 border-4 border-rood p-4"
      data-testid="lokale-uitslag"
      data-uitslag="afgekeurd"
    >
      <h3 id={`${id}-uitslag-titel`} className="mb-2 text-xl font-bold">
        Dit bestand wordt afgekeurd <span className="sr-only">({naam})</span>
      </h3>
      <p className="mb-2">
        De controle in uw browser vond {aantal(totaalFouten, "fout", "fouten")}. Deze controle liep op uw eigen
        computer: er is <strong>niets verzonden</strong>. Verbeter het bestand en kies het daarna opnieuw.
      </p>
      {uitslag.uitkomsten
        .filter((u) => !u.accepted)
        .map((u) => (
          <section key={u.fileName} aria-label={`Fouten in ${u.fileName}`} className="mb-2">
            {uitslag.uitkomsten.length > 1 || u.fileName !== naam ? (
              <h4 className="font-semibold">{u.fileName}</h4>
            ) : null}
            <ul className="list-disc space-y-1 pl-6" data-testid="lokale-fouten">
              {u.errors.slice(0, TOON_FOUTEN).map((f, n) => (
                <li key={n} data-regel={f.rule}>
                  {f.line !== null ? `Regel ${getal(f.line)}: ` : ""}
                  {f.message} <span className="text-sm">({f.rule})</span>
                </li>
              ))}
            </ul>
            {u.errorCount > Math.min(u.errors.length, TOON_FOUTEN) ? (
              <p className="mt-1 text-sm">
                Hierboven de eerste {getal(Math.min(u.errors.length, TOON_FOUTEN))} van {getal(u.errorCount)} fouten.
              </p>
            ) : null}
          </section>
        ))}
      {tochGekozen ? null : (
        <p className="mt-3">
          Denkt u dat het bestand toch goed is? Dan kunt u het toch uploaden; de portal controleert het na ontvangst
          opnieuw en stuurt u de uitkomst.{" "}
          <button
            type="button"
            className="knop-secundair"
            onClick={tochUploaden}
            disabled={!kanTochUploaden}
            aria-disabled={!kanTochUploaden}
          >
            Toch uploaden <span className="sr-only">{naam}</span>
          </button>
        </p>
      )}
    </div>
  );
}

/**
 * F01–F04 of one accepted delivery, as the server will give them: signals to look at, never a
 * reason the file is refused. Without the previous quarter's counts the page says the comparison
 * follows after upload.
 */
function Bestandsignalen({ id, uitkomst, meer }: { id: string; uitkomst: BrowserUitkomst; meer: boolean }) {
  const b = uitkomst.bestand!;
  const titelId = `${id.replace(/[^A-Za-z0-9-]/g, "-")}-signalen`;
  return (
    <section
      aria-labelledby={titelId}
      className="mt-3"
      data-testid="lokale-bestandsignalen"
      data-vergelijking={b.vergelijking}
    >
      <h3 id={titelId} className="font-semibold">
        Signalen over het bestand{meer ? ` ${uitkomst.fileName}` : ""} (geen afkeuring)
      </h3>
      {b.signalen.length === 0 ? (
        <p>Geen signalen over het bestand als geheel.</p>
      ) : (
        <ul className="list-disc space-y-1 pl-6">
          {b.signalen.map((s, n) => (
            <li key={n} data-regel={s.rule}>
              {s.message} <span className="text-sm">({s.rule})</span>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-1 text-sm">
        {b.vergelijking === "vergeleken"
          ? `Vergeleken met uw levering over ${b.vorigKwartaal}. Deze signalen zijn geen reden om het bestand af te keuren; kijk of ze kloppen met uw administratie.`
          : b.vergelijking === "geen-vorige"
            ? "Er is geen eerdere levering voor deze gemeente om mee te vergelijken. Deze signalen zijn geen reden om het bestand af te keuren."
            : "De vergelijking met het vorige kwartaal (aantal personen en vulling van de kenmerken) doet de portal na het uploaden. Deze signalen zijn geen reden om het bestand af te keuren."}
      </p>
    </section>
  );
}
