// How an error message names a field and the value found there, for every file Verdict reads against
// a schema (a package's YAML, the contest folder's files): "limits.time_multipliers.ac_to_time_limit",
// "teams[2].group_ids[0]", and "got ..." short enough for one line.

/** A step of a field's path: a map's key, or a list's index. */
export type FieldPathPart = string | number;

/** "limits.memory", "keywords[2]", "teams[0].name". */
export function fieldPath(path: readonly FieldPathPart[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** The path of `pointer`'s parts inside `value`: a list's index becomes a number, a map's key stays a string. */
export function pathIn(value: unknown, parts: readonly string[]): FieldPathPart[] {
  let v = value;
  return parts.map((p) => {
    const inList = Array.isArray(v);
    v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
    return inList ? Number(p) : p;
  });
}

/** A value as "got ..." shows it: its kind for a map or a list, itself (cut at 40 characters) for a scalar. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '...' : v);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return typeof v; // a function or a symbol: never parsed from YAML or JSON
}
