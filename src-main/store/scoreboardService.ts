// Scoreboards computed from the store and kept until a judgement or submission changes them:
// 200 requests per second for the scoreboard cost one computation per change, not 200.
import { createHash } from 'node:crypto';
import type { Store } from './store.ts';
import { readContestClock } from '../contest/clock.ts';
import type { ScoreboardRow } from '../contest/scoreboard.ts';
import { contestRanking } from './scoreboardRanking.ts';

export interface ScoreboardSnapshot {
  /** Results after the freeze are hidden (the public view during the freeze). */
  frozen: boolean;
  rows: ScoreboardRow[];
  /** Changes whenever the rows may have changed (judges' use: it counts every change, hidden ones too). */
  version: number;
  /** A digest of what this view shows, and nothing else: the ETag and the change signal teams may see. */
  digest: string;
}

/** Characters of a view's digest kept (about 130 bits). */
const DIGEST_CHARS = 22;

/**
 * The ranked rows of the store's contest: a score contest's (scoreScoreboard.ts) or a pass-fail one's
 * (scoreboard.ts), by the contest's ranking rule (scoreboardRanking.ts), through which the exported standings
 * rank too, so that they agree.
 */
function scoreboardRows(store: Store, options: { freezeAtMs: number | null; includeHidden: boolean }): ScoreboardRow[] {
  const ranking = contestRanking(store);
  return ranking.rank(ranking.submissions, options);
}

export class ScoreboardService {
  private readonly store: Store;
  private version = 1;
  private readonly cache = new Map<string, ScoreboardSnapshot>();

  constructor(store: Store) {
    this.store = store;
  }

  /** Call when submissions, judgements, teams or problems changed. */
  invalidate(): void {
    this.version++;
    this.cache.clear();
  }

  get currentVersion(): number {
    return this.version;
  }

  /** The judges' view (everything) or the public one (frozen from the freeze on, until thawed). */
  snapshot(view: 'judges' | 'public', now = Date.now()): ScoreboardSnapshot {
    const contest = this.store.contest.get();
    const phase = contest ? readContestClock(contest, now) : null;
    // Judges release the final results after the contest by thawing the scoreboard.
    const thawed = this.store.contest.resultsReleased();
    const frozen = view === 'public' && !thawed && phase !== null && phase.frozen;
    const key = `${view}:${frozen}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const rows = scoreboardRows(this.store, { freezeAtMs: frozen ? phase.freezeAtMs : null, includeHidden: view === 'judges' });
    const digest = createHash('sha256').update(JSON.stringify([frozen, rows])).digest('base64url').slice(0, DIGEST_CHARS);
    const snapshot = { frozen, rows, version: this.version, digest };
    this.cache.set(key, snapshot);
    return snapshot;
  }
}
