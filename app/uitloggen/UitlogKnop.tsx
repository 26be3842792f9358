"use client";

import { signOut } from "next-auth/react";

export function UitlogKnop() {
  return (
    <button type="button" className="knop" onClick={() => signOut({ callbackUrl: "/inloggen?uitgelogd=1" })}>
      Uitloggen
    </button>
  );
}
