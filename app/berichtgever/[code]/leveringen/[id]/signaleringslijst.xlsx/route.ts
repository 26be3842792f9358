import { signaleringslijstDownloadRoute } from "@/lib/leveringen/download-routes";

export const GET = signaleringslijstDownloadRoute("xlsx");
