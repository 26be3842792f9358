import { redirect } from "next/navigation";
import { huidigeActor } from "@/lib/auth/actor";
import { UitlogKnop } from "./UitlogKnop";

export const metadata = { title: "Uitloggen" };

export default async function Uitloggen() {
  if (!(await huidigeActor())) redirect("/inloggen?uitgelogd=1");
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold">Uitloggen</h1>
      <p className="mb-6">Weet u zeker dat u wilt uitloggen?</p>
      <UitlogKnop />
    </div>
  );
}
