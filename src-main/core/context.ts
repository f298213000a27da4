// The running contest's core, as the two front ends share it: the judges' console (console/, over
// Electron IPC or HTTP) and the server (server/: the portal, the CLICS API) both work on this one
// object, built once by `verdict serve` or the desktop app (server/contestServer.ts). What only HTTP
// needs (sessions, the live hub, rate limits) is in server/'s ServerContext, which extends this.
import type { ContestAccount, ContestDefinition } from '../contest/model.ts';
import type { ProblemCatalogue } from '../contest/problemCatalogue.ts';
import type { JudgeEngine } from '../judging/engine.ts';
import type { JudgingService } from '../judging/judgingService.ts';
import type { ScoreboardService } from '../store/scoreboardService.ts';
import type { Store } from '../store/store.ts';
import type { SubmissionIntake } from './submissionIntake.ts';

/** The accounts that may log in, as far as the console sees them (server/accounts.ts's AccountDirectory). */
interface AccountRoster {
  /** How many passwords have been hashed into the store so far, of how many. */
  progress(): { hashed: number; total: number };
  /** Accounts added to the contest folder since it was read. */
  add(accounts: readonly ContestAccount[]): void;
}

export interface CoreContext {
  store: Store;
  /** The contest folder as last read: the console replaces it after an import into the folder. */
  contest: ContestDefinition;
  engine: JudgeEngine;
  judging: JudgingService;
  /** Where every submission comes in: written with group commit (durable before the sender's answer). */
  intake: SubmissionIntake;
  problems: ProblemCatalogue;
  scoreboard: ScoreboardService;
  accounts: AccountRoster;
  /** The data folder (verdict.db; exports are written under exports/). */
  dataDir: string;
  now: () => number;
}
