import type { ReactNode } from "react";

/**
 * The one way a table sits on a page: a wide table scrolls inside this region and never makes the
 * page itself scroll sideways (phones, 390 px). The region is focusable and named, so a keyboard
 * user can scroll it too (WCAG 2.1.1; axe: scrollable-region-focusable).
 */
export function Tabelgebied({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      // relative: an absolutely placed child (an sr-only text) stays inside and cannot widen the page.
      className={`relative max-w-full overflow-x-auto${className ? ` ${className}` : ""}`}
      tabIndex={0}
      role="region"
      aria-label={label}
      data-scrollgebied=""
    >
      {children}
    </div>
  );
}
