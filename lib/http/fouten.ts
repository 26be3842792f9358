/**
 * The one family of refusals the portal answers with. Code anywhere under lib/ throws a
 * PortaalFout (or one of its named kinds) and the request layer turns it into an answer in one
 * place: the HTTP status and a JSON `{ melding, code? }` for routes (lib/http/antwoord.ts), the
 * Dutch not-found, no-access or sign-in page for pages (lib/http/pagina.ts).
 */

export type FoutSoort =
  | "ongeldig"
  | "niet-ingelogd"
  | "geen-recht"
  | "niet-gevonden"
  | "conflict"
  | "verlopen"
  | "te-groot"
  | "niet-verwerkbaar"
  | "te-veel";

export const STATUS_PER_SOORT: Record<FoutSoort, number> = {
  ongeldig: 400,
  "niet-ingelogd": 401,
  "geen-recht": 403,
  "niet-gevonden": 404,
  conflict: 409,
  verlopen: 410,
  "te-groot": 413,
  "niet-verwerkbaar": 422,
  "te-veel": 429,
};

const STANDAARD_MELDING: Record<FoutSoort, string> = {
  ongeldig: "Het verzoek is niet volledig of niet juist.",
  "niet-ingelogd": "U bent niet ingelogd.",
  "geen-recht": "U hebt geen toegang tot deze gegevens.",
  "niet-gevonden": "Niet gevonden",
  conflict: "Dit kan nu niet.",
  verlopen: "Dit is niet meer beschikbaar.",
  "te-groot": "Het verzoek is te groot.",
  "niet-verwerkbaar": "Het verzoek kan niet worden verwerkt.",
  "te-veel": "Te veel verzoeken. Probeer het later opnieuw.",
};

export interface FoutOpties {
  /** A machine-readable code a client can act on (the vendor API documents them). */
  code?: string;
  /** More fields for the JSON answer, e.g. the status of a delivery or the expected file name. */
  extra?: Record<string, unknown>;
  headers?: Record<string, string>;
}

export class PortaalFout extends Error {
  readonly melding: string;
  readonly code: string | undefined;
  readonly extra: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    readonly soort: FoutSoort,
    melding?: string,
    opties: FoutOpties = {},
  ) {
    const tekst = melding ?? STANDAARD_MELDING[soort];
    super(tekst);
    this.name = "PortaalFout";
    this.melding = tekst;
    this.code = opties.code;
    this.extra = opties.extra ?? {};
    this.headers = opties.headers ?? {};
  }

  get status(): number {
    return STATUS_PER_SOORT[this.soort];
  }
}

/**
 * Not there, or not the actor's to see: the two are answered alike, so another tenant's data is
 * not even confirmed to exist.
 */
export class NietGevonden extends PortaalFout {
  constructor(melding?: string) {
    super("niet-gevonden", melding);
    this.name = "NietGevonden";
  }
}

/** The actor may see this, but their role may not do it (RECHTEN in lib/auth/actor.ts). */
export class GeenRecht extends PortaalFout {
  constructor(melding?: string) {
    super("geen-recht", melding);
    this.name = "GeenRecht";
  }
}

export function isPortaalFout(e: unknown): e is PortaalFout {
  return e instanceof PortaalFout;
}

const SOORT_PER_STATUS = new Map<number, FoutSoort>(
  Object.entries(STATUS_PER_SOORT).map(([soort, status]) => [status, soort as FoutSoort]),
);

/** For code that speaks in statuses (a chunked upload part): the kind that answers with it. */
export function soortVoorStatus(status: number): FoutSoort {
  const soort = SOORT_PER_STATUS.get(status);
  if (!soort) throw new Error(`Geen foutsoort voor status ${status}`);
  return soort;
}
