// The contest's settings: start, length and freeze; which languages teams may use; and releasing
// the final scoreboard after the contest; exporting the results.
import { useEffect, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { EXPORT_FILES, type ConsoleLanguage, type ExportJob } from '../../../src-main/shared/judgeApi.ts';
import { Field, FormError, Loading, Notice } from '../../shared/ui.tsx';
import { judge } from '../api.ts';
import { formatHoursMinutes, fromDatetimeLocal, parseHoursMinutes, toDatetimeLocal } from '../format.ts';
import { readSchedule, type ContestPhase } from '../../shared/clock.ts';
import { formatDateTime } from '../../shared/format.ts';
import { perform, refreshSnapshot } from '../loaders.ts';
import { onSignal } from '../signals.ts';
import { useConsole } from '../store/index.ts';
import { useConfirmation } from './ConfirmDialog.tsx';
import { ContestControls } from './ContestControls.tsx';

export function Contest() {
  const { clock, name } = useConsole(useShallow((s) => ({ clock: s.clock, name: s.contest?.name ?? null })));
  return (
    <section className="contest-view">
      <h1 id="contest-title">Contest{name ? `: ${name}` : ''}</h1>
      {!clock ? (
        <Loading what="the contest" />
      ) : (
        <>
          <TimesForm />
          <Languages />
          <Release />
          <Exports />
        </>
      )}
    </section>
  );
}

interface TimesDraft {
  start: string;
  duration: string;
  freeze: string;
  penalty: string;
}

function draftOf(clock: { startTime: number | null; durationMs: number; freezeMs: number; penaltyMinutes: number }): TimesDraft {
  return { start: toDatetimeLocal(clock.startTime), duration: formatHoursMinutes(clock.durationMs), freeze: formatHoursMinutes(clock.freezeMs), penalty: String(clock.penaltyMinutes) };
}

function TimesForm() {
  const clock = useConsole((s) => s.clock)!;
  // The judge's edits, null while not editing: the fields then follow changes made elsewhere.
  const [edited, setEdited] = useState<TimesDraft | null>(null);
  const draft = edited ?? draftOf(clock);
  const dirty = edited !== null;
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const notify = useConsole((s) => s.notify);
  const clockOffsetMs = useConsole((s) => s.clockOffsetMs);
  const { ask, dialog } = useConfirmation();

  const edit = (patch: Partial<TimesDraft>): void => {
    setEdited((d) => ({ ...(d ?? draft), ...patch }));
  };

  const save = (event: FormEvent): void => {
    event.preventDefault();
    // An untouched start is sent as it was (to the millisecond), not as the field rounds it.
    const startTime = draft.start === toDatetimeLocal(clock.startTime) ? clock.startTime : fromDatetimeLocal(draft.start);
    const durationMs = parseHoursMinutes(draft.duration);
    const freezeMs = parseHoursMinutes(draft.freeze);
    const penaltyMinutes = /^\d{1,4}$/.test(draft.penalty.trim()) ? Number(draft.penalty.trim()) : null;
    const why =
      startTime === undefined
        ? 'The start time is not a date and time.'
        : durationMs === null || durationMs <= 0
          ? 'Give the duration as h:mm, e.g. 5:00.'
          : freezeMs === null
            ? 'Give the freeze as h:mm, e.g. 1:00 (0:00 for none).'
            : freezeMs > durationMs
              ? 'The freeze cannot be longer than the contest.'
              : penaltyMinutes === null
                ? 'Give the penalty as whole minutes, e.g. 20.'
                : null;
    if (why) {
      setProblem(why);
      return;
    }
    setProblem(null);
    const times = { startTime: startTime ?? null, durationMs: durationMs!, freezeMs: freezeMs!, penaltyMinutes: penaltyMinutes! };
    if (!endsAtOnce(clock, times, clockOffsetMs)) {
      void store(times);
      return;
    }
    ask({
      title: 'End the contest with these times?',
      body: (
        <p>
          With a start at {times.startTime === null ? '—' : formatDateTime(times.startTime)} and a duration of {formatHoursMinutes(times.durationMs)}, the contest is over at once: teams can
          no longer submit; what they have submitted is still judged.
        </p>
      ),
      confirm: 'Save and end the contest',
      onConfirm: () => void store(times),
    });
  };

  const store = async (times: { startTime: number | null; durationMs: number; freezeMs: number; penaltyMinutes: number }): Promise<void> => {
    setBusy(true);
    const ok = await perform('Could not save the contest times', async () => {
      await judge.setContestTimes(times);
      return true;
    });
    await refreshSnapshot();
    setBusy(false);
    if (ok) {
      setEdited(null);
      notify('success', 'Contest times saved.');
    }
  };

  return (
    <form className="card times-form" onSubmit={save} noValidate>
      <h2 id="times-title">Times and penalty</h2>
      <ContestControls />
      <div className="form-row">
        <Field label="Start time">
          {(id) => <input id={id} type="datetime-local" step={1} value={draft.start} onChange={(e) => edit({ start: e.target.value })} />}
        </Field>
        <Field label="Duration" className="field-narrow">
          {(id) => <input id={id} value={draft.duration} onChange={(e) => edit({ duration: e.target.value })} placeholder="5:00" inputMode="numeric" />}
        </Field>
        <Field label="Freeze" className="field-narrow">
          {(id) => <input id={id} value={draft.freeze} onChange={(e) => edit({ freeze: e.target.value })} placeholder="1:00" inputMode="numeric" />}
        </Field>
        <Field label="Penalty (minutes)" className="field-narrow">
          {(id) => <input id={id} value={draft.penalty} onChange={(e) => edit({ penalty: e.target.value })} placeholder="20" inputMode="numeric" />}
        </Field>
      </div>
      <p className="muted small">
        {clock.startTime !== null && `Starts ${formatDateTime(clock.startTime)}. `}
        Duration and freeze as h:mm; the freeze covers the last part of the contest (0:00: no freeze). An empty start leaves the contest unscheduled. Times are in this
        computer’s time zone.
      </p>
      <FormError message={problem} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          Save times
        </button>
        {dirty && (
          <button type="button" onClick={() => setEdited(null)} disabled={busy}>
            Discard changes
          </button>
        )}
      </div>
      {dialog}
    </form>
  );
}

/** Whether saving `next` puts a contest that is not over past its end now (a shorter duration, an earlier start). */
function endsAtOnce(current: ScheduleTimes, next: ScheduleTimes, clockOffsetMs: number): boolean {
  const serverNow = Date.now() + clockOffsetMs;
  return phaseAt(current, serverNow) !== 'over' && phaseAt(next, serverNow) === 'over';
}

type ScheduleTimes = { startTime: number | null; durationMs: number; freezeMs: number };

/** The phase of a schedule at `serverNow` (an unscheduled contest never runs). */
function phaseAt(times: ScheduleTimes, serverNow: number): ContestPhase {
  return times.startTime === null ? 'unscheduled' : readSchedule({ startTime: times.startTime, durationMs: times.durationMs, freezeMs: times.freezeMs }, serverNow).phase;
}

function Languages() {
  const languages = useConsole((s) => s.languages);
  return (
    <section className="card">
      <h2 id="languages-title">Languages</h2>
      {languages.length === 0 ? (
        <p className="muted">No languages are configured.</p>
      ) : (
        <ul className="languages">
          {languages.map((l) => (
            <LanguageItem key={l.id} language={l} />
          ))}
        </ul>
      )}
    </section>
  );
}

function LanguageItem({ language: l }: { language: ConsoleLanguage }) {
  // The box shows the judge's choice while it is being saved, then the core's answer.
  const [wanted, setWanted] = useState<boolean | null>(null);
  const busy = wanted !== null;
  const toggle = async (enabled: boolean): Promise<void> => {
    setWanted(enabled);
    await perform(`Could not ${enabled ? 'enable' : 'disable'} ${l.name}`, () => judge.setLanguageEnabled(l.id, enabled));
    // No event carries languages: read them again.
    await refreshSnapshot();
    setWanted(null);
  };
  // A language whose compiler is missing cannot be offered to teams, whatever was ticked: shown off and not tickable.
  return (
    <li className={l.available ? 'language' : 'language unavailable'} data-language-id={l.id}>
      <label className="toggle">
        <input type="checkbox" checked={l.available && (wanted ?? l.enabled)} disabled={busy || !l.available} onChange={(e) => void toggle(e.target.checked)} />
        {l.name}
      </label>
      {!l.available && (
        <>
          <span className="chip chip-warn">not installed</span>
          <span className="small">teams cannot use it until it is installed on this computer</span>
        </>
      )}
      {l.timeFactor !== 1 && (
        <span className="chip chip-factor" title="contest.yaml's language_time_factors">
          time limits × {l.timeFactor}
        </span>
      )}
      <span className="muted small mono">{l.detail}</span>
    </li>
  );
}

function Release() {
  const { thawed, ended, finalized } = useConsole(useShallow((s) => ({ thawed: s.clock?.thawed ?? false, ended: s.clock?.ended ?? false, finalized: s.clock?.finalized ?? false })));
  const [wanted, setWanted] = useState<boolean | null>(null);
  const [finalizing, setFinalizing] = useState(false);
  const busy = wanted !== null || finalizing;
  const { ask, dialog } = useConfirmation();
  const toggle = async (next: boolean): Promise<void> => {
    setWanted(next);
    await perform(next ? 'Could not release the final scoreboard' : 'Could not freeze the scoreboard again', () => judge.setThawed(next));
    await refreshSnapshot();
    setWanted(null);
  };
  const onToggle = (next: boolean): void => {
    if (!next) return void toggle(false);
    ask({
      title: 'Release the final scoreboard?',
      body: (
        <p>
          Every team and the public see every result at once, the frozen ones too.
          {ended ? ' The contest is over, so this cannot be taken back.' : ' The contest is not over yet: results stay visible as they come in until you freeze the scoreboard again.'}
        </p>
      ),
      confirm: 'Release the final scoreboard',
      onConfirm: () => void toggle(true),
    });
  };
  const finalize = async (): Promise<void> => {
    setFinalizing(true);
    await perform('Could not finalize the results', () => judge.finalizeResults());
    await refreshSnapshot();
    setFinalizing(false);
  };
  return (
    <section className="card">
      <h2 id="release-title">Final scoreboard</h2>
      {!ended && !thawed && <Notice tone="info">The contest is not over yet: releasing now shows every result to teams at once.</Notice>}
      <label className="toggle">
        {/* Once the contest is over, a release is for good (the CLICS state says thawed). */}
        <input type="checkbox" checked={wanted ?? thawed} disabled={busy || (ended && thawed)} onChange={(e) => onToggle(e.target.checked)} />
        Release final scoreboard
      </label>
      <p className="muted small">{thawed ? 'Released: teams and the public see every result.' : 'Not released: after the freeze, teams see the frozen scoreboard.'}</p>
      <div className="button-row">
        <button type="button" onClick={() => void finalize()} disabled={busy || !ended || finalized}>
          {finalized ? 'Results are final' : 'Finalize results'}
        </button>
      </div>
      <p className="muted small">
        {finalized
          ? 'Final: the results will not change.'
          : 'Once the contest is over, every submission judged (none with a judging error) and every question answered, the results can be declared final.'}
      </p>
      {dialog}
    </section>
  );
}

/** Exporting the results: started here, built in the background, progress live; files to open in a browser. */
function Exports() {
  const [jobs, setJobs] = useState<ExportJob[]>([]);
  const [busy, setBusy] = useState(false);
  // The list is set when the answer arrives (a callback, not the effect's own body); perform
  // reports a failure itself and answers undefined, so the promise does not reject.
  const refresh = (): void => {
    void perform('Could not list the exports', () => judge.listExports()).then((list) => {
      if (list) setJobs(list);
    });
  };
  useEffect(() => {
    refresh();
    return onSignal('exports', refresh);
  }, []);
  const start = async () => {
    setBusy(true);
    await perform('Could not start the export', () => judge.startExport());
    setBusy(false);
    refresh();
  };
  // In a browser the files are served by the judge; in the desktop app the folder is on this machine.
  const files = judge.exportFiles;
  const openFolder = async (jobId: string): Promise<void> => {
    if (files.via === 'folder') await perform('Could not open the export folder', () => files.open(jobId));
  };
  return (
    <section className="card">
      <h2>Results</h2>
      <p className="muted small">
        The CLICS contest package, results.tsv and awards, the scoreboard as CSV and JSON, and a printable standings page, written in the background into a new folder.
      </p>
      <button type="button" className="primary" onClick={() => void start()} disabled={busy}>
        Export results
      </button>
      {jobs.length > 0 && (
        <ul className="export-jobs">
          {jobs.map((job) => (
            <li key={job.id} data-export-state={job.state}>
              <strong>{job.state === 'running' ? `Exporting… ${job.filesWritten} files` : job.state === 'done' ? 'Exported' : 'Export failed'}</strong>{' '}
              <span className="mono small">{job.path}</span>
              {job.message && <span className="muted small"> — {job.message}</span>}
              {job.state === 'done' &&
                (files.via === 'link' ? (
                  <span className="export-files">
                    {EXPORT_FILES.map((file) => (
                      <a key={file} href={files.url(job.id, file)} target="_blank" rel="noopener">
                        {file}
                      </a>
                    ))}
                  </span>
                ) : (
                  <button type="button" className="small" onClick={() => void openFolder(job.id)}>
                    Open folder
                  </button>
                ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
