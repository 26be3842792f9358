export { maakOpslag, type Opslag, type OpslagConfig, type Inhoud, type Bron } from "./opslag";
export { opslagUitOmgeving, opslagConfigUitOmgeving, embeddedSleutelbestand, type Omgeving } from "./omgeving";
export { OpslagFout, isOpslagFout, type OpslagFoutCode } from "./fouten";
export { controleerSleutel, controleerPrefix } from "./opslagsleutel";
export { isGeldigeHoofdsleutel, leesHoofdsleutel, sleutelId } from "./hoofdsleutel";
export type { S3Config } from "./s3";
