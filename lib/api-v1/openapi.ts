/**
 * The OpenAPI 3.1 description of the vendor API, served at /api/v1/openapi.json. Written by hand
 * as a typed object next to the routes; lib/api-v1/openapi.test.ts validates it, checks that
 * every route file under app/api/v1 is described (and nothing else), and checks real responses
 * against its schemas.
 */
import type { OpenAPIV3_1 } from "openapi-types";
import { REGELS } from "@/lib/swi/regels";
import { BESTAND_VELD } from "./upload-veld";

type Schema = OpenAPIV3_1.SchemaObject;

/**
 * openapi-types 12 builds a 3.1 path item by intersecting it with the 3.0 one (its Omit cannot
 * remove enum-keyed methods), so a valid 3.1 operation does not type-check inside `paths`. The
 * operations are typed as 3.1 here and the path item is cast once.
 */
function pad(operaties: Partial<Record<"get" | "post", OpenAPIV3_1.OperationObject>>): OpenAPIV3_1.PathItemObject {
  return operaties as OpenAPIV3_1.PathItemObject;
}

const ref = (naam: string) => ({ $ref: `#/components/schemas/${naam}` });
const nullable = (s: Schema): Schema => ({ ...s, type: [s.type as OpenAPIV3_1.NonArraySchemaObjectType, "null"] });

function fout(beschrijving: string): OpenAPIV3_1.ResponseObject {
  return { description: beschrijving, content: { "application/json": { schema: ref("Fout") } } };
}

const NIET_GEAUTORISEERD: OpenAPIV3_1.ResponseObject = {
  description:
    'Geen, een onbekende of een ingetrokken token. De header WWW-Authenticate noemt het schema (Bearer) en bij een ongeldige token error="invalid_token".',
  headers: { "WWW-Authenticate": { schema: { type: "string" } } },
  content: { "application/json": { schema: ref("Fout") } },
};

const NIET_GEVONDEN = fout(
  "De levering bestaat niet, of hoort niet bij de berichtgever van de token (dat is niet van elkaar te onderscheiden).",
);

const LEVERING_ID: OpenAPIV3_1.ParameterObject = {
  name: "id",
  in: "path",
  required: true,
  description: "Id van de levering, zoals teruggegeven bij het aanleveren.",
  schema: { type: "string", pattern: "^[A-Za-z0-9_-]{1,64}$" },
};

const STATUSSEN = ["ONTVANGEN", "TECHNISCHE_CONTROLE", "AFGEKEURD", "STATISTISCHE_CONTROLE", "VERWERKT", "VERVANGEN"];
const STATISTISCHE_CODES = REGELS.filter((r) => r.soort !== "technisch").map((r) => r.code);

/** Whether a delivery counts; shared by the answer to an upload and the status. */
const PROEF: Schema = nullable({
  type: "string",
  enum: ["ALLEEN_CONTROLEREN", "WACHT_OP_VRIJGAVE", null],
  description:
    "null: een levering. ALLEEN_CONTROLEREN: aangeleverd met ?proef=true. WACHT_OP_VRIJGAVE: de berichtgever laat uploads via de API pas tellen wanneer de contactpersoon ze in het portaal vrijgeeft. Een proeflevering krijgt de volledige controle, het spiegelrapport en de signaleringslijst, telt niet als levering, is niet zichtbaar voor het CBS en wordt na 14 dagen verwijderd als zij niet is vrijgegeven.",
});

const schemas: Record<string, Schema> = {
  Fout: {
    type: "object",
    required: ["melding"],
    properties: {
      melding: { type: "string", description: "Wat er mis is en wat u kunt doen, in gewoon Nederlands." },
      code: {
        type: "string",
        description: "Bij een geweigerd bestand: waarom. PROEF: de parameter proef is niet true of false.",
        enum: ["NAAM", "BERICHTGEVER", "TE_GROOT", "DUBBEL", "LEEG", "PROEF"],
      },
      verwachteNaam: { type: "string", description: "Bij NAAM/BERICHTGEVER: de naam of het patroon dat wel klopt." },
      status: { type: "string", description: "Bij 409: de huidige status van de levering.", enum: STATUSSEN },
    },
  },
  LeveringStatus: {
    type: "string",
    enum: STATUSSEN,
    description:
      "ONTVANGEN → TECHNISCHE_CONTROLE → AFGEKEURD, of → STATISTISCHE_CONTROLE → VERWERKT. VERVANGEN: later vervangen door een nieuwere levering voor dezelfde gemeente en hetzelfde kwartaal. AFGEKEURD, VERWERKT en VERVANGEN zijn eindstatussen.",
  },
  OntvangenLevering: {
    type: "object",
    required: ["id", "proef", "bestandsnaam", "gemeentecode", "statistiekjaar", "statistiekkwartaal", "status", "url"],
    properties: {
      id: { type: "string" },
      proef: PROEF,
      bestandsnaam: { type: "string" },
      gemeentecode: nullable({ type: "string", pattern: "^[0-9]{4}$" }),
      statistiekjaar: nullable({ type: "integer" }),
      statistiekkwartaal: nullable({ type: "integer", minimum: 1, maximum: 4 }),
      status: ref("LeveringStatus"),
      url: { type: "string", description: "Pad om de status op te vragen." },
    },
  },
  Aanlevering: {
    type: "object",
    required: ["aanleveringId", "leveringen"],
    properties: {
      aanleveringId: { type: "string" },
      leveringen: {
        type: "array",
        description: "Eén levering per XML-bestand; een zip kan er meerdere bevatten.",
        items: ref("OntvangenLevering"),
      },
    },
  },
  TechnischeFout: {
    type: "object",
    required: ["volgnummer", "regelnummer", "kenmerk", "regel", "bericht"],
    properties: {
      volgnummer: { type: "integer" },
      regelnummer: nullable({ type: "integer", description: "Regel in het XML-bestand." }),
      kenmerk: nullable({ type: "integer", description: "Nummer van het kenmerk (Tabel 1 van de richtlijnen)." }),
      regel: { type: "string", description: "Code van de controle (T01–T10), zie /formaat." },
      bericht: { type: "string" },
    },
  },
  Levering: {
    type: "object",
    required: [
      "id",
      "bestandsnaam",
      "bronBestandsnaam",
      "bron",
      "gemeentecode",
      "statistiekjaar",
      "statistiekkwartaal",
      "status",
      "eindstatus",
      "proef",
      "vrijgegevenOp",
      "ontvangenOp",
      "controleGestartOp",
      "verwerktOp",
      "vervangenDoor",
      "aantallen",
      "fouten",
      "signaleringslijst",
      "links",
    ],
    properties: {
      id: { type: "string" },
      bestandsnaam: { type: "string" },
      bronBestandsnaam: nullable({ type: "string", description: "Het zip-bestand waarin de levering zat." }),
      bron: { type: "string", enum: ["PORTAAL", "API"] },
      gemeentecode: nullable({ type: "string", pattern: "^[0-9]{4}$" }),
      statistiekjaar: nullable({ type: "integer" }),
      statistiekkwartaal: nullable({ type: "integer", minimum: 1, maximum: 4 }),
      status: ref("LeveringStatus"),
      eindstatus: { type: "boolean", description: "True: de status verandert niet meer; u kunt stoppen met opvragen." },
      proef: PROEF,
      vrijgegevenOp: nullable({
        type: "string",
        format: "date-time",
        description: "Wanneer de contactpersoon de proeflevering vrijgaf; ontvangenOp is dan dit moment.",
      }),
      ontvangenOp: { type: "string", format: "date-time" },
      controleGestartOp: nullable({ type: "string", format: "date-time" }),
      verwerktOp: nullable({ type: "string", format: "date-time" }),
      vervangenDoor: nullable({ type: "string", description: "Id van de levering die deze vervangt." }),
      aantallen: {
        type: "object",
        required: ["personen", "fouten", "signalen"],
        properties: {
          personen: nullable({ type: "integer" }),
          fouten: nullable({ type: "integer", description: "Fouten van de technische controle." }),
          signalen: nullable({ type: "integer", description: "Signalen van de statistische controle." }),
        },
      },
      fouten: {
        type: "object",
        description: "De fouten van de technische controle, per pagina van 100 (query foutenPagina).",
        required: ["totaal", "opgeslagen", "pagina", "aantalPaginas", "items", "volgende"],
        properties: {
          totaal: { type: "integer", description: "Alle gevonden fouten." },
          opgeslagen: { type: "integer", description: "Bewaarde fouten (het aantal is per levering begrensd)." },
          pagina: { type: "integer", minimum: 1 },
          aantalPaginas: { type: "integer", minimum: 1 },
          items: { type: "array", items: ref("TechnischeFout") },
          volgende: nullable({ type: "string", description: "Pad van de volgende pagina." }),
        },
      },
      signaleringslijst: {
        oneOf: [
          { type: "null" },
          {
            type: "object",
            required: ["aantalSignalen", "verlooptOp", "beschikbaar"],
            properties: {
              aantalSignalen: { type: "integer" },
              verlooptOp: { type: "string", format: "date-time" },
              beschikbaar: { type: "boolean" },
            },
          },
        ],
      },
      links: {
        type: "object",
        required: ["self", "spiegelrapport", "signaleringslijst", "portaal"],
        properties: {
          self: { type: "string" },
          spiegelrapport: nullable({ type: "string" }),
          signaleringslijst: nullable({ type: "string" }),
          portaal: { type: "string", description: "De pagina van de levering in het portaal." },
        },
      },
    },
  },
  SpiegelrapportRij: {
    type: "object",
    required: ["sleutel", "groep", "omschrijving", "kenmerk", "huidig", "vorig", "verschil"],
    properties: {
      sleutel: { type: "string", description: 'Vaste sleutel van de rij, bijvoorbeeld "typeMigrant.1".' },
      groep: { type: "string" },
      omschrijving: { type: "string" },
      kenmerk: nullable({ type: "integer" }),
      huidig: { type: "number" },
      vorig: nullable({ type: "number", description: "Het aantal in de levering over het vorige kwartaal." }),
      verschil: nullable({ type: "number", description: "huidig − vorig." }),
    },
  },
  BestandSignaal: {
    type: "object",
    required: ["rule", "severity", "message", "advies"],
    properties: {
      rule: { type: "string", enum: STATISTISCHE_CODES.filter((c) => c.startsWith("F")) },
      severity: { type: "string", enum: ["fout", "waarschuwing", "info"] },
      message: { type: "string" },
      advies: { type: "string" },
    },
  },
  Spiegelrapport: {
    type: "object",
    required: [
      "statistiekjaar",
      "statistiekkwartaal",
      "gemeentecode",
      "berichtgevercode",
      "fileName",
      "vorigKwartaal",
      "personen",
      "rijen",
      "signalenPerRegel",
      "signalenPerErnst",
    ],
    properties: {
      statistiekjaar: { type: "integer" },
      statistiekkwartaal: { type: "integer", minimum: 1, maximum: 4 },
      gemeentecode: { type: "string" },
      berichtgevercode: { type: "string" },
      fileName: { type: "string" },
      vorigKwartaal: {
        oneOf: [
          { type: "null" },
          {
            type: "object",
            required: ["jaar", "kwartaal"],
            properties: { jaar: { type: "integer" }, kwartaal: { type: "integer" } },
          },
        ],
      },
      personen: { type: "integer" },
      rijen: { type: "array", items: ref("SpiegelrapportRij") },
      vulling: {
        type: "array",
        description:
          "Vulling van de kenmerken 12–29, gemeten op de personen voor wie het kenmerk geldt (Tabel 1 van de richtlijnen). Ontbreekt bij rapporten van voor december 2026.",
        items: {
          type: "object",
          required: ["kenmerk", "populatie", "huidig", "vorig"],
          properties: {
            kenmerk: { type: "integer" },
            populatie: { type: "string", description: "Voor wie het kenmerk geldt." },
            huidig: ref("Vulgetal"),
            vorig: { oneOf: [{ type: "null" }, ref("Vulgetal")] },
          },
        },
      },
      signalenPerRegel: {
        type: "object",
        description: "Aantal signalen per controle (P, Q en F), ook als dat 0 is.",
        additionalProperties: { type: "integer" },
      },
      signalenPerErnst: {
        type: "object",
        required: ["fout", "waarschuwing", "info"],
        properties: {
          fout: { type: "integer" },
          waarschuwing: { type: "integer" },
          info: { type: "integer" },
        },
      },
    },
  },
  Vulgetal: {
    type: "object",
    required: ["gevuld", "populatie"],
    properties: {
      gevuld: { type: "integer", description: "Personen voor wie het kenmerk geldt én een waarde hebben." },
      populatie: { type: "integer", description: "Personen voor wie het kenmerk geldt." },
    },
  },
  SpiegelrapportAntwoord: {
    type: "object",
    required: ["levering", "berichtgever", "gemeente", "spiegelrapport", "bestandSignalen"],
    properties: {
      levering: {
        type: "object",
        required: ["id", "bestandsnaam", "status", "url"],
        properties: {
          id: { type: "string" },
          bestandsnaam: { type: "string" },
          status: { type: "string", enum: ["VERWERKT", "VERVANGEN"] },
          url: { type: "string" },
        },
      },
      berichtgever: {
        type: "object",
        required: ["code", "naam"],
        properties: { code: { type: "string" }, naam: { type: "string" } },
      },
      gemeente: {
        type: "object",
        required: ["code", "naam"],
        properties: { code: { type: "string" }, naam: nullable({ type: "string" }) },
      },
      spiegelrapport: ref("Spiegelrapport"),
      bestandSignalen: { type: "array", items: ref("BestandSignaal") },
    },
  },
};

export const OPENAPI_DOCUMENT: OpenAPIV3_1.Document = {
  openapi: "3.1.0",
  info: {
    title: "SWI berichtgeversportaal – API voor softwareleveranciers",
    version: "1.0.0",
    description: [
      "Met deze API levert inburgeringssoftware SWI-bestanden aan namens één berichtgever, en haalt zij de uitkomst op: status en fouten, het spiegelrapport en de signaleringslijst.",
      "",
      "**Token.** De contactpersoon van de berichtgever (of het CBS) maakt in het portaal een API-token aan, onder *API-tokens* op de pagina van de berichtgever. Stuur die mee als `Authorization: Bearer <token>`. Een token ziet alleen de leveringen van zijn eigen berichtgever en kan op elk moment worden ingetrokken.",
      "",
      `**Aanleveren.** POST het XML-bestand (of een zip met XML-bestanden) als multipart/form-data in het veld \`${BESTAND_VELD}\`. De bestandsnaam volgt het patroon SWI_[berichtgevercode]_[gemeentecode]_[jjjj][kwartaal].XML; zie het aanleverformaat op /formaat. Een bestand is hoogstens 200 MB.`,
      "",
      "**Uitkomst.** Vraag daarna de status op (GET op de url uit het antwoord), bijvoorbeeld eens per 10 seconden, tot `eindstatus` true is. Bij VERWERKT zijn het spiegelrapport en de signaleringslijst beschikbaar. De signaleringslijst bevat persoonsgegevens: iedere download wordt vastgelegd, en na 14 dagen is hij verwijderd (410).",
    ].join("\n"),
  },
  servers: [{ url: "/", description: "Dit portaal" }],
  security: [{ bearerAuth: [] }],
  tags: [{ name: "leveringen", description: "Aanleveren en uitkomsten" }],
  paths: {
    "/api/v1/leveringen": pad({
      post: {
        tags: ["leveringen"],
        operationId: "leverAan",
        summary: "Een bestand aanleveren",
        parameters: [
          {
            name: "proef",
            in: "query",
            required: false,
            schema: { type: "string", enum: ["true", "false"], default: "false" },
            description:
              "true: alleen controleren (een proeflevering). Het bestand krijgt de volledige controle, het spiegelrapport en de signaleringslijst, maar telt niet als levering; de contactpersoon kan het binnen 14 dagen in het portaal vrijgeven als levering.",
          },
        ],
        requestBody: {
          required: true,
          content: {
            "multipart/form-data": {
              schema: {
                type: "object",
                required: [BESTAND_VELD],
                properties: {
                  [BESTAND_VELD]: {
                    type: "string",
                    contentMediaType: "application/octet-stream",
                    description: "Het XML- of zip-bestand, met de bestandsnaam in de Content-Disposition van het deel.",
                  },
                },
              },
            },
          },
        },
        responses: {
          "201": {
            description: "Ontvangen; de controle loopt. Location wijst naar de (eerste) levering.",
            headers: { Location: { schema: { type: "string" } } },
            content: { "application/json": { schema: ref("Aanlevering") } },
          },
          "400": fout(
            "Geen multipart-bericht dat te lezen is, geen bestand in het veld, of een parameter proef die niet true of false is (code PROEF).",
          ),
          "401": NIET_GEAUTORISEERD,
          "403": fout("De token mag niet aanleveren."),
          "409": fout("Precies dit bestand is al eerder aangeleverd (code DUBBEL)."),
          "413": fout("Het bestand is groter dan toegestaan (code TE_GROOT)."),
          "415": fout("Het verzoek is geen multipart/form-data."),
          "422": fout(
            "Het bestand is geweigerd: verkeerde naam (NAAM), een andere berichtgever (BERICHTGEVER) of leeg (LEEG).",
          ),
        },
      },
    }),
    "/api/v1/leveringen/{id}": pad({
      get: {
        tags: ["leveringen"],
        operationId: "leveringStatus",
        summary: "Status, aantallen en fouten van een levering",
        parameters: [
          LEVERING_ID,
          {
            name: "foutenPagina",
            in: "query",
            required: false,
            description: "Pagina van de technische fouten (100 per pagina), vanaf 1.",
            schema: { type: "integer", minimum: 1, default: 1 },
          },
        ],
        responses: {
          "200": { description: "De levering.", content: { "application/json": { schema: ref("Levering") } } },
          "401": NIET_GEAUTORISEERD,
          "404": NIET_GEVONDEN,
        },
      },
    }),
    "/api/v1/leveringen/{id}/spiegelrapport": pad({
      get: {
        tags: ["leveringen"],
        operationId: "spiegelrapport",
        summary: "Het spiegelrapport van een verwerkte levering",
        description:
          "De aantallen van de levering naast die van het vorige kwartaal, en het aantal signalen per controle. Geen persoonsgegevens.",
        parameters: [LEVERING_ID],
        responses: {
          "200": {
            description: "Het spiegelrapport.",
            content: { "application/json": { schema: ref("SpiegelrapportAntwoord") } },
          },
          "401": NIET_GEAUTORISEERD,
          "404": NIET_GEVONDEN,
          "409": fout("De levering is (nog) niet verwerkt of is afgekeurd; `status` noemt de huidige status."),
        },
      },
    }),
    "/api/v1/leveringen/{id}/signaleringslijst": pad({
      get: {
        tags: ["leveringen"],
        operationId: "signaleringslijst",
        summary: "De signaleringslijst als CSV (persoonsgegevens)",
        description:
          "Per signaal het BSN, de kenmerken, de controle en wat te doen; UTF-8 met BOM, gescheiden door puntkomma's. Iedere download wordt vastgelegd. De lijst is 14 dagen na het verwerken te downloaden.",
        parameters: [LEVERING_ID],
        responses: {
          "200": {
            description: "De CSV.",
            headers: { "Content-Disposition": { schema: { type: "string" } } },
            content: { "text/csv": { schema: { type: "string" } } },
          },
          "401": NIET_GEAUTORISEERD,
          "403": fout("De token mag geen persoonsgegevens downloaden."),
          "404": NIET_GEVONDEN,
          "409": fout("De levering is (nog) niet verwerkt of is afgekeurd."),
          "410": fout("De signaleringslijst is verlopen en verwijderd."),
        },
      },
    }),
    "/api/v1/openapi.json": pad({
      get: {
        tags: ["leveringen"],
        operationId: "openapi",
        summary: "Deze beschrijving",
        security: [],
        responses: {
          "200": {
            description: "Het OpenAPI-document.",
            content: { "application/json": { schema: { type: "object" } } },
          },
        },
      },
    }),
  },
  components: {
    securitySchemes: {
      bearerAuth: {
        type: "http",
        scheme: "bearer",
        description: "Een API-token uit het portaal (begint met swi_).",
      },
    },
    schemas,
  },
};
