import { spiegelrapportCsv } from "@/lib/spiegelrapport/csv";
import { spiegelrapportDownload } from "@/lib/spiegelrapport/download";

export const GET = spiegelrapportDownload("csv", "text/csv; charset=utf-8", spiegelrapportCsv);
