import { foutenCsvRoute } from "@/lib/leveringen/download-routes";

export const GET = foutenCsvRoute;
