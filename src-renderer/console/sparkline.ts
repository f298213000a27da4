// The geometry of the dashboard's small charts: values scaled into an SVG box.

export interface Sparkline {
  /** The polyline's points ("x,y x,y ..."), empty when there is nothing to draw. */
  points: string;
  /** The same line closed along the bottom, for a filled area. */
  area: string;
  max: number;
  last: number | null;
}

/**
 * Scales `values` (oldest first) into width x height, `pad` pixels in from each edge; the bottom
 * is 0 and the top is the largest value (at least `minMax`, so a quiet minute is not drawn as a peak).
 */
export function sparkline(values: readonly number[], width: number, height: number, pad = 2, minMax = 1): Sparkline {
  const clean = values.map((v) => (Number.isFinite(v) && v > 0 ? v : 0));
  const max = Math.max(minMax, ...clean);
  const last = clean.length > 0 ? clean[clean.length - 1]! : null;
  if (clean.length === 0) return { points: '', area: '', max, last };
  const innerW = width - 2 * pad;
  const innerH = height - 2 * pad;
  const round = (n: number): number => Math.round(n * 10) / 10;
  const xs = clean.length === 1 ? [pad, width - pad] : clean.map((_, i) => pad + (innerW * i) / (clean.length - 1));
  const ys = (clean.length === 1 ? [clean[0]!, clean[0]!] : clean).map((v) => pad + innerH - (innerH * v) / max);
  const coords = xs.map((x, i) => `${round(x)},${round(ys[i]!)}`);
  const bottom = round(height - pad);
  return { points: coords.join(' '), area: `${round(xs[0]!)},${bottom} ${coords.join(' ')} ${round(xs[xs.length - 1]!)},${bottom}`, max, last };
}
