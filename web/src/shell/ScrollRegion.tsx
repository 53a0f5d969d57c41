import type { ReactNode } from 'react';

/** A wide table's horizontal scroller that keyboard users can focus and scroll (axe: scrollable-region-focusable). */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto', width: '100%' }}>{children}</div>;
}
