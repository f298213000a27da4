// Test helpers for the store: a small contest definition and stores in temporary folders.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContestDefinition } from '../contest/model.ts';
import type { JudgeResult } from '../common/results.ts';
import type { Verdict } from '../common/types.ts';
import { Store } from './store.ts';

/** 2030-01-01T10:00:00.000Z */
export const START = Date.UTC(2030, 0, 1, 10, 0, 0);
export const HOUR = 3_600_000;

export function contestDefinition(): ContestDefinition {
  return {
    id: 'demo',
    name: 'Demo',
    formalName: 'Demo Contest 2030',
    startTime: START,
    durationMs: 5 * HOUR,
    freezeMs: HOUR,
    penaltyMinutes: 20,
    problems: [
      { id: 'hello', label: 'A', name: 'Hello', color: 'red', rgb: '#ff0000', packagePath: '/contest/hello', ordinal: 1 },
      { id: 'sum', label: 'B', name: 'Sum', color: '', rgb: '', packagePath: '/contest/sum', ordinal: 2 },
    ],
    teams: [
      { id: 't1', name: 'Team 1', displayName: 'Team One', organizationId: null, groupIds: ['participants'], hidden: false },
      { id: 't2', name: 'Team 2', displayName: 'Team Two', organizationId: 'uni', groupIds: [], hidden: false },
      { id: 't3', name: 'Team 3', displayName: 'Team Three', organizationId: null, groupIds: [], hidden: true },
    ],
    accounts: [
      { id: 'acc-t1', username: 'team1', type: 'team', teamId: 't1', password: 'plain-secret-one', passwordHash: null },
      { id: 'acc-t2', username: 'team2', type: 'team', teamId: 't2', password: 'plain-secret-two', passwordHash: null },
      { id: 'acc-judge', username: 'judge', type: 'judge', teamId: null, password: null, passwordHash: 'scrypt$16384$8$1$c2FsdA$a2V5' },
    ],
    dir: '/contest',
    warnings: [],
  };
}

export interface TempStore {
  store: Store;
  dir: string;
  file: string;
  reopen(): Store;
  dispose(): void;
}

/** A store in a fresh temporary folder; `imported` loads contestDefinition() (passwords left unhashed: fast). */
export function tempStore(options: { imported?: boolean } = {}): TempStore {
  const dir = mkdtempSync(join(tmpdir(), 'verdict-store-'));
  const file = join(dir, 'data', 'contest.sqlite');
  const t: TempStore = {
    store: Store.open(file),
    dir,
    file,
    reopen() {
      t.store.close();
      t.store = Store.open(file);
      return t.store;
    },
    dispose() {
      t.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  if (options.imported !== false) t.store.contest.import(contestDefinition(), { hashPasswords: false, now: START - HOUR });
  return t;
}

export function source(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}

export function judgeResult(verdict: Verdict, tests: Array<[string, Verdict, number]>): JudgeResult {
  return {
    verdict,
    tests: tests.map(([name, v, timeMs]) => ({ name, verdict: v, timeMs, wallMs: timeMs + 5, memoryKb: 2048 + timeMs, exitCode: v === 'RTE' ? 1 : 0, signal: 0, message: v === 'AC' ? '' : `${v} on ${name}` })),
    compile: { ok: verdict !== 'CE', output: verdict === 'CE' ? 'error: expected ;' : '', timeMs: 300 },
    timeMs: Math.max(0, ...tests.map((t) => t[2])),
    memoryKb: 2048 + Math.max(0, ...tests.map((t) => t[2])),
  };
}

// ---- durability.test.ts and its child process

/** The source of submission `seq` of `round`: binary, of varying length, so that any damage shows. */
export function durabilityPayload(round: number, seq: number): Buffer {
  const header = Buffer.from(`// round ${round} submission ${seq}\n`);
  const body = Buffer.alloc(64 + ((seq * 997) % 4000));
  for (let k = 0; k < body.length; k++) body[k] = (seq * 31 + k * 7 + round) & 0xff;
  return Buffer.concat([header, body]);
}

/** Which seq gets a finished judgement, and which one is left judging when the kill comes. */
export const JUDGED_SEQ = 20;
export const JUDGING_SEQ = 30;
