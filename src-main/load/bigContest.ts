// A copy of the sample contest with many teams (team1..teamN, password "team{n}-pass"), for load
// tests and benchmarks. The problem packages are linked, not copied.
import { cpSync, mkdtempSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resourcePath } from '../common/paths.ts';

export function bigContest(teams: number): string {
  const sample = resourcePath('sample-contest');
  const dir = mkdtempSync(join(tmpdir(), 'verdict-big-contest-'));
  for (const entry of readdirSync(sample)) {
    if (entry === 'teams.json' || entry === 'accounts.json') continue;
    const from = join(sample, entry);
    if (statSync(from).isDirectory()) symlinkSync(from, join(dir, entry));
    else cpSync(from, join(dir, entry));
  }
  const numbers = Array.from({ length: teams }, (_, i) => i + 1);
  writeFileSync(join(dir, 'teams.json'), JSON.stringify(numbers.map((n) => ({ id: `team${n}`, name: `Team ${n}` }))));
  writeFileSync(
    join(dir, 'accounts.json'),
    JSON.stringify([
      ...numbers.map((n) => ({ id: `team${n}`, username: `team${n}`, password: `team${n}-pass`, type: 'team', team_id: `team${n}` })),
      { id: 'judge', username: 'judge', password: 'judge-pass', type: 'judge' },
    ]),
  );
  return dir;
}
