// The contest and its state: importing the contest folder (schedule, problems, teams, the CLICS objects
// kept only as announced, accounts), the schedule and the CLICS state marks changed at runtime, what
// reading a problem package found. Each change appends its events (events.ts).
import type { ClicsObject } from '../clics/schemas.ts';
import { clicsJson } from '../clics/serialize.ts';
import { PASS_FAIL_SCORING, type ContestDefinition, type ScoreboardType } from '../contest/model.ts';
import type { AccountRepository } from './accounts.ts';
import { contestObject, groupObjects, JUDGEMENT_TYPES, organizationObjects, problemObject, stateObject, teamObject, type ClicsState, type StateMarks } from './clics.ts';
import type { StoreDatabase } from './db.ts';
import { EVERYONE, JUDGES_ONLY } from './eventAudience.ts';
import type { EventLog } from './events.ts';
import type { ContestHistory } from './history.ts';
import { privateAffiliations } from './privateAffiliations.ts';
import { StoreError, type ContestRow, type EventType, type ProblemRow, type TeamRow } from './rows.ts';

/** What reading a problem's package found (setProblemInfo); scoring and maxScore absent: a pass-fail problem. */
export interface ProblemInfo {
  timeLimitMs: number;
  testDataCount: number;
  scoring?: boolean;
  maxScore?: number | null;
}

/** meta key: '1' once the awards were announced to everyone (the results were released). */
const META_AWARDS_RELEASED = 'awards_released';

export interface ImportOptions {
  /** Event time (default: now). */
  now?: number;
  /**
   * true (default): plain passwords are hashed here, synchronously (~30 ms per new or changed account; an
   * unchanged folder costs one scrypt in all). false: plain passwords are left to the caller, which hashes
   * them off the event loop and calls accounts.setPasswordHash; given hashes (passwordHash) are still stored.
   */
  hashPasswords?: boolean;
}

/** The CLICS objects the store keeps only as announced (clics_objects), not in tables of their own. */
export type AnnouncedType = 'judgement-types' | 'languages' | 'groups' | 'organizations' | 'awards';
const ANNOUNCED_TYPES: ReadonlySet<string> = new Set<AnnouncedType>(['judgement-types', 'languages', 'groups', 'organizations', 'awards']);

const CONTEST_SELECT = `
  SELECT id, name, formal_name AS formalName, start_time AS startTime, duration_ms AS durationMs, freeze_ms AS freezeMs,
         penalty_minutes AS penaltyMinutes, scoreboard_type AS scoreboardType, score_mode AS scoreMode
    FROM contest WHERE singleton = 1`;

const PROBLEM_SELECT = `
  SELECT id, label, name, ordinal, color, rgb, package_path AS packagePath, time_limit_ms AS timeLimitMs,
         test_data_count AS testDataCount, scoring, max_score AS maxScore, deleted
    FROM problems`;

const TEAM_SELECT = `
  SELECT id, name, display_name AS displayName, organization_id AS organizationId, group_ids AS groupIds, hidden, deleted
    FROM teams`;

type RawProblem = Omit<ProblemRow, 'scoring'> & { scoring: number | null; deleted: number };
type RawTeam = Omit<TeamRow, 'groupIds' | 'hidden'> & { groupIds: string; hidden: number; deleted: number };

function mapProblem(r: RawProblem): ProblemRow {
  const { deleted: _deleted, scoring, ...p } = r;
  return { ...p, scoring: scoring === null ? null : scoring === 1 };
}

function mapTeam(r: RawTeam): TeamRow {
  const { deleted: _deleted, groupIds, hidden, ...t } = r;
  return { ...t, groupIds: JSON.parse(groupIds) as string[], hidden: hidden === 1 };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** An object's JSON as the store writes it (through its schema), or as it is when it does not fit the schema. */
function canonicalJson(type: EventType, data: Record<string, unknown>): string {
  try {
    return clicsJson(type, data as never);
  } catch {
    return JSON.stringify(data);
  }
}

/** The contest folder's schedule as kept in contest.imported: a runtime change survives until the folder changes it. */
export function importedSchedule(def: ContestDefinition): string {
  return JSON.stringify([def.name, def.formalName, def.startTime, def.durationMs, def.freezeMs, def.penaltyMinutes]);
}

function prepareStatements(db: StoreDatabase) {
  const p = (sql: string) => db.prepare(sql);
  return {

    getContest: p(CONTEST_SELECT),
    getContestImported: p('SELECT imported FROM contest WHERE singleton = 1'),
    upsertContest: p(`INSERT INTO contest (singleton, id, name, formal_name, start_time, duration_ms, freeze_ms, penalty_minutes, imported)
                      VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)
                      ON CONFLICT (singleton) DO UPDATE SET id = excluded.id, name = excluded.name, formal_name = excluded.formal_name,
                        start_time = excluded.start_time, duration_ms = excluded.duration_ms, freeze_ms = excluded.freeze_ms,
                        penalty_minutes = excluded.penalty_minutes, imported = excluded.imported`),
    setContestScoring: p('UPDATE contest SET scoreboard_type = ?, score_mode = ? WHERE singleton = 1'),
    setContestTimes: p('UPDATE contest SET start_time = ?, duration_ms = ?, freeze_ms = ?, penalty_minutes = ? WHERE singleton = 1'),
    unjudgedCount: p("SELECT count(*) FROM submissions WHERE status != 'judged'"),
    getStateMarks: p('SELECT thawed_at AS thawed, finalized_at AS finalized, end_of_updates_at AS endOfUpdates FROM contest WHERE singleton = 1'),
    setStateMarks: p('UPDATE contest SET thawed_at = ?, finalized_at = ?, end_of_updates_at = ? WHERE singleton = 1'),
    getStateJson: p('SELECT state_json FROM contest WHERE singleton = 1'),
    setStateJson: p('UPDATE contest SET state_json = ? WHERE singleton = 1'),

    listAnnounced: p('SELECT id, json FROM clics_objects WHERE type = ? ORDER BY id'),
    putAnnounced: p('INSERT INTO clics_objects (type, id, json) VALUES (?, ?, ?) ON CONFLICT (type, id) DO UPDATE SET json = excluded.json'),
    deleteAnnounced: p('DELETE FROM clics_objects WHERE type = ? AND id = ?'),
    clearAnnounced: p('DELETE FROM clics_objects WHERE type = ?'),
    languageUsed: p('SELECT 1 FROM submissions WHERE language_id = ? LIMIT 1'),

    allProblems: p(PROBLEM_SELECT),
    listProblems: p(`${PROBLEM_SELECT} WHERE deleted = 0 ORDER BY ordinal, id`),
    getProblem: p(`${PROBLEM_SELECT} WHERE id = ? AND deleted = 0`),
    insertProblem: p('INSERT INTO problems (id, label, name, ordinal, color, rgb, package_path) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    updateProblem: p(`UPDATE problems SET label = @label, name = @name, ordinal = @ordinal, color = @color, rgb = @rgb,
                        package_path = @packagePath, deleted = 0,
                        time_limit_ms = CASE WHEN @keepInfo THEN time_limit_ms END,
                        test_data_count = CASE WHEN @keepInfo THEN test_data_count END,
                        scoring = CASE WHEN @keepInfo THEN scoring END,
                        max_score = CASE WHEN @keepInfo THEN max_score END
                      WHERE id = @id`),
    deleteProblem: p('UPDATE problems SET deleted = 1 WHERE id = ?'),
    setProblemInfo: p('UPDATE problems SET time_limit_ms = ?, test_data_count = ?, scoring = ?, max_score = ? WHERE id = ?'),

    allTeams: p(TEAM_SELECT),
    listTeams: p(`${TEAM_SELECT} WHERE deleted = 0 ORDER BY id`),
    getTeam: p(`${TEAM_SELECT} WHERE id = ? AND deleted = 0`),
    teamExists: p('SELECT 1 FROM teams WHERE id = ? AND deleted = 0'),
    upsertTeam: p(`INSERT INTO teams (id, name, display_name, organization_id, group_ids, hidden, deleted) VALUES (?, ?, ?, ?, ?, ?, 0)
                   ON CONFLICT (id) DO UPDATE SET name = excluded.name, display_name = excluded.display_name,
                     organization_id = excluded.organization_id, group_ids = excluded.group_ids, hidden = excluded.hidden, deleted = 0`),
    deleteTeam: p('UPDATE teams SET deleted = 1 WHERE id = ?'),
  };
}

export class ContestRepository {
  private readonly db: StoreDatabase;
  private readonly events: EventLog;
  private readonly accounts: AccountRepository;
  private readonly s: ReturnType<typeof prepareStatements>;
  /** The contest row, read once and after each change (undefined: read it again). */
  private cache: ContestRow | null | undefined = undefined;
  /** The contest's teams, read once and after each change (null: read them again): the scoreboard reads them on every change. */
  private teamsCache: readonly TeamRow[] | null = null;

  constructor(db: StoreDatabase, events: EventLog, accounts: AccountRepository) {
    this.db = db;
    this.events = events;
    this.accounts = accounts;
    this.s = prepareStatements(db);
    // A rolled-back change may have changed the row the cache holds.
    db.watch({
      mark: () => 0,
      rolledBack: () => {
        this.cache = undefined;
        this.teamsCache = null;
      },
      committed: () => {},
    });
  }

  /** The contest row as cached, for the other repositories: not to be changed or kept (the next change replaces it). */
  current(): Readonly<ContestRow> | null {
    if (this.cache === undefined) this.cache = (this.s.getContest.get() as ContestRow | undefined) ?? null;
    return this.cache;
  }

  /** When the contest starts (epoch ms), or null when not scheduled or no contest was imported. */
  startTime(): number | null {
    return this.current()?.startTime ?? null;
  }

  /** The contest's scoreboard type (pass-fail when no contest was imported): what the CLICS objects carry. */
  scoreboardType(): ScoreboardType {
    return this.current()?.scoreboardType ?? 'pass-fail';
  }

  get(): ContestRow | null {
    const c = this.current();
    return c === null ? null : { ...c };
  }

  /**
   * Loads a contest folder's configuration. Idempotent: events only for what changed. A schedule or password
   * changed at runtime survives re-import unless the folder itself changed it since the last import.
   */
  import(def: ContestDefinition, options: ImportOptions = {}): void {
    const now = options.now ?? Date.now();
    const existing = this.current();
    if (existing && existing.id !== def.id) {
      throw new StoreError('conflict', `this data folder holds contest "${existing.id}", not "${def.id}": use another data folder`);
    }
    // scrypt is slow: hash before taking the write lock.
    const passwords = this.accounts.planImport(def.accounts, options.hashPasswords !== false);
    // In the order CLICS needs: every object exists before one refers to it (teams name groups and organizations),
    // and goes only once nothing refers to it any more.
    const groups = groupObjects(def.teams, def.groups);
    const organizations = organizationObjects(def.teams, def.organizations);
    // Those only hidden teams name are the judges' (privateAffiliations.ts), before and after this import.
    const nowPrivate = privateAffiliations(def.teams);
    this.db.transaction(() => {
      const wasPrivate = privateAffiliations(this.teams());
      // Before: those only the judges saw, and those not announced yet (this import announces them as they are now).
      const privacy = (type: 'groups' | 'organizations') => {
        const announced = new Set(this.announced(type).map((o) => o.id));
        return { now: nowPrivate[type], before: new Set([...wasPrivate[type], ...[...nowPrivate[type]].filter((id) => !announced.has(id))]) };
      };
      // A problem's CLICS object depends on the scoreboard type (max_score): compared as it was announced.
      const typeBefore = this.scoreboardType();
      this.importSchedule(def, now);
      this.syncAnnounced('judgement-types', JUDGEMENT_TYPES, now);
      const groupPrivacy = privacy('groups');
      const organizationPrivacy = privacy('organizations');
      this.syncAnnounced('groups', groups, now, { keep: true, privacy: groupPrivacy });
      this.syncAnnounced('organizations', organizations, now, { keep: true, privacy: organizationPrivacy });
      this.importProblems(def, typeBefore, now);
      this.importTeams(def, now);
      this.syncAnnounced('groups', groups, now, { privacy: groupPrivacy });
      this.syncAnnounced('organizations', organizations, now, { privacy: organizationPrivacy });
      this.accounts.import(def.accounts, passwords);
      this.refreshState(now);
    });
  }

  private importSchedule(def: ContestDefinition, now: number): void {
    const imported = importedSchedule(def);
    const before = this.current();
    // The schedule only when the folder changed it since the last import (a runtime change survives until then);
    // the scoring always as the folder says (it cannot be changed at runtime).
    if (!before || this.s.getContestImported.pluck().get() !== imported) {
      if (def.durationMs < 0 || def.freezeMs < 0 || def.freezeMs > def.durationMs) {
        throw new StoreError('invalid', `contest ${def.id}: duration ${def.durationMs} ms and freeze ${def.freezeMs} ms do not fit`);
      }
      this.s.upsertContest.run(def.id, def.name, def.formalName, def.startTime, def.durationMs, def.freezeMs, def.penaltyMinutes, imported);
    }
    const scoring = def.scoring ?? PASS_FAIL_SCORING;
    this.s.setContestScoring.run(scoring.scoreboardType, scoring.scoreMode);
    this.cache = undefined;
    const after = this.current()!;
    if (!before) this.events.append('contest', null, 'create', contestObject(after), now);
    else if (!sameJson(contestObject(before), contestObject(after))) this.events.append('contest', null, 'update', contestObject(after), now);
  }

  private importProblems(def: ContestDefinition, typeBefore: ScoreboardType, now: number): void {
    const old = new Map((this.s.allProblems.all() as RawProblem[]).map((p) => [p.id, p]));
    for (const p of def.problems) {
      const prev = old.get(p.id);
      old.delete(p.id);
      if (!prev) {
        this.s.insertProblem.run(p.id, p.label, p.name, p.ordinal, p.color, p.rgb, p.packagePath);
        this.events.append('problems', p.id, 'create', problemObject(this.problem(p.id)!, this.scoreboardType()), now);
        continue;
      }
      const samePackage = prev.packagePath === p.packagePath;
      const unchanged = prev.deleted === 0 && samePackage && prev.label === p.label && prev.name === p.name && prev.ordinal === p.ordinal && prev.color === p.color && prev.rgb === p.rgb;
      if (unchanged) {
        // The row is as it was; its CLICS object changes with the scoreboard type (max_score).
        const announced = problemObject(mapProblem(prev), this.scoreboardType());
        if (!sameJson(problemObject(mapProblem(prev), typeBefore), announced)) this.events.append('problems', p.id, 'update', announced, now);
        continue;
      }
      // A different package: what was read from the old one (time limit, test count) no longer holds.
      this.s.updateProblem.run({ label: p.label, name: p.name, ordinal: p.ordinal, color: p.color, rgb: p.rgb, packagePath: p.packagePath, keepInfo: samePackage ? 1 : 0, id: p.id });
      const next = problemObject(this.problem(p.id)!, this.scoreboardType());
      if (prev.deleted === 1) this.events.append('problems', p.id, 'create', next, now);
      else if (!sameJson(problemObject(mapProblem(prev), typeBefore), next)) this.events.append('problems', p.id, 'update', next, now);
    }
    // Gone from the folder: hidden from the contest but kept, since submissions may refer to them.
    for (const gone of old.values()) {
      if (gone.deleted === 1) continue;
      this.s.deleteProblem.run(gone.id);
      this.events.append('problems', gone.id, 'delete', null, now);
    }
  }

  private importTeams(def: ContestDefinition, now: number): void {
    const old = new Map((this.s.allTeams.all() as RawTeam[]).map((t) => [t.id, t]));
    for (const t of def.teams) {
      const prev = old.get(t.id);
      old.delete(t.id);
      const row: TeamRow = { id: t.id, name: t.name, displayName: t.displayName, organizationId: t.organizationId, groupIds: [...t.groupIds], hidden: t.hidden };
      if (prev && prev.deleted === 0 && sameJson(mapTeam(prev), row)) continue;
      this.teamsCache = null;
      this.s.upsertTeam.run(t.id, t.name, t.displayName, t.organizationId, JSON.stringify(row.groupIds), t.hidden ? 1 : 0);
      // A hidden team is the judges' business only. One that became hidden is deleted for everyone else
      // (their feeds must not keep it), then updated for the judges; one shown again is created again.
      const existed = prev !== undefined && prev.deleted === 0;
      if (existed && prev.hidden === 0 && t.hidden) this.events.append('teams', t.id, 'delete', null, now, EVERYONE);
      this.events.append('teams', t.id, existed ? 'update' : 'create', teamObject(row), now, t.hidden ? JUDGES_ONLY : EVERYONE);
    }
    for (const gone of old.values()) {
      if (gone.deleted === 1) continue;
      this.teamsCache = null;
      this.s.deleteTeam.run(gone.id);
      this.events.append('teams', gone.id, 'delete', null, now, gone.hidden === 1 ? JUDGES_ONLY : EVERYONE);
    }
  }

  /**
   * Makes the announced objects of `type` (clics_objects) those given: a create or update event for each new or
   * changed one and, unless `keep`, a delete for each one no longer given. Returns whether anything changed.
   * `privacy` names the objects only the judges see, now and before: their events go to the judges only; one
   * that became public is announced to everyone in the `keep` pass (before the teams that name it), one that
   * became private is deleted for everyone in the other (after them), as hidden teams are.
   */
  private syncAnnounced<T extends AnnouncedType>(
    type: T,
    objects: readonly ClicsObject<T>[],
    now: number,
    options: { keep?: boolean; audience?: string; privacy?: { now: ReadonlySet<string>; before: ReadonlySet<string> } } = {},
  ): boolean {
    const before = new Map((this.s.listAnnounced.all(type) as { id: string; json: string }[]).map((r) => [r.id, r.json]));
    const privacy = options.privacy ?? { now: new Set<string>(), before: new Set<string>() };
    const audienceOf = (id: string, isPrivate: boolean) => options.audience ?? (isPrivate ? JUDGES_ONLY : undefined);
    let changed = false;
    for (const o of objects) {
      const json = clicsJson(type, o);
      const old = before.get(o.id);
      before.delete(o.id);
      const revealed = options.keep === true && old !== undefined && privacy.before.has(o.id) && !privacy.now.has(o.id);
      const concealed = options.keep !== true && old !== undefined && !privacy.before.has(o.id) && privacy.now.has(o.id);
      if (concealed) this.events.append(type, o.id, 'delete', null, now, EVERYONE);
      if (old === json && !revealed && !concealed) continue;
      this.s.putAnnounced.run(type, o.id, json);
      this.events.append(type, o.id, old === undefined ? 'create' : 'update', o, now, audienceOf(o.id, privacy.now.has(o.id)));
      changed = true;
    }
    if (options.keep) return changed;
    for (const id of before.keys()) {
      this.s.deleteAnnounced.run(type, id);
      this.events.append(type, id, 'delete', null, now, audienceOf(id, privacy.before.has(id)));
      changed = true;
    }
    return changed;
  }

  /** The announced objects of `type`, by id. */
  announced<T extends AnnouncedType>(type: T): ClicsObject<T>[] {
    return (this.s.listAnnounced.all(type) as { json: string }[]).map((r) => JSON.parse(r.json) as ClicsObject<T>);
  }

  /**
   * The contest's languages (create, update and delete events for what changed). A language a submission used
   * stays, whatever is given: submissions refer to it.
   */
  syncLanguages(languages: readonly ClicsObject<'languages'>[], now: number = Date.now()): void {
    this.db.transaction(() => {
      const given = new Set(languages.map((l) => l.id));
      const kept = this.announced('languages').filter((l) => !given.has(l.id) && this.s.languageUsed.pluck().get(l.id) !== undefined);
      this.syncAnnounced('languages', [...languages, ...kept].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), now);
    });
  }

  /**
   * The awards as they stand (create, update and delete events for what changed). `released`: everyone may see
   * them (the results are out); otherwise only the judges. Releasing sends every award again, to everyone.
   */
  syncAwards(awards: readonly ClicsObject<'awards'>[], released: boolean, now: number = Date.now()): void {
    this.db.transaction(() => {
      const audience = released ? EVERYONE : JUDGES_ONLY;
      const wasReleased = this.db.getMeta(META_AWARDS_RELEASED) === '1';
      if (released && !wasReleased) this.s.clearAnnounced.run('awards');
      if (released !== wasReleased) this.db.setMeta(META_AWARDS_RELEASED, released ? '1' : '0');
      this.syncAnnounced('awards', awards, now, { audience });
    });
  }

  /** Changes the schedule (start, and optionally duration and freeze): a 'contest' update and, if it changed, a 'state' one. */
  setTimes(t: { startTime: number | null; durationMs?: number; freezeMs?: number; penaltyMinutes?: number }, now: number = Date.now()): void {
    this.db.transaction(() => {
      const before = this.current();
      if (!before) throw new StoreError('not_found', 'no contest has been imported');
      this.refuseOnceClosed('a change of the contest times');
      const durationMs = t.durationMs ?? before.durationMs;
      const freezeMs = t.freezeMs ?? before.freezeMs;
      const penaltyMinutes = t.penaltyMinutes ?? before.penaltyMinutes;
      if (!(durationMs >= 0) || !(freezeMs >= 0) || freezeMs > durationMs) {
        throw new StoreError('invalid', `duration ${durationMs} ms and freeze ${freezeMs} ms do not fit`);
      }
      if (!Number.isInteger(penaltyMinutes) || penaltyMinutes < 0) throw new StoreError('invalid', `penalty must be whole minutes, got ${penaltyMinutes}`);
      this.s.setContestTimes.run(t.startTime, durationMs, freezeMs, penaltyMinutes);
      this.cache = undefined;
      const after = this.current()!;
      if (!sameJson(contestObject(before), contestObject(after))) this.events.append('contest', null, 'update', contestObject(after), now);
      this.refreshState(now);
    });
  }

  /** The CLICS state at `now`. */
  state(now: number = Date.now()): ClicsState {
    return stateObject(this.current(), this.stateMarks(), now);
  }

  private stateMarks(): StateMarks {
    const m = this.s.getStateMarks.get() as StateMarks | undefined;
    return { thawed: m?.thawed ?? null, finalized: m?.finalized ?? null, endOfUpdates: m?.endOfUpdates ?? null };
  }

  /**
   * Appends a 'state' event when the state at `now` differs from the last one announced. Call it when the
   * contest starts, freezes or ends (a timer in the server); schedule changes call it themselves.
   */
  refreshState(now: number = Date.now()): ClicsState {
    return this.db.transaction(() => {
      const state = this.state(now);
      if (!this.current()) return state;
      const json = JSON.stringify(state);
      const last = this.s.getStateJson.pluck().get() as string | null;
      if (last !== json) {
        this.s.setStateJson.run(json);
        this.events.append('state', null, last === null ? 'create' : 'update', state, now);
      }
      return state;
    });
  }

  /**
   * Sets (or clears, with null) the judges' marks: the release of the results (thawed) and finalized. What the
   * CLICS state has announced stays: a thaw it shows cannot be undone, finalized results stay final, and only a
   * contest that has ended can be finalized. end_of_updates follows by itself, as the last change, once the
   * results are final and, if the scoreboard was frozen, thawed.
   */
  markState(marks: Partial<Pick<StateMarks, 'thawed' | 'finalized'>>, now: number = Date.now(), lastChanges: () => void = () => {}): ClicsState {
    return this.db.transaction(() => {
      const contest = this.current();
      if (!contest) throw new StoreError('not_found', 'no contest has been imported');
      const before = this.state(now);
      if (marks.thawed === null && before.thawed !== null) throw new StoreError('conflict', 'the final results were released after the contest (the CLICS state says thawed): they cannot be frozen again');
      if (marks.finalized === null && before.finalized !== null) throw new StoreError('conflict', 'the results are final: they cannot be made provisional again');
      if (marks.finalized !== undefined && marks.finalized !== null && before.finalized === null) {
        if (before.ended === null) throw new StoreError('conflict', 'the contest has not ended: its results cannot be final yet');
        // As DOMjudge: results with a verdict still to come are not final (and a judging that ended after
        // end_of_updates could not be recorded).
        const unjudged = this.s.unjudgedCount.pluck().get() as number;
        if (unjudged > 0) throw new StoreError('conflict', `${unjudged} submission${unjudged === 1 ? ' is' : 's are'} still waiting or being judged: the results can be final once every submission has its verdict`);
      }
      const m: StateMarks = { ...this.stateMarks(), ...marks };
      this.s.setStateMarks.run(m.thawed, m.finalized, m.endOfUpdates);
      // What follows from the new marks (the awards released) is announced before the contest may close.
      lastChanges();
      if (m.endOfUpdates === null && stateObject(contest, { ...m, endOfUpdates: now }, now).end_of_updates !== null) {
        m.endOfUpdates = now;
        this.s.setStateMarks.run(m.thawed, m.finalized, m.endOfUpdates);
      }
      return this.refreshState(now);
    });
  }

  /**
   * Refuses `change` once the contest is closed for updates (its CLICS state says end_of_updates: over, final
   * and, if it was frozen, thawed), after which nothing in it may change and the event feed has ended.
   */
  refuseOnceClosed(change: string): void {
    if (this.stateMarks().endOfUpdates !== null) throw new StoreError('conflict', `${change} refused: the contest is closed for updates (its results are final and released, end_of_updates)`);
  }

  /** Refuses `change` once the results are final (CLICS finalized): no verdict or submission may change them any more. */
  refuseOnceFinal(change: string): void {
    if (this.stateMarks().finalized !== null) throw new StoreError('conflict', `${change} refused: the results are final (the judges finalized them)`);
  }

  /** Whether the judges released the results (thawed): the public scoreboard and the awards show everything. */
  resultsReleased(): boolean {
    return this.stateMarks().thawed !== null;
  }

  /** A problem of the contest (not one gone from it), or null. */
  problem(id: string): ProblemRow | null {
    const r = this.s.getProblem.get(id) as RawProblem | undefined;
    return r ? mapProblem(r) : null;
  }

  problems(): ProblemRow[] {
    return (this.s.listProblems.all() as RawProblem[]).map(mapProblem);
  }

  /** The contest's teams by id, as cached (frozen: a copy to change). */
  teams(): readonly TeamRow[] {
    if (this.teamsCache) return this.teamsCache;
    const teams = Object.freeze(
      (this.s.listTeams.all() as RawTeam[]).map((r) => {
        const team = mapTeam(r);
        Object.freeze(team.groupIds);
        return Object.freeze(team);
      }),
    );
    this.teamsCache = teams;
    return teams;
  }

  /** A team of the contest (not one gone from it), or null. */
  team(id: string): TeamRow | null {
    const r = this.s.getTeam.get(id) as RawTeam | undefined;
    return r ? mapTeam(r) : null;
  }

  /** Whether `id` is a team of the contest (not one gone from it). */
  hasTeam(id: string): boolean {
    return this.s.teamExists.pluck().get(id) !== undefined;
  }

  /** Records what reading the package found (done lazily): a 'problems' update when it changes the problem. */
  setProblemInfo(problemId: string, info: ProblemInfo, now: number = Date.now()): void {
    this.db.transaction(() => {
      const before = this.problem(problemId);
      if (!before) throw new StoreError('not_found', `unknown problem ${problemId}`);
      const after: ProblemRow = { ...before, ...info, scoring: info.scoring ?? false, maxScore: info.maxScore ?? null };
      if (before.timeLimitMs === after.timeLimitMs && before.testDataCount === after.testDataCount && before.scoring === after.scoring && before.maxScore === after.maxScore) return;
      this.s.setProblemInfo.run(after.timeLimitMs, after.testDataCount, after.scoring ? 1 : 0, after.maxScore, problemId);
      this.events.append('problems', problemId, 'update', problemObject(after, this.scoreboardType()), now);
    });
  }

  /**
   * A history's contest as it was: the contest row, the state's marks and last announcement, the problems and
   * teams (those gone too), and the objects kept only as announced, as their last events left them. Inside the
   * transaction that loads the whole history.
   */
  loadHistory(h: ContestHistory): void {
    const c = h.contest;
    this.s.upsertContest.run(c.id, c.name, c.formalName, c.startTime, c.durationMs, c.freezeMs, c.penaltyMinutes, h.importedSchedule);
    this.s.setContestScoring.run(c.scoreboardType, c.scoreMode);
    this.s.setStateMarks.run(h.marks.thawed, h.marks.finalized, h.marks.endOfUpdates);
    const lastState = h.events.findLast((e) => e.type === 'state' && e.data !== null);
    this.s.setStateJson.run(lastState ? JSON.stringify(lastState.data) : null);
    for (const p of h.problems) {
      this.s.insertProblem.run(p.id, p.label, p.name, p.ordinal, p.color, p.rgb, p.packagePath);
      this.s.setProblemInfo.run(p.timeLimitMs, p.testDataCount, p.scoring === null ? null : p.scoring ? 1 : 0, p.maxScore, p.id);
      if (p.deleted) this.s.deleteProblem.run(p.id);
    }
    for (const t of h.teams) {
      this.teamsCache = null;
      this.s.upsertTeam.run(t.id, t.name, t.displayName, t.organizationId, JSON.stringify(t.groupIds), t.hidden ? 1 : 0);
      if (t.deleted) this.s.deleteTeam.run(t.id);
    }
    // The objects kept only as announced are what their last events say.
    for (const e of h.events) {
      if (!ANNOUNCED_TYPES.has(e.type) || e.id === null) continue;
      if (e.data === null) this.s.deleteAnnounced.run(e.type, e.id);
      else this.s.putAnnounced.run(e.type, e.id, canonicalJson(e.type, e.data));
    }
    if (h.marks.thawed !== null && h.events.some((e) => e.type === 'awards')) this.db.setMeta(META_AWARDS_RELEASED, '1');
    this.cache = undefined;
  }
}
