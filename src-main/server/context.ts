// Everything the HTTP routes need, built once by `verdict serve` (or the desktop app): the core the
// console shares (core/context.ts) and what only HTTP uses.
import type { PackageArchives } from '../judging/packageArchives.ts';
import type { RemoteJudging } from '../judging/remoteJudging.ts';
import type { CoreContext } from '../core/context.ts';
import type { AccountDirectory } from './accounts.ts';
import type { Authenticator } from './auth.ts';
import type { LiveHub } from './liveHub.ts';
import type { RateLimiter } from './rateLimit.ts';

export interface ServerContext extends CoreContext {
  accounts: AccountDirectory;
  auth: Authenticator;
  live: LiveHub;
  limits: { submissions: RateLimiter; clarifications: RateLimiter };
  /** The problem packages as remote judgehosts fetch them (by SHA-256). */
  packageArchives: PackageArchives;
  /** The queue remote judgehosts take judgings from (`verdict serve --queue`), or null. */
  remoteJudging: RemoteJudging | null;
  /** Folder with the built renderer (portal/, console/, assets/), or null when not built. */
  rendererDir: string | null;
}
