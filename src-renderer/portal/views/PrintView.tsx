// Print: a team sends a source file or pasted text to the staff's printer (the printout is brought to
// its seat) and sees its own jobs, waiting or printed. Open while the contest runs; the server says
// why not otherwise (printing off, not started, over). A job's state changes at the staff's desk, so
// the list is asked for again every little while as long as this view is open.
import { useCallback, useEffect, useState, type ChangeEvent, type FormEvent } from 'react';
import type { PortalPrintJob, PortalPrintJobs } from '../../../src-main/shared/portalApi.ts';
import { asyncHandler } from '../../shared/asyncHandler.ts';
import { formatBytes, formatTimeOfDay } from '../../shared/format.ts';
import { messageOf } from '../../shared/http.ts';
import { Field, FormError, Loading, Notice } from '../../shared/ui.tsx';
import { get, post } from '../api.ts';
import { usePortal } from '../store.ts';
import { useFormError } from '../useFormError.ts';

/** How often the list is asked for again while the view is open (a printed job changes at the desk). */
const JOBS_REFRESH_MS = 15_000;

export function PrintView() {
  const [jobs, setJobs] = useState<PortalPrintJobs | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // The state is set when the answer arrives (a callback, not the effect's own body).
  const load = useCallback(
    (): Promise<void> =>
      get<PortalPrintJobs>('/api/portal/print').then(
        (answer) => {
          setJobs(answer);
          setLoadError(null);
        },
        (error: unknown) => setLoadError(messageOf(error)),
      ),
    [],
  );
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), JOBS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  return (
    <section aria-labelledby="print-title" className="print-view">
      <h1 id="print-title">Print</h1>
      <p className="muted">Send a source file or some text to the contest’s printer: the staff bring the printout to your seat.</p>
      {jobs === null ? (
        loadError ? <Notice tone="error">Could not load your print jobs: {loadError}.</Notice> : <Loading what="your print jobs" />
      ) : (
        <>
          {jobs.closed ? <Notice tone="warning">Printing is not possible now: {jobs.closed}.</Notice> : <PrintForm maxBytes={jobs.maxBytes} onSent={load} />}
          {loadError && <Notice tone="error">Could not refresh your print jobs: {loadError}.</Notice>}
          <h2>Your print jobs</h2>
          <PrintJobs jobs={jobs.jobs} />
        </>
      )}
    </section>
  );
}

function PrintForm({ maxBytes, onSent }: { maxBytes: number; onSent: () => Promise<void> }) {
  const [fileName, setFileName] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useFormError();
  const [sent, setSent] = useState<string | null>(null);
  const tooLarge = new TextEncoder().encode(text).length > maxBytes;

  const onUpload = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > maxBytes) {
      setError(`${file.name} is ${formatBytes(file.size)}: at most ${formatBytes(maxBytes)} can be printed.`);
      return;
    }
    void file.text().then((content) => {
      if (content.includes('\u0000')) {
        setError(`${file.name} is not a text file.`);
        return;
      }
      setError(null);
      setFileName(file.name);
      setText(content);
    });
  };

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!text.trim()) {
      setError('Choose a file or paste the text to print first.');
      return;
    }
    setBusy(true);
    setError(null);
    setSent(null);
    try {
      const job = await post<PortalPrintJob>('/api/portal/print', { fileName, text });
      setText('');
      setFileName('');
      setSent(job.fileName);
      await onSent();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  // Any text file: a header, an input file or notes print as well as a source.
  return (
    <form className="card print-form" onSubmit={asyncHandler(onSubmit)} noValidate>
      <div className="print-file">
        <label className="button upload">
          Choose a file…
          <input type="file" className="visually-hidden" onChange={onUpload} />
        </label>
        <span className="muted">or paste the text below (at most {formatBytes(maxBytes)}).</span>
      </div>
      <Field label="File name (printed at the top; optional)">
        {(id) => <input id={id} type="text" value={fileName} onChange={(e) => setFileName(e.target.value)} placeholder="solution.cpp" maxLength={200} />}
      </Field>
      <Field label="Text to print">
        {(id) => <textarea id={id} className="mono" rows={10} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />}
      </Field>
      {tooLarge && <p className="form-error">This is more than {formatBytes(maxBytes)}: it cannot be printed.</p>}
      <FormError message={error} />
      {sent !== null && (
        <p className="form-ok" role="status">
          Sent {sent} to the printer.
        </p>
      )}
      <div>
        <button type="submit" className="primary" disabled={busy || tooLarge}>
          {busy ? 'Sending…' : 'Print'}
        </button>
      </div>
    </form>
  );
}

function PrintJobs({ jobs }: { jobs: readonly PortalPrintJob[] }) {
  const languages = usePortal((s) => s.overview?.languages ?? []);
  if (jobs.length === 0) return <p className="muted">Nothing sent to print yet.</p>;
  return (
    <div className="table-wrap">
      <table className="print-jobs" aria-labelledby="print-title">
        <thead>
          <tr>
            <th scope="col">Sent</th>
            <th scope="col">File</th>
            <th scope="col" className="hide-narrow">
              Language
            </th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <tr key={job.id} data-print-job-id={job.id}>
              <td className="mono">{formatTimeOfDay(job.submittedAt)}</td>
              <td className="mono file-cell">{job.fileName}</td>
              <td className="hide-narrow">{job.languageId ? (languages.find((l) => l.id === job.languageId)?.name ?? job.languageId) : 'text'}</td>
              <td className={job.printed ? 'print-state printed' : 'print-state'}>{job.printed ? 'Printed' : 'Waiting for the printer'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
