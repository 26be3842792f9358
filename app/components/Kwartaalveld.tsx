import { kwartaalOpties } from "@/lib/beheer/kwartaalkeuze";

/** The quarter picker of the staff pages: a select named `kwartaal` ("2026-1"), newest first. */
export function Kwartaalveld({ jaar, kwartaal }: { jaar: number; kwartaal: number }) {
  return (
    <div>
      <label htmlFor="kwartaal" className="mb-1 block font-semibold">
        Kwartaal
      </label>
      <select id="kwartaal" name="kwartaal" defaultValue={`${jaar}-${kwartaal}`} className="invoer">
        {kwartaalOpties().map((o) => (
          <option key={o.waarde} value={o.waarde}>
            {o.tekst}
          </option>
        ))}
      </select>
    </div>
  );
}
