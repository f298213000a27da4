// Per-language time factors (DOMjudge's "time factor"), a contest's policy: plain functions, used by
// the core's judging and by the pages that show a language's limits.

/**
 * Each language's time factor, by language id (DOMjudge's: `{ java: 1.5, python: 2 }`): a program in
 * that language may run its problem's time limit times the factor. A language it does not name has 1.
 * Set per contest (contest.yaml's `language_time_factors`); `verdict judge` and `verify` use none.
 */
export type LanguageTimeFactors = Readonly<Record<string, number>>;

export function timeFactorOf(factors: LanguageTimeFactors | undefined, languageId: string): number {
  const factor = factors !== undefined && Object.hasOwn(factors, languageId) ? factors[languageId] : undefined;
  return factor ?? 1;
}

/** A time limit (ms) times a language's factor, in whole ms. */
export function scaledTimeLimitMs(timeLimitMs: number, factor: number): number {
  return Math.round(timeLimitMs * factor);
}
