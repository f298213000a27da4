// Everything the HTTP routes need, built once by `verdict serve` (or the desktop app).
import type { ContestDefinition } from '../contest/model.ts';
import type { JudgingService } from '../judging/judgingService.ts';
import type { ProblemCatalogue } from '../contest/problemCatalogue.ts';
import type { ScoreboardService } from '../store/scoreboardService.ts';
import type { JudgeEngine } from '../judging/engine.ts';
import type { Store } from '../store/store.ts';
import type { AccountDirectory } from './accounts.ts';
import type { Authenticator } from './auth.ts';
import type { LiveHub } from './liveHub.ts';
import type { RateLimiter } from './rateLimit.ts';
import type { SubmissionCommitter } from './submissionCommitter.ts';

export interface ServerContext {
  store: Store;
  contest: ContestDefinition;
  engine: JudgeEngine;
  judging: JudgingService;
  problems: ProblemCatalogue;
  scoreboard: ScoreboardService;
  accounts: AccountDirectory;
  auth: Authenticator;
  live: LiveHub;
  /** Writes submissions with group commit (durable before the 202). */
  submissions: SubmissionCommitter;
  limits: { submissions: RateLimiter; clarifications: RateLimiter };
  /** The data folder (verdict.db; exports are written under exports/). */
  dataDir: string;
  /** Folder with the built renderer (portal/, console/, assets/), or null when not built. */
  rendererDir: string | null;
  now: () => number;
}
