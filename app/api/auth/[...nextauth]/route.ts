import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { beperkInlogverzoek } from "@/lib/auth/inlog-limiet";

async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  const geweigerd = await beperkInlogverzoek(req, (await ctx.params).nextauth);
  if (geweigerd) return geweigerd;
  return NextAuth(authOptions())(req, ctx);
}

export { handler as GET, handler as POST };
