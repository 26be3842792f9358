import { spiegelrapportDownload } from "@/lib/spiegelrapport/download";
import { spiegelrapportPdf } from "@/lib/spiegelrapport/pdf";

export const GET = spiegelrapportDownload("pdf", "application/pdf", spiegelrapportPdf);
