import { vereisCbs } from "@/lib/auth/actor";

/** Every page under /beheer is for CBS staff only. */
export default async function BeheerLayout({ children }: { children: React.ReactNode }) {
  await vereisCbs();
  return <>{children}</>;
}
