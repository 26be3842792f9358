import { z } from "zod";
import { VIERCIJFERCODE } from "@/lib/db/validation";

/** The URL parameters of the spiegelrapport page and downloads; anything else is a 404. */
export const spiegelrapportParams = z.object({
  code: z.string().regex(VIERCIJFERCODE),
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
});

export type SpiegelrapportParams = z.infer<typeof spiegelrapportParams>;

export function leveringPad(p: SpiegelrapportParams): string {
  return `/berichtgever/${p.code}/leveringen/${p.id}`;
}
