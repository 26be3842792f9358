import { spiegelrapportDownload } from "@/lib/spiegelrapport/download";
import { spiegelrapportPdfVoorActor } from "@/lib/spiegelrapport/omgeving";

export const GET = spiegelrapportDownload("pdf", "application/pdf", spiegelrapportPdfVoorActor);
