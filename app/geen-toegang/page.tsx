import GeenToegang from "@/app/forbidden";

export const metadata = { title: "Geen toegang" };

export default function Page() {
  return <GeenToegang />;
}
