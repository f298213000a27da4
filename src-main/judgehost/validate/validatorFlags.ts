// Parsing of `validator_flags` for the default output validator (Kattis / ICPC semantics).
//
// Recognised flags (as an argv list, in order; a later flag overrides an earlier one, as in Kattis):
//   case_sensitive
//   space_change_sensitive
//   float_absolute_tolerance <eps>
//   float_relative_tolerance <eps>
//   float_tolerance <eps>            (sets both the absolute and the relative tolerance)
// A tolerance must be a finite, non-negative decimal number in the problem-package float
// grammar (see `isDecimalFloat`): "1e-6", "0.001", ".5", "0". Hex, "inf", "nan", "1e" are refused.

import type { ValidatorFlags } from '../../common/types.ts';

/** Flags of the default validator when a problem gives none. */
export const DEFAULT_VALIDATOR_FLAGS: Readonly<ValidatorFlags> = Object.freeze({
  caseSensitive: false,
  spaceChangeSensitive: false,
  floatAbsoluteTolerance: null,
  floatRelativeTolerance: null,
});

/**
 * Whether `s` is a floating-point number in the grammar of the problem package format
 * (2025-09, "All floating-point numbers ..."):
 *   float       = sign? significand exponent?
 *   significand = digit* "." digit+ | digit+ "." | digit+
 *   exponent    = [Ee] sign? digit+
 * No surrounding whitespace, no hex, no inf/nan.
 */
export function isDecimalFloat(s: string): boolean {
  const n = s.length;
  let i = 0;
  let c = n > 0 ? s.charCodeAt(0) : 0;
  if (c === 43 /* + */ || c === 45 /* - */) i++;
  let digits = 0;
  while (i < n && isDigit(s.charCodeAt(i))) { i++; digits++; }
  if (i < n && s.charCodeAt(i) === 46 /* . */) {
    i++;
    while (i < n && isDigit(s.charCodeAt(i))) { i++; digits++; }
  }
  if (digits === 0) return false;
  if (i < n) {
    c = s.charCodeAt(i);
    if (c !== 69 /* E */ && c !== 101 /* e */) return false;
    i++;
    c = i < n ? s.charCodeAt(i) : 0;
    if (c === 43 || c === 45) i++;
    const expStart = i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    if (i === expStart) return false;
  }
  return i === n;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Parses default-validator flags given as an argv list. Throws an Error naming `file` (when
 * given) for an unknown flag, or a tolerance that is missing or not a non-negative number.
 */
export function parseValidatorFlags(flags: readonly string[], file?: string): ValidatorFlags {
  const out: ValidatorFlags = { ...DEFAULT_VALIDATOR_FLAGS };
  for (let i = 0; i < flags.length; i++) {
    const flag = flags[i];
    switch (flag) {
      case 'case_sensitive':
        out.caseSensitive = true;
        break;
      case 'space_change_sensitive':
        out.spaceChangeSensitive = true;
        break;
      case 'float_absolute_tolerance':
      case 'float_relative_tolerance':
      case 'float_tolerance': {
        if (i + 1 >= flags.length) {
          throw new Error(`${prefix(file)}'${flag}' needs a value (e.g. '${flag} 1e-6')`);
        }
        const value = flags[++i];
        const eps = parseTolerance(value);
        if (eps === null) {
          throw new Error(
            `${prefix(file)}'${flag}' value '${value}' is not a non-negative decimal number`,
          );
        }
        if (flag !== 'float_relative_tolerance') out.floatAbsoluteTolerance = eps;
        if (flag !== 'float_absolute_tolerance') out.floatRelativeTolerance = eps;
        break;
      }
      default: {
        const hint = /\s/.test(flag)
          ? ' (each list item is one argument; write the flag and its value as separate items)'
          : '';
        throw new Error(`${prefix(file)}unknown flag '${flag}'${hint}`);
      }
    }
  }
  return out;
}

function parseTolerance(value: string): number | null {
  if (!isDecimalFloat(value)) return null;
  const eps = Number(value);
  if (!Number.isFinite(eps) || eps < 0) return null;
  return eps === 0 ? 0 : eps; // normalise -0
}

function prefix(file: string | undefined): string {
  return file ? `${file}: validator_flags: ` : 'validator_flags: ';
}
