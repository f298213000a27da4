// What a remote judgehost (`verdict judgehost`) and the core say to each other over HTTP, under
// /api/judgehost, with the judgehost account's HTTP Basic credentials. Jobs themselves travel over
// the queue (BullMQ on Redis); what they name (packages, sources) is fetched here.
import type { SandboxLevel } from './sandboxInfo.ts';

/** Where the routes are. */
export const JUDGEHOST_API = '/api/judgehost';

/** A contest problem as a judgehost sees it: its package's archive (GET packages/:sha256), or why there is none. */
export type JudgehostProblem = { id: string; sha256: string; bytes: number } | { id: string; error: string };

/** GET problems: every problem of the contest, and the server's own sandbox level (a judgehost with a weaker one joins only when allowed). */
export interface JudgehostProblems {
  problems: JudgehostProblem[];
  sandbox: SandboxLevel;
}

/** A package archive's name: the lower-case hex SHA-256 of its bytes. */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** GET judgements/:id/sources?attempt=N: the submission's files (one, or several: then written as a folder, as the core writes them), base64. */
export interface JudgingSources {
  files: { fileName: string; base64: string }[];
}
