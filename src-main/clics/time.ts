// CLICS times: TIME is ISO 8601 with milliseconds and zone ("2026-03-01T09:00:00.000Z"); RELTIME is
// "(-)h:mm:ss.uuu", a duration or a contest time (relative to the contest's start).

/** Epoch ms -> CLICS TIME. */
export function clicsTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** Milliseconds -> CLICS RELTIME "(-)h:mm:ss.uuu" (hours unbounded). */
export function relTime(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let rest = Math.round(Math.abs(ms));
  const millis = rest % 1000;
  rest = (rest - millis) / 1000;
  const seconds = rest % 60;
  rest = (rest - seconds) / 60;
  const minutes = rest % 60;
  const hours = (rest - minutes) / 60;
  return `${sign}${hours}:${pad2(minutes)}:${pad2(seconds)}.${String(millis).padStart(3, '0')}`;
}

/**
 * CLICS TIME -> epoch ms: ISO 8601 with seconds, optional fraction, and a zone (Z, +hh, +hhmm or +hh:mm);
 * null when the text is not one.
 */
export function parseClicsTime(text: string): number | null {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d{1,3})?(Z|[+-]\d{2}(?::?\d{2})?)$/.exec(text);
  if (!m) return null;
  const zone = m[3] === 'Z' ? 'Z' : `${m[3].slice(0, 3)}:${m[3].slice(3).replace(':', '').padEnd(2, '0')}`;
  const ms = Date.parse(`${m[1]}${m[2] ?? ''}${zone}`);
  return Number.isNaN(ms) ? null : ms;
}

/** CLICS RELTIME -> milliseconds (the inverse of relTime; `.uuu` optional). */
export function parseRelTime(text: string): number {
  const m = /^(-)?(\d+):([0-5]\d):([0-5]\d)(?:\.(\d{1,3}))?$/.exec(text);
  if (!m) throw new Error(`not a RELTIME: ${JSON.stringify(text)}`);
  const ms = ((Number(m[2]) * 60 + Number(m[3])) * 60 + Number(m[4])) * 1000 + (m[5] ? Number(m[5].padEnd(3, '0')) : 0);
  return m[1] ? -ms : ms;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Contest time of an absolute moment: relative to the start; 0 while no start is scheduled. */
export function contestTimeMs(startTime: number | null, at: number): number {
  return startTime === null ? 0 : at - startTime;
}
