// The durable contest store: all contest state in one SQLite file (better-sqlite3, WAL, synchronous=FULL).
// Every change appends its event(s) to `events` in the same transaction; listeners hear about them only
// after that transaction has committed. Plain Node: no 'electron' import.
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ContestAccount, ContestDefinition } from '../contest/model.ts';
import type { JudgeResult, TestResult } from '../common/results.ts';
import type { Verdict } from '../common/types.ts';
import { clicsJson } from '../clics/serialize.ts';
import type { ClicsObject } from '../clics/schemas.ts';
import {
  clarificationObject,
  contestObject,
  contestTimeMs,
  entryPointOf,
  groupObjects,
  judgementObject,
  JUDGEMENT_TYPES,
  organizationObjects,
  problemObject,
  runObject,
  stateObject,
  submissionObject,
  teamObject,
  type ClicsState,
  type StateMarks,
} from './clics.ts';
import { EVERYONE, eventAudience, JUDGES_ONLY, storedAudience } from './eventAudience.ts';
import type { ContestHistory } from './history.ts';
import { hashPassword, verifyPassword } from './password.ts';
import {
  StoreError,
  VERDICTS,
  type AccountRow,
  type ClarificationRow,
  type ContestRow,
  type EventOp,
  type EventType,
  type JudgementRow,
  type OverrideRow,
  type ProblemRow,
  type QueuePlace,
  type QueueStats,
  type RunRow,
  type SessionRow,
  type StoredEvent,
  type SubmissionRow,
  type SubmissionStatus,
  type TeamRow,
} from './rows.ts';
import { fairOrder, headsToRead, type QueueGroup, type ReadHead } from './queueOrder.ts';
import { migrate } from './schema.ts';

export * from './rows.ts';

/** The database file of a data folder. */
export const STORE_FILE_NAME = 'verdict.db';

/** The database file in `dataDir`. */
export function storeFileIn(dataDir: string): string {
  return join(dataDir, STORE_FILE_NAME);
}

/** How long a writer waits for another connection's lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;
/** Checkpoint the WAL every ~4 MiB (1000 pages of 4 KiB): each checkpoint stays short, the WAL stays small. */
const WAL_AUTOCHECKPOINT_PAGES = 1000;
/** Truncate the WAL file back to this size after a checkpoint, so one burst does not leave a huge file. */
const JOURNAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;
/** Default page sizes of the list methods. */
const DEFAULT_QUEUE_LIMIT = 100;
/**
 * Queue priority levels (higher is judged first). A first judging is queued at LIVE_PRIORITY, a rejudge
 * at REJUDGE_PRIORITY (behind every first judging); a judge's "prioritise" puts a submission one level
 * above every queued one. Within a level, teams take turns: see queuedSubmissions and queueOrder.ts.
 */
const LIVE_PRIORITY = 0;
const REJUDGE_PRIORITY = -1;
/** For the queue's SQL: how many submissions each team has being judged (few rows: one per busy worker). */
const BUSY_TEAMS = "busy AS (SELECT team_id, count(*) AS n FROM submissions WHERE status = 'judging' GROUP BY team_id)";
const DEFAULT_EVENTS_LIMIT = 1000;
/** Random bytes in a session token and in a CSRF token. */
const TOKEN_BYTES = 32;
/** meta key: salted scrypt of the accounts as last imported, so an unchanged folder costs one scrypt, not one per account. */
const META_ACCOUNTS_FINGERPRINT = 'accounts_fingerprint';
/** meta key: '1' once the awards were announced to everyone (the results were released). */
const META_AWARDS_RELEASED = 'awards_released';
/** meta keys of the judges' settings. */
const SETTING_PREFIX = 'setting:';

export interface NewSubmission {
  teamId: string;
  problemId: string;
  languageId: string;
  fileName: string;
  source: Buffer;
  submittedAt: number;
  idempotencyKey?: string | null;
}

export interface NewClarification {
  fromTeamId: string | null;
  toTeamId: string | null;
  problemId: string | null;
  text: string;
  replyToId: string | null;
  time: number;
}

export interface ImportOptions {
  /** Event time (default: now). */
  now?: number;
  /**
   * true (default): plain passwords are hashed here, synchronously (~30 ms per new or changed account; an
   * unchanged folder costs one scrypt in all). false: plain passwords are left to the caller, which hashes
   * them off the event loop and calls setPasswordHash; given hashes (passwordHash) are still stored.
   */
  hashPasswords?: boolean;
}

export type EventListener = (e: StoredEvent) => void;

/** The CLICS objects the store keeps only as announced (clics_objects), not in tables of their own. */
export type AnnouncedType = 'judgement-types' | 'languages' | 'groups' | 'organizations' | 'awards';

const SUBMISSION_SELECT = `
  SELECT CAST(s.id AS TEXT) AS id, s.team_id AS teamId, s.problem_id AS problemId, s.language_id AS languageId,
         s.file_name AS fileName, s.submitted_at AS submittedAt, s.contest_time_ms AS contestTimeMs, s.entry_point AS entryPoint, s.status AS status,
         j.verdict AS verdict, j.overridden AS overridden, CAST(j.id AS TEXT) AS judgementId,
         j.max_time_ms AS timeMs, j.max_memory_kb AS memoryKb
    FROM submissions s LEFT JOIN judgements j ON j.submission_id = s.id AND j.valid = 1`;

const JUDGEMENT_COLUMNS = `
  CAST(j.id AS TEXT) AS id, CAST(j.submission_id AS TEXT) AS submissionId, j.judgehost AS judgehost, j.valid AS valid,
  j.start_time AS startTime, j.end_time AS endTime, j.verdict AS verdict, j.judged_verdict AS judgedVerdict,
  j.overridden AS overridden, j.max_time_ms AS timeMs, j.max_memory_kb AS memoryKb, j.compile_ok AS compileOk,
  j.compile_output AS compileOutput, j.compile_time_ms AS compileTimeMs, j.error AS error, j.failing_output AS failingOutput,
  j.invalidated_at AS invalidatedAt, j.invalidated_why AS invalidatedWhy`;

const RUN_SELECT = `
  SELECT CAST(id AS TEXT) AS id, CAST(judgement_id AS TEXT) AS judgementId, ordinal, test_name AS testName, verdict,
         time_ms AS timeMs, memory_kb AS memoryKb, wall_ms AS wallMs, exit_code AS exitCode, signal, message, time
    FROM runs`;

const CLARIFICATION_SELECT = `
  SELECT CAST(id AS TEXT) AS id, from_team_id AS fromTeamId, to_team_id AS toTeamId, CAST(reply_to_id AS TEXT) AS replyToId,
         problem_id AS problemId, text, time, contest_time_ms AS contestTimeMs
    FROM clarifications c`;

const CONTEST_SELECT = `
  SELECT id, name, formal_name AS formalName, start_time AS startTime, duration_ms AS durationMs, freeze_ms AS freezeMs,
         penalty_minutes AS penaltyMinutes
    FROM contest WHERE singleton = 1`;

const PROBLEM_SELECT = `
  SELECT id, label, name, ordinal, color, rgb, package_path AS packagePath, time_limit_ms AS timeLimitMs,
         test_data_count AS testDataCount, deleted
    FROM problems`;

const TEAM_SELECT = `
  SELECT id, name, display_name AS displayName, organization_id AS organizationId, group_ids AS groupIds, hidden, deleted
    FROM teams`;

type Raw<T, K extends keyof T> = Omit<T, K> & { [P in K]: number | null };
type RawSubmission = Raw<SubmissionRow, 'overridden'>;
type RawJudgement = Raw<JudgementRow, 'valid' | 'overridden' | 'compileOk'>;
type RawProblem = ProblemRow & { deleted: number };
type RawTeam = Omit<TeamRow, 'groupIds' | 'hidden'> & { groupIds: string; hidden: number; deleted: number };
/** An event as read, its data still the stored JSON text. */
export type StoredEventJson = Omit<StoredEvent, 'data'> & { data: string | null };

function mapSubmission(r: RawSubmission): SubmissionRow {
  return { ...r, overridden: r.overridden === 1 };
}

function mapJudgement(r: RawJudgement): JudgementRow {
  return { ...r, valid: r.valid === 1, overridden: r.overridden === 1, compileOk: r.compileOk === null ? null : r.compileOk === 1 };
}

function mapProblem(r: RawProblem): ProblemRow {
  const { deleted: _deleted, ...p } = r;
  return p;
}

function mapTeam(r: RawTeam): TeamRow {
  const { deleted: _deleted, groupIds, hidden, ...t } = r;
  return { ...t, groupIds: JSON.parse(groupIds) as string[], hidden: hidden === 1 };
}

function mapEvent(r: StoredEventJson): StoredEvent {
  return { ...r, data: r.data === null ? null : (JSON.parse(r.data) as Record<string, unknown>) };
}

/** A generated id ("17") as an integer, or null when it cannot be one. */
function intId(id: string | null | undefined): number | null {
  if (typeof id !== 'string' || !/^[0-9]{1,15}$/.test(id)) return null;
  return Number(id);
}

function sha256(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

function checkVerdict(v: string): Verdict {
  if (!(VERDICTS as readonly string[]).includes(v)) throw new StoreError('invalid', `unknown verdict ${JSON.stringify(v)}`);
  return v as Verdict;
}

/** An object's JSON as the store writes it (through its schema), or as it is when it does not fit the schema. */
function canonicalJson(type: EventType, data: Record<string, unknown>): string {
  try {
    return clicsJson(type, data as never);
  } catch {
    return JSON.stringify(data);
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The contest folder's schedule as kept in contest.imported: a runtime change survives until the folder changes it. */
export function importedSchedule(def: ContestDefinition): string {
  return JSON.stringify([def.name, def.formalName, def.startTime, def.durationMs, def.freezeMs, def.penaltyMinutes]);
}

export class Store {
  readonly schemaVersion: number;
  private readonly db: Database.Database;
  private readonly s: ReturnType<typeof prepareStatements>;
  private readonly runInTransaction: Database.Transaction<(fn: () => unknown) => unknown>;
  /** Events appended by the open transaction, delivered once it commits. */
  private pending: StoredEvent[] = [];
  /** Committed events waiting to be delivered (a listener may cause more). */
  private outbox: StoredEvent[] = [];
  private delivering = false;
  private readonly listeners = new Set<EventListener>();
  /** The contest row, read once and after each change (undefined: read it again). */
  private contestCache: ContestRow | null | undefined = undefined;

  private constructor(db: Database.Database) {
    this.db = db;
    this.schemaVersion = migrate(db);
    this.s = prepareStatements(db);
    this.runInTransaction = db.transaction((fn: () => unknown) => fn());
  }

  /** Opens (creating folder and file as needed) and migrates the store. ':memory:' gives a private in-memory one. */
  static open(file: string): Store {
    const memory = file === ':memory:' || file === '';
    if (!memory) mkdirSync(dirname(resolve(file)), { recursive: true });
    const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    try {
      if (!memory) {
        const mode = db.pragma('journal_mode = WAL', { simple: true });
        if (mode !== 'wal') throw new Error(`${file}: cannot use WAL journal mode (got ${String(mode)})`);
      }
      // FULL: the WAL is synced at every commit, so an acknowledged write survives a power cut, not just a crash.
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
      db.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT_BYTES}`);
      return new Store(db);
    } catch (e) {
      db.close();
      throw e;
    }
  }

  /** The connection's settings, for health checks and tests. */
  diagnostics(): { file: string; journalMode: string; synchronous: number; foreignKeys: boolean; walAutocheckpoint: number; schemaVersion: number } {
    return {
      file: this.db.name,
      journalMode: String(this.db.pragma('journal_mode', { simple: true })),
      synchronous: this.db.pragma('synchronous', { simple: true }) as number,
      foreignKeys: this.db.pragma('foreign_keys', { simple: true }) === 1,
      walAutocheckpoint: this.db.pragma('wal_autocheckpoint', { simple: true }) as number,
      schemaVersion: this.db.pragma('user_version', { simple: true }) as number,
    };
  }

  close(): void {
    if (!this.db.open) return;
    try {
      this.db.pragma('optimize');
    } finally {
      this.db.close();
    }
  }

  /**
   * Runs `fn` in one transaction (a savepoint when nested): all or nothing, events included. Listeners hear
   * the events after the outermost transaction commits, and never those of a rolled-back one.
   */
  transaction<T>(fn: () => T): T {
    const outermost = !this.db.inTransaction;
    const mark = this.pending.length;
    let result: T;
    try {
      result = (outermost ? this.runInTransaction.immediate(fn) : this.runInTransaction(fn)) as T;
    } catch (e) {
      this.pending.length = mark;
      this.contestCache = undefined;
      throw e;
    }
    if (outermost && this.pending.length > 0) {
      const committed = this.pending;
      this.pending = [];
      this.deliver(committed);
    }
    return result;
  }

  private deliver(events: StoredEvent[]): void {
    for (const e of events) this.outbox.push(e);
    if (this.delivering) return; // the loop below is already running further up the stack: keep the order
    this.delivering = true;
    try {
      for (let i = 0; i < this.outbox.length; i++) {
        const e = this.outbox[i];
        for (const listener of [...this.listeners]) {
          try {
            listener(e);
          } catch (err) {
            // The change is committed whatever a listener does; report and go on with the others.
            console.error(`verdict store: event listener failed on ${e.type} ${e.id ?? ''}:`, err);
          }
        }
      }
    } finally {
      this.outbox = [];
      this.delivering = false;
    }
  }

  /**
   * Appends an event: `data` is written through its CLICS schema (clics/serialize.ts), so the event feed, which
   * sends the stored text, sends exactly the objects the API serves. `audience` overrides who may see it
   * (undefined: worked out from the event, eventAudience.ts).
   */
  private emit<T extends EventType>(type: T, id: string | null, op: EventOp, data: ClicsObject<T> | null, time: number, audience?: string): void {
    if (!this.db.inTransaction) throw new Error('store: an event must be appended inside the transaction of its change');
    const json = data === null ? null : clicsJson(type, data);
    const object = json === null ? null : (JSON.parse(json) as Record<string, unknown>);
    const shown = audience ?? storedAudience(eventAudience({ type, id, data: object }, this.teamOfSubmission));
    const token = this.s.insertEvent.run(type, id, op, json, time, shown).lastInsertRowid;
    this.pending.push({ token: String(token), type, id, op, data: object, time, audience: shown });
  }

  // ---------------------------------------------------------------- contest configuration

  private contest(): ContestRow | null {
    if (this.contestCache === undefined) this.contestCache = (this.s.getContest.get() as ContestRow | undefined) ?? null;
    return this.contestCache;
  }

  private startTime(): number | null {
    return this.contest()?.startTime ?? null;
  }

  getContest(): ContestRow | null {
    const c = this.contest();
    return c === null ? null : { ...c };
  }

  /**
   * Loads a contest folder's configuration. Idempotent: events only for what changed. A schedule or password
   * changed at runtime survives re-import unless the folder itself changed it since the last import.
   */
  importContest(def: ContestDefinition, options: ImportOptions = {}): void {
    const now = options.now ?? Date.now();
    const existing = this.contest();
    if (existing && existing.id !== def.id) {
      throw new StoreError('conflict', `this data folder holds contest "${existing.id}", not "${def.id}": use another data folder`);
    }
    // scrypt is slow: hash before taking the write lock.
    const passwords = this.planPasswords(def.accounts, options.hashPasswords !== false);
    // In the order CLICS needs: every object exists before one refers to it (teams name groups and organizations),
    // and goes only once nothing refers to it any more.
    const groups = groupObjects(def.teams, def.groups);
    const organizations = organizationObjects(def.teams, def.organizations);
    this.transaction(() => {
      this.importSchedule(def, now);
      this.syncAnnounced('judgement-types', JUDGEMENT_TYPES, now);
      this.syncAnnounced('groups', groups, now, { keep: true });
      this.syncAnnounced('organizations', organizations, now, { keep: true });
      this.importProblems(def, now);
      this.importTeams(def, now);
      this.syncAnnounced('groups', groups, now);
      this.syncAnnounced('organizations', organizations, now);
      this.importAccounts(def, passwords);
      this.refreshState(now);
    });
  }

  private importSchedule(def: ContestDefinition, now: number): void {
    const imported = importedSchedule(def);
    const before = this.contest();
    if (before && this.s.getContestImported.pluck().get() === imported) return; // folder unchanged since the last import
    if (def.durationMs < 0 || def.freezeMs < 0 || def.freezeMs > def.durationMs) {
      throw new StoreError('invalid', `contest ${def.id}: duration ${def.durationMs} ms and freeze ${def.freezeMs} ms do not fit`);
    }
    this.s.upsertContest.run(def.id, def.name, def.formalName, def.startTime, def.durationMs, def.freezeMs, def.penaltyMinutes, imported);
    this.contestCache = undefined;
    const after = this.contest()!;
    if (!before) this.emit('contest', null, 'create', contestObject(after), now);
    else if (!sameJson(contestObject(before), contestObject(after))) this.emit('contest', null, 'update', contestObject(after), now);
  }

  private importProblems(def: ContestDefinition, now: number): void {
    const old = new Map((this.s.allProblems.all() as RawProblem[]).map((p) => [p.id, p]));
    for (const p of def.problems) {
      const prev = old.get(p.id);
      old.delete(p.id);
      if (!prev) {
        this.s.insertProblem.run(p.id, p.label, p.name, p.ordinal, p.color, p.rgb, p.packagePath);
        this.emit('problems', p.id, 'create', problemObject(this.problemRow(p.id)!), now);
        continue;
      }
      const samePackage = prev.packagePath === p.packagePath;
      const unchanged = prev.deleted === 0 && samePackage && prev.label === p.label && prev.name === p.name && prev.ordinal === p.ordinal && prev.color === p.color && prev.rgb === p.rgb;
      if (unchanged) continue;
      // A different package: what was read from the old one (time limit, test count) no longer holds.
      this.s.updateProblem.run({ label: p.label, name: p.name, ordinal: p.ordinal, color: p.color, rgb: p.rgb, packagePath: p.packagePath, keepInfo: samePackage ? 1 : 0, id: p.id });
      const next = problemObject(this.problemRow(p.id)!);
      if (prev.deleted === 1) this.emit('problems', p.id, 'create', next, now);
      else if (!sameJson(problemObject(mapProblem(prev)), next)) this.emit('problems', p.id, 'update', next, now);
    }
    // Gone from the folder: hidden from the contest but kept, since submissions may refer to them.
    for (const gone of old.values()) {
      if (gone.deleted === 1) continue;
      this.s.deleteProblem.run(gone.id);
      this.emit('problems', gone.id, 'delete', null, now);
    }
  }

  private importTeams(def: ContestDefinition, now: number): void {
    const old = new Map((this.s.allTeams.all() as RawTeam[]).map((t) => [t.id, t]));
    for (const t of def.teams) {
      const prev = old.get(t.id);
      old.delete(t.id);
      const row: TeamRow = { id: t.id, name: t.name, displayName: t.displayName, organizationId: t.organizationId, groupIds: [...t.groupIds], hidden: t.hidden };
      if (prev && prev.deleted === 0 && sameJson(mapTeam(prev), row)) continue;
      this.s.upsertTeam.run(t.id, t.name, t.displayName, t.organizationId, JSON.stringify(row.groupIds), t.hidden ? 1 : 0);
      // A hidden team is the judges' business only. One that became hidden is deleted for everyone else
      // (their feeds must not keep it), then updated for the judges; one shown again is created again.
      const existed = prev !== undefined && prev.deleted === 0;
      if (existed && prev.hidden === 0 && t.hidden) this.emit('teams', t.id, 'delete', null, now, EVERYONE);
      this.emit('teams', t.id, existed ? 'update' : 'create', teamObject(row), now, t.hidden ? JUDGES_ONLY : EVERYONE);
    }
    for (const gone of old.values()) {
      if (gone.deleted === 1) continue;
      this.s.deleteTeam.run(gone.id);
      this.emit('teams', gone.id, 'delete', null, now, gone.hidden === 1 ? JUDGES_ONLY : EVERYONE);
    }
  }

  /**
   * Makes the announced objects of `type` (clics_objects) those given: a create or update event for each new or
   * changed one and, unless `keep`, a delete for each one no longer given. Returns whether anything changed.
   */
  private syncAnnounced<T extends AnnouncedType>(type: T, objects: readonly ClicsObject<T>[], now: number, options: { keep?: boolean; audience?: string } = {}): boolean {
    const before = new Map((this.s.listAnnounced.all(type) as { id: string; json: string }[]).map((r) => [r.id, r.json]));
    let changed = false;
    for (const o of objects) {
      const json = clicsJson(type, o);
      const old = before.get(o.id);
      before.delete(o.id);
      if (old === json) continue;
      this.s.putAnnounced.run(type, o.id, json);
      this.emit(type, o.id, old === undefined ? 'create' : 'update', o, now, options.audience);
      changed = true;
    }
    if (options.keep) return changed;
    for (const id of before.keys()) {
      this.s.deleteAnnounced.run(type, id);
      this.emit(type, id, 'delete', null, now, options.audience);
      changed = true;
    }
    return changed;
  }

  /** The announced objects of `type`, by id. */
  listAnnounced<T extends AnnouncedType>(type: T): ClicsObject<T>[] {
    return (this.s.listAnnounced.all(type) as { json: string }[]).map((r) => JSON.parse(r.json) as ClicsObject<T>);
  }

  /**
   * The contest's languages (create, update and delete events for what changed). A language a submission used
   * stays, whatever is given: submissions refer to it.
   */
  syncLanguages(languages: readonly ClicsObject<'languages'>[], now: number = Date.now()): void {
    this.transaction(() => {
      const given = new Set(languages.map((l) => l.id));
      const kept = this.listAnnounced('languages').filter((l) => !given.has(l.id) && this.s.languageUsed.pluck().get(l.id) !== undefined);
      this.syncAnnounced('languages', [...languages, ...kept].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), now);
    });
  }

  /**
   * The awards as they stand (create, update and delete events for what changed). `released`: everyone may see
   * them (the results are out); otherwise only the judges. Releasing sends every award again, to everyone.
   */
  syncAwards(awards: readonly ClicsObject<'awards'>[], released: boolean, now: number = Date.now()): void {
    this.transaction(() => {
      const audience = released ? EVERYONE : JUDGES_ONLY;
      const wasReleased = this.s.getMeta.pluck().get(META_AWARDS_RELEASED) === '1';
      if (released && !wasReleased) this.s.clearAnnounced.run('awards');
      if (released !== wasReleased) this.s.setMeta.run(META_AWARDS_RELEASED, released ? '1' : '0');
      this.syncAnnounced('awards', awards, now, { audience });
    });
  }

  /** Which accounts get a new imported hash, decided outside the write transaction (scrypt takes ~30 ms). */
  private planPasswords(accounts: ContestAccount[], hashPlain: boolean): { set: Map<string, string>; fingerprint: string | null } {
    const set = new Map<string, string>();
    if (!hashPlain) {
      for (const a of accounts) {
        if (a.password === null && a.passwordHash !== null && a.passwordHash !== (this.s.getImportedHash.pluck().get(a.id) ?? null)) set.set(a.id, a.passwordHash);
      }
      return { set, fingerprint: null };
    }
    const canonical = JSON.stringify([...accounts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((a) => [a.id, a.password, a.passwordHash]));
    const stored = this.s.getMeta.pluck().get(META_ACCOUNTS_FINGERPRINT) as string | undefined;
    if (stored !== undefined && verifyPassword(canonical, stored)) return { set, fingerprint: null };
    for (const a of accounts) {
      const imported = (this.s.getImportedHash.pluck().get(a.id) as string | null | undefined) ?? null;
      if (a.password !== null) {
        if (imported === null || !verifyPassword(a.password, imported)) set.set(a.id, hashPassword(a.password));
      } else if (a.passwordHash !== null && a.passwordHash !== imported) {
        set.set(a.id, a.passwordHash);
      }
    }
    return { set, fingerprint: hashPassword(canonical) };
  }

  private importAccounts(def: ContestDefinition, plan: { set: Map<string, string>; fingerprint: string | null }): void {
    const wanted = new Set(def.accounts.map((a) => a.id));
    for (const id of this.s.allAccountIds.pluck().all() as string[]) {
      if (!wanted.has(id)) this.s.deleteAccount.run(id); // its sessions go with it (ON DELETE CASCADE)
    }
    // Usernames moved between accounts: park them first so the UNIQUE index never sees two at once.
    for (const a of def.accounts) this.s.parkUsername.run(a.id, a.id, a.username);
    for (const a of def.accounts) {
      this.s.upsertAccount.run(a.id, a.username, a.type, a.teamId);
      const hash = plan.set.get(a.id);
      if (hash === undefined) continue;
      this.s.setImportedHash.run(hash, hash, a.id);
      this.s.deleteSessionsOf.run(a.id, Number.MAX_SAFE_INTEGER); // a new password ends the sessions made with the old one
    }
    if (plan.fingerprint !== null) this.s.setMeta.run(META_ACCOUNTS_FINGERPRINT, plan.fingerprint);
  }

  /** Changes the schedule (start, and optionally duration and freeze): a 'contest' update and, if it changed, a 'state' one. */
  setContestTimes(t: { startTime: number | null; durationMs?: number; freezeMs?: number; penaltyMinutes?: number }, now: number = Date.now()): void {
    this.transaction(() => {
      const before = this.contest();
      if (!before) throw new StoreError('not_found', 'no contest has been imported');
      const durationMs = t.durationMs ?? before.durationMs;
      const freezeMs = t.freezeMs ?? before.freezeMs;
      const penaltyMinutes = t.penaltyMinutes ?? before.penaltyMinutes;
      if (!(durationMs >= 0) || !(freezeMs >= 0) || freezeMs > durationMs) {
        throw new StoreError('invalid', `duration ${durationMs} ms and freeze ${freezeMs} ms do not fit`);
      }
      if (!Number.isInteger(penaltyMinutes) || penaltyMinutes < 0) throw new StoreError('invalid', `penalty must be whole minutes, got ${penaltyMinutes}`);
      this.s.setContestTimes.run(t.startTime, durationMs, freezeMs, penaltyMinutes);
      this.contestCache = undefined;
      const after = this.contest()!;
      if (!sameJson(contestObject(before), contestObject(after))) this.emit('contest', null, 'update', contestObject(after), now);
      this.refreshState(now);
    });
  }

  /** The CLICS state at `now`. */
  getState(now: number = Date.now()): ClicsState {
    return stateObject(this.contest(), this.stateMarks(), now);
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
    return this.transaction(() => {
      const state = this.getState(now);
      if (!this.contest()) return state;
      const json = JSON.stringify(state);
      const last = this.s.getStateJson.pluck().get() as string | null;
      if (last !== json) {
        this.s.setStateJson.run(json);
        this.emit('state', null, last === null ? 'create' : 'update', state, now);
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
  markState(marks: Partial<Pick<StateMarks, 'thawed' | 'finalized'>>, now: number = Date.now()): ClicsState {
    return this.transaction(() => {
      const contest = this.contest();
      if (!contest) throw new StoreError('not_found', 'no contest has been imported');
      const before = this.getState(now);
      if (marks.thawed === null && before.thawed !== null) throw new StoreError('conflict', 'the final results were released after the contest (the CLICS state says thawed): they cannot be frozen again');
      if (marks.finalized === null && before.finalized !== null) throw new StoreError('conflict', 'the results are final: they cannot be made provisional again');
      if (marks.finalized !== undefined && marks.finalized !== null && before.ended === null) throw new StoreError('conflict', 'the contest has not ended: its results cannot be final yet');
      const m: StateMarks = { ...this.stateMarks(), ...marks };
      if (m.endOfUpdates === null && stateObject(contest, { ...m, endOfUpdates: now }, now).end_of_updates !== null) m.endOfUpdates = now;
      this.s.setStateMarks.run(m.thawed, m.finalized, m.endOfUpdates);
      return this.refreshState(now);
    });
  }

  /** Whether the judges released the results (thawed): the public scoreboard and the awards show everything. */
  resultsReleased(): boolean {
    return this.stateMarks().thawed !== null;
  }

  private problemRow(id: string): ProblemRow | null {
    const r = this.s.getProblem.get(id) as RawProblem | undefined;
    return r ? mapProblem(r) : null;
  }

  listProblems(): ProblemRow[] {
    return (this.s.listProblems.all() as RawProblem[]).map(mapProblem);
  }

  listTeams(): TeamRow[] {
    return (this.s.listTeams.all() as RawTeam[]).map(mapTeam);
  }

  /** Records what reading the package found (done lazily): a 'problems' update when it changes the problem. */
  setProblemInfo(problemId: string, info: { timeLimitMs: number; testDataCount: number }, now: number = Date.now()): void {
    this.transaction(() => {
      const before = this.problemRow(problemId);
      if (!before) throw new StoreError('not_found', `unknown problem ${problemId}`);
      if (before.timeLimitMs === info.timeLimitMs && before.testDataCount === info.testDataCount) return;
      this.s.setProblemInfo.run(info.timeLimitMs, info.testDataCount, problemId);
      this.emit('problems', problemId, 'update', problemObject({ ...before, ...info }), now);
    });
  }

  // ---------------------------------------------------------------- accounts and sessions

  getAccountByUsername(username: string): AccountRow | null {
    return (this.s.getAccountByUsername.get(username) as AccountRow | undefined) ?? null;
  }

  getAccountById(id: string): AccountRow | null {
    return (this.s.getAccountById.get(id) as AccountRow | undefined) ?? null;
  }

  /** Replaces an account's password hash (no event: accounts are not published). */
  setPasswordHash(accountId: string, hash: string): void {
    const changes = this.s.setPasswordHash.run(hash, accountId).changes;
    if (changes === 0) throw new StoreError('not_found', `unknown account ${accountId}`);
  }

  /** A new session; only the SHA-256 of the token is stored. Expired sessions are purged on the way. */
  createSession(accountId: string, ttlMs: number, now: number = Date.now()): { token: string; csrfToken: string; expiresAt: number } {
    const token = randomBytes(TOKEN_BYTES).toString('base64url');
    const csrfToken = randomBytes(TOKEN_BYTES).toString('base64url');
    const expiresAt = now + ttlMs;
    this.transaction(() => {
      if (this.s.accountExists.pluck().get(accountId) === undefined) throw new StoreError('not_found', `unknown account ${accountId}`);
      this.s.purgeSessions.run(now);
      this.s.insertSession.run(sha256(token), accountId, csrfToken, now, expiresAt);
    });
    return { token, csrfToken, expiresAt };
  }

  /** The session of a token (and when it was made), or null when unknown or expired. */
  getSession(token: string, now: number = Date.now()): (SessionRow & { createdAt: number }) | null {
    const row = this.s.getSession.get(sha256(token)) as (SessionRow & { createdAt: number }) | undefined;
    return row && row.expiresAt > now ? row : null;
  }

  /** Ends an account's sessions made before `before` (its password changed then); returns how many. */
  deleteSessionsOf(accountId: string, before: number): number {
    return this.s.deleteSessionsOf.run(accountId, before).changes;
  }

  deleteSession(token: string): void {
    this.s.deleteSession.run(sha256(token));
  }

  // ---------------------------------------------------------------- submissions

  /**
   * Stores a submission and its 'submissions' create event in one transaction, synced to disk before it
   * returns. The same (teamId, idempotencyKey) again returns the first submission with created=false.
   */
  addSubmission(s: NewSubmission): { submission: SubmissionRow; created: boolean } {
    const key = s.idempotencyKey ?? null;
    return this.transaction(() => {
      if (key !== null) {
        const existing = this.s.findIdempotent.pluck().get(s.teamId, key) as string | undefined;
        if (existing !== undefined) return { submission: this.getSubmission(existing)!, created: false };
      }
      const refs = this.s.checkSubmitRefs.get(s.teamId, s.problemId) as { team: number | null; problem: number | null };
      if (refs.team !== 0) throw new StoreError('not_found', `unknown team ${s.teamId}`);
      if (refs.problem !== 0) throw new StoreError('not_found', `unknown problem ${s.problemId}`);
      const contest = this.contest();
      const ctime = contestTimeMs(contest?.startTime ?? null, s.submittedAt);
      const source = Buffer.isBuffer(s.source) ? s.source : Buffer.from(s.source);
      const entryPoint = entryPointOf(s.languageId, s.fileName, source.toString('utf8'));
      const rowid = this.s.insertSubmission.run(s.teamId, s.problemId, s.languageId, s.fileName, s.submittedAt, ctime, entryPoint, key, s.submittedAt).lastInsertRowid;
      this.s.insertSource.run(rowid, source);
      const submission: SubmissionRow = {
        id: String(rowid),
        teamId: s.teamId,
        problemId: s.problemId,
        languageId: s.languageId,
        fileName: s.fileName,
        submittedAt: s.submittedAt,
        contestTimeMs: ctime,
        entryPoint,
        status: 'queued',
        verdict: null,
        overridden: false,
        judgementId: null,
        timeMs: null,
        memoryKb: null,
      };
      this.emit('submissions', submission.id, 'create', submissionObject(submission, contest?.id ?? ''), Date.now());
      return { submission, created: true };
    });
  }

  /**
   * Several submissions in ONE transaction (one fsync): group commit for bursts. Each item is its
   * own savepoint, so one bad item fails alone; the answers are in the order given.
   */
  addSubmissions(batch: readonly NewSubmission[]): ({ submission: SubmissionRow; created: boolean } | { error: StoreError })[] {
    return this.transaction(() =>
      batch.map((item) => {
        try {
          return this.addSubmission(item);
        } catch (e) {
          if (e instanceof StoreError) return { error: e };
          throw e;
        }
      }),
    );
  }

  /** The submission a team made with this idempotency key, or null. */
  findSubmissionByKey(teamId: string, idempotencyKey: string): SubmissionRow | null {
    const id = this.s.findIdempotent.pluck().get(teamId, idempotencyKey) as string | undefined;
    return id === undefined ? null : this.getSubmission(id);
  }

  getSubmission(id: string): SubmissionRow | null {
    const n = intId(id);
    if (n === null) return null;
    const r = this.s.getSubmission.get(n) as RawSubmission | undefined;
    return r ? mapSubmission(r) : null;
  }

  getSubmissionSource(id: string): { fileName: string; source: Buffer } | null {
    const n = intId(id);
    if (n === null) return null;
    return (this.s.getSource.get(n) as { fileName: string; source: Buffer } | undefined) ?? null;
  }

  /** Ascending id; `afterId` pages (exclusive), `limit` caps. */
  listSubmissions(filter: { teamId?: string; problemId?: string; limit?: number; afterId?: string } = {}): SubmissionRow[] {
    const after = filter.afterId === undefined ? 0 : intId(filter.afterId);
    if (after === null) throw new StoreError('invalid', `not a submission id: ${JSON.stringify(filter.afterId)}`);
    const limit = filter.limit ?? -1;
    let rows: unknown[];
    if (filter.teamId !== undefined && filter.problemId !== undefined) rows = this.s.listSubmissionsTeamProblem.all(filter.teamId, filter.problemId, after, limit);
    else if (filter.teamId !== undefined) rows = this.s.listSubmissionsTeam.all(filter.teamId, after, limit);
    else if (filter.problemId !== undefined) rows = this.s.listSubmissionsProblem.all(filter.problemId, after, limit);
    else rows = this.s.listSubmissions.all(after, limit);
    return (rows as RawSubmission[]).map(mapSubmission);
  }

  // ---------------------------------------------------------------- the queue and judging

  /**
   * Waiting submissions in judging order: higher priority level first; within a level, teams take turns,
   * ties by arrival (id). A submission's turn is its rank among its team's waiting ones of its level plus
   * how many of the team's are being judged: a team whose program holds a worker waits for the others.
   */
  queuedSubmissions(limit: number = DEFAULT_QUEUE_LIMIT): SubmissionRow[] {
    const order = this.queueOrder(limit);
    if (order.length === 0) return [];
    return (this.s.submissionsInOrder.all(JSON.stringify(order.map((p) => Number(p.id)))) as RawSubmission[]).map(mapSubmission);
  }

  /** The first `limit` waiting submissions in the same order, with the level and turn that place each (for sharing workers). */
  nextInLine(limit: number = DEFAULT_QUEUE_LIMIT): QueuePlace[] {
    return this.queueOrder(limit);
  }

  /**
   * The first `limit` places of the fair order, with no sort or numbering of the whole queue (queueOrder.ts): one
   * row per team and level with work waiting (counted on the index), then only the submissions that can be among
   * the first `limit` (at most `limit` + one per team), each found by an index seek from the one before it.
   */
  private queueOrder(limit: number): QueuePlace[] {
    if (!(limit > 0)) return [];
    const wanted = headsToRead(this.s.queueGroups.all() as QueueGroup[], limit);
    const heads: ReadHead[] = wanted.map((w) => ({ group: w.group, id: w.group.first, rank: 1 }));
    const more = wanted.filter((w) => w.count > 1);
    if (more.length > 0) {
      const walked = this.s.queueHeads.all(JSON.stringify(more.map((w) => [w.group.priority, w.group.teamId, w.group.first, w.count]))) as { i: number; id: number; rank: number }[];
      for (const h of walked) heads.push({ group: more[h.i].group, id: h.id, rank: h.rank });
    }
    return fairOrder(heads, limit);
  }

  /** A judges' setting kept with the contest (e.g. disabled languages), or null. */
  getSetting(key: string): string | null {
    return (this.s.getMeta.pluck().get(`${SETTING_PREFIX}${key}`) as string | undefined) ?? null;
  }

  setSetting(key: string, value: string): void {
    this.s.setMeta.run(`${SETTING_PREFIX}${key}`, value);
  }

  /** 1-based place of a submission in the judging order (as queuedSubmissions gives it), or null when it is not queued. */
  queuePosition(submissionId: string): number | null {
    const n = intId(submissionId);
    if (n === null) return null;
    const place = this.s.queuePosition.pluck().get(n) as number | undefined;
    return place ?? null;
  }

  /** The highest level with a submission waiting, or null when none waits (an index lookup: cheap to ask often). */
  topQueuedPriority(): number | null {
    return (this.s.topQueuedPriority.pluck().get() as number | null) ?? null;
  }

  /** Moves a submission to the head of the queue (above every queued one). */
  prioritise(submissionId: string): void {
    const n = intId(submissionId);
    const changes = n === null ? 0 : this.s.prioritise.run(n).changes;
    if (changes === 0) throw new StoreError('not_found', `unknown submission ${submissionId}`);
  }

  /**
   * Starts judging a queued submission: status 'judging', and a new (valid) judgement with a 'judgements' create
   * event; or, when its judging was stopped to make room (returnToQueue), that same open judgement, continued
   * without an event.
   */
  startJudgement(submissionId: string, judgehost: string, now: number = Date.now()): string {
    return this.transaction(() => {
      const n = intId(submissionId);
      const status = n === null ? undefined : (this.s.getStatus.pluck().get(n) as SubmissionStatus | undefined);
      if (status === undefined) throw new StoreError('not_found', `unknown submission ${submissionId}`);
      if (status !== 'queued') throw new StoreError('conflict', `submission ${submissionId} is ${status}, not queued`);
      this.s.setStatus.run('judging', n);
      const open = this.s.openJudgementId.pluck().get(n) as number | undefined;
      if (open !== undefined) {
        this.s.setJudgehost.run(judgehost, open);
        return String(open);
      }
      const jid = this.s.insertJudgement.run(n, judgehost, now).lastInsertRowid;
      const j = this.judgementRow(Number(jid))!;
      this.emit('judgements', j.id, 'create', judgementObject(j, this.startTime()), now);
      return j.id;
    });
  }

  /**
   * Puts a submission whose judging the judge stopped (to give its worker to a submission ahead of it in the fair
   * order) back in the queue at its place, with its level and its waiting time. Its judgement stays open, with no
   * event, and the next startJudgement continues it: the event feed shows one judgement and, in the end, one verdict.
   * Returns false (and changes nothing) when that judgement is no longer open and current (a rejudge came first).
   */
  returnToQueue(judgementId: string): boolean {
    return this.transaction(() => {
      const n = intId(judgementId);
      const state = n === null ? undefined : (this.s.getJudgementState.get(n) as { valid: number; endTime: number | null; submissionId: number } | undefined);
      if (state === undefined) throw new StoreError('not_found', `unknown judgement ${judgementId}`);
      if (state.valid !== 1 || state.endTime !== null) return false;
      if (this.s.getStatus.pluck().get(state.submissionId) !== 'judging') return false;
      this.s.setStatus.run('queued', state.submissionId);
      return true;
    });
  }

  /**
   * Records the outcome: judgement end, verdict, runs; the submission becomes 'judged'. Returns false (and
   * changes nothing) when the judgement was invalidated meanwhile (rejudge, recovery) or already finished.
   */
  finishJudgement(judgementId: string, result: JudgeResult, now: number = Date.now()): boolean {
    const verdict = checkVerdict(result.verdict);
    for (const t of result.tests) checkVerdict(t.verdict);
    return this.transaction(() => {
      const n = intId(judgementId);
      const state = n === null ? undefined : (this.s.getJudgementState.get(n) as { valid: number; endTime: number | null; submissionId: number } | undefined);
      if (state === undefined) throw new StoreError('not_found', `unknown judgement ${judgementId}`);
      if (state.valid !== 1 || state.endTime !== null) return false;
      this.s.finishJudgement.run(now, verdict, verdict, result.timeMs, result.memoryKb, result.compile.ok ? 1 : 0, result.compile.output, result.compile.timeMs, result.error ?? null, result.firstFailure?.output ?? null, n);
      // The runs not recorded as they finished (addRuns), then the verdict: a feed sees every run before it.
      this.insertRuns(n!, result.tests.map((test, i) => ({ ordinal: i + 1, test, time: now })));
      this.s.setStatus.run('judged', state.submissionId);
      const j = this.judgementRow(n!)!;
      this.emit('judgements', j.id, 'update', judgementObject(j, this.startTime()), now);
      return true;
    });
  }

  /**
   * Records runs of an open judgement as its tests finish (CLICS: runs are published as they happen), a 'runs'
   * create event each. A test already recorded keeps its first run (a judging stopped to make room runs its
   * tests again); nothing is recorded for a judgement no longer open and current. Returns how many were recorded.
   */
  addRuns(judgementId: string, runs: readonly { ordinal: number; test: TestResult; time: number }[]): number {
    for (const r of runs) checkVerdict(r.test.verdict);
    return this.transaction(() => {
      const n = intId(judgementId);
      const state = n === null ? undefined : (this.s.getJudgementState.get(n) as { valid: number; endTime: number | null } | undefined);
      if (state === undefined) throw new StoreError('not_found', `unknown judgement ${judgementId}`);
      if (state.valid !== 1 || state.endTime !== null) return 0;
      return this.insertRuns(n!, runs);
    });
  }

  /** Inserts the runs whose ordinal the judgement has no run for yet, with their events; returns how many. */
  private insertRuns(judgementId: number, runs: readonly { ordinal: number; test: TestResult; time: number }[]): number {
    const recorded = new Set((this.s.listRuns.all(judgementId) as RunRow[]).map((r) => r.ordinal));
    const start = this.startTime();
    let added = 0;
    for (const { ordinal, test: t, time } of runs) {
      if (recorded.has(ordinal)) continue;
      recorded.add(ordinal);
      const id = this.s.insertRun.run(judgementId, ordinal, t.name, t.verdict, t.timeMs, t.memoryKb, t.wallMs, t.exitCode, t.signal, t.message, time).lastInsertRowid;
      const run: RunRow = { id: String(id), judgementId: String(judgementId), ordinal, testName: t.name, verdict: t.verdict, timeMs: t.timeMs, memoryKb: t.memoryKb, wallMs: t.wallMs, exitCode: t.exitCode, signal: t.signal, message: t.message, time };
      this.emit('runs', run.id, 'create', runObject(run, start), time);
      added++;
    }
    return added;
  }

  /** Invalidates the current judgement (if any) and puts the submission back in the queue. */
  private requeue(submissionId: number, why: 'rejudge' | 'recovery', now: number): void {
    const current = this.s.currentJudgementId.pluck().get(submissionId) as number | undefined;
    if (current !== undefined) {
      this.s.invalidateJudgement.run(now, why, current);
      const j = this.judgementRow(current)!;
      this.emit('judgements', j.id, 'update', judgementObject(j, this.startTime()), now);
    }
    // A rejudge waits behind every first judging; one recovered after a crash keeps its level.
    if (why === 'rejudge') this.s.requeueAt.run(now, REJUDGE_PRIORITY, submissionId);
    else this.s.requeue.run(now, submissionId);
  }

  /**
   * After a crash: judgements that were in flight are invalidated and their submissions re-queued. Returns how many.
   * A submission already back in the queue after its judging was stopped to make room keeps its open judgement.
   */
  recoverInFlight(now: number = Date.now()): number {
    return this.transaction(() => {
      const ids = new Set<number>([...(this.s.inFlightSubmissions.pluck().all() as number[]), ...(this.s.judgingSubmissions.pluck().all() as number[])]);
      for (const id of ids) this.requeue(id, 'recovery', now);
      return ids.size;
    });
  }

  /** Invalidates the current judgement and queues the submission again (a no-op for one already queued). */
  rejudge(submissionId: string, now: number = Date.now()): void {
    this.transaction(() => {
      const n = intId(submissionId);
      const status = n === null ? undefined : (this.s.getStatus.pluck().get(n) as SubmissionStatus | undefined);
      if (status === undefined) throw new StoreError('not_found', `unknown submission ${submissionId}`);
      if (status === 'queued') return;
      this.requeue(n!, 'rejudge', now);
    });
  }

  private judgementRow(id: number): JudgementRow | null {
    const r = this.s.getJudgement.get(id) as RawJudgement | undefined;
    return r ? mapJudgement(r) : null;
  }

  getJudgement(id: string): JudgementRow | null {
    const n = intId(id);
    return n === null ? null : this.judgementRow(n);
  }

  /** Ascending id, invalidated ones included (see `valid`). */
  listJudgements(filter: { submissionId?: string; teamId?: string } = {}): JudgementRow[] {
    let rows: unknown[];
    if (filter.submissionId !== undefined) {
      const n = intId(filter.submissionId);
      if (n === null) return [];
      rows = filter.teamId !== undefined ? this.s.listJudgementsSubmissionTeam.all(n, filter.teamId) : this.s.listJudgementsSubmission.all(n);
    } else if (filter.teamId !== undefined) rows = this.s.listJudgementsTeam.all(filter.teamId);
    else rows = this.s.listJudgements.all();
    return (rows as RawJudgement[]).map(mapJudgement);
  }

  listRuns(judgementId: string): RunRow[] {
    const n = intId(judgementId);
    return n === null ? [] : (this.s.listRuns.all(n) as RunRow[]);
  }

  /** A judge sets the verdict of the current, finished judgement: audited in `overrides`, a 'judgements' update. */
  overrideVerdict(submissionId: string, verdict: Verdict, reason: string, by: string, now: number = Date.now()): void {
    const v = checkVerdict(verdict);
    this.transaction(() => {
      const n = intId(submissionId);
      if (n === null || this.s.getStatus.pluck().get(n) === undefined) throw new StoreError('not_found', `unknown submission ${submissionId}`);
      const jid = this.s.currentJudgementId.pluck().get(n) as number | undefined;
      const j = jid === undefined ? null : this.judgementRow(jid);
      if (!j || j.endTime === null) throw new StoreError('conflict', `submission ${submissionId} has no finished judgement to override`);
      this.s.insertOverride.run(n, jid, j.verdict, v, reason, by, now);
      this.s.overrideJudgement.run(v, jid);
      const after = this.judgementRow(jid!)!;
      this.emit('judgements', after.id, 'update', judgementObject(after, this.startTime()), now);
    });
  }

  /** The audit trail of overrides, oldest first. */
  listOverrides(submissionId?: string): OverrideRow[] {
    if (submissionId === undefined) return this.s.listOverrides.all() as OverrideRow[];
    const n = intId(submissionId);
    return n === null ? [] : (this.s.listOverridesSubmission.all(n) as OverrideRow[]);
  }

  // ---------------------------------------------------------------- clarifications

  addClarification(c: NewClarification): ClarificationRow {
    return this.transaction(() => {
      for (const team of [c.fromTeamId, c.toTeamId]) {
        if (team !== null && this.s.teamExists.pluck().get(team) === undefined) throw new StoreError('not_found', `unknown team ${team}`);
      }
      if (c.problemId !== null && this.problemRow(c.problemId) === null) throw new StoreError('not_found', `unknown problem ${c.problemId}`);
      const replyTo = c.replyToId === null ? null : intId(c.replyToId);
      if (c.replyToId !== null && (replyTo === null || this.s.clarificationExists.pluck().get(replyTo) === undefined)) {
        throw new StoreError('not_found', `unknown clarification ${c.replyToId}`);
      }
      const ctime = contestTimeMs(this.startTime(), c.time);
      const id = this.s.insertClarification.run(c.fromTeamId, c.toTeamId, replyTo, c.problemId, c.text, c.time, ctime).lastInsertRowid;
      const row: ClarificationRow = { id: String(id), fromTeamId: c.fromTeamId, toTeamId: c.toTeamId, replyToId: c.replyToId, problemId: c.problemId, text: c.text, time: c.time, contestTimeMs: ctime };
      this.emit('clarifications', row.id, 'create', clarificationObject(row), Date.now());
      return row;
    });
  }

  /** All clarifications; for a team: its own, those to it, and broadcasts (from the judges to everyone). */
  listClarifications(filter: { teamId?: string } = {}): ClarificationRow[] {
    const rows = filter.teamId === undefined ? this.s.listClarifications.all() : this.s.listClarificationsTeam.all(filter.teamId, filter.teamId);
    return rows as ClarificationRow[];
  }

  // ---------------------------------------------------------------- events

  /** Events after `token` (all when null), in order, each with its audience; with `team`, only those that team may see (read by index). */
  eventsSince(token: string | null, limit: number = DEFAULT_EVENTS_LIMIT, team?: string): StoredEvent[] {
    return this.eventJsonSince(token, limit, team).map(mapEvent);
  }

  /** The same, each event's data left as the stored JSON text: for writing events out as they are, with no parse. */
  eventJsonSince(token: string | null, limit: number = DEFAULT_EVENTS_LIMIT, team?: string): StoredEventJson[] {
    const after = token === null ? 0 : intId(token);
    if (after === null) throw new StoreError('invalid', `not an event token: ${JSON.stringify(token)}`);
    if (team === undefined) return this.s.eventsSince.all(after, limit) as StoredEventJson[];
    // A team's: everyone's and its own, two ranges of the audience index read in token order and merged, so a
    // page costs at most twice its length however much history follows it (one IN (...) query sorted it all).
    const everyone = this.s.audienceEventsSince.all(EVERYONE, after, limit) as StoredEventJson[];
    const own = this.s.audienceEventsSince.all(team, after, limit) as StoredEventJson[];
    const page: StoredEventJson[] = [];
    for (let i = 0, j = 0; page.length < limit && (i < everyone.length || j < own.length); ) {
      page.push(j === own.length || (i < everyone.length && Number(everyone[i].token) < Number(own[j].token)) ? everyone[i++] : own[j++]);
    }
    return page;
  }

  /** The team of a submission (null when there is none), for events that name only the submission. */
  private readonly teamOfSubmission = (id: string): string | null => {
    const n = intId(id);
    return n === null ? null : ((this.s.teamOfSubmission.pluck().get(n) as string | undefined) ?? null);
  };

  lastEventToken(): string | null {
    return (this.s.lastEventToken.pluck().get() as string | null) ?? null;
  }

  /** `listener` is called synchronously after each commit, once per event, in token order. Returns unsubscribe. */
  onEvent(listener: EventListener): () => void {
    const wrapped: EventListener = (e) => listener(e);
    this.listeners.add(wrapped);
    return () => {
      this.listeners.delete(wrapped);
    };
  }

  // ---------------------------------------------------------------- history

  /**
   * Loads a whole contest history into this empty store as it was: ids, times and the event log kept,
   * no event appended (`verdict import`). One transaction: all of it or nothing.
   */
  loadHistory(h: ContestHistory): void {
    this.transaction(() => {
      if (this.contest() !== null || this.lastEventToken() !== null) throw new StoreError('conflict', 'a history can only be loaded into an empty store');
      const c = h.contest;
      this.s.upsertContest.run(c.id, c.name, c.formalName, c.startTime, c.durationMs, c.freezeMs, c.penaltyMinutes, h.importedSchedule);
      this.s.setStateMarks.run(h.marks.thawed, h.marks.finalized, h.marks.endOfUpdates);
      const lastState = h.events.findLast((e) => e.type === 'state' && e.data !== null);
      this.s.setStateJson.run(lastState ? JSON.stringify(lastState.data) : null);
      for (const p of h.problems) {
        this.s.insertProblem.run(p.id, p.label, p.name, p.ordinal, p.color, p.rgb, p.packagePath);
        this.s.setProblemInfo.run(p.timeLimitMs, p.testDataCount, p.id);
        if (p.deleted) this.s.deleteProblem.run(p.id);
      }
      for (const t of h.teams) {
        this.s.upsertTeam.run(t.id, t.name, t.displayName, t.organizationId, JSON.stringify(t.groupIds), t.hidden ? 1 : 0);
        if (t.deleted) this.s.deleteTeam.run(t.id);
      }
      for (const s of h.submissions) {
        const entryPoint = entryPointOf(s.languageId, s.fileName, s.source.toString('utf8'));
        this.s.loadSubmission.run(Number(s.id), s.teamId, s.problemId, s.languageId, s.fileName, s.submittedAt, s.contestTimeMs, entryPoint, s.status, s.submittedAt);
        this.s.insertSource.run(Number(s.id), s.source);
      }
      for (const j of h.judgements) {
        this.s.loadJudgement.run(Number(j.id), Number(j.submissionId), j.judgehost, j.valid ? 1 : 0, j.startTime, j.endTime, j.verdict, j.judgedVerdict, j.overridden ? 1 : 0,
          j.timeMs, j.memoryKb, j.compileOk === null ? null : j.compileOk ? 1 : 0, j.compileOutput, j.compileTimeMs, j.error, j.failingOutput, j.invalidatedAt, j.invalidatedWhy);
      }
      for (const r of h.runs) {
        this.s.loadRun.run(Number(r.id), Number(r.judgementId), r.ordinal, r.testName, r.verdict, r.timeMs, r.memoryKb, r.wallMs, r.exitCode, r.signal, r.message, r.time);
      }
      for (const o of h.overrides) this.s.insertOverride.run(Number(o.submissionId), Number(o.judgementId), o.oldVerdict, o.newVerdict, o.reason, o.by, o.time);
      for (const c of h.clarifications) {
        this.s.loadClarification.run(Number(c.id), c.fromTeamId, c.toTeamId, c.replyToId === null ? null : Number(c.replyToId), c.problemId, c.text, c.time, c.contestTimeMs);
      }
      const hidden = new Set(h.teams.filter((t) => t.hidden).map((t) => t.id));
      const announced = new Set<string>(['judgement-types', 'languages', 'groups', 'organizations', 'awards']);
      const released = h.marks.thawed !== null;
      for (const e of h.events) {
        const audience = e.type === 'awards' && released ? EVERYONE : storedAudience(eventAudience(e, this.teamOfSubmission, (id) => hidden.has(id)));
        this.s.loadEvent.run(Number(e.token), e.type, e.id, e.op, e.data === null ? null : JSON.stringify(e.data), e.time, audience);
        // The objects kept only as announced are what their last events say.
        if (!announced.has(e.type) || e.id === null) continue;
        if (e.data === null) this.s.deleteAnnounced.run(e.type, e.id);
        else this.s.putAnnounced.run(e.type, e.id, canonicalJson(e.type, e.data));
      }
      if (released && h.events.some((e) => e.type === 'awards')) this.s.setMeta.run(META_AWARDS_RELEASED, '1');
      for (const [key, value] of Object.entries(h.settings)) this.setSetting(key, value);
      this.contestCache = undefined;
    });
  }

  /** The judges' settings kept with the contest, by key. */
  listSettings(): Record<string, string> {
    const rows = this.s.listSettings.all() as { key: string; value: string }[];
    return Object.fromEntries(rows.map((r) => [r.key.slice(SETTING_PREFIX.length), r.value]));
  }

  // ---------------------------------------------------------------- monitoring

  queueStats(now: number): QueueStats {
    const r = this.s.queueStats.get() as { queued: number; judging: number; oldest: number | null };
    return { queued: r.queued, judging: r.judging, oldestQueuedAgeMs: r.oldest === null ? null : Math.max(0, now - r.oldest) };
  }
}

/** Every statement the store runs, prepared once. */
function prepareStatements(db: Database.Database) {
  const p = (sql: string) => db.prepare(sql);
  return {
    insertEvent: p('INSERT INTO events (type, obj_id, op, data, time, audience) VALUES (?, ?, ?, ?, ?, ?)'),
    eventsSince: p('SELECT CAST(token AS TEXT) AS token, type, obj_id AS id, op, data, time, audience FROM events e WHERE e.token > ? ORDER BY e.token LIMIT ?'),
    lastEventToken: p('SELECT CAST(max(token) AS TEXT) FROM events'),
    getMeta: p('SELECT value FROM meta WHERE key = ?'),
    setMeta: p('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    listSettings: p(`SELECT key, value FROM meta WHERE key GLOB '${SETTING_PREFIX}*' ORDER BY key`),
    loadEvent: p('INSERT INTO events (token, type, obj_id, op, data, time, audience) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    teamOfSubmission: p('SELECT team_id FROM submissions WHERE id = ?'),
    // Events of one audience after a token, in token order: a range of the index events_audience (audience, token).
    audienceEventsSince: p('SELECT CAST(e.token AS TEXT) AS token, type, obj_id AS id, op, data, time, audience FROM events e WHERE e.audience = ? AND e.token > ? ORDER BY e.token LIMIT ?'),

    getContest: p(CONTEST_SELECT),
    getContestImported: p('SELECT imported FROM contest WHERE singleton = 1'),
    upsertContest: p(`INSERT INTO contest (singleton, id, name, formal_name, start_time, duration_ms, freeze_ms, penalty_minutes, imported)
                      VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)
                      ON CONFLICT (singleton) DO UPDATE SET id = excluded.id, name = excluded.name, formal_name = excluded.formal_name,
                        start_time = excluded.start_time, duration_ms = excluded.duration_ms, freeze_ms = excluded.freeze_ms,
                        penalty_minutes = excluded.penalty_minutes, imported = excluded.imported`),
    setContestTimes: p('UPDATE contest SET start_time = ?, duration_ms = ?, freeze_ms = ?, penalty_minutes = ? WHERE singleton = 1'),
    getStateMarks: p('SELECT thawed_at AS thawed, finalized_at AS finalized, end_of_updates_at AS endOfUpdates FROM contest WHERE singleton = 1'),
    setStateMarks: p('UPDATE contest SET thawed_at = ?, finalized_at = ?, end_of_updates_at = ? WHERE singleton = 1'),
    getStateJson: p('SELECT state_json FROM contest WHERE singleton = 1'),
    listAnnounced: p('SELECT id, json FROM clics_objects WHERE type = ? ORDER BY id'),
    putAnnounced: p('INSERT INTO clics_objects (type, id, json) VALUES (?, ?, ?) ON CONFLICT (type, id) DO UPDATE SET json = excluded.json'),
    deleteAnnounced: p('DELETE FROM clics_objects WHERE type = ? AND id = ?'),
    clearAnnounced: p('DELETE FROM clics_objects WHERE type = ?'),
    setStateJson: p('UPDATE contest SET state_json = ? WHERE singleton = 1'),

    allProblems: p(PROBLEM_SELECT),
    listProblems: p(`${PROBLEM_SELECT} WHERE deleted = 0 ORDER BY ordinal, id`),
    getProblem: p(`${PROBLEM_SELECT} WHERE id = ? AND deleted = 0`),
    insertProblem: p('INSERT INTO problems (id, label, name, ordinal, color, rgb, package_path) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    updateProblem: p(`UPDATE problems SET label = @label, name = @name, ordinal = @ordinal, color = @color, rgb = @rgb,
                        package_path = @packagePath, deleted = 0,
                        time_limit_ms = CASE WHEN @keepInfo THEN time_limit_ms END,
                        test_data_count = CASE WHEN @keepInfo THEN test_data_count END
                      WHERE id = @id`),
    deleteProblem: p('UPDATE problems SET deleted = 1 WHERE id = ?'),
    setProblemInfo: p('UPDATE problems SET time_limit_ms = ?, test_data_count = ? WHERE id = ?'),

    allTeams: p(TEAM_SELECT),
    listTeams: p(`${TEAM_SELECT} WHERE deleted = 0 ORDER BY id`),
    teamExists: p('SELECT 1 FROM teams WHERE id = ? AND deleted = 0'),
    upsertTeam: p(`INSERT INTO teams (id, name, display_name, organization_id, group_ids, hidden, deleted) VALUES (?, ?, ?, ?, ?, ?, 0)
                   ON CONFLICT (id) DO UPDATE SET name = excluded.name, display_name = excluded.display_name,
                     organization_id = excluded.organization_id, group_ids = excluded.group_ids, hidden = excluded.hidden, deleted = 0`),
    deleteTeam: p('UPDATE teams SET deleted = 1 WHERE id = ?'),

    allAccountIds: p('SELECT id FROM accounts'),
    accountExists: p('SELECT 1 FROM accounts WHERE id = ?'),
    getAccountByUsername: p('SELECT id, username, type, team_id AS teamId, password_hash AS passwordHash FROM accounts WHERE username = ?'),
    getAccountById: p('SELECT id, username, type, team_id AS teamId, password_hash AS passwordHash FROM accounts WHERE id = ?'),
    getImportedHash: p('SELECT imported_hash FROM accounts WHERE id = ?'),
    deleteAccount: p('DELETE FROM accounts WHERE id = ?'),
    parkUsername: p("UPDATE accounts SET username = char(0) || 'parked:' || ? WHERE id = ? AND username <> ?"),
    upsertAccount: p(`INSERT INTO accounts (id, username, type, team_id) VALUES (?, ?, ?, ?)
                      ON CONFLICT (id) DO UPDATE SET username = excluded.username, type = excluded.type, team_id = excluded.team_id`),
    setImportedHash: p('UPDATE accounts SET password_hash = ?, imported_hash = ? WHERE id = ?'),
    setPasswordHash: p('UPDATE accounts SET password_hash = ? WHERE id = ?'),

    purgeSessions: p('DELETE FROM sessions WHERE expires_at <= ?'),
    insertSession: p('INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)'),
    getSession: p('SELECT account_id AS accountId, csrf_token AS csrfToken, created_at AS createdAt, expires_at AS expiresAt FROM sessions WHERE token_hash = ?'),
    deleteSessionsOf: p('DELETE FROM sessions WHERE account_id = ? AND created_at < ?'),
    deleteSession: p('DELETE FROM sessions WHERE token_hash = ?'),

    findIdempotent: p('SELECT CAST(id AS TEXT) FROM submissions WHERE team_id = ? AND idempotency_key = ?'),
    checkSubmitRefs: p('SELECT (SELECT deleted FROM teams WHERE id = ?) AS team, (SELECT deleted FROM problems WHERE id = ?) AS problem'),
    insertSubmission: p(`INSERT INTO submissions (team_id, problem_id, language_id, file_name, submitted_at, contest_time_ms, entry_point, idempotency_key, status, queued_at)
                         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?)`),
    loadSubmission: p(`INSERT INTO submissions (id, team_id, problem_id, language_id, file_name, submitted_at, contest_time_ms, entry_point, status, queued_at)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    languageUsed: p('SELECT 1 FROM submissions WHERE language_id = ? LIMIT 1'),
    insertSource: p('INSERT INTO submission_sources (submission_id, source) VALUES (?, ?)'),
    getSubmission: p(`${SUBMISSION_SELECT} WHERE s.id = ?`),
    getSource: p('SELECT s.file_name AS fileName, src.source AS source FROM submissions s JOIN submission_sources src ON src.submission_id = s.id WHERE s.id = ?'),
    listSubmissions: p(`${SUBMISSION_SELECT} WHERE s.id > ? ORDER BY s.id LIMIT ?`),
    listSubmissionsTeam: p(`${SUBMISSION_SELECT} WHERE s.team_id = ? AND s.id > ? ORDER BY s.id LIMIT ?`),
    listSubmissionsProblem: p(`${SUBMISSION_SELECT} WHERE s.problem_id = ? AND s.id > ? ORDER BY s.id LIMIT ?`),
    listSubmissionsTeamProblem: p(`${SUBMISSION_SELECT} WHERE s.team_id = ? AND s.problem_id = ? AND s.id > ? ORDER BY s.id LIMIT ?`),
    getStatus: p('SELECT status FROM submissions WHERE id = ?'),
    setStatus: p('UPDATE submissions SET status = ? WHERE id = ?'),
    requeue: p("UPDATE submissions SET status = 'queued', queued_at = ? WHERE id = ?"),
    requeueAt: p("UPDATE submissions SET status = 'queued', queued_at = ?, priority = ? WHERE id = ?"),
    // The fair order (queueOrder.ts): one row per level and team with submissions waiting (index-only, on submissions_turns)...
    queueGroups: p(`WITH ${BUSY_TEAMS}
                    SELECT g.priority, g.team_id AS teamId, g.queued, g.first, coalesce(b.n, 0) AS busy
                      FROM (SELECT priority, team_id, count(*) AS queued, min(id) AS first FROM submissions WHERE status = 'queued' GROUP BY priority, team_id) g
                      LEFT JOIN busy b ON b.team_id = g.team_id`),
    // ...then, for each [priority, team, first id, count] given, the team's waiting ones of that level after the first, up
    // to `count` in all: (i: which one given, id, rank), each an index seek from the one before.
    queueHeads: p(`WITH RECURSIVE walk(i, priority, team_id, id, rank, n) AS (
                     SELECT key, value ->> 0, value ->> 1, value ->> 2, 1, value ->> 3 FROM json_each(?)
                     UNION ALL
                     SELECT w.i, w.priority, w.team_id,
                            (SELECT min(s.id) FROM submissions s WHERE s.status = 'queued' AND s.priority = w.priority AND s.team_id = w.team_id AND s.id > w.id),
                            w.rank + 1, w.n
                       FROM walk w WHERE w.rank < w.n)
                   SELECT i, id, rank FROM walk WHERE rank > 1`),
    // Submissions by id, in the order of the ids given (a JSON array).
    submissionsInOrder: p(`${SUBMISSION_SELECT} JOIN json_each(?) o ON o.value = s.id ORDER BY o.key`),
    // The same order, counted for one submission x of turn t: every queued one of a higher level, plus, per
    // team of x's level with b being judged, its queued ones of rank r with b + r < t, and the one with
    // b + r = t when it is not newer than x (i.e. when at least t - b of them are not newer). No row when
    // x is not queued.
    queuePosition: p(`WITH ${BUSY_TEAMS}, x AS (SELECT id, priority, team_id FROM submissions WHERE id = ? AND status = 'queued'),
                        turn AS (SELECT count(*) + coalesce((SELECT n FROM busy WHERE busy.team_id = x.team_id), 0) AS t FROM submissions s, x
                                  WHERE s.status = 'queued' AND s.priority = x.priority AND s.team_id = x.team_id AND s.id <= x.id),
                        per_team AS (SELECT s.team_id, count(*) AS n, sum(s.id <= x.id) AS upto FROM submissions s, x
                                      WHERE s.status = 'queued' AND s.priority = x.priority GROUP BY s.team_id),
                        ahead AS (SELECT p.n, p.upto, turn.t - coalesce(b.n, 0) AS r FROM per_team p LEFT JOIN busy b ON b.team_id = p.team_id, turn)
                      SELECT (SELECT count(*) FROM submissions s, x WHERE s.status = 'queued' AND s.priority > x.priority)
                           + (SELECT sum(min(n, max(r - 1, 0)) + (r >= 1 AND upto >= r)) FROM ahead)
                        FROM x`),
    // One level above every queued submission, and above first judgings even when only rejudges wait.
    prioritise: p(`UPDATE submissions SET priority = (SELECT max(coalesce(max(priority), ${LIVE_PRIORITY}), ${LIVE_PRIORITY}) + 1 FROM submissions WHERE status = 'queued')
                    WHERE id = ?`),
    topQueuedPriority: p("SELECT max(priority) FROM submissions WHERE status = 'queued'"),
    queueStats: p(`SELECT (SELECT count(*) FROM submissions WHERE status = 'queued') AS queued,
                          (SELECT count(*) FROM submissions WHERE status = 'judging') AS judging,
                          (SELECT min(queued_at) FROM submissions WHERE status = 'queued') AS oldest`),

    insertJudgement: p('INSERT INTO judgements (submission_id, judgehost, valid, start_time) VALUES (?, ?, 1, ?)'),
    getJudgement: p(`SELECT ${JUDGEMENT_COLUMNS} FROM judgements j WHERE j.id = ?`),
    getJudgementState: p('SELECT valid, end_time AS endTime, submission_id AS submissionId FROM judgements WHERE id = ?'),
    currentJudgementId: p('SELECT id FROM judgements WHERE submission_id = ? AND valid = 1'),
    finishJudgement: p(`UPDATE judgements SET end_time = ?, verdict = ?, judged_verdict = ?, max_time_ms = ?, max_memory_kb = ?,
                          compile_ok = ?, compile_output = ?, compile_time_ms = ?, error = ?, failing_output = ? WHERE id = ?`),
    invalidateJudgement: p('UPDATE judgements SET valid = 0, invalidated_at = ?, invalidated_why = ? WHERE id = ?'),
    inFlightSubmissions: p(`SELECT j.submission_id FROM judgements j JOIN submissions s ON s.id = j.submission_id
                             WHERE j.valid = 1 AND j.end_time IS NULL AND s.status <> 'queued' ORDER BY j.id`),
    openJudgementId: p('SELECT id FROM judgements WHERE submission_id = ? AND valid = 1 AND end_time IS NULL'),
    setJudgehost: p('UPDATE judgements SET judgehost = ? WHERE id = ?'),
    judgingSubmissions: p("SELECT id FROM submissions WHERE status = 'judging' ORDER BY id"),
    listJudgements: p(`SELECT ${JUDGEMENT_COLUMNS} FROM judgements j ORDER BY j.id`),
    listJudgementsSubmission: p(`SELECT ${JUDGEMENT_COLUMNS} FROM judgements j WHERE j.submission_id = ? ORDER BY j.id`),
    listJudgementsSubmissionTeam: p(`SELECT ${JUDGEMENT_COLUMNS} FROM judgements j JOIN submissions s ON s.id = j.submission_id
                                     WHERE j.submission_id = ? AND s.team_id = ? ORDER BY j.id`),
    listJudgementsTeam: p(`SELECT ${JUDGEMENT_COLUMNS} FROM submissions s JOIN judgements j ON j.submission_id = s.id
                           WHERE s.team_id = ? ORDER BY j.id`),
    loadJudgement: p(`INSERT INTO judgements (id, submission_id, judgehost, valid, start_time, end_time, verdict, judged_verdict, overridden,
                         max_time_ms, max_memory_kb, compile_ok, compile_output, compile_time_ms, error, failing_output, invalidated_at, invalidated_why)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    loadRun: p(`INSERT INTO runs (id, judgement_id, ordinal, test_name, verdict, time_ms, memory_kb, wall_ms, exit_code, signal, message, time)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertRun: p(`INSERT INTO runs (judgement_id, ordinal, test_name, verdict, time_ms, memory_kb, wall_ms, exit_code, signal, message, time)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    listRuns: p(`${RUN_SELECT} WHERE judgement_id = ? ORDER BY ordinal`),
    insertOverride: p('INSERT INTO overrides (submission_id, judgement_id, old_verdict, new_verdict, reason, by_user, time) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    overrideJudgement: p('UPDATE judgements SET verdict = ?, overridden = 1 WHERE id = ?'),
    listOverrides: p(`SELECT CAST(id AS TEXT) AS id, CAST(submission_id AS TEXT) AS submissionId, CAST(judgement_id AS TEXT) AS judgementId,
                             old_verdict AS oldVerdict, new_verdict AS newVerdict, reason, by_user AS "by", time FROM overrides o ORDER BY o.id`),
    listOverridesSubmission: p(`SELECT CAST(id AS TEXT) AS id, CAST(submission_id AS TEXT) AS submissionId, CAST(judgement_id AS TEXT) AS judgementId,
                                       old_verdict AS oldVerdict, new_verdict AS newVerdict, reason, by_user AS "by", time
                                  FROM overrides o WHERE o.submission_id = ? ORDER BY o.id`),

    loadClarification: p('INSERT INTO clarifications (id, from_team_id, to_team_id, reply_to_id, problem_id, text, time, contest_time_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    insertClarification: p('INSERT INTO clarifications (from_team_id, to_team_id, reply_to_id, problem_id, text, time, contest_time_ms) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    clarificationExists: p('SELECT 1 FROM clarifications WHERE id = ?'),
    listClarifications: p(`${CLARIFICATION_SELECT} ORDER BY c.id`),
    listClarificationsTeam: p(`${CLARIFICATION_SELECT} WHERE c.from_team_id = ? OR c.to_team_id = ? OR (c.from_team_id IS NULL AND c.to_team_id IS NULL) ORDER BY c.id`),
  };
}
