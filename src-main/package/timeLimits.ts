// A problem package's time limits as the problem package format defines them: the multipliers'
// defaults, the limit derived from the accepted example submissions, and the larger limit
// (limit × time_limit_to_tle) that `verdict verify` judges the other example submissions at.
//
// The format versions differ:
// - legacy (and legacy-icpc): time_multiplier defaults to 5, time_safety_margin to 2. The text says
//   no more; problemtools, the format's reference tool, rounded the derived limit to the nearest
//   whole second (at least 1 s) and the margin likewise from the unrounded product, at least one
//   second above the limit (its rule for a decade, until it took up 2023-07's rule in Nov 2025).
// - 2023-07 and 2025-09: time_multipliers.ac_to_time_limit defaults to 2, time_limit_to_tle to 1.5;
//   the derived limit is "the smallest integer multiple of time_resolution" (1 s by default) at or
//   above slowest × ac_to_time_limit, and the margin is the limit × time_limit_to_tle.
// A limit the package states is used as it is, with the margin limit × time_limit_to_tle.

export interface TimeMultipliers {
  /** The limit is at least the slowest accepted run × this. */
  acToTimeLimit: number;
  /** A time_limit_exceeded submission is too slow even with the limit × this. */
  timeLimitToTle: number;
}

/** What decides a package's derived limit and margin. */
export interface TimeLimitRules extends TimeMultipliers {
  /** The legacy format (problem_format_version absent, legacy or legacy-icpc). */
  legacyFormat: boolean;
  /** limits.time_resolution in ms (2023-07 and later; the legacy format has whole seconds). */
  timeResolutionMs: number;
}

export interface TimeLimits {
  /** The time limit, ms. */
  timeLimitMs: number;
  /** The limit with the safety margin (time_limit_to_tle), ms: verify judges the non-accepted submissions at it. */
  marginLimitMs: number;
}

const LEGACY_DEFAULTS: TimeMultipliers = { acToTimeLimit: 5, timeLimitToTle: 2 };
const DEFAULTS_2023_07: TimeMultipliers = { acToTimeLimit: 2, timeLimitToTle: 1.5 };
/** limits.time_resolution's default (2023-07 and later), ms. */
export const DEFAULT_TIME_RESOLUTION_MS = 1000;
const SECOND_MS = 1000;
/** Tolerance for float products such as 3 × 0.1 landing a hair above a multiple of the resolution. */
const ROUNDING_EPSILON = 1e-9;

/** The multipliers a package gets where problem.yaml gives none. */
export function defaultTimeMultipliers(legacyFormat: boolean): TimeMultipliers {
  return legacyFormat ? LEGACY_DEFAULTS : DEFAULTS_2023_07;
}

/** The limits derived from the slowest accepted run's CPU time (ms). */
export function derivedTimeLimits(slowestAcceptedMs: number, rules: TimeLimitRules): TimeLimits {
  const exactMs = slowestAcceptedMs * rules.acToTimeLimit;
  if (rules.legacyFormat) {
    const nearestSecondMs = (ms: number) => Math.floor(ms / SECOND_MS + 0.5) * SECOND_MS;
    const timeLimitMs = Math.max(SECOND_MS, nearestSecondMs(exactMs));
    return { timeLimitMs, marginLimitMs: Math.max(timeLimitMs + SECOND_MS, nearestSecondMs(exactMs * rules.timeLimitToTle)) };
  }
  const multiples = Math.max(1, Math.ceil(exactMs / rules.timeResolutionMs - ROUNDING_EPSILON));
  return statedTimeLimits(Math.round(multiples * rules.timeResolutionMs), rules);
}

/** The limits from a time limit the package states (ms). */
export function statedTimeLimits(timeLimitMs: number, rules: TimeMultipliers): TimeLimits {
  return { timeLimitMs, marginLimitMs: Math.round(timeLimitMs * rules.timeLimitToTle) };
}
