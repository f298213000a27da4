// Reader for a contest folder laid out as a CLICS contest package.
//
// Layout:
//   contest.yaml | contest.json          required: id, name, formal_name, start_time, duration,
//                                        scoreboard_freeze_duration, penalty_time
//   problems.yaml | problems.json        required: list of {id, label, name?, color?, rgb?}
//   <problem id>/ | <problem id>.zip     one problem package per problem (checked to exist, not read)
//   teams.json | teams.yaml              list of {id, name, display_name?, organization_id?, group_ids?, hidden?, location?}
//   accounts.json | accounts.yaml        list of {id?, username, password?, type, team_id?}
//
// Decisions:
// - Every problem is one ContestError naming the file (relative to the contest folder) and the entry
//   ("team #3 (id "t3")"). Non-fatal observations go to `warnings`.
// - When both the YAML and the JSON form of a file exist, the YAML one is used (a warning says so).
// - contest.yaml: keys may use '-' for '_' (older Kattis files: start-time, penalty-time, ...); `short-name`
//   is the id; `scoreboard-freeze-length` is the freeze duration; the legacy `scoreboard-freeze` (contest time
//   at which the freeze starts) is turned into a freeze duration. Unknown keys are warnings.
//   `scoreboard_type` is pass-fail (default) or score; Verdict's own `score_mode` (score contests only:
//   best-submission, the default, or best-per-subtask) says how submissions' scores make a problem's, and a
//   penalty_time in a score contest is a warning (nothing uses it). Verdict's own
//   `extension_languages` maps a file extension several languages share to one of them ({py: pypy3}), and
//   `language_time_factors` multiplies a language's time limits ({java: 1.5}; ids checked, factors in (0, 100]).
//   clarification-answers.yaml (optional): the judges' stock answers, a list of texts (cannedAnswers.ts).
// - Durations are "h:mm:ss" or "h:mm:ss.s..." (at most 3 fraction digits). start_time is ISO 8601 with a
//   date, hours and minutes and a time zone ("Z" or "+02:00"): a time without a zone is refused rather than
//   guessed. penalty_time is whole minutes: an integer (20, "20") or a RELTIME ("0:20:00").
// - problems: `short-name` (older files) is accepted for `id`, `letter` for `label`; a missing label is the
//   problem's letter by position (A, B, ..., Z, AA, ...); a missing name is the id (the server reads the
//   package lazily and can show the package's own name). rgb is "#rrggbb" or "#rgb" (normalised to
//   lowercase #rrggbb); a problem given neither rgb nor color takes its folder package's
//   domjudge-problem.ini `color`. ordinal is the position in the file (0-based). A package is `<id>/` (which must hold
//   a problem.yaml) or `<id>.zip`; when both exist the folder wins (warning).
// - Ids (contest, problem, team, account) follow the CLICS id syntax: letters, digits, '_', '.', '-', not
//   starting with '.' or '-'. Numbers are accepted for ids (DOMjudge exports use numeric team ids).
// - Usernames are unique case-insensitively (a login form should not have to guess). Team accounts need a
//   team_id naming a team; judge and admin accounts may name a team too (it must exist). An account with
//   neither password nor password_hash is a warning (nobody can log in with it until one is set); one with
//   both is an error.
// - A team with no team account is a warning (listed one by one up to 10, then counted). A missing teams or
//   accounts file is a warning, not an error.

import fsp from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Static, TSchema } from 'typebox';
import { readGroupsFile, readOrganizationsFile } from './folderLists.ts';
import { AccountEntry, ContestFile, ID_RE, ProblemEntry, TeamEntry, checkFields } from './folderSchemas.ts';
import { describeValue } from '../common/fieldWording.ts';
import { DOMJUDGE_INI, readDomjudgeIni, type DomjudgeIni } from '../package/domjudgeIni.ts';
import { ContestError } from './model.ts';
import { loadLanguageDefinitions, parseExtensionLanguages, type ExtensionLanguages } from '../common/languages.ts';
import type { LanguageTimeFactors } from '../common/timeFactors.ts';
import { readCannedAnswers } from './cannedAnswers.ts';
import type { AccountType, ContestAccount, ContestDefinition, ContestProblem, ContestScoring, ContestTeam, PrintSettings } from './model.ts';

const MAX_LISTED_WARNINGS = 10;

function errnoCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// ---------------------------------------------------------------------------------------------- times

/** "h:mm:ss" or "h:mm:ss.sss" → ms; null when malformed. */
export function parseReltime(text: string): number | null {
  const m = /^(\d+):([0-5]\d):([0-5]\d)(?:\.(\d{1,3}))?$/.exec(text.trim());
  if (!m) return null;
  const frac = m[4] === undefined ? 0 : Number(m[4].padEnd(3, '0'));
  return ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + frac;
}

/**
 * ISO 8601 date and time with a zone → epoch ms. Returns a string describing the problem when malformed.
 * Accepts "2025-05-01T10:00:00+02:00", "2025-05-01 10:00Z", fractions of seconds, zones +hh, +hhmm, +hh:mm.
 */
export function parseTimestamp(text: string): number | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)? ?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/.exec(
    text.trim(),
  );
  if (!m) return 'expected an ISO 8601 date and time such as "2025-05-01T10:00:00+02:00"';
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  if (m[8] === undefined) return 'needs a time zone (e.g. "Z" or "+02:00" at the end)';
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return 'not a valid date and time';
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (new Date(utc).getUTCDate() !== day) return 'not a valid date';
  let offsetMin = 0;
  if (m[8] !== 'Z' && m[8] !== 'z') {
    const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(m[8]) as RegExpExecArray;
    const zh = Number(z[2]);
    const zm = z[3] === undefined ? 0 : Number(z[3]);
    if (zh > 23 || zm > 59) return 'not a valid time zone offset';
    offsetMin = (z[1] === '-' ? -1 : 1) * (zh * 60 + zm);
  }
  return utc - offsetMin * 60_000;
}

// ---------------------------------------------------------------------------------------------- files

interface Listing {
  /** Visible entry name → dirent. */
  entries: Map<string, Dirent>;
}

async function listContestDir(dir: string): Promise<Listing> {
  let dirents: Dirent[];
  try {
    dirents = await fsp.readdir(dir, { withFileTypes: true });
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'ENOENT') throw new ContestError(dir, 'no such folder');
    if (code === 'ENOTDIR') throw new ContestError(dir, 'not a folder (a contest is a folder holding contest.yaml)');
    throw new ContestError(dir, `cannot read (${code ?? String(err)})`);
  }
  const entries = new Map<string, Dirent>();
  for (const d of dirents) entries.set(d.name, d);
  return { entries };
}

interface ParsedFile {
  file: string;
  data: unknown;
}

/**
 * Reads and parses the first of `names` present in the folder (YAML or JSON by extension); null when none
 * is. Other present names are reported in `warnings` as ignored.
 */
async function readFirst(dir: string, listing: Listing, names: string[], warnings: string[]): Promise<ParsedFile | null> {
  const present = names.filter((n) => listing.entries.has(n));
  if (present.length === 0) return null;
  const file = present[0];
  for (const other of present.slice(1)) warnings.push(`${other}: ignored (${file} is used)`);
  let text: string;
  try {
    text = await fsp.readFile(path.join(dir, file), 'utf8');
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'EISDIR') throw new ContestError(file, 'is a folder, expected a file');
    if (code === 'EACCES' || code === 'EPERM') throw new ContestError(file, 'permission denied');
    throw new ContestError(file, `cannot read (${code ?? String(err)})`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (file.endsWith('.json')) {
    if (text.trim() === '') return { file, data: null };
    try {
      return { file, data: JSON.parse(text) };
    } catch (err) {
      throw new ContestError(file, `not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  try {
    return { file, data: parseYaml(text) };
  } catch (err) {
    const first = (err instanceof Error ? err.message : String(err)).split('\n')[0].replace(/:$/, '');
    throw new ContestError(file, `not valid YAML: ${first}`);
  }
}

// ---------------------------------------------------------------------------------------------- entries

/** One map of fields of a file (an entry of a list file, or contest.yaml), and how messages name it. */
interface Item {
  file: string;
  /** "team #3 (id "t3")"; '' for a whole file. */
  what: string;
  data: Record<string, unknown>;
}

function fail(item: Item, message: string): never {
  throw new ContestError(item.file, item.what === '' ? message : `${item.what}: ${message}`);
}

/** The item's fields checked against `schema` (folderSchemas.ts); the first wrong field is the error. */
function checked<S extends TSchema>(item: Item, schema: S): Static<S> {
  const result = checkFields(schema, item.data);
  if ('problem' in result) fail(item, result.problem);
  return result.ok;
}

/** `key`, or its older `alias` when that is the one given; refuses both at once. */
function aliased(item: Item, fields: Record<string, unknown>, key: string, alias: string): string {
  if (fields[key] !== undefined && fields[alias] !== undefined) fail(item, `give ${key} or ${alias}, not both`);
  return fields[alias] !== undefined ? alias : key;
}

/** A text field as written (numbers as their digits); null when absent. */
function optText(v: string | number | undefined): string | null {
  return v === undefined ? null : String(v);
}

/** The list a teams/accounts/problems file holds, each item wrapped as an Entry. */
function entries(parsed: ParsedFile, noun: string, idKeys: string[], listKey?: string): Item[] {
  let data = parsed.data;
  if (data === null || data === undefined) return [];
  if (listKey !== undefined && isPlainObject(data) && Array.isArray(data[listKey])) data = data[listKey];
  if (!Array.isArray(data)) throw new ContestError(parsed.file, `expected a list of ${noun}s, got ${describeValue(data)}`);
  const out = new Array<Item>(data.length);
  for (let i = 0; i < data.length; i++) {
    const item: unknown = data[i];
    let what = `${noun} #${i + 1}`;
    if (isPlainObject(item)) {
      for (const k of idKeys) {
        const v = item[k];
        if (typeof v === 'string' || typeof v === 'number') {
          what += ` (${k} ${JSON.stringify(String(v))})`;
          break;
        }
      }
    } else {
      throw new ContestError(parsed.file, `${what}: expected a map of fields, got ${describeValue(item)}`);
    }
    out[i] = { file: parsed.file, what, data: item };
  }
  return out;
}

/** Refuses a value seen before under `key` (case-folded when `fold`). */
function unique(seen: Map<string, string>, item: Item, key: string, value: string, fold = false): void {
  const k = fold ? value.toLowerCase() : value;
  const before = seen.get(k);
  if (before !== undefined) fail(item, `duplicate ${key} ${JSON.stringify(value)} (also in ${before})`);
  seen.set(k, item.what);
}

// ---------------------------------------------------------------------------------------------- contest.yaml

const CONTEST_KEYS = new Set(Object.keys(ContestFile.properties));
/** CLICS keys Verdict accepts and does not use. */
const CONTEST_IGNORED_KEYS = new Set([
  'activate_time', 'end_time', 'countdown_pause_time', 'scoreboard_thaw_time', 'shortname', 'banner', 'logo',
  'location', 'public', 'uuid', 'default-language', 'default_language', 'languages',
]);

interface ContestSettings {
  id: string | null;
  name: string | null;
  formalName: string | null;
  startTime: number | null;
  durationMs: number;
  freezeMs: number;
  penaltyMinutes: number;
  scoring: ContestScoring;
  extensionLanguages: ExtensionLanguages;
  languageTimeFactors: LanguageTimeFactors;
  printing: PrintSettings;
}

function parseContestFile(parsed: ParsedFile, warnings: string[]): ContestSettings {
  const { file } = parsed;
  const data = parsed.data ?? {};
  if (!isPlainObject(data)) throw new ContestError(file, `expected a map of settings, got ${describeValue(data)}`);
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const k = key.replace(/-/g, '_');
    if (Object.hasOwn(raw, k)) throw new ContestError(file, `${key}: given twice (as ${k} and ${key})`);
    raw[k] = value;
    if (!CONTEST_KEYS.has(k) && !CONTEST_IGNORED_KEYS.has(key) && !CONTEST_IGNORED_KEYS.has(k)) {
      warnings.push(`${file}: unknown key ${JSON.stringify(key)} ignored`);
    }
  }
  const item: Item = { file, what: '', data: raw };
  const fields = checked(item, ContestFile);
  const idKey = aliased(item, fields, 'id', 'short_name');
  const id = optText(idKey === 'id' ? fields.id : fields.short_name);

  let startTime: number | null = null;
  if (fields.start_time !== undefined) {
    const t = parseTimestamp(fields.start_time);
    if (typeof t === 'string') fail(item, `start_time: ${t}, got ${describeValue(fields.start_time)}`);
    startTime = t;
  }

  // The schema checked the durations' form: parseReltime reads them.
  const reltime = (v: string | undefined): number | null => (v === undefined ? null : parseReltime(v));
  const durationMs = reltime(fields.duration) as number;
  if (durationMs <= 0) fail(item, 'duration: must be longer than 0:00:00');

  const freezeKey = aliased(item, fields, 'scoreboard_freeze_duration', 'scoreboard_freeze_length');
  let freezeMs = reltime(freezeKey === 'scoreboard_freeze_duration' ? fields.scoreboard_freeze_duration : fields.scoreboard_freeze_length);
  const freezeStart = reltime(fields.scoreboard_freeze);
  if (freezeStart !== null) {
    if (freezeMs !== null) fail(item, `scoreboard_freeze: give ${freezeKey} or scoreboard_freeze, not both`);
    if (freezeStart > durationMs) fail(item, 'scoreboard_freeze: starts after the end of the contest');
    freezeMs = durationMs - freezeStart;
  }
  if (freezeMs !== null && freezeMs > durationMs) {
    fail(item, `${freezeKey}: ${describeValue(raw[freezeKey])} is longer than the contest (${describeValue(raw.duration)})`);
  }

  let penaltyMinutes = 20;
  const p = fields.penalty_time;
  if (typeof p === 'number') penaltyMinutes = p;
  else if (p !== undefined && /^\s*\d+\s*$/.test(p)) penaltyMinutes = Number(p);
  else if (p !== undefined) {
    const ms = parseReltime(p);
    if (ms === null || ms % 60_000 !== 0) {
      fail(item, `penalty_time: expected whole minutes (20) or a duration in whole minutes ("0:20:00"), got ${describeValue(p)}`);
    }
    penaltyMinutes = ms / 60_000;
  }

  const scoreboardType = fields.scoreboard_type ?? 'pass-fail';
  if (scoreboardType === 'pass-fail' && fields.score_mode !== undefined) fail(item, 'score_mode: only for a contest with scoreboard_type: score');
  if (scoreboardType === 'score' && p !== undefined) warnings.push(`${file}: penalty_time is not used in a contest with scoreboard_type: score`);
  const scoring: ContestScoring = { scoreboardType, scoreMode: fields.score_mode ?? 'best-submission' };

  // Verdict's own key: which language a file extension shared by several means ({py: pypy3}).
  let extensionLanguages: ExtensionLanguages = {};
  try {
    extensionLanguages = parseExtensionLanguages(Object.entries(fields.extension_languages ?? {}).map(([ext, id]) => `${ext}=${id}`), loadLanguageDefinitions());
  } catch (error) {
    fail(item, `extension_languages: ${(error as Error).message}`);
  }

  // Verdict's own key: a language's time factor (the schema checked the numbers).
  const languageTimeFactors = fields.language_time_factors ?? {};
  const known = new Set(loadLanguageDefinitions().map((l) => l.id));
  for (const id of Object.keys(languageTimeFactors)) {
    if (!known.has(id)) fail(item, `language_time_factors: unknown language ${JSON.stringify(id)} (ids: verdict languages)`);
  }

  // Verdict's own keys: printing (on unless false) and the command that prints, as its argv: it is run
  // without a shell, so no string is ever split or quoted.
  const printing: PrintSettings = { enabled: fields.printing ?? true, command: fields.print_command ? [...fields.print_command] : null };

  return {
    id,
    name: optText(fields.name),
    formalName: optText(fields.formal_name),
    startTime,
    durationMs,
    freezeMs: freezeMs ?? 0,
    penaltyMinutes,
    scoring,
    extensionLanguages,
    languageTimeFactors,
    printing,
  };
}

// ---------------------------------------------------------------------------------------------- problems

/** "A".."Z", "AA", "AB", ... for 0, 1, ... */
export function letterFor(index: number): string {
  let s = '';
  let n = index;
  do {
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

async function parseProblems(
  dir: string,
  listing: Listing,
  parsed: ParsedFile,
  warnings: string[],
): Promise<ContestProblem[]> {
  const list = entries(parsed, 'problem', ['id', 'short-name', 'short_name'], 'problems');
  if (list.length === 0) throw new ContestError(parsed.file, 'no problems listed');
  const ids = new Map<string, string>();
  const labels = new Map<string, string>();
  const problems: ContestProblem[] = [];
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const fields = checked(item, ProblemEntry);
    const idKey = aliased(item, fields, 'id', fields['short-name'] !== undefined ? 'short-name' : 'short_name');
    const id = optText(fields[idKey as 'id']);
    if (id === null) fail(item, `${idKey}: missing`);
    unique(ids, item, 'id', id);
    const label = optText(fields[aliased(item, fields, 'label', 'letter') as 'label']) ?? letterFor(i);
    if (label.trim() === '') fail(item, 'label: empty');
    unique(labels, item, 'label', label);
    let rgb = optText(fields.rgb) ?? '';
    if (rgb !== '') {
      // The schema checked the form: "#rgb" or "#rrggbb", the '#' optional.
      const hex = rgb.trim().replace(/^#/, '');
      rgb = `#${(hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex).toLowerCase()}`;
    }
    const problem: ContestProblem = {
      id,
      label,
      name: optText(fields.name) ?? id,
      color: optText(fields.color) ?? '',
      rgb,
      packagePath: '',
      ordinal: i,
    };
    problems.push(problem);
  }
  // All entries are valid: now look for the packages, in parallel; the first failure in file order is reported.
  const notes: string[][] = problems.map(() => []);
  const found = await Promise.allSettled(
    problems.map((p, i) => locatePackage(dir, listing, p.id, parsed.file, list[i].what, notes[i])),
  );
  for (let i = 0; i < found.length; i++) {
    const r = found[i];
    if (r.status === 'rejected') throw r.reason;
    problems[i].packagePath = r.value;
    warnings.push(...notes[i]);
  }
  await Promise.all(problems.filter((p) => p.color === '' && p.rgb === '').map((p) => colourFromIni(p, warnings)));
  return problems;
}

/** A problem problems.yaml gives no colour takes its package's domjudge-problem.ini `color` (in a
 *  folder or a zip): "#rrggbb" or "#rgb" as its rgb, anything else as its colour name. */
async function colourFromIni(problem: ContestProblem, warnings: string[]): Promise<void> {
  const notes: string[] = [];
  let ini: DomjudgeIni | null;
  try {
    ini = await readDomjudgeIni(problem.packagePath, notes);
  } catch (err) {
    warnings.push(`${problem.id}/${DOMJUDGE_INI}: cannot read (${err instanceof Error ? err.message : String(err)}); no colour taken from it`);
    return;
  }
  if (ini?.color == null) return;
  const hex = /^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.exec(ini.color)?.[1];
  if (hex === undefined) problem.color = ini.color;
  else problem.rgb = `#${(hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex).toLowerCase()}`;
}

/** The problem's package: `<id>/` (holding problem.yaml) or `<id>.zip`. Does not read it. */
async function locatePackage(
  dir: string,
  listing: Listing,
  id: string,
  file: string,
  what: string,
  warnings: string[],
): Promise<string> {
  const fail = (message: string): never => {
    throw new ContestError(file, `${what}: ${message}`);
  };
  const kind = async (name: string): Promise<'dir' | 'file' | 'other' | null> => {
    const d = listing.entries.get(name);
    if (d === undefined) return null;
    if (d.isDirectory()) return 'dir';
    if (d.isFile()) return 'file';
    if (!d.isSymbolicLink()) return 'other';
    try {
      const st = await fsp.stat(path.join(dir, name));
      return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
    } catch {
      return fail(`${name} is a broken symbolic link`);
    }
  };
  const [folder, zip] = await Promise.all([kind(id), kind(`${id}.zip`)]);
  if (folder === 'dir') {
    const abs = path.join(dir, id);
    try {
      await fsp.access(path.join(abs, 'problem.yaml'));
    } catch {
      fail(`the package folder ${id}/ has no problem.yaml`);
    }
    if (zip !== null) warnings.push(`${id}.zip: ignored (the folder ${id}/ is used for problem ${JSON.stringify(id)})`);
    return abs;
  }
  if (zip === 'file') return path.join(dir, `${id}.zip`);
  if (folder !== null) fail(`${id} is not a folder (expected the problem package ${id}/ or ${id}.zip)`);
  return fail(`no problem package ${id}/ or ${id}.zip in the contest folder`);
}

// ---------------------------------------------------------------------------------------------- teams

function parseTeams(parsed: ParsedFile): ContestTeam[] {
  const list = entries(parsed, 'team', ['id', 'name'], 'teams');
  const ids = new Map<string, string>();
  const teams = new Array<ContestTeam>(list.length);
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const fields = checked(item, TeamEntry);
    const id = String(fields.id);
    unique(ids, item, 'id', id);
    const displayName = optText(fields.display_name);
    const name = optText(fields.name) ?? displayName;
    if (name === null || name.trim() === '') fail(item, 'name: missing');
    teams[i] = {
      id,
      name,
      displayName: displayName !== null && displayName.trim() !== '' ? displayName : name,
      organizationId: optText(fields.organization_id),
      groupIds: (fields.group_ids ?? []).map(String),
      hidden: fields.hidden ?? false,
      ...locationOf(fields.location),
    };
  }
  return teams;
}

/** A team's location in words: as written, or CLICS's floor position as "x 3, y 4.5". */
function locationOf(location: TeamEntry['location']): { location?: string } {
  if (location === undefined) return {};
  const words = typeof location === 'object' ? `x ${location.x}, y ${location.y}` : String(location).trim();
  return words === '' ? {} : { location: words };
}

// ---------------------------------------------------------------------------------------------- accounts

function parseAccounts(parsed: ParsedFile, teamIds: Set<string>, teamsFile: string | null, warnings: string[]): ContestAccount[] {
  const list = entries(parsed, 'account', ['username', 'id'], 'accounts');
  const ids = new Map<string, string>();
  const usernames = new Map<string, string>();
  const accounts = new Array<ContestAccount>(list.length);
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const fields = checked(item, AccountEntry);
    const username = String(fields.username);
    unique(usernames, item, 'username', username, true);
    const id = optText(fields.id) ?? username;
    if (!ID_RE.test(id)) fail(item, `id: missing, and the username ${describeValue(username)} is not a valid id to use instead`);
    unique(ids, item, 'id', id);

    const type: AccountType = fields.type;
    const teamId = optText(fields.team_id);
    if (type === 'team' && teamId === null) fail(item, 'team_id: missing (a team account must name its team)');
    if (teamId !== null && !teamIds.has(teamId)) {
      fail(item, `team_id: no team ${JSON.stringify(teamId)} in ${teamsFile ?? 'teams.json (there is no teams file)'}`);
    }

    const password = optText(fields.password);
    const passwordHash = optText(fields.password_hash);
    if (password !== null && passwordHash !== null) fail(item, 'give password or password_hash, not both');
    if (password === null && passwordHash === null) {
      warnings.push(`${parsed.file}: ${item.what}: no password; nobody can log in with it until one is set`);
    }
    accounts[i] = { id, username, type, teamId, password, passwordHash };
  }
  return accounts;
}

// ---------------------------------------------------------------------------------------------- main

/**
 * Reads a contest folder. Throws ContestError (one message naming the file and the entry) when it cannot
 * be used. Checks that each problem's package exists but does not read it.
 */
export async function loadContest(dir: string): Promise<ContestDefinition> {
  const abs = path.resolve(dir);
  const listing = await listContestDir(abs);
  const warnings: string[] = [];

  const contestFile = await readFirst(abs, listing, ['contest.yaml', 'contest.yml', 'contest.json'], warnings);
  if (contestFile === null) throw new ContestError('contest.yaml', 'missing (a contest folder needs contest.yaml or contest.json)');
  const settings = parseContestFile(contestFile, warnings);

  const [problemsFile, teamsFile, accountsFile] = await Promise.all([
    readFirst(abs, listing, ['problems.yaml', 'problems.yml', 'problems.json', 'problemset.yaml'], warnings),
    readFirst(abs, listing, ['teams.yaml', 'teams.yml', 'teams.json'], warnings),
    readFirst(abs, listing, ['accounts.yaml', 'accounts.yml', 'accounts.json'], warnings),
  ]);
  if (problemsFile === null) throw new ContestError('problems.yaml', 'missing (a contest folder needs problems.yaml or problems.json)');

  const problems = await parseProblems(abs, listing, problemsFile, warnings);

  let teams: ContestTeam[] = [];
  if (teamsFile === null) {
    for (const tsv of ['teams.tsv', 'teams2.tsv']) {
      if (listing.entries.has(tsv)) warnings.push(`${tsv}: not supported (use teams.json or teams.yaml)`);
    }
    warnings.push('no teams.json or teams.yaml: the contest has no teams');
  } else {
    teams = parseTeams(teamsFile);
  }

  let accounts: ContestAccount[] = [];
  const teamIds = new Set(teams.map((t) => t.id));
  if (accountsFile === null) {
    if (listing.entries.has('accounts.tsv')) warnings.push('accounts.tsv: not supported (use accounts.json or accounts.yaml)');
    warnings.push('no accounts.json or accounts.yaml: nobody can log in until accounts are added');
  } else {
    accounts = parseAccounts(accountsFile, teamIds, teamsFile?.file ?? null, warnings);
    const withAccount = new Set<string>();
    for (const a of accounts) if (a.type === 'team' && a.teamId !== null) withAccount.add(a.teamId);
    const without = teams.filter((t) => !withAccount.has(t.id));
    for (const t of without.slice(0, MAX_LISTED_WARNINGS)) {
      warnings.push(`${teamsFile?.file}: team ${JSON.stringify(t.id)} has no team account in ${accountsFile.file}`);
    }
    if (without.length > MAX_LISTED_WARNINGS) {
      warnings.push(`${teamsFile?.file}: ${without.length - MAX_LISTED_WARNINGS} more teams have no team account in ${accountsFile.file}`);
    }
  }

  const id = settings.id ?? path.basename(abs);
  const name = settings.name ?? settings.formalName ?? id;
  return {
    id,
    name,
    formalName: settings.formalName ?? name,
    startTime: settings.startTime,
    durationMs: settings.durationMs,
    freezeMs: settings.freezeMs,
    penaltyMinutes: settings.penaltyMinutes,
    scoring: settings.scoring,
    extensionLanguages: settings.extensionLanguages,
    languageTimeFactors: settings.languageTimeFactors,
    printing: settings.printing,
    cannedAnswers: readCannedAnswers(abs),
    problems,
    teams,
    accounts,
    groups: readGroupsFile(abs),
    organizations: readOrganizationsFile(abs),
    dir: abs,
    warnings,
  };
}
