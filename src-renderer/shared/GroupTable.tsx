// A scoring submission's test groups, for teams and judges alike: each group below data/ with its
// verdict and its score out of its maximum, nested groups indented under their parents.
import type { GroupResult } from '../../src-main/common/results.ts';
import { formatScore } from './format.ts';
import { VERDICT_NAMES, verdictTone } from './verdicts.ts';

/** "40 / 100", or "40" for a group without a bound. */
export function scoreOutOf(score: number, maxScore: number | null): string {
  return maxScore === null ? formatScore(score) : `${formatScore(score)} / ${formatScore(maxScore)}`;
}

export function GroupTable({ groups, label = 'Test groups' }: { groups: readonly GroupResult[]; label?: string }) {
  // The root ('') is the submission's own score, shown beside the verdict: the table lists the groups below it.
  const shown = groups.filter((g) => g.name !== '');
  if (shown.length === 0) return null;
  return (
    <table className="group-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Group</th>
          <th scope="col">Verdict</th>
          <th scope="col" className="num">
            Score
          </th>
        </tr>
      </thead>
      <tbody>
        {shown.map((g) => (
          <tr key={g.name} data-group={g.name} data-verdict={g.verdict}>
            <th scope="row" className={`mono group-depth-${g.name.split('/').length}`}>
              {g.name}
            </th>
            <td className={`group-verdict tone-${verdictTone(g.verdict)}`} title={VERDICT_NAMES[g.verdict]}>
              {g.verdict}
            </td>
            <td className="num mono" data-score={g.score}>
              {scoreOutOf(g.score, g.maxScore)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
