/** The multipart form field that carries the file (shared by the route and its OpenAPI description). */
export const BESTAND_VELD = "bestand";
