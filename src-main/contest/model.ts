// A contest as read from a contest folder (CLICS contest package layout). Plain data.
import { FileError } from '../common/errors.ts';
import type { ExtensionLanguages } from '../common/languages.ts';
import type { LanguageTimeFactors } from '../common/timeFactors.ts';

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
  /** Where the team sits (for the balloon runners), in words; absent when the teams file does not say. */
  location?: string;
}

/** A judgehost account is a remote judgehost's (`verdict judgehost`): it fetches judging work and reports results, nothing else. */
export type AccountType = 'team' | 'judge' | 'admin' | 'judgehost';

/** contest.yaml's scoreboard_type: ICPC ranking by problems solved and penalty time, or by total score. */
export type ScoreboardType = 'pass-fail' | 'score';

/**
 * contest.yaml's score_mode (score contests): how a team's score for a problem is made of its submissions'.
 * 'best-submission' (IOI's default): the best score of one submission. 'best-per-subtask': the sum over the
 * problem's subtasks (the test groups directly below data/secret) of the best score each had in any submission.
 */
export type ScoreMode = 'best-submission' | 'best-per-subtask';

export interface ContestScoring {
  scoreboardType: ScoreboardType;
  scoreMode: ScoreMode;
}

export const PASS_FAIL_SCORING: ContestScoring = { scoreboardType: 'pass-fail', scoreMode: 'best-submission' };

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

/** contest.yaml's printing and print_command: whether teams may print, and the command that prints a job (its words; the file is added last). */
export interface PrintSettings {
  enabled: boolean;
  command: string[] | null;
}

export const DEFAULT_PRINTING: PrintSettings = { enabled: true, command: null };

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
  /** contest.yaml's scoreboard_type and score_mode; absent: pass-fail. */
  scoring?: ContestScoring;
  /** contest.yaml's extension_languages: the language per file extension several share ({ py: 'pypy3' }). */
  extensionLanguages?: ExtensionLanguages;
  /** contest.yaml's language_time_factors: a language's time limit is the problem's times this ({ java: 1.5 }); absent: 1. */
  languageTimeFactors?: LanguageTimeFactors;
  /** contest.yaml's printing and print_command; absent: printing on, no command. */
  printing?: PrintSettings;
  /** clarification-answers.yaml: the stock answers the judges pick from (contest/cannedAnswers.ts); absent: the default list. */
  cannedAnswers?: string[];
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
