// A small hand-written SVG line chart of recent values (oldest first).
import { sparkline } from '../sparkline.ts';

const WIDTH = 240;
const HEIGHT = 56;

export function Sparkline({ title, values, unit }: { title: string; values: readonly number[]; unit: string }) {
  const line = sparkline(values, WIDTH, HEIGHT, 3);
  const latest = line.last === null ? '—' : String(Math.round(line.last * 10) / 10);
  const label = values.length === 0 ? `${title}: no data yet` : `${title} over the last ${values.length} minutes: now ${latest} ${unit}, at most ${Math.round(line.max * 10) / 10}`;
  return (
    <figure className="spark">
      <figcaption>
        <span>{title}</span>
        <strong className="mono">{latest}</strong>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={label} preserveAspectRatio="none">
        <line x1="0" x2={WIDTH} y1={HEIGHT - 3} y2={HEIGHT - 3} className="spark-axis" />
        {line.points && (
          <>
            <polygon points={line.area} className="spark-area" />
            <polyline points={line.points} className="spark-line" />
          </>
        )}
      </svg>
      <div className="spark-scale muted">
        <span>{values.length > 0 ? `${values.length} min ago` : ''}</span>
        <span>max {Math.round(line.max * 10) / 10}</span>
      </div>
    </figure>
  );
}
