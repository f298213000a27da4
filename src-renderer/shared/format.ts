// Small formatting helpers for clocks, contest times and sizes (shared by the portal and the console).

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** A duration as "h:mm:ss" (negative durations count as 0). */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  return `${h}:${pad2(m)}:${pad2(total % 60)}`;
}

/** A long wait in words for the countdown before a start: "2 d 3:04:05" or "3:04:05". */
export function formatCountdown(ms: number): string {
  const days = Math.floor(Math.max(0, ms) / 86_400_000);
  return days > 0 ? `${days} d ${formatClock(ms - days * 86_400_000)}` : formatClock(ms);
}

/** Contest time as "h:mm" (minutes rounded down), the way scoreboards count. */
export function formatContestTime(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  return `${Math.floor(minutes / 60)}:${pad2(minutes % 60)}`;
}

/** Wall-clock time of day, "14:03:27", in the browser's time zone. */
export function formatTimeOfDay(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A date and time as people read it, the same in every view and browser locale: "Fri 4 Dec 2026,
 * 14:03" in the browser's time zone (not 12/4/2026, which half the world reads as 12 April).
 */
export function formatDateTime(epochMs: number): string {
  const d = new Date(epochMs);
  return `${WEEKDAYS[d.getDay()]} ${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}, ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/** A rough wait: "~5 s", "~2 min". */
export function formatWait(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  return s < 90 ? `~${s} s` : `~${Math.round(s / 60)} min`;
}

/** A time limit: "1 s", "0.5 s", "2.25 s". */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}

/** A memory limit given in MiB: "256 MiB", "2 GiB". */
export function formatMebibytes(mb: number): string {
  return mb >= 1024 && mb % 1024 === 0 ? `${mb / 1024} GiB` : `${mb} MiB`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** A problem colour from problems.yaml ("#ff0000", "ff0000", "") as a CSS colour, or null. */
export function cssColour(rgb: string | null | undefined): string | null {
  if (!rgb) return null;
  const value = rgb.trim();
  if (/^#?[0-9a-f]{3}([0-9a-f]{3})?$/i.test(value)) return value.startsWith('#') ? value : `#${value}`;
  return null;
}

/** A score as the judges gave it, without floating-point noise: at most 4 decimals ("42.5", "100"). */
export function formatScore(score: number): string {
  return String(Math.round(score * 10_000) / 10_000);
}

/** Contest time typed by a judge, "h:mm" or "h:mm:ss" (or whole minutes, "90"), in ms; null when it is not one. */
export function parseContestTime(text: string): number | null {
  const match = /^\s*(?:(\d+):([0-5]\d)(?::([0-5]\d))?|(\d+))\s*$/.exec(text);
  if (!match) return null;
  if (match[4] !== undefined) return Number(match[4]) * 60_000;
  return ((Number(match[1]) * 60 + Number(match[2])) * 60 + Number(match[3] ?? 0)) * 1000;
}
