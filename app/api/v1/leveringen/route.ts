import { z } from "zod";
import { v1Route } from "@/lib/api-v1/auth";
import { ontvangUpload } from "@/lib/api-v1/upload";

// The body is streamed to storage while it arrives; never pre-render or cache this.
export const dynamic = "force-dynamic";

export const POST = v1Route(z.object({}), ({ actor, req }) => ontvangUpload(req, actor));
