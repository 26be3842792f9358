import fs from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import Formaat from "@/app/formaat/page";
import { GET as xsdDownload } from "@/app/formaat/swi-2026.xsd/route";
import { REGELS } from "@/lib/swi/regels";

describe("/formaat", () => {
  it("serves the engine's own XSD file", async () => {
    const res = xsdDownload();
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="swi-2026.xsd"');
    expect(await res.text()).toBe(fs.readFileSync(path.join(process.cwd(), "lib/swi/schema/swi-2026.xsd"), "utf8"));
  });

  it("has an anchor for every rule code (the spiegelrapport links to /formaat#CODE)", () => {
    const html = renderToStaticMarkup(createElement(Formaat));
    for (const r of REGELS) expect(html, r.code).toContain(`id="${r.code}"`);
    expect(html).toContain("SWI_[berichtgevercode]_[gemeentecode]_[jjjj][q].XML");
    expect(html).toContain("&lt;SWILevering&gt;");
  });
});
