import { z } from "zod";

/** A delivery id in a v1 URL; anything else is answered 404 without a query. */
export const leveringParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });
