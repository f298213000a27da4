// Console-only formatting and parsing: contest lengths as h:mm, datetime-local values, memory.
// (Clocks, times of day and seconds come from ../shared/format.ts, as in the portal.)

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** A length as "h:mm" (minutes rounded down): "5:00", "0:45", "26:10". */
export function formatHoursMinutes(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  return `${Math.floor(minutes / 60)}:${pad2(minutes % 60)}`;
}

/** "5:00", "0:45", "5" (hours), "1:5" is refused (minutes take two digits); null when unreadable. */
export function parseHoursMinutes(text: string): number | null {
  const match = /^\s*(\d{1,3})(?::([0-5]\d))?\s*$/.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  return (hours * 60 + minutes) * 60_000;
}

/**
 * An epoch time as an <input type="datetime-local" step="1"> value in this machine's time zone
 * ("" for none); seconds only when there are any.
 */
export function toDatetimeLocal(epochMs: number | null): string {
  if (epochMs === null || !Number.isFinite(epochMs)) return '';
  const d = new Date(epochMs);
  const minutes = `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}T${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
  return d.getSeconds() === 0 ? minutes : `${minutes}:${pad2(d.getSeconds())}`;
}

/**
 * A datetime-local value ("2025-05-01T10:00", seconds optional) as epoch ms in this machine's time
 * zone; "" is null (no start); undefined when unreadable.
 */
export function fromDatetimeLocal(value: string): number | null | undefined {
  const text = value.trim();
  if (text === '') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!match) return undefined;
  const [year, month, day, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const date = new Date(year, month - 1, day, hours, minutes, seconds);
  // new Date() rolls over (Feb 30 -> Mar 2): refuse what does not round-trip.
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day || date.getHours() !== hours) return undefined;
  return date.getTime();
}

/** Memory in KiB as "812 KiB", "12.4 MiB", "1.20 GiB". */
export function formatMemoryKb(kb: number | null): string {
  if (kb === null) return '—';
  if (kb < 1024) return `${Math.round(kb)} KiB`;
  if (kb < 1024 * 1024) return `${(kb / 1024).toFixed(1)} MiB`;
  return `${(kb / 1024 / 1024).toFixed(2)} GiB`;
}

/** A run's time: "0.12 s", "2 s"; "—" when unknown. */
export function formatRunTime(ms: number | null): string {
  if (ms === null) return '—';
  return `${Number((ms / 1000).toFixed(2))} s`;
}

/** A short elapsed time for a live bar: "0.4 s", "12 s", "2:05". */
export function formatElapsed(ms: number): string {
  const clamped = Math.max(0, ms);
  if (clamped < 10_000) return `${(clamped / 1000).toFixed(1)} s`;
  if (clamped < 60_000) return `${Math.floor(clamped / 1000)} s`;
  const s = Math.floor(clamped / 1000);
  return `${Math.floor(s / 60)}:${pad2(s % 60)}`;
}

/** How long ago, or how far ahead, in words: "12 s", "4 min", "1 h 05". */
export function formatSpan(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${pad2(m % 60)}`;
}
