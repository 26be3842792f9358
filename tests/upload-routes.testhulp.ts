/**
 * The upload route handlers, for tests that call them as Next would. Import this after
 * `vi.mock("@/lib/auth/actor")` (Vitest hoists the mock above every import), so the routes see
 * the signed-in actor of `meldAan`.
 */
export { POST as startUploadRoute } from "@/app/api/uploads/route";
export { GET as uploadStatusRoute } from "@/app/api/uploads/[uploadId]/route";
export { PUT as deelRoute } from "@/app/api/uploads/[uploadId]/delen/[n]/route";
export { POST as voltooiRoute } from "@/app/api/uploads/[uploadId]/voltooien/route";
export { POST as apiLeveringRoute } from "@/app/api/v1/leveringen/route";
