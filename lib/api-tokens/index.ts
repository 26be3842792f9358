export { TOKEN_VOORVOEGSEL, bearerUit, hashToken, nieuweTokenwaarde, tokenPrefix } from "./tokenwaarde";
export {
  apiTokensVanBerichtgever,
  maakApiToken,
  trekApiTokenIn,
  tokenNaamSchema,
  type ApiTokenOverzicht,
} from "./beheer";
export { verifieerBearer, verifieerToken, type ApiTokenActor } from "./verificatie";
export { DEMO_TOKEN_NAAM, zorgVoorDemoToken, type DemoTokenResultaat } from "./demo";
