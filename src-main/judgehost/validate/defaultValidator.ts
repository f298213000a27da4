// The default output validator, with the semantics of Kattis' default_validator
// (problemtools support/default_validator) and the problem package format spec.
//
// Tokens: maximal runs of non-whitespace bytes; whitespace is C `isspace` in the "C" locale:
// space, \t, \n, \v, \f, \r. Both outputs are handled as bytes (a string argument is encoded as
// UTF-8 first); bytes >= 0x80 and NUL are ordinary token bytes and compare exactly.
//
// - Default: whitespace runs only separate tokens; leading/trailing whitespace and blank lines
//   are ignored.
// - space_change_sensitive: every whitespace run (including leading and trailing ones, so a
//   missing or extra final newline, CRLF vs LF, ...) must be byte-identical to the answer's.
// - Tokens compare case-insensitively (ASCII letters only) unless case_sensitive.
// - Floats: when a tolerance is set, a JUDGE token that is a decimal float in the package
//   format's grammar (see isDecimalFloat: optional sign, digits with optional '.', optional
//   exponent; no hex, no inf/nan, no trailing junk) and whose value is finite is compared
//   numerically. Integers like "42" are floats too (so "42.0" is accepted for "42"). The team
//   token must then also be such a finite float; it is accepted if
//   |team - judge| <= abs_tol or |team - judge| <= rel_tol * |judge|.
//   A judge token that is not a float (e.g. "nan", "inf", "0x10", "1e999") is compared as a
//   string, as Kattis does. With no tolerance, every token is compared as a string.
//   A null, negative or NaN tolerance counts as "not given" (Kattis uses -1 for that).
//
// Deliberate differences from Kattis' C++ implementation (which uses sscanf("%lf") and C strings):
// hex floats ("0x10", "0x1p3") are not numbers here (the package format's grammar excludes them);
// NUL bytes inside tokens are compared (C string compare would stop at them).
//
// Runs in one pass over both buffers with no per-token allocation except when a numeric
// comparison is needed.

import type { ValidatorFlags } from '../../common/types.ts';

export interface ValidationResult {
  accepted: boolean;
  /** Short human-readable text for judges: "accepted", or what went wrong and where. */
  message: string;
}

const MAX_SHOWN = 60;

/** 1 for the bytes C isspace() accepts in the "C" locale. */
const IS_SPACE = new Uint8Array(256);
for (const c of [9, 10, 11, 12, 13, 32]) IS_SPACE[c] = 1;

export function validateDefault(
  teamOutput: Buffer | string,
  judgeAnswer: Buffer | string,
  flags: ValidatorFlags,
): ValidationResult {
  const team = toBytes(teamOutput);
  const judge = toBytes(judgeAnswer);
  const tn = team.length;
  const jn = judge.length;
  const caseSensitive = flags.caseSensitive;
  const spaceSensitive = flags.spaceChangeSensitive;
  const absTol = tolerance(flags.floatAbsoluteTolerance);
  const relTol = tolerance(flags.floatRelativeTolerance);
  const useFloats = absTol >= 0 || relTol >= 0;

  let ti = 0; // position in team output
  let ji = 0; // position in judge answer
  let tLine = 1; // line of team output at ti
  let token = 0; // number of judge tokens read so far

  for (;;) {
    // Whitespace runs before the next token (or end).
    const jwsStart = ji;
    while (ji < jn && IS_SPACE[judge[ji]] === 1) ji++;
    const twsStart = ti;
    const twsLine = tLine;
    while (ti < tn && IS_SPACE[team[ti]] === 1) {
      if (team[ti] === 10) tLine++;
      ti++;
    }
    if (spaceSensitive && !sameBytes(team, twsStart, ti, judge, jwsStart, ji)) {
      return whitespaceMismatch(team, twsStart, ti, twsLine, judge, jwsStart, ji, token);
    }
    if (ji >= jn) break;

    // Next judge token.
    const js = ji;
    while (ji < jn && IS_SPACE[judge[ji]] === 0) ji++;
    token++;

    if (ti >= tn) {
      const what =
        tn === 0
          ? 'team output is empty'
          : token === 1
            ? 'team output contains no tokens'
            : `team output has only ${token - 1} token${token === 2 ? '' : 's'}`;
      return wa(
        `team output ended early (line ${tLine}): ${what}; expected token ${token} '${show(judge, js, ji)}'`,
      );
    }
    const ts = ti;
    while (ti < tn && IS_SPACE[team[ti]] === 0) ti++;

    // Identical bytes are always accepted (also for floats: difference 0 is within any tolerance).
    if (sameBytes(team, ts, ti, judge, js, ji)) continue;

    if (useFloats && isFloatBytes(judge, js, ji)) {
      const jval = Number(judge.toString('latin1', js, ji));
      if (Number.isFinite(jval)) {
        const tval = isFloatBytes(team, ts, ti) ? Number(team.toString('latin1', ts, ti)) : NaN;
        if (!Number.isFinite(tval)) {
          return wa(
            `token ${token} (line ${tLine}): expected a number close to '${show(judge, js, ji)}', got '${show(team, ts, ti)}'`,
          );
        }
        const diff = Math.abs(tval - jval);
        if (diff <= absTol || diff <= relTol * Math.abs(jval)) continue;
        const tols: string[] = [];
        if (absTol >= 0) tols.push(`abs ${absTol}`);
        if (relTol >= 0) tols.push(`rel ${relTol}`);
        return wa(
          `token ${token} (line ${tLine}): expected '${show(judge, js, ji)}', got '${show(team, ts, ti)}' ` +
            `(difference ${formatDiff(diff)} exceeds tolerance ${tols.join(', ')})`,
        );
      }
    }

    if (caseSensitive || !sameBytesIgnoreCase(team, ts, ti, judge, js, ji)) {
      return wa(
        `token ${token} (line ${tLine}): expected '${show(judge, js, ji)}', got '${show(team, ts, ti)}'`,
      );
    }
  }

  // Judge answer exhausted; all team whitespace has been skipped, so any byte left is a token.
  if (ti < tn) {
    const ts = ti;
    while (ti < tn && IS_SPACE[team[ti]] === 0) ti++;
    return wa(
      `team output has extra token '${show(team, ts, ti)}' after end of answer (token ${token + 1}, line ${tLine})`,
    );
  }
  return { accepted: true, message: 'accepted' };
}

function wa(message: string): ValidationResult {
  return { accepted: false, message };
}

function toBytes(x: Buffer | string): Buffer {
  return typeof x === 'string' ? Buffer.from(x, 'utf8') : x;
}

/** -1 for "not given" (null, negative, NaN), as Kattis' default_validator does. */
function tolerance(t: number | null): number {
  return t !== null && t >= 0 ? t : -1;
}

function sameBytes(a: Buffer, as: number, ae: number, b: Buffer, bs: number, be: number): boolean {
  const len = ae - as;
  if (len !== be - bs) return false;
  for (let k = 0; k < len; k++) {
    if (a[as + k] !== b[bs + k]) return false;
  }
  return true;
}

function sameBytesIgnoreCase(
  a: Buffer,
  as: number,
  ae: number,
  b: Buffer,
  bs: number,
  be: number,
): boolean {
  const len = ae - as;
  if (len !== be - bs) return false;
  for (let k = 0; k < len; k++) {
    let x = a[as + k];
    let y = b[bs + k];
    if (x === y) continue;
    if (x >= 65 && x <= 90) x += 32;
    if (y >= 65 && y <= 90) y += 32;
    if (x !== y) return false;
  }
  return true;
}

/** validatorFlags.ts' isDecimalFloat on a byte range, without allocating. */
function isFloatBytes(b: Buffer, s: number, e: number): boolean {
  let i = s;
  let c = b[i];
  if (c === 43 || c === 45) i++;
  let digits = 0;
  while (i < e && (c = b[i]) >= 48 && c <= 57) { i++; digits++; }
  if (i < e && b[i] === 46) {
    i++;
    while (i < e && (c = b[i]) >= 48 && c <= 57) { i++; digits++; }
  }
  if (digits === 0) return false;
  if (i === e) return true;
  c = b[i];
  if (c !== 69 && c !== 101) return false;
  i++;
  if (i < e && ((c = b[i]) === 43 || c === 45)) i++;
  const expStart = i;
  while (i < e && (c = b[i]) >= 48 && c <= 57) i++;
  return i > expStart && i === e;
}

function formatDiff(d: number): string {
  return d.toExponential(3);
}

function whitespaceMismatch(
  team: Buffer,
  ts: number,
  te: number,
  tLine: number,
  judge: Buffer,
  js: number,
  je: number,
  token: number,
): ValidationResult {
  // Line of team output where the runs first differ.
  let k = 0;
  while (ts + k < te && js + k < je && team[ts + k] === judge[js + k]) {
    if (team[ts + k] === 10) tLine++;
    k++;
  }
  const where =
    token === 0 ? 'before first token' : je === judge.length ? `after last token (${token})` : `after token ${token}`;
  const shown = (b: Buffer, s: number, e: number): string => (s === e ? 'no whitespace' : `'${show(b, s, e)}'`);
  return wa(
    `whitespace differs ${where} (line ${tLine}): expected ${shown(judge, js, je)}, got ${shown(team, ts, te)}`,
  );
}

/** A byte range for a message: UTF-8 decoded, control characters escaped, at most ~60 chars. */
function show(b: Buffer, s: number, e: number): string {
  // Decode a little more than needed, then cut on characters.
  const text = b.toString('utf8', s, Math.min(e, s + MAX_SHOWN * 4 + 4));
  let out = '';
  let count = 0;
  for (const ch of text) {
    if (count >= MAX_SHOWN) {
      out += '...';
      return out;
    }
    out += escapeChar(ch);
    count++;
  }
  if (e - s > MAX_SHOWN * 4 + 4) out += '...';
  return out;
}

function escapeChar(ch: string): string {
  switch (ch) {
    case '\n': return '\\n';
    case '\r': return '\\r';
    case '\t': return '\\t';
    case '\v': return '\\v';
    case '\f': return '\\f';
    case '\\': return '\\\\';
    case "'": return "\\'";
  }
  const c = ch.codePointAt(0) ?? 0;
  if (c < 0x20 || c === 0x7f) return `\\x${c.toString(16).padStart(2, '0')}`;
  return ch;
}
