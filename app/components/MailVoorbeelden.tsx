import type { MailVoorbeeld } from "@/lib/beheer/mailvoorbeeld";

/** What each recipient will get, to read before sending: collapsed, one block per mail. */
export function MailVoorbeelden({
  voorbeelden,
  titel,
  open = false,
}: {
  voorbeelden: readonly MailVoorbeeld[];
  titel: string;
  open?: boolean;
}) {
  if (voorbeelden.length === 0) return null;
  return (
    <details className="mb-4 max-w-3xl" data-testid="mailvoorbeelden" open={open}>
      <summary className="cursor-pointer font-semibold text-hemel-donker">{titel}</summary>
      <ol className="mt-3 space-y-4">
        {voorbeelden.map((v) => (
          <li key={v.aan} className="border-l-4 border-grijs-2 pl-3">
            <p>
              <span className="font-semibold">Aan:</span> {v.aan}
            </p>
            <p className="mb-2">
              <span className="font-semibold">Onderwerp:</span> {v.onderwerp}
            </p>
            <pre className="whitespace-pre-wrap break-words font-sans text-sm">{v.tekst}</pre>
          </li>
        ))}
      </ol>
    </details>
  );
}
