import { describe, expect, it } from "vitest";
import { isGeldigGecodeerd, ongeldigAdresJson } from "@/lib/ongeldig-adres";

describe("malformed percent-encoding", () => {
  it("is told apart from a well-formed address", () => {
    expect(isGeldigGecodeerd("/berichtgever/0153/leveringen/abc%20def")).toBe(true);
    expect(isGeldigGecodeerd("/api/v1/leveringen/%ZZ")).toBe(false);
    expect(isGeldigGecodeerd("/berichtgever/%E0%A4%A/leveringen")).toBe(false);
  });
  it("gets the error shape of the API it was meant for", () => {
    expect(Object.keys(JSON.parse(ongeldigAdresJson("/api/v1/leveringen/%ZZ")))).toEqual(["melding"]);
    expect(Object.keys(JSON.parse(ongeldigAdresJson("/api/uploads/%ZZ")))).toEqual(["fout"]);
  });
});
