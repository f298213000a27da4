// What the server knows of each remote judgehost, from its heartbeats and the judges' orders: its
// workers, sandbox level, languages, calibration, the judgings it runs, and its state. A judge may
// pause one (it takes no new judging until resumed; the running ones finish) or drain one (the same,
// and then its process exits for maintenance). Only an active live judgehost's workers count in the
// pool's capacity, so an order takes effect at the server at once; the judgehost hears it in the
// answer to its next heartbeat. A judgehost not heard from for a while is gone: it stays listed, with
// when, so a judge sees which machine went away. Pure state: remoteJudging.ts feeds it the clock.
import { queueLanguages, type JudgehostHeartbeat, type JudgehostMode, type JudgehostState } from '../common/remoteJobs.ts';

/** A judgehost not heard from for this long is gone: its workers leave the pool (it beats every 2 s). */
export const JUDGEHOST_TIMEOUT_MS = 6000;

export interface RemoteJudgehostStatus {
  name: string;
  workers: number;
  busy: number;
  sandbox: string | null;
  languages: string[];
  /** Median CPU time of the reference workload on this judgehost (calibration.ts), or null. */
  calibrationMs: number | null;
  /** Judgement ids it is judging now. */
  judgementIds: string[];
  state: JudgehostState;
  /** Epoch ms of its last heartbeat. */
  seenAt: number;
  /** Epoch ms it was counted gone; null while it answers. */
  goneAt: number | null;
  /** Results it reported that counted, since the server started. */
  judged: number;
}

interface Entry {
  beat: JudgehostHeartbeat;
  mode: JudgehostMode;
  seenAt: number;
  goneAt: number | null;
  judged: number;
}

export class JudgehostRoster {
  private readonly entries = new Map<string, Entry>();
  /** Judgehosts not heard from yet that a judge paused before the server restarted. */
  private readonly pausedBefore = new Set<string>();

  /**
   * A heartbeat: the judgehost is live (again). Returns the mode it is to be in, and whether it
   * (re)joined. A drained judgehost that comes back after maintenance is active again; a paused
   * one stays paused until a judge resumes it.
   */
  heartbeat(beat: JudgehostHeartbeat, now: number): { mode: JudgehostMode; joined: boolean } {
    const entry = this.entries.get(beat.name);
    if (!entry) {
      const mode = this.pausedBefore.delete(beat.name) ? 'paused' : 'active';
      this.entries.set(beat.name, { beat, mode, seenAt: now, goneAt: null, judged: 0 });
      return { mode, joined: true };
    }
    const rejoined = entry.goneAt !== null;
    if (rejoined && entry.mode === 'draining') entry.mode = 'active';
    entry.beat = beat;
    entry.seenAt = now;
    entry.goneAt = null;
    return { mode: entry.mode, joined: rejoined };
  }

  /** Whether another process has this heartbeat's name and is live (a second `verdict judgehost` given the same --name). */
  nameTaken(beat: JudgehostHeartbeat): boolean {
    const entry = this.entries.get(beat.name);
    return entry !== undefined && entry.goneAt === null && entry.beat.instance !== undefined && beat.instance !== undefined && entry.beat.instance !== beat.instance;
  }

  /** A judgehost a judge paused before the server restarted: paused from its first heartbeat. */
  pauseOnArrival(name: string): void {
    if (!this.entries.has(name)) this.pausedBefore.add(name);
  }

  /** A judge's order; false when no judgehost has that name. */
  setMode(name: string, mode: JudgehostMode): boolean {
    const entry = this.entries.get(name);
    if (!entry) return false;
    entry.mode = mode;
    return true;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** A result of this judgehost counted. */
  judgedBy(name: string): void {
    const entry = this.entries.get(name);
    if (entry) entry.judged++;
  }

  /** Marks the judgehosts silent for longer than JUDGEHOST_TIMEOUT_MS gone; their names. */
  expire(now: number): string[] {
    const gone: string[] = [];
    for (const [name, entry] of this.entries) {
      if (entry.goneAt !== null || now - entry.seenAt <= JUDGEHOST_TIMEOUT_MS) continue;
      entry.goneAt = now;
      gone.push(name);
    }
    return gone;
  }

  /** The workers that may be given judgings: those of the live judgehosts neither paused nor draining. */
  get capacity(): number {
    return this.workersOf(() => true);
  }

  /** The workers that may be given a judging in this language: those of the live active judgehosts that have it. */
  capacityFor(languageId: string): number {
    return this.workersOf((beat) => queueLanguages(beat.languages ?? []).includes(languageId));
  }

  /** The workers of the live active judgehosts whose heartbeat passes `takes`. */
  private workersOf(takes: (beat: JudgehostHeartbeat) => boolean): number {
    let workers = 0;
    for (const entry of this.entries.values()) if (entry.goneAt === null && entry.mode === 'active' && takes(entry.beat)) workers += entry.beat.workers;
    return workers;
  }

  list(): RemoteJudgehostStatus[] {
    return [...this.entries].map(([name, e]) => ({
      name,
      workers: e.beat.workers,
      busy: e.goneAt === null ? e.beat.busy : 0,
      sandbox: e.beat.sandbox ?? null,
      languages: e.beat.languages ?? [],
      calibrationMs: e.beat.calibrationMs ?? null,
      judgementIds: e.goneAt === null ? (e.beat.judgementIds ?? []) : [],
      state: stateOf(e),
      seenAt: e.seenAt,
      goneAt: e.goneAt,
      judged: e.judged,
    }));
  }
}

function stateOf(entry: Entry): JudgehostState {
  if (entry.goneAt !== null) return 'gone';
  if (entry.mode === 'paused') return 'paused';
  if (entry.mode === 'draining') return 'draining';
  return 'live';
}
