// Print jobs: what teams sent from the portal to be printed. The list puts the waiting jobs first
// (oldest first, the desk's order); each job opens as its printable page: the team's name and
// location as a header, then the text in monospace with line numbers, laid out for paper by the
// print CSS (printjobs.css), so "Print this page" is the browser's (or the desktop app's) own
// print. Where contest.yaml names a print_command, "Send to printer" runs it on the server, and its
// failure (exit status, stderr) is shown with the job. Marking printed is recorded with the judge.
import { useCallback, useState } from 'react';
import type { ConsolePrintJob, PrintJobsView } from '../../../src-main/shared/judgeApi.ts';
import { asyncHandler } from '../../shared/asyncHandler.ts';
import { formatDateTime, formatTimeOfDay } from '../../shared/format.ts';
import { Loading, Notice } from '../../shared/ui.tsx';
import { judge } from '../api.ts';
import { useLiveQuery } from '../liveQuery.ts';
import { perform } from '../loaders.ts';
import { printJobHref, viewHref } from '../route.ts';
import { useConsole } from '../store/index.ts';
import './printjobs.css';

const listPrintJobs = (): Promise<PrintJobsView> => judge.listPrintJobs();

export function PrintJobs() {
  const { data, error, reload } = useLiveQuery(listPrintJobs, ['printJobs']);
  const waiting = (data?.jobs ?? []).filter((j) => j.printed === null).length;
  return (
    <section className="print-jobs-view">
      <div className="view-head">
        <h1 id="print-jobs-title">Print jobs</h1>
      </div>
      <p className="muted">
        Sources teams sent from the portal to be printed (while the contest runs). Open a job for its printable page; take the printout to the team’s location.
      </p>
      {error && <Notice tone="error">Could not load the print jobs: {error}.</Notice>}
      {data === null ? (
        !error && <Loading what="the print jobs" />
      ) : (
        <>
          <p className="muted count" role="status" aria-live="polite">
            {!data.printing.enabled ? 'Printing is off in this contest (contest.yaml printing: false). ' : ''}
            {data.printing.command ? `Jobs go to the print command (${data.printing.command.join(' ')}). ` : 'No print_command: print each job from its page. '}
            {waiting === 0 ? 'Nothing waits to be printed.' : `${waiting} waiting`} · {data.jobs.length} in all
          </p>
          <div className="table-wrap">
            <table className="print-jobs-table" aria-labelledby="print-jobs-title">
              <thead>
                <tr>
                  <th scope="col">Sent</th>
                  <th scope="col">Team</th>
                  <th scope="col">Location</th>
                  <th scope="col">File</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {data.jobs.map((job) => (
                  <PrintJobRow key={job.id} job={job} canSend={data.printing.command !== null} onChanged={reload} />
                ))}
              </tbody>
            </table>
            {data.jobs.length === 0 && <p className="muted empty">No print jobs yet.</p>}
          </div>
        </>
      )}
    </section>
  );
}

function PrintJobRow({ job, canSend, onChanged }: { job: ConsolePrintJob; canSend: boolean; onChanged: () => Promise<void> }) {
  return (
    <tr data-print-job-id={job.id} data-printed={job.printed !== null}>
      <td className="mono">{formatTimeOfDay(job.submittedAt)}</td>
      <td>{job.teamName}</td>
      <td>{job.location ?? <span className="muted">not given</span>}</td>
      <td className="mono">
        <a href={printJobHref(job.id)}>
          {job.fileName}
          <span className="visually-hidden"> from {job.teamName}: open print job {job.id}</span>
        </a>
      </td>
      <td>
        <PrintJobState job={job} />
        <PrintJobActions job={job} canSend={canSend} onChanged={onChanged} />
      </td>
    </tr>
  );
}

function PrintJobState({ job }: { job: ConsolePrintJob }) {
  return (
    <>
      {job.printed ? (
        <span className="print-done">
          Printed by {job.printed.by} at {formatTimeOfDay(job.printed.at)}
        </span>
      ) : (
        <span className="print-waiting">Waiting</span>
      )}
      {job.commandError && (
        <span className="print-failed" role="note">
          Print command failed: <span className="mono">{job.commandError}</span>
        </span>
      )}
    </>
  );
}

/** Mark printed (or undo), and send to the print command where there is one. */
function PrintJobActions({ job, canSend, onChanged }: { job: ConsolePrintJob; canSend: boolean; onChanged: () => Promise<void> }) {
  const [busy, setBusy] = useState<'mark' | 'send' | null>(null);
  const notify = useConsole((s) => s.notify);
  const what = `${job.fileName} from ${job.teamName}`;
  const run = async (kind: 'mark' | 'send', action: () => Promise<{ ok: boolean; message: string }>, failure: string): Promise<void> => {
    setBusy(kind);
    const outcome = await perform(failure, action);
    setBusy(null);
    if (outcome !== undefined) {
      notify(outcome.ok ? 'success' : 'error', outcome.message);
      await onChanged();
    }
  };
  const mark = (printed: boolean) =>
    run(
      'mark',
      async () => {
        await judge.setPrintJobPrinted(job.id, printed);
        return { ok: true, message: printed ? `Print job ${what}: printed.` : `Print job ${what}: waiting again.` };
      },
      `Could not mark print job ${job.id}`,
    );
  const send = () =>
    run(
      'send',
      async () => {
        const after = await judge.sendPrintJob(job.id);
        return after.commandError ? { ok: false, message: `Print command failed for ${what}: ${after.commandError}` } : { ok: true, message: `Sent ${what} to the printer.` };
      },
      `Could not send print job ${job.id}`,
    );
  return (
    <span className="print-actions">
      {job.printed ? (
        <button type="button" className="small ghost" disabled={busy !== null} onClick={asyncHandler(() => mark(false))} aria-label={`Mark ${what} not printed`}>
          Undo
        </button>
      ) : (
        <button type="button" className="small primary" disabled={busy !== null} onClick={asyncHandler(() => mark(true))} aria-label={`Mark ${what} printed`}>
          Mark printed
        </button>
      )}
      {canSend && (
        <button type="button" className="small" disabled={busy !== null} onClick={asyncHandler(send)} aria-label={`Send ${what} to the printer`}>
          {busy === 'send' ? 'Sending…' : 'Send to printer'}
        </button>
      )}
    </span>
  );
}

/** One job's printable page: on screen with its actions; on paper the header and the numbered text only. */
export function PrintJobPage({ id }: { id: string }) {
  const fetchJob = useCallback(() => Promise.all([judge.getPrintJob(id), judge.listPrintJobs()]), [id]);
  const { data, error, reload } = useLiveQuery(fetchJob, ['printJobs']);
  const job = data?.[0] ?? null;
  return (
    <section className="print-job-page">
      <div className="print-job-screen">
        <p className="back-link">
          <a href={viewHref('print-jobs')}>← All print jobs</a>
        </p>
        {error && <Notice tone="error">Could not load print job {id}: {error}.</Notice>}
        {data === null && !error && <Loading what={`print job ${id}`} />}
        {job && (
          <div className="view-head print-job-head">
            <h1>
              Print job {job.id}: {job.fileName}
            </h1>
            <button type="button" className="primary" onClick={() => window.print()}>
              Print this page
            </button>
            <PrintJobActions job={job} canSend={data![1].printing.command !== null} onChanged={reload} />
          </div>
        )}
        {job && (
          <p className="print-job-state">
            <PrintJobState job={job} />
          </p>
        )}
      </div>
      {job && (
        <article className="printout" aria-label={`Printout of ${job.fileName} for ${job.teamName}`}>
          <header className="printout-head">
            <p className="printout-team">{job.teamName}</p>
            <p className="printout-location">{job.location ?? 'Location not given'}</p>
            <p className="printout-meta">
              {job.fileName}
              {job.languageId && ` (${job.languageId})`} · sent {formatDateTime(job.submittedAt)} · team {job.teamId} · print job {job.id}
            </p>
          </header>
          <NumberedText text={job.text} />
        </article>
      )}
    </section>
  );
}

/** The text as lines with their numbers (the numbers are not copied with a selection). */
function NumberedText({ text }: { text: string }) {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const width = String(lines.length).length;
  return (
    <pre className="printout-text" style={{ ['--number-width' as string]: `${width}ch` }} tabIndex={0} aria-label="The text to print, with line numbers">
      {lines.map((line, i) => (
        <span className="printout-line" key={i}>
          <span className="printout-number" aria-hidden="true">
            {i + 1}
          </span>
          {line === '' ? '\u200b' : line}
          {'\n'}
        </span>
      ))}
    </pre>
  );
}
