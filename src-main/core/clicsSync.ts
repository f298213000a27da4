// The CLICS objects the server decides rather than the contest folder: the languages (the judge's, less those
// the judges switched off) and the awards (from the standings as they move). Both are kept in the store as
// announced (store.contest.syncLanguages, syncAwards), so that /languages, /awards and the event feed give the
// same objects, each created in the feed before anything refers to it.
import type { ClicsLanguage } from '../clics/schemas.ts';
import { ANSWER_LANGUAGE_ID } from '../common/types.ts';
import { disabledLanguages } from '../store/languageSettings.ts';
import { computeAwards, type Awards } from '../export/awards.ts';
import { contestGroups } from '../export/groups.ts';
import { finalStandings, type Standings } from '../export/standings.ts';
import { storedMedalCounts } from '../store/medalSettings.ts';
import { log } from '../common/log.ts';
import { isStorageFailure } from '../store/storageFailure.ts';
import type { CoreContext } from './context.ts';

/** Awards are worked out again at most this often while judgements come in (each costs one pass over the submissions). */
const AWARDS_REFRESH_MS = 2000;

/** What a submit-answer problem's submissions name as their language: the answer file itself, nothing compiled or run. */
const ANSWER_LANGUAGE: ClicsLanguage = { id: ANSWER_LANGUAGE_ID, name: 'Answer file', entry_point_required: false, extensions: [] };

/** The languages teams may submit in, as CLICS language objects: the answer "language" too once a submit-answer
 *  problem has been read, so that its submissions refer to a language the feed has created. */
function languageObjects(ctx: Pick<CoreContext, 'engine' | 'store' | 'problems'>): ClicsLanguage[] {
  const disabled = disabledLanguages(ctx.store);
  const programs = ctx.engine.languages.filter((l) => l.available && !disabled.has(l.id)).map((l) => ({ id: l.id, name: l.name, entry_point_required: false as const, extensions: [...l.extensions] }));
  return ctx.problems.hasSubmitAnswer() ? [...programs, ANSWER_LANGUAGE] : programs;
}

/** Announces the languages as they are now (after the judges switched one on or off, or a submit-answer problem was read). */
export function syncLanguages(ctx: Pick<CoreContext, 'engine' | 'store' | 'problems' | 'now'>): void {
  ctx.store.contest.syncLanguages(languageObjects(ctx), ctx.now());
}

/** The awards as the judges' standings give them now, with the medal counts the judges set (else the defaults). */
export function contestAwards(ctx: Pick<CoreContext, 'store' | 'contest'>): { standings: Standings; awards: Awards } {
  const standings = finalStandings(ctx.store);
  // The groups file as the contest was read (loadContest), not read again on each change.
  const awards = computeAwards(standings, { medals: storedMedalCounts(ctx.store) ?? undefined, groups: contestGroups(standings.teams, ctx.contest.groups) });
  return { standings, awards };
}

/** Whether the results are out, so that everyone may see the awards: the judges released the scoreboard (thawed). */
export function awardsReleased(ctx: Pick<CoreContext, 'store'>): boolean {
  return ctx.store.contest.resultsReleased();
}

/** Announces the awards as they stand now (after the judges released the results, or on any change). */
export function syncAwards(ctx: Pick<CoreContext, 'store' | 'contest' | 'now'>): void {
  // Closed for updates: the awards are final with the results (and were announced before the contest closed).
  if (ctx.store.contest.state(ctx.now()).end_of_updates !== null) return;
  ctx.store.contest.syncAwards(contestAwards(ctx).awards.list, awardsReleased(ctx), ctx.now());
}

/**
 * Announces the languages and the awards now, then keeps the awards up to date as submissions are judged
 * (at most every AWARDS_REFRESH_MS). Returns the function that stops it.
 */
export function startClicsSync(ctx: CoreContext): () => void {
  const logger = log.child({ component: 'clics' });
  syncLanguages(ctx);
  let timer: NodeJS.Timeout | null = null;
  let last = 0;
  const refresh = () => {
    timer = null;
    last = Date.now();
    try {
      syncAwards(ctx);
    } catch (error) {
      // A full disk: the awards are announced on a later change, once there is space again.
      if (!isStorageFailure(error)) throw error;
      logger.warn({ err: error }, 'cannot announce the awards: the database cannot be written');
    }
  };
  refresh();
  const unsubscribe = ctx.store.events.subscribe((event) => {
    if (!['judgements', 'teams', 'problems', 'state'].includes(event.type) || timer) return;
    timer = setTimeout(refresh, Math.max(0, last + AWARDS_REFRESH_MS - Date.now()));
  });
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
