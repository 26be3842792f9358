/** The technische controle of one XML delivery, streaming. */
import type { Readable } from "node:stream";
import type { TechnischeUitkomst } from "../types";
import type { ControleContext, LeveringKop } from "../types";
import { Bytewacht, BytewachtFout } from "../xml/bytewacht";
import { StroomValidator } from "../xml/validator";
import { bestandsnaamUitleg, ontleedBestandsnaam } from "./bestandsnaam";
import * as bericht from "./berichten";
import { Foutenlijst } from "./fouten";
import { controleerKop } from "./kop";

/** Internal result: the public outcome plus the verdict the published XSD alone would give. */
export interface XmlControle {
  uitkomst: TechnischeUitkomst;
  /** No failure that the XSD would also report (for comparing with xmllint). */
  schemaGeldig: boolean;
}

/**
 * Checks one XML file (T01 on its name; T02–T10 on its contents) as it streams.
 * Never throws for a bad file; a read error of the input becomes a T02 failure.
 */
export async function controleerXml(
  input: Readable,
  fileName: string,
  ctx: ControleContext,
): Promise<TechnischeUitkomst> {
  return (await controleerXmlIntern(input, fileName, ctx)).uitkomst;
}

export async function controleerXmlIntern(
  input: Readable,
  fileName: string,
  ctx: ControleContext,
): Promise<XmlControle> {
  const fouten = new Foutenlijst();
  const naam = ontleedBestandsnaam(fileName);
  if (naam === null) fouten.voeg(null, null, "T01", bestandsnaamUitleg(fileName), false);

  const validator = new StroomValidator(fouten);
  const wacht = new Bytewacht();
  try {
    for await (const stuk of input) {
      const chunk: Buffer = typeof stuk === "string" ? Buffer.from(stuk, "utf8") : (stuk as Buffer);
      let tekst: string;
      try {
        tekst = wacht.lees(chunk);
      } catch (e) {
        if (!(e instanceof BytewachtFout)) throw e;
        validator.stopMet(validator.huidigeRegel + regeleinden(chunk, e.offset), e.message);
        break;
      }
      if (!validator.schrijf(tekst)) break;
    }
    if (!validator.gestopt) {
      try {
        validator.schrijf(wacht.einde());
        validator.sluit();
      } catch (e) {
        if (!(e instanceof BytewachtFout)) throw e;
        validator.stopMet(validator.huidigeRegel, e.message);
      }
    }
  } catch (e) {
    // The raw error can name server paths; the berichtgever gets a plain message only.
    const code = (e as NodeJS.ErrnoException | null)?.code;
    validator.stopMet(validator.huidigeRegel, bericht.nietLeesbaar(code ? `leesfout ${code}` : "leesfout"));
  } finally {
    input.destroy();
  }

  controleerKop(validator.kop, validator.kopRegels, naam, fileName, ctx, fouten);

  const accepted = fouten.aantal === 0;
  const kopGelezen = Object.keys(validator.kop).length > 0;
  const uitkomst: TechnischeUitkomst = {
    fileName,
    accepted,
    errors: fouten.resultaat(),
    errorCount: fouten.aantal,
    aantalPersonen: validator.aantalPersonen,
    ...(kopGelezen ? { kop: { ...validator.kop } } : {}),
    ...(accepted
      ? { levering: { fileName, kop: validator.kop as LeveringKop, personen: validator.personen ?? [] } }
      : {}),
  };
  return { uitkomst, schemaGeldig: fouten.schemaGeldig };
}

function regeleinden(chunk: Buffer, tot: number): number {
  let n = 0;
  let i = chunk.indexOf(10);
  while (i >= 0 && i < tot) {
    n++;
    i = chunk.indexOf(10, i + 1);
  }
  return n;
}
