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
import { entryAndOthers, sourcesFromZipFile } from '../contest/submissionFiles.ts';
import { loadLanguageDefinitions } from '../common/languages.ts';
import type { StateMarks } from '../store/clics.ts';
import type { ContestHistory, HistorySubmission } from '../store/history.ts';
import { importedSchedule, Store, STORE_FILE_NAME, storeFileIn, type ClarificationRow, type ContestRow, type EventOp, type EventRow, type EventType, type JudgementRow, type OverrideRow, type ProblemRow, type RunRow, type SubmissionStatus, type TeamRow } from '../store/store.ts';
import { inPool, isInside, PRIVATE_MODES, replacedFolderPath, writeFolderAtomically } from '../common/atomicFolder.ts';
import { describeCheck, MANIFEST, verifyManifest } from '../common/manifest.ts';
import { EXTRAS_FILE, EXTRAS_FORMAT, EXTRAS_VERSION } from './packageExtras.ts';
import { IMPORTED_IDS_FILE, isForeignPackage, readForeignPackage, replayForeignPlan } from './foreignImport.ts';
import {
  FeedLine,
  itemName,
  JudgementExtras,
  PackageClarification,
  PackageContest,
  PackageExtras,
  PackageJudgement,
  PackageOverride,
  PackageProblem,
  PackageRun,
  PackageState,
  PackageSubmission,
  PackageTeam,
  readList,
  readObject,
  RunExtras,
} from './packageFields.ts';
import type { Static, TSchema } from 'typebox';
import { parseRelTime } from '../clics/time.ts';
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

/** Epoch ms of a CLICS TIME the schema checked. */
const ms = (time: string): number => Date.parse(time);
const msOrNull = (time: string | undefined): number | null => (time === undefined ? null : Date.parse(time));
/** Whole milliseconds of a CLICS number of seconds. */
const secondsMs = (seconds: number): number => Math.round(seconds * 1000);

/** Reads the whole package into a history for Store.loadHistory, checking every field and reference. */
async function readHistory(dir: string, def: ContestDefinition): Promise<ContestHistory> {
  const file = (name: string) => join(dir, name);
  const extrasFile = file(EXTRAS_FILE);
  const extrasJson = await readJson(dir, EXTRAS_FILE);
  const format = typeof extrasJson === 'object' && extrasJson !== null ? (extrasJson as { format?: unknown }).format : undefined;
  if (format !== EXTRAS_FORMAT) throw new FileError(extrasFile, `not a Verdict contest package (format ${JSON.stringify(format)})`);
  const extras = readObject(PackageExtras, extrasFile, 'the file', extrasJson);
  if (extras.version > EXTRAS_VERSION) throw new FileError(extrasFile, `package format version ${extras.version} is newer than this Verdict reads (${EXTRAS_VERSION})`);

  const contestFile = file('contest.json');
  const contest = readContest(contestFile, readObject(PackageContest, contestFile, 'the contest', await readJson(dir, 'contest.json')), def);
  if (contest.id !== def.id) {
    throw new FileError(contestFile, `the contest: the package holds contest "${contest.id}", but the contest folder ${def.dir} is contest "${def.id}": give the contest folder it was exported from`);
  }
  const state = readObject(PackageState, file('state.json'), 'the state', await readJson(dir, 'state.json'));
  const marks: StateMarks = { thawed: msOrNull(state.thawed), finalized: msOrNull(state.finalized), endOfUpdates: msOrNull(state.end_of_updates) };

  const feedPath = file('event-feed.ndjson');
  const events = readFeed(feedPath, await readText(dir, 'event-feed.ndjson'), extrasFile, extras.event_times);
  const feed = { path: feedPath, events };
  const problems = withDeleted(file('problems.json'), readList(PackageProblem, file('problems.json'), await readJson(dir, 'problems.json')).map(problemRow), feed, 'problems', PackageProblem, problemRow);
  for (const p of problems) {
    const folder = def.problems.find((q) => q.id === p.id);
    if (folder) p.packagePath = folder.packagePath;
    else if (!p.deleted) throw new FileError(file('problems.json'), `problem "${p.id}" is not in the contest folder ${def.dir}: give the contest folder it was exported from`);
  }
  // Team objects do not say whether a team is hidden since 2026-01: the contest folder does.
  const hiddenInFolder = new Set(def.teams.filter((t) => t.hidden).map((t) => t.id));
  const teamRowOf = (t: Static<typeof PackageTeam>) => teamRow(t, hiddenInFolder);
  const teams = withDeleted(file('teams.json'), readList(PackageTeam, file('teams.json'), await readJson(dir, 'teams.json')).map(teamRowOf), feed, 'teams', PackageTeam, teamRowOf);
  for (const t of teams) {
    if (!t.deleted && !def.teams.some((u) => u.id === t.id)) throw new FileError(file('teams.json'), `team "${t.id}" is not in the contest folder's teams (${def.dir}): give the contest folder it was exported from`);
  }
  const teamIds = new Set(teams.map((t) => t.id));
  const problemIds = new Set(problems.map((p) => p.id));

  const detailsOf = <S extends TSchema>(schema: S, kind: 'judgements' | 'runs', id: string): Static<S> | null =>
    extras[kind][id] === undefined ? null : readObject(schema, extrasFile, `"${kind}" "${id}"`, extras[kind][id]);
  const judgements = numericOrder(readList(PackageJudgement, file('judgements.json'), await readJson(dir, 'judgements.json')).map((j) => judgementRow(j, detailsOf(JudgementExtras, 'judgements', j.id))));
  const runs = numericOrder(readList(PackageRun, file('runs.json'), await readJson(dir, 'runs.json')).map((r) => runRow(r, detailsOf(RunExtras, 'runs', r.id))));
  const clarifications = numericOrder(readList(PackageClarification, file('clarifications.json'), await readJson(dir, 'clarifications.json')).map(clarificationRow));
  const submissionsJson = await readJson(dir, 'submissions.json');
  const submissionItems = readList(PackageSubmission, file('submissions.json'), submissionsJson);

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

  const submissions = numericOrder(submissionItems.map((s, i): Omit<HistorySubmission, 'source' | 'fileName'> => {
    const where = `${itemName((submissionsJson as unknown[])[i], i)}: `;
    if (!teamIds.has(s.team_id)) throw new FileError(file('submissions.json'), `${where}team "${s.team_id}" is not in teams.json or the event feed`);
    if (!problemIds.has(s.problem_id)) throw new FileError(file('submissions.json'), `${where}problem "${s.problem_id}" is not in problems.json or the event feed`);
    const j = current.get(s.id);
    const status: SubmissionStatus = j === undefined ? 'queued' : j.endTime === null ? 'judging' : 'judged';
    return { id: s.id, teamId: s.team_id, problemId: s.problem_id, languageId: s.language_id, submittedAt: ms(s.time), contestTimeMs: parseRelTime(s.contest_time), status };
  }));
  const submissionIds = byId(file('submissions.json'), submissions);
  for (const j of judgements) {
    if (!submissionIds.has(j.submissionId)) throw new FileError(file('judgements.json'), `judgement ${j.id} is of submission ${j.submissionId}, which is not in submissions.json`);
  }
  const overridesFile = `${extrasFile} "overrides"`;
  const overrides = readList(PackageOverride, overridesFile, extras.overrides).map((o, i): OverrideRow => {
    if (judgementById.get(o.judgement_id)?.submissionId !== o.submission_id) throw new FileError(overridesFile, `${itemName(o, i)}: judgement ${o.judgement_id} of submission ${o.submission_id} is not in judgements.json`);
    return { id: String(i + 1), submissionId: o.submission_id, judgementId: o.judgement_id, oldVerdict: o.old_verdict, newVerdict: o.new_verdict, reason: o.reason, by: o.by, time: o.time };
  });

  const withSources = new Array<HistorySubmission>(submissions.length);
  const languages = loadLanguageDefinitions();
  await inPool(submissions, READ_CONCURRENCY, async (s, i) => {
    const path = file(`submissions/${s.id}/files.zip`);
    let zip: Buffer;
    try {
      zip = await readFile(path);
    } catch (e) {
      throw new FileError(path, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing: every submission needs its files.zip' : `cannot be read: ${(e as Error).message}`);
    }
    const files = await sourcesFromZipFile(zip).catch((e: Error) => {
      throw new FileError(path, e.message);
    });
    // Several files: judged from the entry file of its language, as when it was submitted.
    const language = languages.find((l) => l.id === s.languageId);
    const { entry, others } = language ? entryAndOthers(files, language) : { entry: files[0], others: files.slice(1) };
    withSources[i] = { ...s, fileName: entry.fileName, source: entry.source, ...(others.length > 0 ? { otherFiles: others } : {}) };
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
    settings: extras.settings,
  };
}

/** The penalty a score contest's row keeps (its CLICS contest has none): contest.yaml's default. */
const DEFAULT_PENALTY_MS = 20 * 60_000;

function readContest(file: string, c: Static<typeof PackageContest>, def: ContestDefinition): ContestRow {
  const scoreboardType = c.scoreboard_type ?? 'pass-fail';
  if (c.penalty_time === undefined && scoreboardType === 'pass-fail') throw new FileError(file, 'the contest: missing penalty_time (a pass-fail contest has one)');
  // A score contest has no penalty time (CLICS): the store keeps the default.
  const penalty = c.penalty_time === undefined ? DEFAULT_PENALTY_MS : parseRelTime(c.penalty_time);
  if (penalty % 60_000 !== 0) throw new FileError(file, `the contest: penalty_time: expected whole minutes, got ${JSON.stringify(c.penalty_time)}`);
  const durationMs = parseRelTime(c.duration);
  const freezeMs = parseRelTime(c.scoreboard_freeze_duration);
  if (durationMs < 0 || freezeMs < 0 || freezeMs > durationMs) throw new FileError(file, 'the contest: duration and scoreboard_freeze_duration do not fit (the freeze must lie within the contest)');
  return {
    id: c.id, name: c.name, formalName: c.formal_name, startTime: msOrNull(c.start_time), durationMs, freezeMs, penaltyMinutes: penalty / 60_000,
    // The score mode is the contest folder's (contest.yaml), not in the CLICS contest.
    scoreboardType, scoreMode: def.scoring?.scoreMode ?? 'best-submission',
  };
}

function problemRow(p: Static<typeof PackageProblem>): ProblemRow {
  const timeLimit = p.time_limit === undefined ? null : secondsMs(p.time_limit);
  return {
    id: p.id,
    label: p.label,
    name: p.name,
    ordinal: p.ordinal,
    color: p.color ?? '',
    rgb: p.rgb ?? '',
    packagePath: '',
    timeLimitMs: timeLimit,
    // Both are read from the package together; "not read yet" is null in the store, 0 in the API.
    testDataCount: timeLimit === null ? null : (p.test_data_count ?? 0),
    // CLICS gives a score contest's max_score, not whether the problem is scoring: pass-fail until the package
    // is read again (the server reads it before judging and records what it found).
    scoring: timeLimit === null ? null : false,
    maxScore: null,
  };
}

function teamRow(t: Static<typeof PackageTeam>, hiddenInFolder: ReadonlySet<string>): TeamRow {
  return {
    id: t.id,
    name: t.name,
    displayName: t.display_name ?? t.name,
    organizationId: t.organization_id ?? null,
    groupIds: t.group_ids ?? [],
    hidden: t.hidden ?? hiddenInFolder.has(t.id),
  };
}

/**
 * The rows of a file, plus those the contest deleted on the way (the store keeps them for their
 * submissions): the last object the event feed gave for each id whose last event is a delete.
 */
function withDeleted<S extends TSchema, T extends { id: string }>(
  file: string,
  rows: T[],
  feed: { path: string; events: EventRow[] },
  type: EventType,
  schema: S,
  row: (o: Static<S>) => T,
): (T & { deleted: boolean })[] {
  const out = [...byId(file, rows).values()].map((r) => ({ ...r, deleted: false }));
  const listed = new Set(rows.map((r) => r.id));
  const last = new Map<string, { data: Record<string, unknown> | null; deleted: boolean }>();
  for (const e of feed.events) {
    if (e.type !== type || e.id === null) continue;
    last.set(e.id, e.data === null ? { data: last.get(e.id)?.data ?? null, deleted: true } : { data: e.data, deleted: false });
  }
  for (const [id, l] of last) {
    if (!l.deleted || listed.has(id) || l.data === null) continue;
    out.push({ ...row(readObject(schema, feed.path, `the last ${type} event of "${id}"`, l.data)), deleted: true });
  }
  return out;
}

function judgementRow(j: Static<typeof PackageJudgement>, x: Static<typeof JudgementExtras> | null): JudgementRow {
  const verdict = j.judgement_type_id ?? null;
  return {
    id: j.id,
    submissionId: j.submission_id,
    judgehost: x?.judgehost ?? 'imported',
    valid: j.current ?? true,
    startTime: ms(j.start_time),
    endTime: msOrNull(j.end_time),
    verdict,
    judgedVerdict: x ? (x.judged_verdict ?? null) : verdict,
    overridden: x?.overridden ?? false,
    timeMs: j.max_run_time === undefined ? null : secondsMs(j.max_run_time),
    memoryKb: x?.max_memory_kb ?? null,
    compileOk: x?.compile_ok ?? null,
    compileOutput: x?.compile_output ?? null,
    compileTimeMs: x?.compile_time_ms ?? null,
    error: x?.error ?? null,
    failingOutput: x?.failing_output ?? null,
    invalidatedAt: x?.invalidated_at ?? null,
    invalidatedWhy: x?.invalidated_why ?? null,
    // The score it counts for (CLICS); its test groups' results, verdict.json's (a best-per-subtask scoreboard sums them).
    score: j.score ?? null,
    groups: x?.groups?.map((g) => ({ name: g.name, verdict: g.verdict, score: g.score, maxScore: g.max_score })) ?? null,
  };
}

function runRow(r: Static<typeof PackageRun>, x: Static<typeof RunExtras> | null): RunRow {
  return {
    id: r.id,
    judgementId: r.judgement_id,
    ordinal: r.ordinal,
    testName: x?.test_name ?? `test ${r.ordinal}`,
    verdict: r.judgement_type_id,
    timeMs: secondsMs(r.run_time),
    memoryKb: x?.memory_kb ?? 0,
    wallMs: x?.wall_ms ?? 0,
    exitCode: x?.exit_code ?? 0,
    signal: x?.signal ?? 0,
    message: x?.message ?? '',
    time: ms(r.time),
    score: r.score ?? null,
  };
}

function clarificationRow(c: Static<typeof PackageClarification>): ClarificationRow {
  return {
    id: c.id,
    fromTeamId: c.from_team_id ?? null,
    // 2026-01 names the recipients in to_team_ids (Verdict: at most one); packages written before, in to_team_id.
    toTeamId: c.to_team_ids !== undefined ? (c.to_team_ids[0] ?? null) : (c.to_team_id ?? null),
    replyToId: c.reply_to_id ?? null,
    problemId: c.problem_id ?? null,
    text: c.text,
    time: ms(c.time),
    contestTimeMs: parseRelTime(c.contest_time),
  };
}

/**
 * event-feed.ndjson, one `{type, id, data, token}` per line, with verdict.json's event times. The
 * operation follows from the feed: a delete has no data, the first object of an id is a create.
 */
function readFeed(path: string, text: string, extrasFile: string, times: readonly number[]): EventRow[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (times.length !== lines.length) throw new FileError(extrasFile, `the file: event_times must list one time (epoch ms) per line of event-feed.ndjson (${lines.length}), got ${times.length}`);
  const seen = new Set<string>();
  let lastToken = 0;
  return lines.map((line, i) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      throw new FileError(path, `line ${i + 1}: not valid JSON: ${(e as Error).message}`);
    }
    const where = `line ${i + 1}`;
    const e = readObject(FeedLine, path, where, value);
    if (!EVENT_TYPES.has(e.type)) throw new FileError(path, `${where}: unknown event type ${JSON.stringify(e.type)}`);
    if (Number(e.token) <= lastToken) throw new FileError(path, `${where}: token ${e.token} does not follow ${lastToken}: the feed is out of order`);
    lastToken = Number(e.token);
    const type = e.type as EventType;
    const id = e.id ?? null;
    const data = e.data ?? null;
    const key = `${type}\u0000${id ?? ''}`;
    let op: EventOp;
    if (data === null) {
      op = 'delete';
      seen.delete(key);
    } else {
      op = seen.has(key) ? 'update' : 'create';
      seen.add(key);
    }
    return { token: e.token, type, id, op, data, time: times[i] };
  });
}
