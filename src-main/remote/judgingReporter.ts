// What a remote judging tells the server while it runs: its steps, in order, gathered for at most
// STEP_REPORT_MS; the program's live output (the console's terminal), sent at most every OUTPUT_REPORT_MS;
// and, when there is nothing to say for CHECK_IN_MS, an empty report. Every report is answered with
// whether the attempt is still the judgement's current one: when it is not (a judge cancelled it, or
// the judging was given to another judgehost), the judging is stopped, within about CHECK_IN_MS.
// One request at a time: what comes meanwhile goes in the next one. When the judging ends, the output
// not sent yet goes with the result, at once (its steps are in the result).
import { log } from '../common/log.ts';
import type { JudgeProgress } from '../common/results.ts';
import { MAX_REPORTED_OUTPUT_CHARS, type ProgressReport } from '../common/remoteJobs.ts';
import type { ServerClient } from './serverClient.ts';

/**
 * Steps go at most this often: a judging's tests come faster than a person reads them (the portal shows a team at
 * most two steps a second), and each report is work for the server and the judgehost while the judging runs.
 */
const STEP_REPORT_MS = 50;
/** Output alone goes at most this often: a program printing without pause costs the server 10 requests a second. */
const OUTPUT_REPORT_MS = 100;
/** A judging with nothing to report for this long asks the server whether it is still current. */
const CHECK_IN_MS = 1000;

export class JudgingReporter {
  private readonly server: ServerClient;
  private readonly judgementId: string;
  private readonly attempt: number;
  private readonly superseded: () => void;
  private steps: JudgeProgress[] = [];
  private output = '';
  /** Output characters dropped since the last report (the oldest go when a program prints faster than reports go). */
  private skipped = 0;
  private timer: NodeJS.Timeout | null = null;
  /** A report is on its way (the next waits for its answer). */
  private sending = false;
  private lastSentAt = Date.now();
  /** The server said the attempt is not current: nothing more is sent. */
  private stopped = false;
  private finished = false;

  constructor(server: ServerClient, judgementId: string, attempt: number, superseded: () => void) {
    this.server = server;
    this.judgementId = judgementId;
    this.attempt = attempt;
    this.superseded = superseded;
    this.schedule();
  }

  step(step: JudgeProgress): void {
    if (this.stopped) return;
    this.steps.push(step);
    this.schedule();
  }

  programOutput(chunk: string): void {
    if (this.stopped) return;
    this.output += chunk;
    if (this.output.length > MAX_REPORTED_OUTPUT_CHARS) {
      this.skipped += this.output.length - MAX_REPORTED_OUTPUT_CHARS;
      this.output = this.output.slice(-MAX_REPORTED_OUTPUT_CHARS);
    }
    this.schedule();
  }

  /**
   * The judging is over: nothing more is sent; returns the output not sent yet, for the result to carry. A report
   * still on its way may reach the server after the result: it is refused then, as a superseded attempt's.
   */
  finish(): string | undefined {
    this.finished = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    return this.stopped ? undefined : this.pendingOutput();
  }

  /** The output gathered since the last report, after a notice of what was skipped; undefined when none. */
  private pendingOutput(): string | undefined {
    if (this.output === '' && this.skipped === 0) return undefined;
    const notice = this.skipped > 0 ? `\r\n[${this.skipped} characters of output skipped on the judgehost]\r\n` : '';
    return notice + this.output;
  }

  /** Sets the next report's time: soon for a step, a little later for output alone, a check-in otherwise. */
  private schedule(): void {
    if (this.sending || this.stopped || this.finished) return;
    const wait = this.steps.length > 0 ? STEP_REPORT_MS : this.output !== '' ? OUTPUT_REPORT_MS : CHECK_IN_MS;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.send(), Math.max(0, this.lastSentAt + wait - Date.now()));
  }

  private async send(): Promise<void> {
    this.timer = null;
    const report: ProgressReport = { attempt: this.attempt, steps: this.steps, output: this.pendingOutput() };
    this.steps = [];
    this.output = '';
    this.skipped = 0;
    this.lastSentAt = Date.now();
    this.sending = true;
    try {
      if (!(await this.server.progress(this.judgementId, report)) && !this.finished) {
        // The server gave this judging to another attempt, or a judge cancelled it: stop the work.
        this.stopped = true;
        this.superseded();
      }
    } catch (error) {
      // Progress is for the live views: a lost step is not worth failing the judging for.
      log.warn({ err: error, judgementId: this.judgementId }, 'cannot report progress');
    }
    this.sending = false;
    this.schedule();
  }
}
