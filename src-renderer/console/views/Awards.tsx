// The awards as they stand (the judges' standings: winner, medals, first to solve each problem, group
// winners), the medal counts the judges may change before the ceremony (the CLICS awards follow), and
// the way into the resolver once the contest is over.
import { useState, type FormEvent } from 'react';
import type { AwardsView, MedalCounts } from '../../../src-main/shared/judgeApi.ts';
import { asyncHandler } from '../../shared/asyncHandler.ts';
import { Field, Loading, Notice } from '../../shared/ui.tsx';
import { judge } from '../api.ts';
import { useClockValue } from '../hooks.ts';
import { useLiveQuery } from '../liveQuery.ts';
import { perform } from '../loaders.ts';
import { viewHref } from '../route.ts';
import './awards.css';

const getAwards = (): Promise<AwardsView> => judge.getAwards();
const MEDALS = ['gold', 'silver', 'bronze'] as const;
const MEDAL_NAMES: Record<(typeof MEDALS)[number], string> = { gold: 'Gold', silver: 'Silver', bronze: 'Bronze' };
/** The most medals of one colour (the console's check is the core's: judgeRequests.ts). */
const MAX_MEDALS = 1000;

export function Awards() {
  const { data, error, reload } = useLiveQuery(getAwards, ['scoreboard']);
  const ended = useClockValue((r) => r?.phase === 'over');
  return (
    <section className="awards-view">
      <div className="view-head">
        <h1 id="awards-title">Awards</h1>
        {ended ? (
          <a className="resolver-link" href={viewHref('resolver')}>
            Start the resolver
          </a>
        ) : (
          <span className="muted">The resolver opens once the contest is over.</span>
        )}
      </div>
      <p className="muted">
        From the judges’ standings, frozen hour included. {data?.released ? 'The results are released: teams and the public see these awards.' : 'Teams and the public see them once you release the results (Contest).'}
      </p>
      {error && <Notice tone="error">Could not load the awards: {error}.</Notice>}
      {data === null ? (
        !error && <Loading what="the awards" />
      ) : (
        <>
          {data.warnings.length > 0 && <Notice tone="warning">Not final yet: {data.warnings.join('; ')}.</Notice>}
          <MedalForm key={JSON.stringify(data.medalCounts)} awards={data} onSaved={reload} />
          <div className="table-wrap">
            <table className="awards-table" aria-label="Awards">
              <thead>
                <tr>
                  <th scope="col">Award</th>
                  <th scope="col">Teams</th>
                </tr>
              </thead>
              <tbody>
                {data.awards.map((a) => (
                  <tr key={a.id} data-award-id={a.id}>
                    <th scope="row">{a.citation}</th>
                    <td>{a.teams.length === 0 ? <span className="muted">nobody yet</span> : a.teams.map((t) => t.name).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function MedalForm({ awards, onSaved }: { awards: AwardsView; onSaved: () => Promise<void> }) {
  const [counts, setCounts] = useState<MedalCounts>(awards.medalCounts);
  const [busy, setBusy] = useState(false);
  const save = async (next: MedalCounts | null) => {
    setBusy(true);
    await perform('Saving the medal counts', () => judge.setMedalCounts(next));
    setBusy(false);
    await onSaved();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(counts);
  };
  const changed = MEDALS.some((m) => counts[m] !== awards.medalCounts[m]);
  return (
    <form className="card medal-form" onSubmit={submit} aria-labelledby="medal-form-title">
      <h2 id="medal-form-title">Medals</h2>
      <p className="muted">{awards.medalCountsSet ? 'As you set them.' : 'The defaults: 4 of each.'} The best-ranked teams that solved something get them; a tie across a boundary gives the better medal.</p>
      <div className="medal-fields">
        {MEDALS.map((m) => (
          <Field key={m} label={MEDAL_NAMES[m]}>
            {(id) => (
              <input
                id={id}
                type="number"
                min={0}
                max={MAX_MEDALS}
                step={1}
                required
                value={counts[m]}
                onChange={(e) => setCounts({ ...counts, [m]: e.target.valueAsNumber })}
              />
            )}
          </Field>
        ))}
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || !changed || MEDALS.some((m) => !Number.isInteger(counts[m]))}>
          Save medal counts
        </button>
        {awards.medalCountsSet && (
          <button type="button" disabled={busy} onClick={asyncHandler(() => save(null))}>
            Back to the defaults
          </button>
        )}
      </div>
    </form>
  );
}
