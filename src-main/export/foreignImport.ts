// `verdict import` of a contest package another system wrote (DOMjudge's or a CDS's export: the Contest
// Package layout, no verdict.json, ids of their own). Unlike a package Verdict wrote, its event feed is not
// replayed: its ids and tokens are the other system's. The contest is rebuilt through the store as it would
// have happened here (teams and problems, each submission with its source, each judgement with its runs,
// rejudges where a submission was judged again, the clarifications, the final state), so Verdict writes its
// own event feed, whole and in order.
//
// Ids: teams, groups and organizations keep theirs where Verdict's id syntax (ID_RE) allows them, and are
// given one otherwise; submissions, judgements, runs and clarifications get Verdict's numbers, in the order
// they happened. Every mapping is in the report and in `imported-ids.json` beside the database. What Verdict
// cannot hold (a problem the contest folder lacks, a language it does not know) is left out, each kind with
// one line of the report saying how many and why. A clarification to several teams or to groups becomes one
// to each of their teams (Verdict sends a clarification to one team or to all). The event feed is read only
// for the judges' overrides (overridesOf), which no other file holds.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Static, TSchema } from 'typebox';
import { parse as parseYaml } from 'yaml';
import { FileError } from '../common/errors.ts';
import { languageForFile, loadLanguageDefinitions } from '../common/languages.ts';
import type { TestResult } from '../common/results.ts';
import { VERDICTS, type Verdict } from '../common/types.ts';
import { ID_RE } from '../contest/folderSchemas.ts';
import type { ContestDefinition, ContestProblem, ContestTeam } from '../contest/model.ts';
import { entryAndOthers, sourcesFromZipFile, type SourceFile } from '../contest/submissionFiles.ts';
import { languageForFiles } from '../common/submittedFiles.ts';
import type { ClicsLanguage } from '../clics/schemas.ts';
import { parseClicsTime, parseRelTime } from '../clics/time.ts';
import { Store } from '../store/store.ts';
import {
  ForeignClarification,
  ForeignContest,
  ForeignGroup,
  ForeignJudgement,
  ForeignJudgementType,
  ForeignLanguage,
  ForeignOrganization,
  ForeignProblem,
  ForeignRun,
  ForeignState,
  ForeignSubmission,
  ForeignTeam,
  idText,
} from './foreignSchemas.ts';
import { readList, readObject } from './packageFields.ts';

/** The file beside the database that says which id each imported object had in the package. */
export const IMPORTED_IDS_FILE = 'imported-ids.json';

/** What a foreign package gives the store, read and checked, with the report of what was mapped or left out. */
export interface ForeignPlan {
  /** The contest folder's definition, with the package's teams, groups and organizations it lacks. */
  def: ContestDefinition;
  schedule: { startTime: number | null; durationMs: number; freezeMs: number; penaltyMinutes: number } | null;
  marks: { thawed: number | null; finalized: number | null };
  /** Verdict's languages, announced before the submissions that name them (a server announces its own when it starts). */
  languages: ClicsLanguage[];
  submissions: PlannedSubmission[];
  clarifications: PlannedClarification[];
  /** Package id -> Verdict id, for the kinds whose ids were kept or given here. */
  ids: { teams: Record<string, string>; groups: Record<string, string>; organizations: Record<string, string>; problems: Record<string, string> };
  report: string[];
}

interface PlannedSubmission {
  foreignId: string;
  teamId: string;
  problemId: string;
  languageId: string;
  time: number;
  /** The file it is judged from (its only file, or the entry file of several). */
  source: SourceFile;
  otherFiles: SourceFile[];
  /** In the order they were made: all but the last were replaced by a rejudge. */
  judgements: PlannedJudgement[];
}

interface PlannedJudgement {
  foreignId: string;
  start: number;
  end: number;
  /** The verdict it ended with (judgements.json's type): the judges' override where `judged` is set. */
  verdict: Verdict;
  /** The verdict judging gave, when the judges overrode it (the package's event feed says so). */
  judged: Verdict | null;
  maxRunMs: number | null;
  runs: { foreignId: string; ordinal: number; verdict: Verdict; time: number; runMs: number }[];
}

interface PlannedClarification {
  foreignId: string;
  fromTeamId: string | null;
  /** Its teams, each sent a copy; none: to everyone (or a team's question). */
  toTeamIds: string[];
  replyToForeignId: string | null;
  problemId: string | null;
  text: string;
  time: number;
}

/**
 * Whether `dir` is a package another system wrote: no verdict.json (Verdict's own have one), and what an
 * export of the Contest API holds (api.json, the event feed or the submissions), which a contest folder does not.
 */
export function isForeignPackage(dir: string, verdictFile: string): boolean {
  return !existsSync(join(dir, verdictFile)) && ['api.json', 'event-feed.ndjson', 'submissions.json'].some((name) => existsSync(join(dir, name)));
}

/**
 * The Contest API's judgement types as Verdict's verdicts: the common ones by their ids (as DOMjudge and the
 * spec's examples name them); any other by what judgement-types.json says of it (solved: AC; with penalty: WA).
 */
const KNOWN_TYPES: Readonly<Record<string, Verdict>> = {
  AC: 'AC', WA: 'WA', PE: 'WA', NO: 'WA', TLE: 'TLE', TL: 'TLE', MLE: 'MLE', ML: 'MLE', RTE: 'RTE', RE: 'RTE',
  OLE: 'OLE', OL: 'OLE', CE: 'CE', CTL: 'CE', JE: 'JE', IE: 'JE',
};

/** Reads the package in `dir` against the contest folder `def`: everything checked before the store is touched. */
export async function readForeignPackage(dir: string, def: ContestDefinition): Promise<ForeignPlan> {
  const report: string[] = [];
  const path = (name: string) => join(dir, name);
  const contest = await readContestFile(dir);
  if (idText(contest.id) !== def.id) report.push(`contest: the package's "${idText(contest.id)}" is imported as the contest folder's "${def.id}"`);
  const stateJson = await optionalJson(dir, 'state.json');
  const state = stateJson === undefined ? {} : readObject(ForeignState, path('state.json'), 'the state', stateJson);
  const list = async <S extends TSchema>(schema: S, name: string): Promise<Static<S>[]> => {
    const value = await optionalJson(dir, name);
    return value === undefined ? [] : readList(schema, path(name), value);
  };

  // Teams, groups, organizations: the package's ids where Verdict's syntax allows them.
  const groupIds = new IdMapping('groups', 'group-');
  const organizationIds = new IdMapping('organizations', 'organization-');
  const teamIds = new IdMapping('teams', 'team-');
  const groups = (await list(ForeignGroup, 'groups.json')).map((g) => ({ id: groupIds.keep(idText(g.id)), name: g.name ?? idText(g.id), hidden: g.hidden ?? false }));
  const organizations = (await list(ForeignOrganization, 'organizations.json')).map((o) => {
    const name = o.name ?? idText(o.id);
    return { id: organizationIds.keep(idText(o.id)), name, formal_name: o.formal_name ?? name, ...(o.country && /^[A-Z]{3}$/.test(o.country) ? { country: o.country } : {}) };
  });
  const hiddenGroups = new Set(groups.filter((g) => g.hidden).map((g) => g.id));
  const folderTeams = new Map(def.teams.map((t) => [t.id, t]));
  const added: ContestTeam[] = [];
  for (const t of await list(ForeignTeam, 'teams.json')) {
    const id = teamIds.keep(idText(t.id));
    if (folderTeams.has(id)) continue;
    const teamGroups = (t.group_ids ?? []).map((g) => groupIds.keep(idText(g)));
    added.push({
      id,
      name: t.name,
      displayName: t.display_name ?? t.name,
      organizationId: t.organization_id === undefined || t.organization_id === null ? null : organizationIds.keep(idText(t.organization_id)),
      groupIds: teamGroups,
      // Hidden as the team says, or as its groups are (DOMjudge hides its observers' and jury's groups).
      hidden: t.hidden ?? (teamGroups.length > 0 && teamGroups.every((g) => hiddenGroups.has(g))),
    });
  }
  if (added.length > 0) report.push(`teams: ${added.length} not in the contest folder added from the package (${sample(added.map((t) => t.id))}); they have no account to log in with`);
  for (const mapping of [teamIds, groupIds, organizationIds]) mapping.describe(report);
  const merged: ContestDefinition = {
    ...def,
    teams: [...def.teams, ...added],
    groups: [...(def.groups ?? []), ...groups.filter((g) => !(def.groups ?? []).some((d) => d.id === g.id))],
    organizations: [...(def.organizations ?? []), ...organizations.filter((o) => !(def.organizations ?? []).some((d) => d.id === o.id))],
  };
  const knownTeams = new Set(merged.teams.map((t) => t.id));

  // Problems: the contest folder's (the packages are there), matched by id, else by label.
  const problemIds: Record<string, string> = {};
  const missingProblems: string[] = [];
  for (const p of await list(ForeignProblem, 'problems.json')) {
    const id = idText(p.id);
    const match: ContestProblem | undefined = def.problems.find((q) => q.id === id) ?? def.problems.find((q) => p.label !== undefined && q.label === p.label);
    if (match) problemIds[id] = match.id;
    else missingProblems.push(p.label === undefined ? id : `${id} (${p.label})`);
    if (match && match.id !== id) report.push(`problem "${id}" is the contest folder's "${match.id}" (label ${match.label})`);
  }

  // Languages: Verdict's by id, else by the extensions the package gives the language, else by the
  // sources' names (of several, the language most of them are in).
  const definitions = loadLanguageDefinitions();
  const languageExtensions = new Map((await list(ForeignLanguage, 'languages.json')).map((l) => [idText(l.id), l.extensions ?? []]));
  const languageOf = (foreignId: string, fileNames: readonly string[]): string | null => {
    if (definitions.some((l) => l.id === foreignId)) return foreignId;
    for (const ext of languageExtensions.get(foreignId) ?? []) {
      const found = languageForFile(definitions, `x.${ext}`, def.extensionLanguages);
      if (found) return found.id;
    }
    return languageForFiles(definitions, fileNames, def.extensionLanguages)?.id ?? null;
  };

  const typeInfo = new Map((await list(ForeignJudgementType, 'judgement-types.json')).map((t) => [idText(t.id), t]));
  const readAs = new Map<string, Verdict>();
  const verdictOf = (typeId: string): Verdict => {
    const known = KNOWN_TYPES[typeId] ?? ((VERDICTS as readonly string[]).includes(typeId) ? (typeId as Verdict) : undefined);
    if (known) return known;
    const info = typeInfo.get(typeId);
    const verdict: Verdict = info?.solved ? 'AC' : info?.penalty === false ? 'CE' : 'WA';
    readAs.set(typeId, verdict);
    return verdict;
  };

  // Runs by judgement, judgements by submission, in the order they happened.
  const runsOf = new Map<string, Static<typeof ForeignRun>[]>();
  for (const r of await list(ForeignRun, 'runs.json')) runsOf.set(idText(r.judgement_id), [...(runsOf.get(idText(r.judgement_id)) ?? []), r]);
  const judgementsOf = new Map<string, Static<typeof ForeignJudgement>[]>();
  const judgedTypes = await judgedTypesOf(path('event-feed.ndjson'));
  let overridden = 0;
  let unfinished = 0;
  for (const j of await list(ForeignJudgement, 'judgements.json')) {
    const sid = idText(j.submission_id);
    judgementsOf.set(sid, [...(judgementsOf.get(sid) ?? []), j]);
  }

  const left = { problem: 0, team: 0, language: 0, source: [] as string[] };
  const submissions: PlannedSubmission[] = [];
  const submissionFile = path('submissions.json');
  for (const [i, s] of (await list(ForeignSubmission, 'submissions.json')).entries()) {
    const foreignId = idText(s.id);
    const where = `item ${i + 1} (id ${JSON.stringify(foreignId)})`;
    const problemId = problemIds[idText(s.problem_id)];
    const teamId = teamIds.get(idText(s.team_id));
    if (problemId === undefined) {
      left.problem++;
      continue;
    }
    if (teamId === undefined || !knownTeams.has(teamId)) {
      left.team++;
      continue;
    }
    const time = timeOf(submissionFile, where, 'time', s.time);
    const zipName = s.files?.[0]?.filename ?? 'files.zip';
    let files: SourceFile[];
    try {
      files = await sourcesFromZipFile(await readFile(path(join('submissions', foreignId, zipName))));
    } catch (error) {
      left.source.push(`${foreignId} (${(error as NodeJS.ErrnoException).code === 'ENOENT' ? `no submissions/${foreignId}/${zipName}` : (error as Error).message})`);
      continue;
    }
    // Several files: a program in the language most of them are in, judged from its entry file.
    const languageId = languageOf(idText(s.language_id), files.map((f) => f.fileName));
    if (languageId === null) {
      left.language++;
      continue;
    }
    let source: SourceFile;
    let otherFiles: SourceFile[];
    try {
      ({ entry: source, others: otherFiles } = entryAndOthers(files, definitions.find((l) => l.id === languageId)!));
    } catch (error) {
      left.source.push(`${foreignId} (${(error as Error).message})`);
      continue;
    }
    const judgementFile = path('judgements.json');
    const judgements = (judgementsOf.get(foreignId) ?? [])
      .map((j) => ({ j, start: timeOf(judgementFile, `judgement ${JSON.stringify(idText(j.id))}`, 'start_time', j.start_time) }))
      .sort((a, b) => a.start - b.start)
      .flatMap(({ j, start }) => {
        const typeId = j.judgement_type_id === undefined || j.judgement_type_id === null ? null : idText(j.judgement_type_id);
        if (j.end_time === undefined || typeId === null) {
          unfinished++;
          return [];
        }
        const runs = (runsOf.get(idText(j.id)) ?? [])
          .sort((a, b) => a.ordinal - b.ordinal)
          .map((r) => ({ foreignId: idText(r.id), ordinal: r.ordinal, verdict: verdictOf(idText(r.judgement_type_id)), time: timeOf(path('runs.json'), `run ${JSON.stringify(idText(r.id))}`, 'time', r.time), runMs: Math.round((r.run_time ?? 0) * 1000) }));
        const end = timeOf(judgementFile, `judgement ${JSON.stringify(idText(j.id))}`, 'end_time', j.end_time);
        const verdict = verdictOf(typeId);
        const judgedType = judgedTypes.get(idText(j.id));
        const judged = judgedType === undefined || verdictOf(judgedType) === verdict ? null : verdictOf(judgedType);
        if (judged !== null) overridden++;
        return [{ foreignId: idText(j.id), start, end, verdict, judged, maxRunMs: j.max_run_time === undefined ? null : Math.round(j.max_run_time * 1000), runs }];
      });
    submissions.push({ foreignId, teamId, problemId, languageId, time, source, otherFiles, judgements });
  }
  submissions.sort((a, b) => a.time - b.time);
  if (missingProblems.length > 0) report.push(`problems not in the contest folder (no package to judge with): ${sample(missingProblems)}; their ${left.problem} submissions are left out`);
  else if (left.problem > 0) report.push(`${left.problem} submissions to problems not in problems.json are left out`);
  if (left.team > 0) report.push(`${left.team} submissions of teams not in teams.json or the contest folder are left out`);
  if (left.language > 0) report.push(`${left.language} submissions in languages Verdict does not know are left out`);
  if (left.source.length > 0) report.push(`${left.source.length} submissions without a source Verdict can read are left out: ${sample(left.source)}`);
  for (const [typeId, verdict] of readAs) report.push(`judgement type ${typeId} is read as ${verdict}`);
  if (unfinished > 0) report.push(`${unfinished} judgements that had not finished are left out: their submissions are judged when the contest is served, if no other judgement of theirs finished`);
  if (overridden > 0) report.push(`${overridden} verdicts the judges overrode (a finished judgement given another type in event-feed.ndjson) are imported as overrides, at the end of their judgement (the package does not say when)`);

  const clarifications: PlannedClarification[] = [];
  const leftClarifications = { team: 0, nobody: 0 };
  let copied = 0;
  const clarificationFile = path('clarifications.json');
  const teamsOfGroup = (foreignGroupId: string): string[] => {
    const group = groupIds.get(foreignGroupId);
    return group === undefined ? [] : merged.teams.filter((t) => t.groupIds.includes(group)).map((t) => t.id);
  };
  for (const [i, c] of (await list(ForeignClarification, 'clarifications.json')).entries()) {
    const where = `item ${i + 1} (id ${JSON.stringify(idText(c.id))})`;
    const toTeams = c.to_team_ids ?? (c.to_team_id === undefined || c.to_team_id === null ? [] : [c.to_team_id]);
    const toGroups = c.to_group_ids ?? [];
    const fromTeamId = c.from_team_id === undefined || c.from_team_id === null ? null : (teamIds.get(idText(c.from_team_id)) ?? '');
    // "The recipients of a clarification are the union of to_team_ids and to_group_ids."
    const toTeamIds = [...new Set([...toTeams.map((t) => teamIds.get(idText(t)) ?? ''), ...toGroups.flatMap((g) => teamsOfGroup(idText(g)))])];
    if ((fromTeamId !== null && !knownTeams.has(fromTeamId)) || toTeamIds.some((t) => !knownTeams.has(t))) {
      leftClarifications.team++;
      continue;
    }
    if (toTeamIds.length === 0 && toGroups.length > 0) {
      leftClarifications.nobody++;
      continue;
    }
    if (toTeamIds.length > 1) copied++;
    const problemId = c.problem_id === undefined || c.problem_id === null ? null : (problemIds[idText(c.problem_id)] ?? null);
    const replyTo = c.reply_to_id === undefined || c.reply_to_id === null ? null : idText(c.reply_to_id);
    clarifications.push({ foreignId: idText(c.id), fromTeamId, toTeamIds, replyToForeignId: replyTo, problemId, text: c.text, time: timeOf(clarificationFile, where, 'time', c.time) });
  }
  clarifications.sort((a, b) => a.time - b.time);
  if (copied > 0) report.push(`${copied} clarifications to several teams or to groups are imported as one to each of their teams (Verdict sends a clarification to one team or to all); imported-ids.json names the first`);
  if (leftClarifications.nobody > 0) report.push(`${leftClarifications.nobody} clarifications to groups without a team are left out`);
  if (leftClarifications.team > 0) report.push(`${leftClarifications.team} clarifications of teams Verdict does not have are left out`);

  for (const name of ['awards.json', 'scoreboard.json', 'persons.json', 'accounts.json', 'commentary.json']) {
    if (existsSync(path(name))) report.push(`${name} is not read: ${NOT_READ[name]}`);
  }

  const stateFile = path('state.json');
  const marks = {
    thawed: state.thawed === undefined ? null : timeOf(stateFile, 'the state', 'thawed', state.thawed),
    finalized: state.finalized === undefined ? null : timeOf(stateFile, 'the state', 'finalized', state.finalized),
  };
  // Results with a verdict still to come are not final here (ContestRepository.markState).
  const waiting = submissions.filter((s) => s.judgements.length === 0).length;
  if (marks.finalized !== null && waiting > 0) {
    marks.finalized = null;
    report.push(`the package's results are final, but ${waiting} submissions have no verdict here: they are judged when the contest is served, and the judges finalize the results then`);
  }
  return {
    def: merged,
    schedule: scheduleOf(path(existsSync(path('contest.json')) ? 'contest.json' : 'contest.yaml'), contest),
    marks,
    languages: definitions.map((l) => ({ id: l.id, name: l.name, entry_point_required: false, extensions: [...l.extensions] })),
    submissions,
    clarifications,
    ids: { teams: teamIds.table(), groups: groupIds.table(), organizations: organizationIds.table(), problems: problemIds },
    report,
  };
}

const NOT_READ: Readonly<Record<string, string>> = {
  'awards.json': 'Verdict works the awards out from the standings',
  'scoreboard.json': 'Verdict works the scoreboard out from the judgements',
  'persons.json': 'Verdict has no persons',
  'accounts.json': 'the accounts are the contest folder\'s',
  'commentary.json': 'Verdict has no commentary',
};

/** Writes what `plan` holds into the new store at `dbFile`, as it happened; returns Verdict's ids of the numbered kinds. */
export function replayForeignPlan(plan: ForeignPlan, dbFile: string, now: number): { counts: Record<'submissions' | 'judgements' | 'runs' | 'clarifications', number>; ids: Record<string, Record<string, string>> } {
  const store = Store.open(dbFile);
  const ids = { submissions: {} as Record<string, string>, judgements: {} as Record<string, string>, runs: {} as Record<string, string>, clarifications: {} as Record<string, string> };
  /** Clarifications stored: a copy to each team of one sent to several counts once each. */
  let clarifications = 0;
  try {
    store.contest.import(plan.def, { hashPasswords: false, now });
    if (plan.schedule) store.contest.setTimes(plan.schedule, now);
    store.contest.syncLanguages(plan.languages, now);
    store.db.transaction(() => {
      for (const s of plan.submissions) {
        const { submission } = store.submissions.add({ teamId: s.teamId, problemId: s.problemId, languageId: s.languageId, fileName: s.source.fileName, source: s.source.source, otherFiles: s.otherFiles, submittedAt: s.time });
        ids.submissions[s.foreignId] = submission.id;
        s.judgements.forEach((j, k) => {
          if (k > 0) store.judgements.rejudge(submission.id, j.start);
          const judgementId = store.judgements.start(submission.id, 'imported', j.start);
          ids.judgements[j.foreignId] = judgementId;
          const tests: TestResult[] = j.runs.map((r) => ({ name: `test ${r.ordinal}`, verdict: r.verdict, timeMs: r.runMs, wallMs: r.runMs, memoryKb: 0, exitCode: 0, signal: 0, message: '' }));
          store.judgements.addRuns(judgementId, j.runs.map((r, n) => ({ ordinal: r.ordinal, test: tests[n], time: r.time })));
          for (const [n, run] of store.judgements.runs(judgementId).entries()) ids.runs[j.runs[n].foreignId] = run.id;
          const timeMs = j.maxRunMs ?? Math.max(0, ...j.runs.map((r) => r.runMs));
          const judged = j.judged ?? j.verdict;
          store.judgements.finish(judgementId, { verdict: judged, tests, compile: { ok: judged !== 'CE', output: '', timeMs: 0 }, timeMs, memoryKb: 0 }, j.end);
          // While it is the current judgement: a rejudge after it judges again from the judged verdict.
          if (j.judged !== null) store.judgements.override(submission.id, j.verdict, OVERRIDE_REASON, OVERRIDE_BY, j.end);
        });
      }
      // Each copy of a clarification by the team it concerns: a reply follows the copy its team saw.
      const copies = new Map<string, Map<string | null, string>>();
      for (const c of plan.clarifications) {
        for (const toTeamId of c.toTeamIds.length === 0 ? [null] : c.toTeamIds) {
          const team = c.fromTeamId ?? toTeamId;
          const replyCopies = c.replyToForeignId === null ? undefined : copies.get(c.replyToForeignId);
          const replyToId = replyCopies === undefined ? null : (replyCopies.get(team) ?? replyCopies.values().next().value ?? null);
          const row = store.clarifications.add({ fromTeamId: c.fromTeamId, toTeamId, problemId: c.problemId, text: c.text, replyToId, time: c.time });
          ids.clarifications[c.foreignId] ??= row.id;
          clarifications++;
          copies.set(c.foreignId, (copies.get(c.foreignId) ?? new Map<string | null, string>()).set(team, row.id));
        }
      }
    });
    if (plan.marks.thawed !== null || plan.marks.finalized !== null) store.contest.markState({ thawed: plan.marks.thawed, finalized: plan.marks.finalized }, now);
  } finally {
    store.close();
  }
  const count = (o: Record<string, string>) => Object.keys(o).length;
  return { counts: { submissions: count(ids.submissions), judgements: count(ids.judgements), runs: count(ids.runs), clarifications }, ids };
}

/** Who and why, in the audit trail of an override read from a package. */
const OVERRIDE_BY = 'import';
const OVERRIDE_REASON = "the judges' override, in the imported package's event feed";

/**
 * The judgement type each judgement first finished with, by the package's judgement id, from its event feed.
 * CLICS has no override object: the judges' override of a verdict shows only there, as a finished judgement
 * updated to another type (Verdict's own feed says so; DOMjudge changes a verdict only by rejudging, which is a
 * new judgement), while judgements.json holds the last type. Lines that are not events are passed over (the
 * rest of the package is read without the feed); no feed: no overrides.
 */
async function judgedTypesOf(feedFile: string): Promise<Map<string, string>> {
  const first = new Map<string, string>();
  let text: string;
  try {
    text = await readFile(feedFile, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return first;
    throw new FileError(feedFile, `cannot be read: ${(e as Error).message}`);
  }
  for (const line of text.split('\n')) {
    // Only judgement lines matter: the others are not parsed.
    if (!line.includes('"judgements"')) continue;
    let event: unknown;
    try {
      event = JSON.parse(line);
    } catch {
      continue;
    }
    const { type, data } = event as { type?: unknown; data?: { id?: unknown; judgement_type_id?: unknown; end_time?: unknown } | null };
    if (type !== 'judgements' || !data || typeof data.judgement_type_id !== 'string' || typeof data.end_time !== 'string') continue;
    const id = typeof data.id === 'number' ? String(data.id) : data.id;
    if (typeof id === 'string' && !first.has(id)) first.set(id, data.judgement_type_id);
  }
  return first;
}

/** Package ids of one kind, kept where Verdict's id syntax allows them, given `<prefix><n>` otherwise. */
class IdMapping {
  private readonly kind: string;
  private readonly prefix: string;
  private readonly ids = new Map<string, string>();
  private given = 0;

  constructor(kind: string, prefix: string) {
    this.kind = kind;
    this.prefix = prefix;
  }

  keep(foreignId: string): string {
    let id = this.ids.get(foreignId);
    if (id === undefined) {
      const taken = new Set(this.ids.values());
      if (ID_RE.test(foreignId) && !taken.has(foreignId)) id = foreignId;
      else do id = `${this.prefix}${++this.given}`; while (taken.has(id) || this.ids.has(id));
      this.ids.set(foreignId, id);
    }
    return id;
  }

  get(foreignId: string): string | undefined {
    return this.ids.get(foreignId) ?? (ID_RE.test(foreignId) ? foreignId : undefined);
  }

  table(): Record<string, string> {
    return Object.fromEntries(this.ids);
  }

  describe(report: string[]): void {
    const changed = [...this.ids].filter(([from, to]) => from !== to);
    if (changed.length > 0) report.push(`${this.kind}: ${changed.length} ids are not valid Verdict ids and were given new ones: ${sample(changed.map(([from, to]) => `${JSON.stringify(from)} → ${to}`))}`);
  }
}

/** The first few of a list, for one line of the report. */
function sample(items: readonly string[], shown = 5): string {
  return items.length <= shown ? items.join(', ') : `${items.slice(0, shown).join(', ')} and ${items.length - shown} more`;
}

function timeOf(file: string, where: string, field: string, text: string): number {
  const ms = parseClicsTime(text);
  if (ms === null) throw new FileError(file, `${where}: ${field}: expected a CLICS TIME such as "2030-01-01T10:00:00.000+01", got ${JSON.stringify(text)}`);
  return ms;
}

function scheduleOf(file: string, c: Static<typeof ForeignContest>): ForeignPlan['schedule'] {
  const durationMs = parseRelTime(c.duration);
  const freezeMs = c.scoreboard_freeze_duration === undefined ? 0 : parseRelTime(c.scoreboard_freeze_duration);
  const penalty = c.penalty_time === undefined ? 20 : typeof c.penalty_time === 'number' ? c.penalty_time : parseRelTime(c.penalty_time) / 60_000;
  if (!Number.isInteger(penalty)) throw new FileError(file, `penalty_time: expected whole minutes, got ${JSON.stringify(c.penalty_time)}`);
  if (freezeMs > durationMs) throw new FileError(file, 'scoreboard_freeze_duration: longer than the contest');
  return { startTime: c.start_time === undefined ? null : timeOf(file, 'the contest', 'start_time', c.start_time), durationMs, freezeMs, penaltyMinutes: penalty };
}

/** contest.json, or contest.yaml (the spec allows either). */
async function readContestFile(dir: string): Promise<Static<typeof ForeignContest>> {
  const json = await optionalJson(dir, 'contest.json');
  if (json !== undefined) return readObject(ForeignContest, join(dir, 'contest.json'), 'the contest', json);
  const yamlPath = join(dir, 'contest.yaml');
  if (!existsSync(yamlPath)) throw new FileError(dir, 'not a contest package: no verdict.json (one Verdict wrote) and no contest.json or contest.yaml (one another system wrote)');
  let value: unknown;
  try {
    // YAML reads times and durations as text only when quoted; unquoted ones are read as they are written.
    value = parseYaml(await readFile(yamlPath, 'utf8'), { schema: 'failsafe' });
  } catch (e) {
    throw new FileError(yamlPath, `not valid YAML: ${(e as Error).message}`);
  }
  const c = value as Record<string, unknown>;
  if (typeof c.penalty_time === 'string' && /^\d+$/.test(c.penalty_time)) c.penalty_time = Number(c.penalty_time);
  return readObject(ForeignContest, yamlPath, 'the contest', c);
}

/** A JSON file of the package, or undefined when it has none. */
async function optionalJson(dir: string, name: string): Promise<unknown> {
  const path = join(dir, name);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new FileError(path, `cannot be read: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new FileError(path, `not valid JSON: ${(e as Error).message}`);
  }
}
