// Reading the JSON of an exported contest package field by field: every wrong value is one clear
// message naming the file, the item and the field, never a stack trace or a half-read contest.
import { FileError } from '../common/errors.ts';
import { parseRelTime } from '../clics/time.ts';
import { VERDICTS, type Verdict } from '../common/types.ts';

const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/;

function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** One JSON object of a package file; `where` says which ("submissions.json item 3 (id "17")"). */
export class Fields {
  readonly file: string;
  readonly where: string;
  private readonly o: Record<string, unknown>;

  constructor(file: string, where: string, value: unknown) {
    this.file = file;
    this.where = where;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw this.error(`must be an object, got ${show(value)}`);
    this.o = value as Record<string, unknown>;
  }

  error(message: string): FileError {
    return new FileError(this.file, `${this.where}: ${message}`);
  }

  private bad(key: string, what: string): FileError {
    return this.error(`"${key}" must be ${what}, got ${key in this.o ? show(this.o[key]) : 'nothing'}`);
  }

  keys(): string[] {
    return Object.keys(this.o);
  }

  has(key: string): boolean {
    return this.o[key] !== undefined;
  }

  string(key: string): string {
    const v = this.o[key];
    if (typeof v !== 'string') throw this.bad(key, 'a string');
    return v;
  }

  /** A string, or null (also when left out). */
  stringOrNull(key: string): string | null {
    const v = this.o[key];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') throw this.bad(key, 'a string or null');
    return v;
  }

  /** An id Verdict generated: a decimal integer as a string. */
  intId(key: string): string {
    const v = this.o[key];
    if (typeof v !== 'string' || !/^[1-9][0-9]{0,14}$/.test(v)) throw this.bad(key, 'a numeric id (only packages written by Verdict can be imported)');
    return v;
  }

  intIdOrNull(key: string): string | null {
    return this.o[key] === undefined || this.o[key] === null ? null : this.intId(key);
  }

  int(key: string, min = 0): number {
    const v = this.o[key];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) throw this.bad(key, `a whole number of at least ${min}`);
    return v;
  }

  intOrNull(key: string, min = 0): number | null {
    return this.o[key] === undefined || this.o[key] === null ? null : this.int(key, min);
  }

  bool(key: string): boolean {
    const v = this.o[key];
    if (typeof v !== 'boolean') throw this.bad(key, 'true or false');
    return v;
  }

  boolOrNull(key: string): boolean | null {
    return this.o[key] === undefined || this.o[key] === null ? null : this.bool(key);
  }

  /** Seconds (a CLICS decimal number) as whole milliseconds. */
  secondsAsMs(key: string): number {
    const v = this.o[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw this.bad(key, 'a number of seconds');
    return Math.round(v * 1000);
  }

  secondsAsMsOrNull(key: string): number | null {
    return this.o[key] === undefined || this.o[key] === null ? null : this.secondsAsMs(key);
  }

  /** A CLICS TIME as epoch milliseconds. */
  time(key: string): number {
    const v = this.o[key];
    const ms = typeof v === 'string' && TIME.test(v) ? Date.parse(v) : NaN;
    if (!Number.isFinite(ms)) throw this.bad(key, 'a CLICS TIME such as "2030-01-01T10:00:00.000Z"');
    return ms;
  }

  timeOrNull(key: string): number | null {
    return this.o[key] === undefined || this.o[key] === null ? null : this.time(key);
  }

  /** A CLICS RELTIME as milliseconds. */
  relTime(key: string): number {
    const v = this.o[key];
    if (typeof v === 'string') {
      try {
        return parseRelTime(v);
      } catch {
        // fall through to the message below
      }
    }
    throw this.bad(key, 'a CLICS RELTIME such as "1:30:00.000"');
  }

  verdict(key: string): Verdict {
    const v = this.o[key];
    if (typeof v !== 'string' || !(VERDICTS as readonly string[]).includes(v)) throw this.bad(key, `one of ${VERDICTS.join(', ')}`);
    return v as Verdict;
  }

  verdictOrNull(key: string): Verdict | null {
    return this.o[key] === undefined || this.o[key] === null ? null : this.verdict(key);
  }

  stringArray(key: string): string[] {
    const v = this.o[key];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw this.bad(key, 'a list of strings');
    return v;
  }

  /** A nested object. */
  object(key: string): Fields {
    return new Fields(this.file, `${this.where}, "${key}"`, this.o[key]);
  }

  /** The raw value (for data kept as it is). */
  raw(key: string): unknown {
    return this.o[key];
  }
}

/** A package file that holds a JSON list of objects, one Fields per item. */
export function listItems(file: string, value: unknown): Fields[] {
  if (!Array.isArray(value)) throw new FileError(file, `must hold a JSON list, got ${show(value)}`);
  return value.map((item, i) => {
    const id = typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string' ? ` (id ${show((item as { id: string }).id)})` : '';
    return new Fields(file, `item ${i + 1}${id}`, item);
  });
}
