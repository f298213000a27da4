// Print jobs: a team's source file (or pasted text) sent from the portal to be printed, as DOMjudge
// and PC^2 staff know them. Kept with the team's name and location as they were when it was sent (a
// printout goes to where the team sat then), the file name, the language its extension says and the
// time; staff mark a job printed (by hand, or the contest's print command did); the command's failure
// is kept to show. Staff-only bookkeeping, as balloons: no CLICS event, no part of an exported contest.
import { intId, type StoreDatabase } from './db.ts';
import { StoreError } from './rows.ts';

export interface PrintJobRow {
  id: string;
  teamId: string;
  /** The team's display name when it sent the job. */
  teamName: string;
  /** Where the team sat when it sent the job; null: not given. */
  location: string | null;
  fileName: string;
  /** The language the file name's extension says, or null. */
  languageId: string | null;
  /** Epoch ms. */
  submittedAt: number;
  /** Who printed it (a staff account's username, or 'print command') and when; null while pending. */
  printed: { by: string; at: number } | null;
  /** Why the print command failed the last time it ran, or null. */
  commandError: string | null;
}

export interface PrintJobWithText extends PrintJobRow {
  text: string;
}

export type NewPrintJobRow = Pick<PrintJobWithText, 'teamId' | 'teamName' | 'location' | 'fileName' | 'languageId' | 'text'>;

const COLUMNS = `CAST(id AS TEXT) AS id, team_id AS teamId, team_name AS teamName, team_location AS location, file_name AS fileName,
  language_id AS languageId, submitted_at AS submittedAt, printed_at AS printedAt, printed_by AS printedBy, command_error AS commandError`;

type RawJob = Omit<PrintJobRow, 'printed'> & { printedAt: number | null; printedBy: string | null };

function mapJob(r: RawJob): PrintJobRow {
  const { printedAt, printedBy, ...rest } = r;
  return { ...rest, printed: printedAt !== null && printedBy !== null ? { by: printedBy, at: printedAt } : null };
}

function prepareStatements(db: StoreDatabase) {
  const p = (sql: string) => db.prepare(sql);
  return {
    add: p('INSERT INTO print_jobs (team_id, team_name, team_location, file_name, language_id, text, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    list: p(`SELECT ${COLUMNS} FROM print_jobs ORDER BY id`),
    listOfTeam: p(`SELECT ${COLUMNS} FROM print_jobs WHERE team_id = ? ORDER BY id`),
    get: p(`SELECT ${COLUMNS}, text FROM print_jobs WHERE id = ?`),
    mark: p('UPDATE print_jobs SET printed_at = ?, printed_by = ? WHERE id = ? AND printed_at IS NULL'),
    unmark: p('UPDATE print_jobs SET printed_at = NULL, printed_by = NULL WHERE id = ?'),
    commandError: p('UPDATE print_jobs SET command_error = ? WHERE id = ?'),
  };
}

export class PrintJobRepository {
  private readonly s: ReturnType<typeof prepareStatements>;

  constructor(db: StoreDatabase) {
    this.s = prepareStatements(db);
  }

  add(job: NewPrintJobRow, now: number): PrintJobRow {
    const id = String(this.s.add.run(job.teamId, job.teamName, job.location, job.fileName, job.languageId, job.text, now).lastInsertRowid);
    return this.get(id)!;
  }

  /** Every job, oldest first; or a team's own. Without their text (get has it). */
  list(teamId?: string): PrintJobRow[] {
    const rows = (teamId === undefined ? this.s.list.all() : this.s.listOfTeam.all(teamId)) as RawJob[];
    return rows.map(mapJob);
  }

  get(id: string): PrintJobWithText | null {
    const n = intId(id);
    const row = n === null ? undefined : (this.s.get.get(n) as (RawJob & { text: string }) | undefined);
    return row ? { ...mapJob(row), text: row.text } : null;
  }

  /** Marks a job printed (the first mark stands) or, with `printed` false, pending again. */
  mark(id: string, printed: boolean, by: string, now: number): void {
    const n = intId(id);
    if (n === null || this.get(id) === null) throw new StoreError('not_found', `no print job ${id}`);
    if (printed) this.s.mark.run(now, by, n);
    else this.s.unmark.run(n);
  }

  /** What the print command said when it failed for this job, or null once it has succeeded. */
  setCommandError(id: string, error: string | null): void {
    const n = intId(id);
    if (n !== null) this.s.commandError.run(error, n);
  }
}
