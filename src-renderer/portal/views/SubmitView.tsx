// Submitting: problem, language (guessed from the file name, changeable), file name, the source in
// a CodeMirror editor (typed, pasted, or read from a file), and the Submit button. A submit-answer
// problem takes the answer file itself: in no language, nothing compiled or run.
import { useEffect, useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { asyncHandler } from '../../shared/asyncHandler.ts';
import { formatBytes } from '../../shared/format.ts';
import { HttpError, messageOf } from '../../shared/http.ts';
import { ProblemOptions } from '../../shared/problems.tsx';
import { retryingLazy } from '../../shared/retryingLazy.tsx';
import { Field, Notice } from '../../shared/ui.tsx';
import { defaultFileName, editorMode, languageForFile, MAX_SUBMISSION_FILES, programOfFiles } from '../languages.ts';
import { navigate } from '../route.ts';
import { selectLanguages, selectProblems, setFlash, submit, SUBMIT_RETRIES, updateDraft, usePortal } from '../store.ts';
import { useSubmitBlocker } from '../useClock.ts';
import { useFormError } from '../useFormError.ts';
import { ANSWER_LANGUAGE_ID } from '../../../src-main/common/types.ts';

// CodeMirror loads when the submit view is first opened (and again until it arrives, if the server was away).
const Editor = retryingLazy(() => import('../Editor.tsx'), {
  what: 'the editor',
  placeholder: () => <div className="editor editor-loading muted">Loading the editor…</div>,
});

/** The largest source the page sends (the server has its own limit and answers 413 above it). */
const MAX_SOURCE_BYTES = 256 * 1024;

const byteLength = (text: string): number => new TextEncoder().encode(text).length;

function explain(error: unknown): string {
  if (error instanceof HttpError) {
    switch (error.status) {
      case 413:
        return `Too large: ${error.message}`;
      case 429:
        return `Too many submissions: ${error.message}`;
      case 409:
        return `Not accepted now: ${error.message}`;
      case 401:
        return 'Your session has ended: log in again.';
      default:
        return `The server refused the submission: ${error.message}`;
    }
  }
  return `The submission could not be sent: ${messageOf(error)}. Nothing was lost; try again.`;
}

export function SubmitView({ problemId }: { problemId: string | null }) {
  const { problems, languages, draft } = usePortal(
    useShallow((s) => ({ problems: selectProblems(s), languages: selectLanguages(s), draft: s.draft })),
  );
  const blocker = useSubmitBlocker();
  const [error, setError] = useFormError();
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hintId = useId();

  // Arriving from a problem's page (#/submit/<id>) picks that problem.
  useEffect(() => {
    if (problemId && problems.some((p) => p.id === problemId) && usePortal.getState().draft.problemId !== problemId) {
      updateDraft({ problemId });
    }
  }, [problemId, problems]);

  const problem = problems.find((p) => p.id === draft.problemId);
  const answers = problem?.submitAnswer === true;
  const language = languages.find((l) => l.id === draft.languageId);
  const size = byteLength(draft.source) + draft.otherFiles.reduce((sum, f) => sum + byteLength(f.source), 0);

  const onFileName = (fileName: string): void => {
    const guessed = languageForFile(fileName, languages, draft.languageId || null);
    updateDraft({ fileName, ...(guessed ? { languageId: guessed } : {}) });
  };

  const onLanguage = (languageId: string): void => {
    const next = languages.find((l) => l.id === languageId);
    // A file name that does not fit the new language is replaced by one that does.
    const fits = draft.fileName !== '' && languageForFile(draft.fileName, next ? [next] : [], null) !== null;
    updateDraft({ languageId, ...(fits ? {} : { fileName: defaultFileName(next, problem?.label) }) });
  };

  // One file, or several uploaded together as one program (the entry file goes in the editor).
  const onUpload = (event: ChangeEvent<HTMLInputElement>): void => {
    const files = [...(event.target.files ?? [])];
    event.target.value = ''; // choosing the same files again still fires
    if (files.length === 0) return;
    setError(null);
    const total = files.reduce((sum, f) => sum + f.size, 0);
    const what = files.length === 1 ? (files[0]?.name ?? 'the file') : `these ${files.length} files`;
    if (files.length > MAX_SUBMISSION_FILES) {
      setError(`${files.length} files: a submission has at most ${MAX_SUBMISSION_FILES}.`);
      return;
    }
    if (total > MAX_SOURCE_BYTES) {
      setError(`The size of ${what} is ${formatBytes(total)}: sources over ${formatBytes(MAX_SOURCE_BYTES)} are not accepted.`);
      return;
    }
    void Promise.all(files.map(async (file) => ({ fileName: file.name, source: await file.text() }))).then(
      (read) => {
        const binary = read.find((f) => f.source.includes('\u0000'));
        if (binary) return setError(`${binary.fileName} is not a text file.`);
        const program = programOfFiles(read, languages, draft.languageId || null);
        if (!program) return setError('No file was read.');
        updateDraft({ source: program.entry.source, fileName: program.entry.fileName, otherFiles: program.others, ...(program.languageId ? { languageId: program.languageId } : {}) });
        setStatus(files.length === 1 ? `Read ${what} (${formatBytes(total)}).` : `Read ${what} (${formatBytes(total)}): ${program.entry.fileName} is the one run.`);
      },
      () => setError(`Could not read ${what}.`),
    );
  };

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy || blocker) return;
    setError(null);
    const missing = !draft.problemId ? 'Choose a problem.' : !answers && !draft.languageId ? 'Choose a language.' : !draft.fileName.trim() ? 'Enter a file name.' : !draft.source.trim() ? 'The source is empty: type, paste or upload it.' : null;
    if (missing) {
      setError(missing);
      return;
    }
    if (size > MAX_SOURCE_BYTES) {
      setError(`The source is ${formatBytes(size)}: sources over ${formatBytes(MAX_SOURCE_BYTES)} are not accepted.`);
      return;
    }
    setBusy(true);
    setStatus('Submitting…');
    try {
      const submission = await submit(
        { problemId: draft.problemId, languageId: answers ? ANSWER_LANGUAGE_ID : draft.languageId, fileName: draft.fileName.trim(), source: draft.source, ...(draft.otherFiles.length > 0 && !answers ? { otherFiles: draft.otherFiles } : {}) },
        (retry) => setStatus(`The network hiccupped: trying again (${retry} of ${SUBMIT_RETRIES})…`),
      );
      const label = problems.find((p) => p.id === submission.problemId)?.label ?? submission.problemId;
      setFlash(`Submitted ${submission.fileName} for problem ${label}.`);
      // The next submission starts from an empty form (the language stays): pasting into the old
      // source, or a problem left chosen, sent the wrong program. The list shows what was sent.
      updateDraft({ problemId: '', fileName: '', source: '', otherFiles: [] });
      navigate({ view: 'submissions' });
    } catch (e) {
      setStatus(null);
      setError(explain(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="submit-title" className="submit-view">
      <h1 id="submit-title">Submit</h1>
      {blocker && !blocker.shownEverywhere && <Notice tone="warning">{blocker.reason}</Notice>}
      <form onSubmit={asyncHandler(onSubmit)} className="submit-form" noValidate>
        <div className="submit-fields">
          <Field label="Problem">
            {(id) => (
              <select id={id} value={draft.problemId} onChange={(e) => updateDraft({ problemId: e.target.value })}>
                <option value="">Choose…</option>
                <ProblemOptions problems={problems} />
              </select>
            )}
          </Field>
          <Field label="Language">
            {(id) =>
              answers ? (
                <select id={id} value={ANSWER_LANGUAGE_ID} disabled>
                  <option value={ANSWER_LANGUAGE_ID}>Answer file (not compiled or run)</option>
                </select>
              ) : (
              <select id={id} value={draft.languageId} onChange={(e) => onLanguage(e.target.value)}>
                <option value="">Choose…</option>
                {languages.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
              </select>
              )
            }
          </Field>
          <Field label="File name">
            {(id) => (
              <input id={id} value={draft.fileName} onChange={(e) => onFileName(e.target.value)} spellCheck={false} autoCapitalize="none" autoComplete="off" placeholder="e.g. a.cpp" />
            )}
          </Field>
        </div>

        <div className="editor-frame">
          <Editor value={draft.source} onChange={(source) => updateDraft({ source })} mode={editorMode(language, draft.fileName)} label="Source code" describedBy={hintId} />
        </div>
        {draft.otherFiles.length > 0 && !answers && (
          <p className="muted other-files">
            Sent with it, as one program: <span className="mono">{draft.otherFiles.map((f) => f.fileName).join(', ')}</span>.{' '}
            <button type="button" onClick={() => updateDraft({ otherFiles: [] })}>
              Send only {draft.fileName || 'the editor\'s file'}
            </button>
          </p>
        )}
        {answers && <p className="muted">This problem takes your answer, not a program: paste or upload the answer file.</p>}
        <p className="muted small-print" id={hintId}>
          Tab indents; press Esc then Tab to leave the editor. {formatBytes(size)} of {formatBytes(MAX_SOURCE_BYTES)}.
        </p>

        {error && (
          <Notice tone="error" role="alert">
            {error}
          </Notice>
        )}
        {status && !error && (
          <p className="muted" role="status">
            {status}
          </p>
        )}

        <div className="submit-actions">
          <label className="button upload">
            Upload file
            <input type="file" multiple className="visually-hidden" onChange={onUpload} />
          </label>
          <button type="submit" className="primary" disabled={busy || blocker !== null} title={blocker?.reason}>
            {busy ? 'Submitting…' : 'Submit'}
          </button>
        </div>
      </form>
    </section>
  );
}
