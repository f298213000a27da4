// `verdict import`: an exported contest package (contestPackage.ts) back into a fresh data folder, so
// the contest can be looked at, served and exported again elsewhere. The package gives the history
// (teams, submissions with their sources, judgements, runs, clarifications, the event log with its
// tokens, and verdict.json's details); the contest folder gives what the package leaves out on purpose
// (problem packages, accounts). Ids, times and the event feed are kept as they were, so exporting the
// imported contest gives the same scoreboards and the same event feed.
//
// Everything is read and checked before anything is written; the data folder is written atomically.
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ContestDefinition } from '../contest/model.ts';
import { FileError } from '../common/errors.ts';
import { sourceFromZipFile } from '../contest/submissionFiles.ts';
import type { StateMarks } from '../store/clics.ts';
import type { ContestHistory, HistorySubmission } from '../store/history.ts';
import { importedSchedule, Store, STORE_FILE_NAME, storeFileIn, type ClarificationRow, type EventOp, type EventRow, type EventType, type JudgementRow, type OverrideRow, type ProblemRow, type RunRow, type SubmissionStatus, type TeamRow } from '../store/store.ts';
import { inPool, isInside, PRIVATE_MODES, replacedFolderPath, writeFolderAtomically } from '../common/atomicFolder.ts';
import { describeCheck, MANIFEST, verifyManifest } from '../common/manifest.ts';
import { EXTRAS_FILE, EXTRAS_FORMAT, EXTRAS_VERSION } from './packageExtras.ts';
import { IMPORTED_IDS_FILE, isForeignPackage, readForeignPackage, replayForeignPlan } from './foreignImport.ts';
import { Fields, listItems } from './packageFields.ts';
import { CLICS_TYPES } from '../clics/schemas.ts';
import { entryPointOf } from '../store/clics.ts';
import { upgradeEvent } from '../store/schema.ts';

/** The event types a package's feed may hold: CLICS 2026-01's, and `contests` of packages written before (upgradeEvent). */
const EVENT_TYPES: ReadonlySet<string> = new Set([...CLICS_TYPES, 'contests']);
/** Source zips read at once. */
const READ_CONCURRENCY = 16;

export interface PackageImportOptions {
  /** Replace a data folder that exists and is not empty (the old one is kept as <data>.replaced-<time>). */
  force?: boolean;
  /** The moment of the import (state events, default now). */
  now?: number;
}

export interface PackageImportResult {
  dataDir: string;
  dbFile: string;
  replaced: string | null;
  counts: { teams: number; problems: number; submissions: number; judgements: number; runs: number; clarifications: number; events: number };
  /** For a package another system wrote: how its ids were mapped, and what Verdict could not hold (foreignImport.ts). */
  report: string[];
}

/** Reads and checks `packageDir` against the contest folder `def`, then writes `<dataDir>/verdict.db`. */
export async function importContestPackage(packageDir: string, def: ContestDefinition, dataDir: string, options: PackageImportOptions = {}): Promise<PackageImportResult> {
  const from = resolve(packageDir);
  const to = resolve(dataDir);
  if (isInside(to, from) || isInside(from, to)) throw new FileError(to, 'the data folder and the package folder must not contain each other');
  const now = options.now ?? Date.now();
  if (isForeignPackage(from, EXTRAS_FILE)) return importForeignPackage(from, def, to, now, options.force);
  await checkPackage(from);
  const history = await readHistory(from, def);
  const replaced = await replacedFolderPath(to, options.force, now);
  await writeFolderAtomically(
    to,
    async (w) => {
      await w.add(STORE_FILE_NAME, async (path) => {
        const store = Store.open(path);
        try {
          try {
            store.loadHistory(history);
          } catch (error) {
            // What the checks above do not name (e.g. two runs with one ordinal): the database's constraint says it.
            const code = (error as { code?: unknown }).code;
            if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) throw new FileError(from, `inconsistent: ${(error as Error).message}`);
            throw error;
          }
          // Accounts come from the contest folder (their passwords are hashed when the contest is served).
          store.contest.import(def, { hashPasswords: false, now });
        } finally {
          store.close();
        }
      });
    },
    { ...PRIVATE_MODES, force: options.force, manifest: false, replacedTo: replaced ?? undefined },
  );
  return {
    dataDir: to,
    dbFile: storeFileIn(to),
    replaced,
    counts: {
      teams: history.teams.filter((t) => !t.deleted).length,
      problems: history.problems.filter((p) => !p.deleted).length,
      submissions: history.submissions.length,
      judgements: history.judgements.length,
      runs: history.runs.length,
      clarifications: history.clarifications.length,
      events: history.events.length,
    },
    report: [],
  };
}

/** A package another system wrote: read and checked whole, then rebuilt through a new store (foreignImport.ts). */
async function importForeignPackage(from: string, def: ContestDefinition, to: string, now: number, force: boolean | undefined): Promise<PackageImportResult> {
  const plan = await readForeignPackage(from, def);
  const replaced = await replacedFolderPath(to, force, now);
  let replayed: ReturnType<typeof replayForeignPlan> | undefined;
  await writeFolderAtomically(
    to,
    async (w) => {
      await w.add(STORE_FILE_NAME, async (path) => {
        replayed = replayForeignPlan(plan, path, now);
      });
      await w.add(IMPORTED_IDS_FILE, async (path) => {
        await writeFile(path, `${JSON.stringify({ ...plan.ids, ...replayed!.ids }, null, 2)}\n`);
      });
    },
    { ...PRIVATE_MODES, force, manifest: false, replacedTo: replaced ?? undefined },
  );
  const store = Store.open(storeFileIn(to));
  let events: number;
  try {
    events = store.events.since(null, Number.MAX_SAFE_INTEGER).length;
  } finally {
    store.close();
  }
  return {
    dataDir: to,
    dbFile: storeFileIn(to),
    replaced,
    counts: { teams: plan.def.teams.length, problems: plan.def.problems.length, ...replayed!.counts, events },
    report: [
      ...plan.report,
      `submissions, judgements, runs and clarifications are numbered by Verdict in the order they happened; ${IMPORTED_IDS_FILE} in the data folder gives each one's id in the package`,
    ],
  };
}

/** A package folder whose manifest holds: every file there, none changed. */
async function checkPackage(dir: string): Promise<void> {
  let check;
  try {
    check = await verifyManifest(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new FileError(dir, `not a contest package exported by Verdict (no ${MANIFEST})`);
    throw new FileError(dir, `cannot be read: ${(e as Error).message}`);
  }
  if (!check.ok) throw new FileError(dir, `damaged: ${describeCheck(check)}`);
}

async function readText(dir: string, name: string): Promise<string> {
  const path = join(dir, name);
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new FileError(path, 'missing: not a contest package exported by Verdict');
    throw new FileError(path, `cannot be read: ${(e as Error).message}`);
  }
}

async function readJson(dir: string, name: string): Promise<unknown> {
  const path = join(dir, name);
  const text = await readText(dir, name);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new FileError(path, `not valid JSON: ${(e as Error).message}`);
  }
}

/** Ids must be unique within a file. */
function byId<T extends { id: string }>(file: string, rows: T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const r of rows) {
    if (map.has(r.id)) throw new FileError(file, `id ${JSON.stringify(r.id)} appears twice`);
    map.set(r.id, r);
  }
  return map;
}

function numericOrder<T extends { id: string }>(rows: T[]): T[] {
  return rows.sort((a, b) => Number(a.id) - Number(b.id));
}

/** Reads the whole package into a history for Store.loadHistory, checking every field and reference. */
async function readHistory(dir: string, def: ContestDefinition): Promise<ContestHistory> {
  const file = (name: string) => join(dir, name);
  const extras = new Fields(file(EXTRAS_FILE), 'the file', await readJson(dir, EXTRAS_FILE));
  if (extras.string('format') !== EXTRAS_FORMAT) throw extras.error(`not a Verdict contest package (format ${JSON.stringify(extras.raw('format'))})`);
  if (extras.int('version', 1) > EXTRAS_VERSION) throw extras.error(`package format version ${String(extras.raw('version'))} is newer than this Verdict reads (${EXTRAS_VERSION})`);

  const contestFields = new Fields(file('contest.json'), 'the contest', await readJson(dir, 'contest.json'));
  const contest = readContest(contestFields);
  if (contest.id !== def.id) {
    throw contestFields.error(`the package holds contest "${contest.id}", but the contest folder ${def.dir} is contest "${def.id}": give the contest folder it was exported from`);
  }
  const state = new Fields(file('state.json'), 'the state', await readJson(dir, 'state.json'));
  const marks: StateMarks = { thawed: state.timeOrNull('thawed'), finalized: state.timeOrNull('finalized'), endOfUpdates: state.timeOrNull('end_of_updates') };

  const feedPath = file('event-feed.ndjson');
  const events = readFeed(feedPath, await readText(dir, 'event-feed.ndjson'), extras);
  const feed = { path: feedPath, events };
  const problems = withDeleted(file('problems.json'), listItems(file('problems.json'), await readJson(dir, 'problems.json')).map(readProblem), feed, 'problems', readProblem);
  for (const p of problems) {
    const folder = def.problems.find((q) => q.id === p.id);
    if (folder) p.packagePath = folder.packagePath;
    else if (!p.deleted) throw new FileError(file('problems.json'), `problem "${p.id}" is not in the contest folder ${def.dir}: give the contest folder it was exported from`);
  }
  // Team objects do not say whether a team is hidden since 2026-01: the contest folder does.
  const hiddenInFolder = new Set(def.teams.filter((t) => t.hidden).map((t) => t.id));
  const readTeam = (f: Fields) => readTeamOf(f, hiddenInFolder);
  const teams = withDeleted(file('teams.json'), listItems(file('teams.json'), await readJson(dir, 'teams.json')).map(readTeam), feed, 'teams', readTeam);
  for (const t of teams) {
    if (!t.deleted && !def.teams.some((u) => u.id === t.id)) throw new FileError(file('teams.json'), `team "${t.id}" is not in the contest folder's teams (${def.dir}): give the contest folder it was exported from`);
  }
  const teamIds = new Set(teams.map((t) => t.id));
  const problemIds = new Set(problems.map((p) => p.id));

  const judgementExtras = extras.object('judgements');
  const runExtras = extras.object('runs');
  const judgements = numericOrder(listItems(file('judgements.json'), await readJson(dir, 'judgements.json')).map((f) => readJudgement(f, judgementExtras)));
  const runs = numericOrder(listItems(file('runs.json'), await readJson(dir, 'runs.json')).map((f) => readRun(f, runExtras)));
  const clarifications = numericOrder(listItems(file('clarifications.json'), await readJson(dir, 'clarifications.json')).map(readClarification));
  const submissionItems = listItems(file('submissions.json'), await readJson(dir, 'submissions.json'));

  // References, checked here so that a broken package gets a message naming what is wrong.
  const judgementById = byId(file('judgements.json'), judgements);
  byId(file('runs.json'), runs);
  const clarificationById = byId(file('clarifications.json'), clarifications);
  const current = new Map<string, JudgementRow>();
  for (const j of judgements) {
    if (!j.valid) continue;
    if (current.has(j.submissionId)) throw new FileError(file('judgements.json'), `submission ${j.submissionId} has two current judgements (${current.get(j.submissionId)!.id} and ${j.id})`);
    current.set(j.submissionId, j);
  }
  for (const r of runs) {
    if (!judgementById.has(r.judgementId)) throw new FileError(file('runs.json'), `run ${r.id} belongs to judgement ${r.judgementId}, which is not in judgements.json`);
  }
  for (const c of clarifications) {
    for (const team of [c.fromTeamId, c.toTeamId]) {
      if (team !== null && !teamIds.has(team)) throw new FileError(file('clarifications.json'), `clarification ${c.id} names team "${team}", which is not in teams.json or the event feed`);
    }
    if (c.problemId !== null && !problemIds.has(c.problemId)) throw new FileError(file('clarifications.json'), `clarification ${c.id} names problem "${c.problemId}", which is not in problems.json or the event feed`);
    const reply = c.replyToId === null ? null : clarificationById.get(c.replyToId);
    if (c.replyToId !== null && (!reply || Number(c.replyToId) >= Number(c.id))) throw new FileError(file('clarifications.json'), `clarification ${c.id} replies to ${c.replyToId}, which is not an earlier clarification`);
  }

  const submissions = numericOrder(submissionItems.map((f): Omit<HistorySubmission, 'source' | 'fileName'> => {
    const teamId = f.string('team_id');
    const problemId = f.string('problem_id');
    if (!teamIds.has(teamId)) throw f.error(`team "${teamId}" is not in teams.json or the event feed`);
    if (!problemIds.has(problemId)) throw f.error(`problem "${problemId}" is not in problems.json or the event feed`);
    const id = f.intId('id');
    const j = current.get(id);
    const status: SubmissionStatus = j === undefined ? 'queued' : j.endTime === null ? 'judging' : 'judged';
    return { id, teamId, problemId, languageId: f.string('language_id'), submittedAt: f.time('time'), contestTimeMs: f.relTime('contest_time'), status };
  }));
  const submissionIds = byId(file('submissions.json'), submissions);
  for (const j of judgements) {
    if (!submissionIds.has(j.submissionId)) throw new FileError(file('judgements.json'), `judgement ${j.id} is of submission ${j.submissionId}, which is not in submissions.json`);
  }
  const overrides = listItems(`${file(EXTRAS_FILE)} "overrides"`, extras.raw('overrides')).map((f, i): OverrideRow => {
    const o: OverrideRow = { id: String(i + 1), submissionId: f.intId('submission_id'), judgementId: f.intId('judgement_id'), oldVerdict: f.verdict('old_verdict'), newVerdict: f.verdict('new_verdict'), reason: f.string('reason'), by: f.string('by'), time: f.int('time') };
    if (judgementById.get(o.judgementId)?.submissionId !== o.submissionId) throw f.error(`judgement ${o.judgementId} of submission ${o.submissionId} is not in judgements.json`);
    return o;
  });

  const withSources = new Array<HistorySubmission>(submissions.length);
  await inPool(submissions, READ_CONCURRENCY, async (s, i) => {
    const path = file(`submissions/${s.id}/files.zip`);
    let zip: Buffer;
    try {
      zip = await readFile(path);
    } catch (e) {
      throw new FileError(path, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing: every submission needs its files.zip' : `cannot be read: ${(e as Error).message}`);
    }
    const source = await sourceFromZipFile(zip).catch((e: Error) => {
      throw new FileError(path, e.message);
    });
    withSources[i] = { ...s, fileName: source.fileName, source: source.source };
  });

  const entryPoints = new Map(withSources.map((s) => [s.id, entryPointOf(s.languageId, s.fileName, s.source.toString('utf8'))]));
  return {
    contest,
    importedSchedule: importedSchedule(def),
    marks,
    problems,
    teams,
    submissions: withSources,
    judgements,
    runs,
    overrides,
    clarifications,
    // Events written before 2026-01 are read as 2026-01 has them.
    events: events.map((e) => {
      const next = upgradeEvent(e, (id) => entryPoints.get(id) ?? null);
      return { ...e, type: next.type as EventType, id: next.id, data: next.data };
    }),
    settings: readSettings(extras.object('settings')),
  };
}

function readContest(f: Fields) {
  const penalty = f.relTime('penalty_time');
  if (penalty % 60_000 !== 0) throw f.error(`"penalty_time" must be whole minutes, got ${JSON.stringify(f.raw('penalty_time'))}`);
  const durationMs = f.relTime('duration');
  const freezeMs = f.relTime('scoreboard_freeze_duration');
  if (durationMs < 0 || freezeMs < 0 || freezeMs > durationMs) throw f.error('"duration" and "scoreboard_freeze_duration" do not fit (the freeze must lie within the contest)');
  return { id: f.string('id'), name: f.string('name'), formalName: f.string('formal_name'), startTime: f.timeOrNull('start_time'), durationMs, freezeMs, penaltyMinutes: penalty / 60_000 };
}

function readProblem(f: Fields): ProblemRow {
  const timeLimit = f.secondsAsMsOrNull('time_limit');
  return {
    id: f.string('id'),
    label: f.string('label'),
    name: f.string('name'),
    ordinal: f.int('ordinal'),
    color: f.stringOrNull('color') ?? '',
    rgb: f.stringOrNull('rgb') ?? '',
    packagePath: '',
    timeLimitMs: timeLimit,
    // Both are read from the package together; "not read yet" is null in the store, 0 in the API.
    testDataCount: timeLimit === null ? null : f.int('test_data_count'),
  };
}

function readTeamOf(f: Fields, hiddenInFolder: ReadonlySet<string>): TeamRow {
  const id = f.string('id');
  return {
    id,
    name: f.string('name'),
    displayName: f.stringOrNull('display_name') ?? f.string('name'),
    organizationId: f.stringOrNull('organization_id'),
    groupIds: f.has('group_ids') ? f.stringArray('group_ids') : [],
    hidden: f.boolOrNull('hidden') ?? hiddenInFolder.has(id),
  };
}

/**
 * The rows of a file, plus those the contest deleted on the way (the store keeps them for their
 * submissions): the last object the event feed gave for each id whose last event is a delete.
 */
function withDeleted<T extends { id: string }>(file: string, rows: T[], feed: { path: string; events: EventRow[] }, type: EventType, read: (f: Fields) => T): (T & { deleted: boolean })[] {
  const out = [...byId(file, rows).values()].map((r) => ({ ...r, deleted: false }));
  const listed = new Set(rows.map((r) => r.id));
  const last = new Map<string, { data: Record<string, unknown> | null; deleted: boolean }>();
  for (const e of feed.events) {
    if (e.type !== type || e.id === null) continue;
    last.set(e.id, e.data === null ? { data: last.get(e.id)?.data ?? null, deleted: true } : { data: e.data, deleted: false });
  }
  for (const [id, l] of last) {
    if (!l.deleted || listed.has(id) || l.data === null) continue;
    out.push({ ...read(new Fields(feed.path, `the last ${type} event of "${id}"`, l.data)), deleted: true });
  }
  return out;
}

function readJudgement(f: Fields, extras: Fields): JudgementRow {
  const id = f.intId('id');
  const verdict = f.verdictOrNull('judgement_type_id');
  const x = extras.has(id) ? extras.object(id) : null;
  return {
    id,
    submissionId: f.intId('submission_id'),
    judgehost: x?.string('judgehost') ?? 'imported',
    valid: f.boolOrNull('current') ?? true,
    startTime: f.time('start_time'),
    endTime: f.timeOrNull('end_time'),
    verdict,
    judgedVerdict: x ? x.verdictOrNull('judged_verdict') : verdict,
    overridden: x?.bool('overridden') ?? false,
    timeMs: f.secondsAsMsOrNull('max_run_time'),
    memoryKb: x?.intOrNull('max_memory_kb') ?? null,
    compileOk: x?.boolOrNull('compile_ok') ?? null,
    compileOutput: x?.stringOrNull('compile_output') ?? null,
    compileTimeMs: x?.intOrNull('compile_time_ms') ?? null,
    error: x?.stringOrNull('error') ?? null,
    failingOutput: x?.stringOrNull('failing_output') ?? null,
    invalidatedAt: x?.intOrNull('invalidated_at') ?? null,
    invalidatedWhy: invalidatedWhy(x),
  };
}

function invalidatedWhy(x: Fields | null): 'rejudge' | 'recovery' | null {
  const why = x?.stringOrNull('invalidated_why') ?? null;
  if (why !== null && why !== 'rejudge' && why !== 'recovery') throw x!.error(`"invalidated_why" must be "rejudge", "recovery" or null, got ${JSON.stringify(why)}`);
  return why;
}

function readRun(f: Fields, extras: Fields): RunRow {
  const id = f.intId('id');
  const ordinal = f.int('ordinal', 1);
  const x = extras.has(id) ? extras.object(id) : null;
  return {
    id,
    judgementId: f.intId('judgement_id'),
    ordinal,
    testName: x?.string('test_name') ?? `test ${ordinal}`,
    verdict: f.verdict('judgement_type_id'),
    timeMs: f.secondsAsMs('run_time'),
    memoryKb: x?.int('memory_kb') ?? 0,
    wallMs: x?.int('wall_ms') ?? 0,
    exitCode: x ? x.int('exit_code', Number.MIN_SAFE_INTEGER) : 0,
    signal: x?.int('signal') ?? 0,
    message: x?.string('message') ?? '',
    time: f.time('time'),
  };
}

function readClarification(f: Fields): ClarificationRow {
  return {
    id: f.intId('id'),
    fromTeamId: f.stringOrNull('from_team_id'),
    // 2026-01 names the recipients in to_team_ids (Verdict: at most one); packages written before, in to_team_id.
    toTeamId: f.has('to_team_ids') ? (f.stringArray('to_team_ids')[0] ?? null) : f.stringOrNull('to_team_id'),
    replyToId: f.intIdOrNull('reply_to_id'),
    problemId: f.stringOrNull('problem_id'),
    text: f.string('text'),
    time: f.time('time'),
    contestTimeMs: f.relTime('contest_time'),
  };
}

function readSettings(f: Fields): Record<string, string> {
  return Object.fromEntries(f.keys().map((key) => [key, f.string(key)]));
}

/**
 * event-feed.ndjson, one `{type, id, data, token}` per line, with verdict.json's event times. The
 * operation follows from the feed: a delete has no data, the first object of an id is a create.
 */
function readFeed(path: string, text: string, extras: Fields): EventRow[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const times = extras.raw('event_times');
  if (!Array.isArray(times) || times.length !== lines.length || !times.every((t) => Number.isSafeInteger(t))) {
    throw extras.error(`"event_times" must list one time (epoch ms) per line of event-feed.ndjson (${lines.length})`);
  }
  const seen = new Set<string>();
  let lastToken = 0;
  return lines.map((line, i) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      throw new FileError(path, `line ${i + 1}: not valid JSON: ${(e as Error).message}`);
    }
    const f = new Fields(path, `line ${i + 1}`, value);
    const type = f.string('type') as EventType;
    if (!EVENT_TYPES.has(type)) throw f.error(`unknown event type ${JSON.stringify(type)}`);
    const token = f.intId('token');
    if (Number(token) <= lastToken) throw f.error(`token ${token} does not follow ${lastToken}: the feed is out of order`);
    lastToken = Number(token);
    const id = f.stringOrNull('id');
    const data = f.raw('data');
    if (data !== null && (typeof data !== 'object' || Array.isArray(data))) throw f.error('"data" must be an object or null');
    const key = `${type}\u0000${id ?? ''}`;
    let op: EventOp;
    if (data === null) {
      op = 'delete';
      seen.delete(key);
    } else {
      op = seen.has(key) ? 'update' : 'create';
      seen.add(key);
    }
    return { token, type, id, op, data: data as Record<string, unknown> | null, time: times[i] as number };
  });
}
