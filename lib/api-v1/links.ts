/** Paths of the v1 resources (relative: correct behind any proxy, and what Location allows). */
export const API_BASIS = "/api/v1";

export function leveringUrl(id: string): string {
  return `${API_BASIS}/leveringen/${encodeURIComponent(id)}`;
}
