// Print jobs (issue 15): a team sends a source file or pasted text from the portal while the contest
// runs; the job is kept (store/printJobs.ts) and staff print it from the console's Print jobs view, or,
// where contest.yaml names a print_command, Verdict runs that command on the job rendered as a text
// file (the team's name and location as a header, then the source with line numbers). The command is
// run without a shell: its own argv, then the file's path, whose name Verdict makes from the job's id
// and a sanitised file name; nothing else the team wrote is an argument. Jobs are bounded in size
// here and rate-limited per team by the portal's route (server/printRoutes.ts).
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { languageForFile } from '../common/languages.ts';
import { readContestClock } from '../contest/clock.ts';
import { DEFAULT_PRINTING, type PrintSettings } from '../contest/model.ts';
import type { CoreContext } from '../core/context.ts';
import type { PrintJobRow, PrintJobWithText } from '../store/printJobs.ts';
import { ConsoleError } from './consoleError.ts';

/** A print job's text at most: a long source is 20 pages at 256 KiB; a printer is no archive. */
export const MAX_PRINT_BYTES = 256 * 1024;
/** How long the print command may take (lpr hands the job to the spooler at once) before it is stopped. */
const PRINT_COMMAND_TIMEOUT_MS = 30_000;
/** What the command printed on stderr is kept this long at most, as the job's error for the staff. */
const COMMAND_ERROR_CHARS = 500;
/** The command's stdout and stderr are read this far at most (it is killed beyond: a printer command is not chatty). */
const COMMAND_OUTPUT_BYTES = 1024 * 1024;
/** A file name is kept this long at most (it is a label on the page, not a path). */
const MAX_FILE_NAME_CHARS = 200;
/** Who a job the print command printed is marked printed by. */
export const PRINTED_BY_COMMAND = 'print command';

/** What a team sends: a file's name (empty for pasted text) and its text. */
export interface NewPrintJob {
  fileName: string;
  text: string;
}

type DeskContext = Pick<CoreContext, 'store' | 'contest' | 'engine' | 'now' | 'dataDir'>;

/** The contest's printing as contest.yaml says (on, no command, when it says nothing). */
export function printSettings(ctx: Pick<CoreContext, 'contest'>): PrintSettings {
  return ctx.contest.printing ?? DEFAULT_PRINTING;
}

/** Why a team may not print now, or null: printing is open while the contest runs (not before: no
 *  team has anything of the contest's to print; not after: the printers are for the contest). */
export function printingClosedReason(ctx: Pick<CoreContext, 'store' | 'contest' | 'now'>): string | null {
  if (!printSettings(ctx).enabled) return 'printing is not offered in this contest';
  const contest = ctx.store.contest.get();
  const phase = contest ? readContestClock(contest, ctx.now()) : null;
  if (!phase?.started) return 'printing opens when the contest starts';
  if (phase.ended) return 'the contest is over: printing is closed';
  return null;
}

/** The file name as given, with anything but letters, digits, '.', '_', '-' replaced: it becomes part of a path. */
function safeFileName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[.]+/, '_').slice(0, 100);
  return safe === '' ? 'print.txt' : safe;
}

/** The job as a text file for a printer: who and where as a header, then the source with line numbers. */
function renderPrintFile(job: PrintJobWithText): string {
  const lines = job.text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const width = String(lines.length).length;
  const header = [
    `Team:      ${job.teamName} (${job.teamId})`,
    `Location:  ${job.location ?? '(not given)'}`,
    `File:      ${job.fileName}${job.languageId ? ` (${job.languageId})` : ''}`,
    `Sent:      ${new Date(job.submittedAt).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}`,
    `Print job: ${job.id}`,
    '='.repeat(72),
  ];
  return `${[...header, ...lines.map((line, i) => `${String(i + 1).padStart(width)}  ${line}`)].join('\n')}\n`;
}

/** Runs `command` with `file` as its last argument (no shell); resolves with null, or why it failed. */
function runPrintCommand(command: readonly string[], file: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(command[0], [...command.slice(1), file], { timeout: PRINT_COMMAND_TIMEOUT_MS, maxBuffer: COMMAND_OUTPUT_BYTES, shell: false }, (error, _stdout, stderr) => {
      if (!error) return resolve(null);
      const said = String(stderr).trim().slice(0, COMMAND_ERROR_CHARS);
      const why = error.killed ? `stopped after ${PRINT_COMMAND_TIMEOUT_MS / 1000} s` : typeof error.code === 'number' ? `exit code ${error.code}` : error.message;
      resolve(`${command[0]}: ${why}${said ? `: ${said}` : ''}`);
    });
  });
}

export class PrintDesk {
  private readonly ctx: DeskContext;
  private readonly changed: () => void;
  /** The print commands still running (stop() waits for them, so no job is left half sent). */
  private readonly running = new Set<Promise<void>>();

  /** `changed` is called whenever a job is added or its state changes (the console's event). */
  constructor(ctx: DeskContext, changed: () => void) {
    this.ctx = ctx;
    this.changed = changed;
  }

  /** A team's job: checked, kept with who and where the team is now, and sent to the print command where there is one. */
  submit(teamId: string, job: NewPrintJob): PrintJobRow {
    const closed = printingClosedReason(this.ctx);
    if (closed) throw new ConsoleError('conflict', closed);
    const bytes = Buffer.byteLength(job.text, 'utf8');
    if (bytes > MAX_PRINT_BYTES) throw new PrintTooLargeError(`too large to print: ${Math.ceil(bytes / 1024)} KiB (at most ${MAX_PRINT_BYTES / 1024} KiB)`);
    if (job.text.trim() === '') throw new ConsoleError('invalid', 'nothing to print: the text is empty');
    const fileName = job.fileName.trim() === '' ? 'pasted.txt' : job.fileName.trim().slice(0, MAX_FILE_NAME_CHARS);
    const languageId = languageForFile(this.ctx.engine.languages, fileName, this.ctx.contest.extensionLanguages ?? {})?.id ?? null;
    const team = this.ctx.store.contest.team(teamId);
    // The contest folder says where a team sits (the store keeps what CLICS announces).
    const location = this.ctx.contest.teams.find((t) => t.id === teamId)?.location ?? null;
    const row = this.ctx.store.printJobs.add({ teamId, teamName: team?.displayName ?? teamId, location, fileName, languageId, text: job.text }, this.ctx.now());
    this.changed();
    const { command } = printSettings(this.ctx);
    if (command) void this.track(this.send(row.id, command));
    return row;
  }

  /** Runs the print command for a job again (after a failure, or for a second copy). */
  async resend(id: string): Promise<void> {
    const { command } = printSettings(this.ctx);
    if (!command) throw new ConsoleError('conflict', 'contest.yaml names no print_command');
    if (!this.ctx.store.printJobs.get(id)) throw new ConsoleError('not_found', `no print job ${id}`);
    await this.track(this.send(id, command));
  }

  /** Resolves once every print command started has finished. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  private track(sending: Promise<void>): Promise<void> {
    this.running.add(sending);
    return sending.finally(() => this.running.delete(sending));
  }

  /** Renders the job into a file under the data folder, runs the command on it, and records the outcome (never rejects). */
  private async send(id: string, command: readonly string[]): Promise<void> {
    const job = this.ctx.store.printJobs.get(id);
    if (!job) return;
    const dir = join(this.ctx.dataDir, 'print');
    // Verdict's name, not the team's: the job's id and the file name sanitised (no '/', no leading '.').
    const file = join(dir, `job-${id}-${safeFileName(job.fileName)}.txt`);
    let failure: string | null;
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, renderPrintFile(job));
      failure = await runPrintCommand(command, file);
    } catch (error) {
      failure = `could not write the file to print: ${(error as Error).message}`;
    } finally {
      rmSync(file, { force: true });
    }
    this.ctx.store.printJobs.setCommandError(id, failure);
    if (failure === null) this.ctx.store.printJobs.mark(id, true, PRINTED_BY_COMMAND, this.ctx.now());
    this.changed();
  }
}

/** A job above MAX_PRINT_BYTES: the route answers 413. */
export class PrintTooLargeError extends ConsoleError {
  constructor(message: string) {
    super('invalid', message);
    this.name = 'PrintTooLargeError';
  }
}
