import { redirect } from "next/navigation";
import { huidigeActor } from "@/lib/auth/actor";
import { sessieduur } from "@/lib/auth/sessieduur";
import { overalUitloggen } from "@/lib/auth/uitloggen-acties";
import { UitlogKnop } from "./UitlogKnop";

export const metadata = { title: "Uitloggen" };

export default async function Uitloggen() {
  if (!(await huidigeActor())) redirect("/inloggen?uitgelogd=1");
  const duur = sessieduur();
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold">Uitloggen</h1>
      <p className="mb-6">Weet u zeker dat u wilt uitloggen?</p>
      <UitlogKnop />
      <h2 className="mb-2 mt-10 text-xl font-semibold">Op alle apparaten uitloggen</h2>
      <p className="mb-4">
        Bent u ook ingelogd op een andere computer, bijvoorbeeld op een gedeelde werkplek? Dan beëindigt u hiermee al uw
        sessies tegelijk. Een sessie eindigt ook vanzelf: na {duur.inactiefMs / 60_000} minuten zonder gebruik, en
        uiterlijk {duur.maximaalMs / 3_600_000} uur na het inloggen.
      </p>
      <form action={overalUitloggen}>
        <input type="hidden" name="bevestig" value="overal" />
        <button type="submit" className="knop-secundair">
          Overal uitloggen
        </button>
      </form>
    </div>
  );
}
