// The time limit of each language the contest gives more (or less) time than the problem says
// (contest.yaml's language_time_factors), under a problem's own limit.
import { scaledTimeLimitMs } from '../../../src-main/common/timeFactors.ts';
import { formatSeconds } from '../../shared/format.ts';
import { usePortal } from '../store.ts';

export function LanguageTimeLimits({ timeLimitMs }: { timeLimitMs: number | null }) {
  const languages = usePortal((s) => s.overview?.languages ?? null);
  const scaled = timeLimitMs === null || languages === null ? [] : languages.filter((l) => l.timeFactor !== 1);
  if (timeLimitMs === null || scaled.length === 0) return null;
  return (
    <p className="muted language-limits">
      {scaled.map((l, i) => (
        <span key={l.id}>
          {i > 0 && ' · '}
          {l.name}: {formatSeconds(scaledTimeLimitMs(timeLimitMs, l.timeFactor))} (× {l.timeFactor})
        </span>
      ))}
    </p>
  );
}
