/**
 * Test support (not a test file): checks a real response body against a schema of the served
 * OpenAPI document, so the description cannot drift from what the routes return.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { OPENAPI_DOCUMENT } from "./openapi";

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: "openapi", components: OPENAPI_DOCUMENT.components });

export function schemaFouten(naam: string, data: unknown): string[] {
  const valideer = ajv.getSchema(`openapi#/components/schemas/${naam}`);
  if (!valideer) throw new Error(`Geen schema ${naam} in het OpenAPI-document`);
  return valideer(data) ? [] : (valideer.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
