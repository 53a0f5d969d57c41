import type { Target } from './figure.js';

/** Human-readable target, e.g. "≥ 0.5× ceiling, ≥ 100000"; null when the figure has none. */
export function describeTarget(target: Target | undefined): string | null {
  if (!target) return null;
  const parts: string[] = [];
  if (target.ratioAtLeast !== undefined) parts.push(`≥ ${target.ratioAtLeast}× ceiling`);
  if (target.ratioAtMost !== undefined) parts.push(`≤ ${target.ratioAtMost}× ceiling`);
  if (target.atLeast !== undefined) parts.push(`≥ ${target.atLeast}`);
  if (target.atMost !== undefined) parts.push(`≤ ${target.atMost}`);
  if (target.below !== undefined) parts.push(`< ${target.below}`);
  return parts.join(', ');
}

/**
 * True when every bound of the target holds, false when one fails, null when there is no target
 * or a value it needs (the figure, or its ceiling for a ratio bound) was not measured.
 */
export function judge(target: Target | undefined, measured: number | null, ratio: number | null): boolean | null {
  if (!target || measured === null) return null;
  const needsRatio = target.ratioAtLeast !== undefined || target.ratioAtMost !== undefined;
  if (needsRatio && ratio === null) return null;
  const checks = [
    target.atLeast === undefined || measured >= target.atLeast,
    target.atMost === undefined || measured <= target.atMost,
    target.below === undefined || measured < target.below,
    target.ratioAtLeast === undefined || (ratio !== null && ratio >= target.ratioAtLeast),
    target.ratioAtMost === undefined || (ratio !== null && ratio <= target.ratioAtMost),
  ];
  return checks.every(Boolean);
}
