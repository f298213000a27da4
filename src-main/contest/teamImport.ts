// Importing teams into a contest folder: a list pasted or chosen by the judges (CSV or TSV with a
// header, read by csv-parse; DOMjudge's teams.tsv; or CLICS teams JSON) is merged into the folder's
// teams and accounts files, and every new team gets an account with a generated password. The
// folder stays the one source of truth: files are rewritten atomically, in the format they already had.
import { randomInt } from 'node:crypto';
import { CsvError, parse } from 'csv-parse/sync';
import { readList, writeList } from './contestFiles.ts';
import { ID_RE } from './folderSchemas.ts';
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

/** No 0/O, 1/l/I: passwords are read off paper. */
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const PASSWORD_LENGTH = 10;

export function generatePassword(): string {
  return Array.from({ length: PASSWORD_LENGTH }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join('');
}

/** Separators a team list may use, in the order that wins a tie: tab (TSV, DOMjudge's teams.tsv),
 *  ';' (spreadsheets where the decimal mark is a comma write CSV so), ','. */
const SEPARATORS = ['\t', ';', ','] as const;

/** The separator the header line uses most, outside quotes (',' when it uses none). */
function headerSeparator(header: string): string {
  const counts = new Map<string, number>(SEPARATORS.map((s) => [s, 0]));
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  let most = 0;
  for (const [separator, n] of counts) {
    if (n > most) [best, most] = [separator, n];
  }
  return best;
}

/** One record of a CSV/TSV list, with the line it starts on (1-based, as an editor numbers it). */
interface Row {
  line: number;
  cells: string[];
}

/** Newlines of a record's raw text before its last line: leading empty lines it skipped and its
 *  own record delimiter excluded. */
function linesWithin(raw: string): number {
  return raw.replace(/^\n+/, '').replace(/\n$/, '').split('\n').length - 1;
}

/** What csv-parse found wrong, naming the line. `text` is what it parsed. */
function csvProblem(text: string, error: CsvError): string {
  const raw = typeof error.raw === 'string' ? error.raw : '';
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED': {
      // The unfinished record runs to the end: it starts where its raw text does.
      const start = text.length - raw.length + (raw.length - raw.replace(/^\n+/, '').length);
      const line = text.slice(0, start).split('\n').length;
      return `line ${line}: a quoted field is never closed (a '"' inside a quoted field is written twice: "")`;
    }
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return `line ${String(error.lines)}: text after the closing quote of a field (quote the whole field, and write a '"' inside it twice: "")`;
    default:
      return `line ${String(error.lines)}: ${error.message}`;
  }
}

/**
 * The records of a CSV or TSV list (csv-parse): quoted fields may hold separators, newlines and
 * doubled quotes; empty lines and rows of empty cells (a spreadsheet's trailing rows) are skipped;
 * cells are trimmed. `quotes: false` reads quotes as text (DOMjudge's teams.tsv has none).
 */
function readRows(text: string, label: string, separator: string, quotes: boolean): Row[] {
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    records = parse(text, {
      delimiter: separator,
      record_delimiter: '\n',
      quote: quotes ? '"' : false,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
      info: true,
      raw: true,
    }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) throw new ContestError(label, csvProblem(text, error));
    throw error;
  }
  return records.map(({ record, info, raw }) => ({ line: info.lines - linesWithin(raw), cells: record.map((cell) => cell.trim()) }));
}

/** A team read from a list, and where: "line 3" (CSV, TSV) or "entry 2" (JSON). */
type Located = { team: ImportedTeam; where: string };

function parseJsonList(text: string, label: string): Located[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ContestError(label, `is not valid JSON: ${(error as Error).message}`);
  }
  return (parsed as Record<string, unknown>[]).map((t, i) => {
    const where = `entry ${i + 1}`;
    if (typeof t !== 'object' || t === null) throw new ContestError(label, `${where} is not an object`);
    const text = (key: string): string => jsonText(t[key], label, `${where}: "${key}"`);
    return { where, team: { id: text('id'), name: text('name'), displayName: t.display_name ? text('display_name') : undefined, organization: t.organization_id ? text('organization_id') : undefined } };
  });
}

/** A JSON team's field as text: a number or a boolean as written, nothing as ''; a list or a map is refused. */
function jsonText(v: unknown, label: string, what: string): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new ContestError(label, `${what} is not text`);
}

/** A CSV or TSV list with a header naming its columns, or DOMjudge's teams.tsv. */
function parseDelimitedList(text: string, label: string): Located[] {
  // One kind of line end, so that line numbers are an editor's and names hold no '\r'.
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  let headerIndex = lines.findIndex((l) => l.trim());
  // Excel's "sep=;" first line names the separator (blanked, so that line numbers stay right).
  const hint = /^sep=(.)$/i.exec(lines[headerIndex]);
  if (hint) {
    lines[headerIndex] = '';
    headerIndex = lines.findIndex((l) => l.trim());
    if (headerIndex < 0) throw new ContestError(label, 'the first line must name the columns, with at least "id" and "name"');
  }
  const separator = hint?.[1] ?? headerSeparator(lines[headerIndex]);
  // DOMjudge teams.tsv: "teams <version>", then id, external id, category, name, institution, ...
  const domjudge = separator === '\t' && lines[headerIndex].split('\t')[0].trim() === 'teams';
  const [header, ...rows] = readRows(lines.join('\n'), label, separator, !domjudge);
  const at = (row: Row) => `line ${row.line}`;
  if (domjudge) return rows.map((row) => ({ where: at(row), team: { id: row.cells[0] ?? '', name: row.cells[3] ?? '', organization: row.cells[4] || undefined } }));

  const names = header.cells.map((h) => h.toLowerCase().replace(/[\s-]+/g, '_'));
  const column = (name: string) => names.indexOf(name);
  if (column('id') < 0 || column('name') < 0) throw new ContestError(label, 'the first line must name the columns, with at least "id" and "name"');
  return rows.map((row) => {
    const c = row.cells;
    // More cells than columns: most likely a name holding the separator, unquoted. Empty cells
    // beyond the last column are a spreadsheet's and do no harm.
    if (c.slice(names.length).some((cell) => cell !== '')) {
      const shown = separator === '\t' ? 'tab' : `'${separator}'`;
      throw new ContestError(label, `${at(row)}: ${c.length} fields, but the first line names ${names.length} columns (a value holding a ${shown} must be in quotes)`);
    }
    const get = (name: string) => (column(name) >= 0 ? c[column(name)] || undefined : undefined);
    return { where: at(row), team: { id: c[column('id')] ?? '', name: c[column('name')] ?? '', displayName: get('display_name'), organization: get('organization') ?? get('organization_id'), username: get('username') } };
  });
}

/**
 * Reads a team list: CSV (',' or ';', told apart by the header line) or TSV with a header naming
 * the columns, DOMjudge's teams.tsv, or CLICS teams JSON. Throws ContestError naming the line
 * (CSV, TSV) or entry (JSON) at fault.
 */
export function parseTeamList(text: string, label = 'team list'): ImportedTeam[] {
  const trimmed = text.trim(); // a byte order mark too: U+FEFF is white space to trim()
  if (!trimmed) throw new ContestError(label, 'is empty');
  const located = trimmed.startsWith('[') ? parseJsonList(trimmed, label) : parseDelimitedList(text, label);
  const seen = new Set<string>();
  for (const { team: t, where } of located) {
    if (!ID_RE.test(t.id)) throw new ContestError(label, `${where}: bad team id ${JSON.stringify(t.id)} (letters, digits, '_', '.', '-')`);
    if (!t.name) throw new ContestError(label, `${where} (id "${t.id}"): no name`);
    if (seen.has(t.id)) throw new ContestError(label, `${where}: duplicate team id "${t.id}"`);
    if (t.username !== undefined && !ID_RE.test(t.username)) throw new ContestError(label, `${where}: bad username ${JSON.stringify(t.username)}`);
    seen.add(t.id);
  }
  return located.map((l) => l.team);
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
