import { route } from "@/lib/http/route";
import { ontvangUpload } from "@/lib/api-v1/upload";

// The body is streamed to storage while it arrives; never pre-render or cache this.
export const dynamic = "force-dynamic";

export const POST = route({ toegang: "token", vorm: "json" }, ({ actor, req }) => ontvangUpload(req, actor));
