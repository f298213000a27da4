// What `verdict serve` (and so `npm start` without Electron) prints once it listens: where the
// teams and the judges go, who can log in and from which file, where the data is kept, and what
// is not right yet (pages not built, no sandbox, warnings of the contest folder).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ContestDefinition } from '../contest/model.ts';
import { NOT_BUILT_HELP } from '../server/pagesNotBuilt.ts';
import { escapeControls } from './output.ts';

/** The files a contest folder's logins may come from, in the order loadContest reads them. */
const ACCOUNT_FILES = ['accounts.yaml', 'accounts.yml', 'accounts.json'];


export interface BannerFacts {
  contest: Pick<ContestDefinition, 'dir' | 'accounts' | 'problems' | 'teams'>;
  /** The contest's name and id as the store has them. */
  name: string;
  contestId: string;
  url: string;
  dataDir: string;
  pagesBuilt: boolean;
}

/** "5 team, 1 judge and 1 admin accounts". */
function accountCounts(accounts: ContestDefinition['accounts']): string {
  const byType = new Map<string, number>();
  for (const a of accounts) byType.set(a.type, (byType.get(a.type) ?? 0) + 1);
  const parts = [...byType].map(([type, n]) => `${n} ${type}`);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0];
  return `${list} account${accounts.length === 1 ? '' : 's'}`;
}

/** Where the logins come from: the contest folder's accounts file, or what to do without one. */
function loginsLine(contest: BannerFacts['contest']): string {
  const file = ACCOUNT_FILES.map((name) => join(contest.dir, name)).find((path) => existsSync(path));
  if (!file) return `none yet: add accounts.json or accounts.yaml to ${contest.dir}, or import teams in the console (it makes their passwords)`;
  if (contest.accounts.length === 0) return `${file} (no accounts in it)`;
  return `${file} (${accountCounts(contest.accounts)}; usernames and passwords are in that file)`;
}

/** The lines, each to be printed as it is. */
export function serveBanner(facts: BannerFacts): string[] {
  const { contest, url } = facts;
  const lines = [
    `verdict: ${escapeControls(facts.name)} (${contest.problems.length} problems, ${contest.teams.length} teams)`,
    `verdict: contestants' portal  ${url}/`,
    `verdict: judges' console      ${url}/console`,
    `verdict: contest API          ${url}/api/contests/${facts.contestId}`,
    `verdict: logins               ${escapeControls(loginsLine(contest))}`,
    `verdict: data folder          ${facts.dataDir} (log in ${facts.dataDir}/logs/)`,
  ];
  if (!facts.pagesBuilt) lines.push(`verdict: warning: ${NOT_BUILT_HELP}`);
  return lines;
}
