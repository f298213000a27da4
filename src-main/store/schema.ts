// Schema migrations: PRAGMA user_version is the number of the last step applied. Steps are append-only:
// never edit a released step, add a new one. Each step runs in its own transaction together with the
// user_version bump, so a failing step leaves the database exactly at the previous version.
import type Database from 'better-sqlite3';
import { entryPointOf } from './clics.ts';
import { eventAudience, JUDGES_ONLY, storedAudience } from './eventAudience.ts';

export interface Migration {
  /** 1, 2, 3, ... in order, no gaps. */
  version: number;
  description: string;
  up(db: Database.Database): void;
}

const V1 = `
-- Key/value facts about this database (e.g. the fingerprint of the last imported accounts).
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- The one contest this database holds.
CREATE TABLE contest (
  singleton         INTEGER PRIMARY KEY CHECK (singleton = 1),
  id                TEXT NOT NULL,
  name              TEXT NOT NULL,
  formal_name       TEXT NOT NULL,
  start_time        INTEGER,                                   -- epoch ms, NULL = not scheduled
  duration_ms       INTEGER NOT NULL CHECK (duration_ms >= 0),
  freeze_ms         INTEGER NOT NULL CHECK (freeze_ms >= 0),
  penalty_minutes   INTEGER NOT NULL CHECK (penalty_minutes >= 0),
  imported          TEXT,      -- JSON of the schedule as the contest folder last gave it
  thawed_at         INTEGER,
  finalized_at      INTEGER,
  end_of_updates_at INTEGER,
  state_json        TEXT       -- the state object last announced (a 'state' event is appended when it changes)
);

CREATE TABLE problems (
  id              TEXT PRIMARY KEY,
  label           TEXT NOT NULL,
  name            TEXT NOT NULL,
  ordinal         INTEGER NOT NULL,
  color           TEXT NOT NULL DEFAULT '',
  rgb             TEXT NOT NULL DEFAULT '',
  package_path    TEXT NOT NULL,
  time_limit_ms   INTEGER,                                     -- NULL until the package is read
  test_data_count INTEGER,
  deleted         INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))  -- gone from the contest folder; kept for its submissions
) WITHOUT ROWID;

CREATE TABLE teams (
  id              TEXT PRIMARY KEY,
  name            TEXT NOT NULL,
  display_name    TEXT NOT NULL,
  organization_id TEXT,
  group_ids       TEXT NOT NULL DEFAULT '[]',                  -- JSON array of ids
  hidden          INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
  deleted         INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
) WITHOUT ROWID;

CREATE TABLE accounts (
  id            TEXT PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  type          TEXT NOT NULL CHECK (type IN ('team', 'judge', 'admin')),
  team_id       TEXT REFERENCES teams(id),
  password_hash TEXT,          -- never a plain password
  imported_hash TEXT           -- hash of the password the contest folder last gave (a runtime change survives re-import)
) WITHOUT ROWID;
CREATE INDEX accounts_team ON accounts(team_id);

-- Only the SHA-256 of a session token is kept: a copy of the database does not let anyone log in.
CREATE TABLE sessions (
  token_hash BLOB PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_expiry ON sessions(expires_at);
CREATE INDEX sessions_account ON sessions(account_id);

CREATE TABLE submissions (
  id              INTEGER PRIMARY KEY,                         -- the public id (never reused: rows are never deleted)
  team_id         TEXT NOT NULL REFERENCES teams(id),
  problem_id      TEXT NOT NULL REFERENCES problems(id),
  language_id     TEXT NOT NULL,
  file_name       TEXT NOT NULL,
  submitted_at    INTEGER NOT NULL,
  contest_time_ms INTEGER NOT NULL,
  idempotency_key TEXT,
  status          TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'judging', 'judged')),
  priority        INTEGER NOT NULL DEFAULT 0,                  -- higher is judged first
  queued_at       INTEGER NOT NULL                             -- last time it entered the queue
);
CREATE UNIQUE INDEX submissions_idempotency ON submissions(team_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX submissions_team ON submissions(team_id, id);
CREATE INDEX submissions_problem ON submissions(problem_id, id);
CREATE INDEX submissions_queue ON submissions(priority DESC, id) WHERE status = 'queued';
CREATE INDEX submissions_judging ON submissions(id) WHERE status = 'judging';

-- Sources apart, so that listing submissions never reads them.
CREATE TABLE submission_sources (
  submission_id INTEGER PRIMARY KEY REFERENCES submissions(id),
  source        BLOB NOT NULL
);

CREATE TABLE judgements (
  id              INTEGER PRIMARY KEY,
  submission_id   INTEGER NOT NULL REFERENCES submissions(id),
  judgehost       TEXT NOT NULL,
  valid           INTEGER NOT NULL DEFAULT 1 CHECK (valid IN (0, 1)),
  start_time      INTEGER NOT NULL,
  end_time        INTEGER,
  verdict         TEXT CHECK (verdict IN ('AC', 'WA', 'TLE', 'MLE', 'RTE', 'OLE', 'CE', 'JE')),        -- what counts
  judged_verdict  TEXT CHECK (judged_verdict IN ('AC', 'WA', 'TLE', 'MLE', 'RTE', 'OLE', 'CE', 'JE')), -- what judging said
  overridden      INTEGER NOT NULL DEFAULT 0 CHECK (overridden IN (0, 1)),
  max_time_ms     INTEGER,
  max_memory_kb   INTEGER,
  compile_ok      INTEGER,
  compile_output  TEXT,
  compile_time_ms INTEGER,
  error           TEXT,
  invalidated_at  INTEGER,
  invalidated_why TEXT                                          -- 'rejudge' | 'recovery'
);
CREATE INDEX judgements_submission ON judgements(submission_id, id);
CREATE UNIQUE INDEX judgements_current ON judgements(submission_id) WHERE valid = 1;
CREATE INDEX judgements_in_flight ON judgements(id) WHERE valid = 1 AND end_time IS NULL;

CREATE TABLE runs (
  id           INTEGER PRIMARY KEY,
  judgement_id INTEGER NOT NULL REFERENCES judgements(id),
  ordinal      INTEGER NOT NULL,
  test_name    TEXT NOT NULL,
  verdict      TEXT NOT NULL CHECK (verdict IN ('AC', 'WA', 'TLE', 'MLE', 'RTE', 'OLE', 'CE', 'JE')),
  time_ms      INTEGER NOT NULL,
  memory_kb    INTEGER NOT NULL,
  wall_ms      INTEGER NOT NULL,
  exit_code    INTEGER NOT NULL,
  signal       INTEGER NOT NULL,
  message      TEXT NOT NULL,
  time         INTEGER NOT NULL,
  UNIQUE (judgement_id, ordinal)
);

-- Audit trail of verdicts set by hand.
CREATE TABLE overrides (
  id            INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submissions(id),
  judgement_id  INTEGER NOT NULL REFERENCES judgements(id),
  old_verdict   TEXT NOT NULL,
  new_verdict   TEXT NOT NULL,
  reason        TEXT NOT NULL,
  by_user       TEXT NOT NULL,
  time          INTEGER NOT NULL
);
CREATE INDEX overrides_submission ON overrides(submission_id);

CREATE TABLE clarifications (
  id              INTEGER PRIMARY KEY,
  from_team_id    TEXT REFERENCES teams(id),                   -- NULL: from the judges
  to_team_id      TEXT REFERENCES teams(id),                   -- NULL: to the judges, or (from the judges) to everyone
  reply_to_id     INTEGER REFERENCES clarifications(id),
  problem_id      TEXT REFERENCES problems(id),
  text            TEXT NOT NULL,
  time            INTEGER NOT NULL,
  contest_time_ms INTEGER NOT NULL
);
CREATE INDEX clarifications_from ON clarifications(from_team_id);
CREATE INDEX clarifications_to ON clarifications(to_team_id);

-- Append-only change log: live updates, the CLICS event feed and recovery read it. AUTOINCREMENT so a
-- token is never handed out twice, whatever happens to the rows.
CREATE TABLE events (
  token  INTEGER PRIMARY KEY AUTOINCREMENT,
  type   TEXT NOT NULL,
  obj_id TEXT,
  op     TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete')),
  data   TEXT,                                                  -- JSON of the CLICS object, NULL for a delete
  time   INTEGER NOT NULL
);
`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'contest, problems, teams, accounts, sessions, submissions, judgements, runs, overrides, clarifications, events',
    up: (db) => db.exec(V1),
  },
  {
    version: 2,
    description: "the program's output on the first failing test, for the judges' diff view",
    up: (db) => db.exec('ALTER TABLE judgements ADD COLUMN failing_output TEXT'),
  },
  {
    version: 3,
    description: 'fair judging queue: teams take turns within a priority level (rejudges are queued at priority -1)',
    // The store numbers each team's queued submissions per priority level (ROW_NUMBER() OVER (PARTITION BY
    // priority, team_id ORDER BY id)): this index gives that order without a sort. It replaces the FIFO one.
    up: (db) =>
      db.exec(`DROP INDEX submissions_queue;
               CREATE INDEX submissions_turns ON submissions(priority, team_id, id) WHERE status = 'queued';`),
  },
  {
    version: 4,
    description: "each event's audience (everyone, one team, judges only), so that a team's event feed reads only its own by index",
    up: (db) => {
      db.exec(`ALTER TABLE events ADD COLUMN audience TEXT NOT NULL DEFAULT '${JUDGES_ONLY}'`);
      const teamOf = db.prepare('SELECT team_id FROM submissions WHERE id = ?').pluck();
      const teamOfSubmission = (id: string) => (teamOf.get(Number(id)) as string | undefined) ?? null;
      const setAudience = db.prepare('UPDATE events SET audience = ? WHERE token = ?');
      // In pages: a connection cannot write while it iterates a query.
      const page = db.prepare('SELECT token, type, obj_id AS id, data FROM events WHERE token > ? ORDER BY token LIMIT 1000');
      for (let after = 0; ; ) {
        const rows = page.all(after) as { token: number; type: string; id: string | null; data: string | null }[];
        if (rows.length === 0) break;
        for (const e of rows) {
          const data = e.data === null ? null : (JSON.parse(e.data) as Record<string, unknown>);
          setAudience.run(storedAudience(eventAudience({ type: e.type as never, id: e.id, data }, teamOfSubmission)), e.token);
        }
        after = rows.at(-1)!.token;
      }
      db.exec('CREATE INDEX events_audience ON events(audience, token)');
    },
  },
  {
    version: 5,
    description:
      'CLICS 2026-01: the contest event is `contest` with id null, events carry 2026-01 objects, submissions keep their entry point, ' +
      'clics_objects holds the judgement types, languages, groups, organizations and awards last announced',
    up: (db) => {
      db.exec(`ALTER TABLE submissions ADD COLUMN entry_point TEXT;
               CREATE TABLE clics_objects (
                 type TEXT NOT NULL,   -- the event type: judgement-types, languages, groups, organizations, awards
                 id   TEXT NOT NULL,
                 json TEXT NOT NULL,   -- the object as last announced
                 PRIMARY KEY (type, id)
               ) WITHOUT ROWID;`);
      const setEntryPoint = db.prepare('UPDATE submissions SET entry_point = ? WHERE id = ?');
      const sources = db.prepare(`SELECT s.id, s.language_id AS languageId, s.file_name AS fileName, src.source FROM submissions s
                                    JOIN submission_sources src ON src.submission_id = s.id WHERE s.id > ? ORDER BY s.id LIMIT 500`);
      for (let after = 0; ; ) {
        const rows = sources.all(after) as { id: number; languageId: string; fileName: string; source: Buffer }[];
        if (rows.length === 0) break;
        for (const r of rows) setEntryPoint.run(entryPointOf(r.languageId, r.fileName, r.source.toString('utf8')), r.id);
        after = rows.at(-1)!.id;
      }
      const entryPoint = db.prepare('SELECT entry_point FROM submissions WHERE id = ?').pluck();
      const entryPointOfSubmission = (id: string) => (entryPoint.get(Number(id)) as string | null | undefined) ?? null;
      const rewrite = db.prepare('UPDATE events SET type = ?, obj_id = ?, data = ? WHERE token = ?');
      const page = db.prepare('SELECT token, type, obj_id AS id, data FROM events WHERE token > ? ORDER BY token LIMIT 1000');
      for (let after = 0; ; ) {
        const rows = page.all(after) as { token: number; type: string; id: string | null; data: string | null }[];
        if (rows.length === 0) break;
        for (const e of rows) {
          const next = upgradeEvent({ type: e.type, id: e.id, data: e.data === null ? null : (JSON.parse(e.data) as Record<string, unknown>) }, entryPointOfSubmission);
          const data = next.data === null ? null : JSON.stringify(next.data);
          if (next.type !== e.type || next.id !== e.id || data !== e.data) rewrite.run(next.type, next.id, data, e.token);
        }
        after = rows.at(-1)!.token;
      }
    },
  },
  {
    version: 6,
    description:
      'scoring contests: the contest\'s scoreboard type and score mode, whether a problem is scoring and its maximum score, ' +
      'the score of a judgement (with its test groups\' results) and of a run',
    up: (db) =>
      db.exec(`ALTER TABLE contest ADD COLUMN scoreboard_type TEXT NOT NULL DEFAULT 'pass-fail' CHECK (scoreboard_type IN ('pass-fail', 'score'));
               ALTER TABLE contest ADD COLUMN score_mode TEXT NOT NULL DEFAULT 'best-submission' CHECK (score_mode IN ('best-submission', 'best-per-subtask'));
               ALTER TABLE problems ADD COLUMN scoring INTEGER CHECK (scoring IN (0, 1));  -- NULL until the package is read
               ALTER TABLE problems ADD COLUMN max_score REAL;                            -- NULL: pass-fail, unbounded, or not read yet
               ALTER TABLE judgements ADD COLUMN score REAL;                              -- scoring problems only
               ALTER TABLE judgements ADD COLUMN groups TEXT;                             -- JSON of the GroupResult[] (scoring problems only)
               ALTER TABLE runs ADD COLUMN score REAL;`),
  },
  {
    version: 7,
    description: "the staff's marks: balloons delivered, judgements verified by a second judge",
    up: (db) =>
      db.exec(`CREATE TABLE balloon_deliveries (
                 submission_id INTEGER PRIMARY KEY REFERENCES submissions(id),  -- the team's first AC on the problem
                 delivered_at  INTEGER NOT NULL,                                -- epoch ms
                 delivered_by  TEXT NOT NULL                                    -- the staff account's username
               );
               CREATE TABLE verifications (
                 judgement_id INTEGER PRIMARY KEY REFERENCES judgements(id),    -- a rejudge's new judgement is unverified
                 verified_at  INTEGER NOT NULL,                                 -- epoch ms
                 verified_by  TEXT NOT NULL
               );`),
  },
  {
    version: 8,
    description: 'a judge claims a team\'s question while answering it (released by the answer)',
    up: (db) =>
      db.exec(`CREATE TABLE clarification_claims (
                 clarification_id INTEGER PRIMARY KEY REFERENCES clarifications(id),  -- a team's question
                 claimed_by       TEXT NOT NULL,                                      -- the judge's username
                 claimed_at       INTEGER NOT NULL                                    -- epoch ms
               );`),
  },
  {
    version: 9,
    description: 'rejudgings: submissions judged again into judgements that are not current until a judge applies them (or cancels them)',
    up: (db) =>
      db.exec(`CREATE TABLE rejudgings (
                 id         INTEGER PRIMARY KEY,
                 reason     TEXT NOT NULL,
                 created_by TEXT NOT NULL,                 -- the judge's username
                 created_at INTEGER NOT NULL,              -- epoch ms
                 state      TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'applied', 'cancelled')),
                 closed_by  TEXT,                          -- who applied or cancelled it, and when
                 closed_at  INTEGER
               );
               CREATE TABLE rejudging_items (
                 rejudging_id     INTEGER NOT NULL REFERENCES rejudgings(id),
                 submission_id    INTEGER NOT NULL REFERENCES submissions(id),
                 old_judgement_id INTEGER NOT NULL REFERENCES judgements(id),  -- current when the rejudging began
                 PRIMARY KEY (rejudging_id, submission_id)
               ) WITHOUT ROWID;
               -- The open rejudging a submission is in (at most one); its status column then moves through the queue
               -- for that rejudging's judging while its current judgement stays as it is.
               ALTER TABLE submissions ADD COLUMN rejudging_id INTEGER REFERENCES rejudgings(id);
               -- The rejudging that made a judgement: not current (valid = 0) until the rejudging is applied.
               ALTER TABLE judgements ADD COLUMN rejudging_id INTEGER REFERENCES rejudgings(id);
               CREATE INDEX judgements_rejudging ON judgements(rejudging_id, submission_id) WHERE rejudging_id IS NOT NULL;`),
  },
  {
    version: 10,
    description: 'judgehost accounts (remote judgehosts): the accounts table takes the type',
    // SQLite cannot change a CHECK in place: the table is made again. Its sessions are made again first, so
    // that dropping the old table cascades to no session (foreign keys stay on inside a migration).
    up: (db) =>
      db.exec(`CREATE TABLE accounts_next (
                 id            TEXT PRIMARY KEY,
                 username      TEXT NOT NULL UNIQUE,
                 type          TEXT NOT NULL CHECK (type IN ('team', 'judge', 'admin', 'judgehost')),
                 team_id       TEXT REFERENCES teams(id),
                 password_hash TEXT,
                 imported_hash TEXT
               ) WITHOUT ROWID;
               INSERT INTO accounts_next (id, username, type, team_id, password_hash, imported_hash)
                 SELECT id, username, type, team_id, password_hash, imported_hash FROM accounts;
               CREATE TABLE sessions_next (
                 token_hash BLOB PRIMARY KEY,
                 account_id TEXT NOT NULL REFERENCES accounts_next(id) ON DELETE CASCADE,
                 csrf_token TEXT NOT NULL,
                 created_at INTEGER NOT NULL,
                 expires_at INTEGER NOT NULL
               ) WITHOUT ROWID;
               INSERT INTO sessions_next (token_hash, account_id, csrf_token, created_at, expires_at)
                 SELECT token_hash, account_id, csrf_token, created_at, expires_at FROM sessions;
               DROP TABLE sessions;
               DROP TABLE accounts;
               ALTER TABLE accounts_next RENAME TO accounts;
               ALTER TABLE sessions_next RENAME TO sessions;
               CREATE INDEX accounts_team ON accounts(team_id);
               CREATE INDEX sessions_expiry ON sessions(expires_at);`),
  },
  {
    version: 11,
    description: "clarification events name their recipient to_team_id, as the spec's JSON schemas do (not the 2026-01 text's to_team_ids)",
    up: (db) => {
      const rewrite = db.prepare('UPDATE events SET data = ? WHERE token = ?');
      const page = db.prepare("SELECT token, data FROM events WHERE type = 'clarifications' AND data IS NOT NULL AND token > ? ORDER BY token LIMIT 1000");
      for (let after = 0; ; ) {
        const rows = page.all(after) as { token: number; data: string }[];
        if (rows.length === 0) break;
        for (const e of rows) rewrite.run(JSON.stringify(schemaRecipient(JSON.parse(e.data) as Record<string, unknown>)), e.token);
        after = rows.at(-1)!.token;
      }
    },
  },
  {
    version: 12,
    description: 'submissions of several files: the files besides the entry file (submission_sources keeps that one)',
    up: (db) =>
      db.exec(`CREATE TABLE submission_files (
                 submission_id INTEGER NOT NULL REFERENCES submissions(id),
                 name          TEXT NOT NULL,
                 content       BLOB NOT NULL,
                 PRIMARY KEY (submission_id, name)
               ) WITHOUT ROWID`),
  },
  {
    version: 13,
    description: 'print jobs: sources teams send to be printed, who and where they were, and whether staff (or the print command) printed them',
    up: (db) =>
      db.exec(`CREATE TABLE print_jobs (
                 id            INTEGER PRIMARY KEY,
                 team_id       TEXT NOT NULL,
                 team_name     TEXT NOT NULL,        -- as the team was named when it sent the job
                 team_location TEXT,                 -- where it sat then; NULL: not given
                 file_name     TEXT NOT NULL,
                 language_id   TEXT,                 -- from the file name's extension; NULL: none known
                 text          TEXT NOT NULL,        -- at most 256 KiB (checked before it is stored)
                 submitted_at  INTEGER NOT NULL,     -- epoch ms
                 printed_at    INTEGER,              -- NULL while pending
                 printed_by    TEXT,                 -- a staff account's username, or 'print command'
                 command_error TEXT                  -- why the print command last failed for it
               );
               CREATE INDEX print_jobs_team ON print_jobs (team_id, id);`),
  },
];

/**
 * An event as Verdict wrote it before CLICS 2026-01 (schema version 4 and packages of then), as 2026-01 has it:
 * `contests` becomes `contest` with id null and a scoreboard_type; a team gets its label and loses `hidden`
 * (who may see it is kept with the event); a submission gets its entry point; a clarification names its
 * recipient to_team_id (from a package of the Verdict versions that wrote to_team_ids too). Other events are
 * returned as they are.
 */
export function upgradeEvent(
  e: { type: string; id: string | null; data: Record<string, unknown> | null },
  entryPointOfSubmission: (id: string) => string | null,
): { type: string; id: string | null; data: Record<string, unknown> | null } {
  const data = e.data === null ? null : { ...e.data };
  switch (e.type) {
    case 'contests':
      if (data && !('scoreboard_type' in data)) data.scoreboard_type = 'pass-fail';
      return { type: 'contest', id: null, data };
    case 'teams':
      if (data) {
        if (!('label' in data)) data.label = data.id;
        delete data.hidden;
      }
      break;
    case 'submissions':
      if (data && !('entry_point' in data)) data.entry_point = entryPointOfSubmission(String(data.id));
      break;
    case 'clarifications':
      if (data) Object.assign(data, schemaRecipient(data));
      break;
  }
  return { type: e.type, id: e.id, data };
}

/**
 * A clarification's recipient as the spec's JSON schemas name it: to_team_id, the team or null (everyone, or a
 * question), in place of the 2026-01 text's to_team_ids (which Verdict wrote from migration 5 to 11).
 */
function schemaRecipient(data: Record<string, unknown>): Record<string, unknown> {
  const { to_team_ids: list, to_team_id: one, ...rest } = data;
  const listed = Array.isArray(list) && typeof list[0] === 'string' ? list[0] : null;
  // In the order the API writes a clarification's properties.
  return { id: data.id, from_team_id: data.from_team_id, to_team_id: typeof one === 'string' ? one : listed, ...rest };
}

export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.length === 0 ? 0 : migrations[migrations.length - 1].version;
}

/** Brings the database to the last version; returns it. Refuses a database written by a newer Verdict. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration #${i + 1} has version ${m.version}: versions must be 1, 2, 3, ...`);
  });
  const latest = latestVersion(migrations);
  let current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new Error(`the database has schema version ${current}, newer than this Verdict knows (${latest}): use a newer Verdict`);
  }
  for (const m of migrations) {
    if (m.version <= current) continue;
    try {
      db.transaction(() => {
        m.up(db);
        // user_version is in the database header: it commits or rolls back with the step.
        db.pragma(`user_version = ${m.version}`);
      }).immediate();
    } catch (e) {
      throw new Error(`migration ${m.version} (${m.description}) failed: ${(e as Error).message}`, { cause: e });
    }
    current = m.version;
  }
  return current;
}
