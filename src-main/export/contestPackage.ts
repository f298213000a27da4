// The results and the CLICS contest package, built from the store.
//
// Package layout (https://ccs-specs.icpc.io contest package: `<endpoint>.json` per Contest API endpoint,
// referenced files under `<endpoint>/<id>/<filename>`):
//   api.json contest.json state.json problems.json languages.json judgement-types.json groups.json
//   organizations.json teams.json submissions.json submissions/<id>/files.zip judgements.json runs.json clarifications.json
//   awards.json scoreboard.json event-feed.ndjson
//   results.tsv scoreboard.csv standings.html verdict.json (packageExtras.ts) manifest.sha256
// It is the judges' view: hidden teams and their submissions are in it (the contest folder says which
// teams are hidden); the scoreboard, awards and results leave hidden teams out. No accounts or passwords.
// Every CLICS file is written through the schemas the API serves with (clics/serialize.ts), and
// event-feed.ndjson holds the events as the store wrote them (through the same schemas).
import { disabledLanguages } from '../store/languageSettings.ts';
import { loadLanguageDefinitions } from '../common/languages.ts';
import { apiInformation } from '../clics/apiInfo.ts';
import type { ClicsLanguage } from '../clics/schemas.ts';
import { apiInfoJson, clicsJson, clicsListJson, scoreboardText } from '../clics/serialize.ts';
import {
  clarificationObject,
  contestObject,
  groupObjects,
  JUDGEMENT_TYPES,
  judgementObject,
  organizationObjects,
  problemObject,
  runObject,
  submissionObject,
  teamObject,
  type ClicsState,
} from '../store/clics.ts';
import type { Store } from '../store/store.ts';
import { inPool, writeFolderAtomically } from '../common/atomicFolder.ts';
import { computeAwards, type Awards, type MedalCounts } from './awards.ts';
import { storedMedalCounts } from '../store/medalSettings.ts';
import type { GroupDef } from '../contest/folderLists.ts';
import { contestGroups } from './groups.ts';
import { resultRows, resultsTsv, type ResultRow } from './resultsTsv.ts';
import { contestOrganizations, type ClicsOrganization } from './organizations.ts';
import { EXTRAS_FILE, packageExtras } from './packageExtras.ts';
import { scoreboardCsv, scoreboardJson, type ClicsScoreboardFile } from './scoreboardFiles.ts';
import { finalStandings, standingsWarnings, type Standings } from './standings.ts';
import { standingsHtml } from './standingsHtml.ts';
import { storedZip } from './zip.ts';

export { JUDGEMENT_TYPES } from '../store/clics.ts';

/** Submission files written at once. */
const WRITE_CONCURRENCY = 16;
/** Events read per query while writing the feed. */
const FEED_PAGE = 1000;

export interface ResultsOptions {
  /** Medal counts that win over those the judges set in the console (store/medalSettings.ts), which win over the defaults. */
  medals?: Partial<MedalCounts>;
  /** results.tsv: DOMjudge's "Highest Honors"/"High Honors"/"Honors" instead of "Ranked". */
  honors?: boolean;
  /** Groups as the contest folder defines them (names, hidden); see groups.ts. */
  groups?: readonly GroupDef[];
  /** Organizations as the contest folder defines them (organizations.ts). */
  organizations?: readonly ClicsOrganization[];
  /** The moment the state is computed for (default now). */
  now?: number;
}

export interface Results {
  standings: Standings;
  awards: Awards;
  state: ClicsState;
  scoreboard: ClicsScoreboardFile;
  results: ResultRow[];
  /** Those of the contest folder and those the teams name (organizations.json). */
  organizations: ClicsOrganization[];
  /** Why these are not final results; empty when they are. */
  warnings: string[];
  /** The derived files by name. */
  files: { 'scoreboard.json': string; 'scoreboard.csv': string; 'results.tsv': string; 'awards.json': string; 'standings.html': string };
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** JSON text written through a schema (what went out is what the schema allows), indented for people to read. */
function line(text: string): string {
  return json(JSON.parse(text));
}

/** Standings, awards and every results file, from the store (nothing is written). */
export function buildResults(store: Store, options: ResultsOptions = {}): Results {
  const now = options.now ?? Date.now();
  const standings = finalStandings(store);
  const groups = contestGroups(standings.teams, options.groups ?? []);
  // The counts given (the CLI's --gold and the like), else those the judges set in the console.
  const stored = storedMedalCounts(store);
  const medals = { gold: options.medals?.gold ?? stored?.gold, silver: options.medals?.silver ?? stored?.silver, bronze: options.medals?.bronze ?? stored?.bronze };
  const awards = computeAwards(standings, { medals, groups });
  const state = store.contest.state(now);
  const scoreboard = scoreboardJson(standings, state);
  const results = resultRows(standings, awards, { honors: options.honors });
  const warnings = standingsWarnings(standings, now);
  const organizations = contestOrganizations(standings.teams, options.organizations);
  return {
    standings,
    awards,
    state,
    scoreboard,
    results,
    organizations,
    warnings,
    files: {
      'scoreboard.json': line(scoreboardText(scoreboard)),
      'scoreboard.csv': scoreboardCsv(standings),
      'results.tsv': resultsTsv(results),
      'awards.json': line(clicsListJson('awards', awards.list)),
      'standings.html': standingsHtml(standings, awards, { warnings, organizations: new Map(organizations.map((o) => [o.id, o.name])) }),
    },
  };
}

/**
 * The languages of the contest: those the server announced (the event feed's), or, for a data folder no
 * server announced them in, Verdict's definitions not switched off; plus any a submission used.
 */
function languageObjects(store: Store, usedIds: ReadonlySet<string>): ClicsLanguage[] {
  const announced = store.contest.announced('languages');
  const disabled = disabledLanguages(store);
  const out: ClicsLanguage[] =
    announced.length > 0
      ? announced
      : loadLanguageDefinitions()
          .filter((l) => !disabled.has(l.id) || usedIds.has(l.id))
          .map((l) => ({ id: l.id, name: l.name, entry_point_required: false, extensions: [...l.extensions] }));
  for (const id of [...usedIds].sort()) if (!out.some((l) => l.id === id)) out.push({ id, name: id, entry_point_required: false, extensions: [] });
  return out;
}

/** The event log as NDJSON, one `{type, id, data, token}` per line in token order (the data as stored), and each event's time. */
function eventFeed(store: Store): { feed: Buffer; times: number[] } {
  const chunks: Buffer[] = [];
  const times: number[] = [];
  let token: string | null = null;
  for (;;) {
    const page = store.events.jsonSince(token, FEED_PAGE);
    if (page.length === 0) break;
    chunks.push(Buffer.from(page.map((e) => `{"type":${JSON.stringify(e.type)},"id":${JSON.stringify(e.id)},"data":${e.data ?? 'null'},"token":${JSON.stringify(e.token)}}\n`).join(''), 'utf8'));
    for (const e of page) times.push(e.time);
    token = page[page.length - 1].token;
  }
  return { feed: Buffer.concat(chunks), times };
}

export interface ExportOptions extends ResultsOptions {
  /** Replace an existing, non-empty output folder. */
  force?: boolean;
  /** Called after each file is written (progress); a throw aborts the export and nothing is left behind. */
  onFile?: (relPath: string) => void;
}

export interface ExportResult {
  path: string;
  /** Relative paths of every file written, manifest.sha256 included. */
  files: string[];
  warnings: string[];
  counts: { teams: number; problems: number; submissions: number; judgements: number; runs: number; clarifications: number; events: number };
}

/**
 * Writes the contest package into `outDir` atomically (a temporary folder beside it, renamed into place;
 * removed on any failure). The store's data is read in one synchronous pass before any file is written,
 * so it is one consistent moment of the contest (sources are read later: they never change).
 */
export async function exportContestPackage(store: Store, outDir: string, options: ExportOptions = {}): Promise<ExportResult> {
  const results = buildResults(store, options);
  const contest = results.standings.contest;
  const startTime = contest.startTime;
  const submissions = store.submissions.list();
  const judgements = store.judgements.list();
  const runRows = judgements.flatMap((j) => store.judgements.runs(j.id));
  const runs = runRows.map((r) => runObject(r, startTime, contest.scoreboardType));
  const clarifications = store.clarifications.list();
  // Groups and organizations as the store announced them (the feed's); computed for a data folder that has none.
  const announcedGroups = store.contest.announced('groups');
  const groups = announcedGroups.length > 0 ? announcedGroups : groupObjects(results.standings.teams, options.groups);
  const announcedOrganizations = store.contest.announced('organizations');
  const organizations = announcedOrganizations.length > 0 ? announcedOrganizations : organizationObjects(results.standings.teams, options.organizations);
  const { feed, times } = eventFeed(store);
  const extras = packageExtras(store, contest.id, { judgements, runs: runRows, eventTimes: times });
  const top: [string, string | Buffer][] = [
    ['api.json', line(apiInfoJson(apiInformation()))],
    ['contest.json', line(clicsJson('contest', contestObject(contest)))],
    ['state.json', line(clicsJson('state', results.state))],
    ['problems.json', line(clicsListJson('problems', results.standings.problems.map((p) => problemObject(p, contest.scoreboardType))))],
    ['languages.json', line(clicsListJson('languages', languageObjects(store, new Set(submissions.map((s) => s.languageId)))))],
    ['judgement-types.json', line(clicsListJson('judgement-types', JUDGEMENT_TYPES))],
    ['groups.json', line(clicsListJson('groups', groups))],
    ['organizations.json', line(clicsListJson('organizations', organizations))],
    ['teams.json', line(clicsListJson('teams', results.standings.teams.map(teamObject)))],
    ['submissions.json', line(clicsListJson('submissions', submissions.map((s) => submissionObject(s, contest.id))))],
    ['judgements.json', line(clicsListJson('judgements', judgements.map((j) => judgementObject(j, startTime, contest.scoreboardType))))],
    ['runs.json', line(clicsListJson('runs', runs))],
    ['clarifications.json', line(clicsListJson('clarifications', clarifications.map(clarificationObject)))],
    ['awards.json', results.files['awards.json']],
    ['scoreboard.json', results.files['scoreboard.json']],
    ['event-feed.ndjson', feed],
    ['results.tsv', results.files['results.tsv']],
    ['scoreboard.csv', results.files['scoreboard.csv']],
    ['standings.html', results.files['standings.html']],
    [EXTRAS_FILE, json(extras)],
  ];

  const written = await writeFolderAtomically(
    outDir,
    async (w) => {
      for (const [name, data] of top) await w.write(name, data);
      await inPool(submissions, WRITE_CONCURRENCY, async (s) => {
        const files = store.submissions.files(s.id);
        if (!files) throw new Error(`submission ${s.id}: its source is missing from the store`);
        await w.write(`submissions/${s.id}/files.zip`, storedZip(files.map((f) => ({ name: f.fileName, data: f.source, mtime: s.submittedAt }))));
      });
    },
    { force: options.force, onFile: options.onFile },
  );
  return {
    path: written.path,
    files: written.files,
    warnings: results.warnings,
    counts: {
      teams: results.standings.teams.length,
      problems: results.standings.problems.length,
      submissions: submissions.length,
      judgements: judgements.length,
      runs: runs.length,
      clarifications: clarifications.length,
      events: times.length,
    },
  };
}
