// Messages between the judge core and its judgehost child process (Node IPC, structured clone).
import type { JudgeProgress, JudgeResult } from './results.ts';
import type { SandboxInfo } from './sandboxInfo.ts';
import type { OutputValidatorSource, TestCase, TestGroup } from './types.ts';

/** A language as the host found it on its machine. */
export interface LanguageInfo {
  id: string;
  name: string;
  extensions: string[];
  available: boolean;
  /** Toolchain version, or why it is unavailable. */
  detail: string;
}

/** Everything a judgehost needs to judge one submission; plain data so it can cross a process (or a network). */
export interface JudgeJob {
  id: string;
  sourcePath: string;
  fileName: string;
  languageId: string;
  problem: {
    id: string;
    testCases: TestCase[];
    testGroups: TestGroup[];
    timeLimitMs: number;
    memoryLimitMb: number;
    outputLimitMb: number;
    validation: 'default' | 'custom';
    interactive: boolean;
    /** Multi-pass problems: the most passes per test case; null otherwise. */
    multiPassLimit: number | null;
    /** Submit-answer problems: the submission is the answers (nothing is compiled or run). */
    submitAnswer: boolean;
    /** A scoring problem: `testGroups` carry their scoring rules, the result its score (absent: pass-fail). */
    scoring?: boolean;
    outputValidator: OutputValidatorSource | null;
  };
  runAllTests?: boolean;
}

export interface HostStats {
  runs: number;
  /** Time the host's event loop spent inside pty.spawn, per run (ms). */
  spawnBlockMsP50: number;
  spawnBlockMsP99: number;
  spawnBlockMsMax: number;
}

export type ToHost =
  | { type: 'judge'; job: JudgeJob; slot: number }
  | { type: 'cancel'; jobId: string }
  | { type: 'stats' }
  /** Heartbeat: a host that does not answer in time is taken for stopped and replaced. */
  | { type: 'ping'; seq: number };

export type FromHost =
  | { type: 'ready'; sandbox: SandboxInfo; languages: LanguageInfo[] }
  | { type: 'progress'; jobId: string; progress: JudgeProgress }
  | { type: 'output'; jobId: string; data: string }
  | { type: 'done'; jobId: string; result: JudgeResult }
  | { type: 'stats'; stats: HostStats }
  | { type: 'pong'; seq: number }
  | { type: 'fatal'; message: string };
