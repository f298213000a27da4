// Importing teams into a contest folder: a list pasted or chosen by the judges (CSV or TSV with a
// header, DOMjudge's teams.tsv, or CLICS teams JSON) is merged into the folder's teams and accounts
// files, and every new team gets an account with a generated password. The folder stays the one
// source of truth: files are rewritten atomically, in the format they already had.
import { randomInt } from 'node:crypto';
import { readList, writeList } from './contestFiles.ts';
import { ContestError } from './model.ts';

export interface ImportedTeam {
  id: string;
  name: string;
  displayName?: string;
  organization?: string;
  username?: string;
}

export interface TeamImportResult {
  added: number;
  updated: number;
  /** New accounts and their generated passwords (also written to the accounts file). */
  accounts: { teamId: string; username: string; password: string }[];
}

const ID_RE = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
/** No 0/O, 1/l/I: passwords are read off paper. */
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const PASSWORD_LENGTH = 10;

export function generatePassword(): string {
  return Array.from({ length: PASSWORD_LENGTH }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join('');
}

/** Splits one CSV/TSV line (quotes with doubled quotes inside, for CSV). */
function splitLine(line: string, separator: string): string[] {
  if (separator === '\t') return line.split('\t').map((cell) => cell.trim());
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

/** Reads a team list; throws ContestError naming the line at fault. */
export function parseTeamList(text: string, label = 'team list'): ImportedTeam[] {
  const trimmed = text.trim();
  if (!trimmed) throw new ContestError(label, 'is empty');
  let teams: ImportedTeam[];
  if (trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      throw new ContestError(label, `is not valid JSON: ${(error as Error).message}`);
    }
    teams = (parsed as Record<string, unknown>[]).map((t, i) => {
      if (typeof t !== 'object' || t === null) throw new ContestError(label, `entry ${i + 1} is not an object`);
      return { id: String(t.id ?? ''), name: String(t.name ?? ''), displayName: t.display_name ? String(t.display_name) : undefined, organization: t.organization_id ? String(t.organization_id) : undefined };
    });
  } else {
    const lines = trimmed.split(/\r?\n/).filter((l) => l.trim());
    const separator = lines[0].includes('\t') ? '\t' : ',';
    const first = splitLine(lines[0], separator);
    if (first[0] === 'teams' && separator === '\t') {
      // DOMjudge teams.tsv: "teams <version>", then id, external id, category, name, institution, ...
      teams = lines.slice(1).map((line) => {
        const c = splitLine(line, '\t');
        return { id: c[0], name: c[3] ?? '', organization: c[4] || undefined };
      });
    } else {
      const header = first.map((h) => h.toLowerCase().replace(/[\s-]+/g, '_'));
      const column = (name: string) => header.indexOf(name);
      if (column('id') < 0 || column('name') < 0) throw new ContestError(label, 'the first line must name the columns, with at least "id" and "name"');
      teams = lines.slice(1).map((line) => {
        const c = splitLine(line, separator);
        const get = (name: string) => (column(name) >= 0 ? c[column(name)] || undefined : undefined);
        return { id: c[column('id')] ?? '', name: c[column('name')] ?? '', displayName: get('display_name'), organization: get('organization') ?? get('organization_id'), username: get('username') };
      });
    }
  }
  const seen = new Set<string>();
  teams.forEach((t, i) => {
    const where = `entry ${i + 1}`;
    if (!ID_RE.test(t.id)) throw new ContestError(label, `${where}: bad team id ${JSON.stringify(t.id)} (letters, digits, '_', '.', '-')`);
    if (!t.name) throw new ContestError(label, `${where} (id "${t.id}"): no name`);
    if (seen.has(t.id)) throw new ContestError(label, `${where}: duplicate team id "${t.id}"`);
    if (t.username !== undefined && !ID_RE.test(t.username)) throw new ContestError(label, `${where}: bad username ${JSON.stringify(t.username)}`);
    seen.add(t.id);
  });
  return teams;
}

/** Merges teams into a contest folder's teams and accounts files. */
export function importTeamsIntoFolder(contestDir: string, teams: readonly ImportedTeam[]): TeamImportResult {
  const teamFile = readList(contestDir, 'teams');
  const accountFile = readList(contestDir, 'accounts');
  const byId = new Map(teamFile.entries.map((t) => [String(t.id), t]));
  const usernames = new Set(accountFile.entries.map((a) => String(a.username).toLowerCase()));
  const hasAccount = new Set(accountFile.entries.filter((a) => a.team_id !== undefined).map((a) => String(a.team_id)));
  const result: TeamImportResult = { added: 0, updated: 0, accounts: [] };
  for (const team of teams) {
    const entry = { id: team.id, name: team.name, ...(team.displayName ? { display_name: team.displayName } : {}), ...(team.organization ? { organization_id: team.organization } : {}) };
    const existing = byId.get(team.id);
    if (existing) {
      Object.assign(existing, entry);
      result.updated++;
    } else {
      teamFile.entries.push(entry);
      byId.set(team.id, entry);
      result.added++;
    }
    if (hasAccount.has(team.id)) continue;
    let username = team.username ?? team.id;
    for (let n = 2; usernames.has(username.toLowerCase()); n++) username = `${team.username ?? team.id}-${n}`;
    const password = generatePassword();
    accountFile.entries.push({ id: username, username, password, type: 'team', team_id: team.id });
    usernames.add(username.toLowerCase());
    hasAccount.add(team.id);
    result.accounts.push({ teamId: team.id, username, password });
  }
  // Teams first: accounts refer to them.
  writeList(teamFile);
  writeList(accountFile);
  return result;
}
