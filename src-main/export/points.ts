// A score contest's points as the exported files print them.

/** A score without floating-point noise (at most 4 decimals): 70, 12.5, 33.3333. */
export function formatPoints(score: number): string {
  return String(Math.round(score * 10_000) / 10_000);
}
