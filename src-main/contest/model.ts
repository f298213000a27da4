// A contest as read from a contest folder (CLICS contest package layout). Plain data.
import { FileError } from '../common/errors.ts';
import type { ExtensionLanguages } from '../common/languages.ts';

export interface ContestProblem {
  /** Problem id: the package folder's (or zip's) name. */
  id: string;
  /** Short label shown on the scoreboard ("A", "B", ...). */
  label: string;
  name: string;
  /** Colour name and #rrggbb, as problems.yaml gives them (may be empty). */
  color: string;
  rgb: string;
  /** Absolute path of the package folder or zip. */
  packagePath: string;
  ordinal: number;
}

export interface ContestTeam {
  id: string;
  name: string;
  displayName: string;
  organizationId: string | null;
  groupIds: string[];
  /** Hidden teams are judged but not shown on the public scoreboard. */
  hidden: boolean;
}

export type AccountType = 'team' | 'judge' | 'admin';

export interface ContestAccount {
  id: string;
  username: string;
  type: AccountType;
  /** For team accounts: the team they belong to. */
  teamId: string | null;
  /** Plain-text password as imported (hashed when stored), or null when `passwordHash` is given. */
  password: string | null;
  /** A precomputed hash (from an earlier export), or null. */
  passwordHash: string | null;
}

export interface ContestDefinition {
  id: string;
  name: string;
  formalName: string;
  /** Contest start as epoch ms, or null when not scheduled yet. */
  startTime: number | null;
  durationMs: number;
  /** Length of the scoreboard freeze before the end (0 = no freeze). */
  freezeMs: number;
  penaltyMinutes: number;
  /** contest.yaml's extension_languages: the language per file extension several share ({ py: 'pypy3' }). */
  extensionLanguages?: ExtensionLanguages;
  problems: ContestProblem[];
  teams: ContestTeam[];
  accounts: ContestAccount[];
  /** Groups the contest folder defines (groups.json / groups.yaml); teams may name others, which are then named by their id. */
  groups?: { id: string; name: string; hidden: boolean }[];
  /** Organizations the contest folder defines (organizations.json / organizations.yaml). */
  organizations?: { id: string; name: string; formal_name: string; country?: string }[];
  /** Absolute path of the contest folder. */
  dir: string;
  /** Non-fatal observations (e.g. a team without an account). */
  warnings: string[];
}

/** A contest folder that cannot be used: one clear message naming the file. */
export class ContestError extends FileError {
  constructor(file: string, message: string) {
    super(file, message);
    this.name = 'ContestError';
  }
}
