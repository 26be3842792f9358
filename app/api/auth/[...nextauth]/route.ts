import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { beperkInlogverzoek } from "@/lib/auth/inlog-limiet";

async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  const teVeel = await beperkInlogverzoek(req);
  if (teVeel) return teVeel;
  return NextAuth(authOptions())(req, ctx);
}

export { handler as GET, handler as POST };
