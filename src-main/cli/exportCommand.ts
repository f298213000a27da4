// `verdict export`, `verdict backup`, `verdict restore`, `verdict import`: results out of a contest's data
// folder, the whole contest onto another machine, and an exported contest package back into a data folder. None of them writes to the data folder they read: export works
// on an online snapshot of the database, so it can run while `verdict serve` is running.
import { existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadContest } from '../contest/loadContest.ts';
import type { ContestDefinition } from '../contest/model.ts';
import { TargetExistsError } from '../common/atomicFolder.ts';
import { backupFiles, restore } from '../export/backup.ts';
import { exportFromDataFolder } from '../export/exportSnapshot.ts';
import { importContestPackage } from '../export/packageImport.ts';
import { readSnapshotInfo } from '../export/storeBackup.ts';
import { STORE_FILE_NAME, storeFileIn } from '../store/store.ts';
import { escapeControls, InputError, UsageError } from './output.ts';

export interface ExportCommandOptions {
  contest?: string;
  data?: string;
  out?: string;
  gold?: number;
  silver?: number;
  bronze?: number;
  honors: boolean;
  force: boolean;
}

export interface BackupCommandOptions {
  contest?: string;
  data?: string;
  out?: string;
  force: boolean;
}

export interface ImportCommandOptions {
  package?: string;
  contest?: string;
  data?: string;
  force: boolean;
}

export interface RestoreCommandOptions {
  backup?: string;
  data?: string;
  force: boolean;
}


function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** The contest folder and the data folder that goes with it (serve's default when --data is not given). */
async function contestAndData(contest: string | undefined, data: string | undefined, command: string): Promise<{ def: ContestDefinition; dataDir: string; dbFile: string }> {
  if (!contest) throw new UsageError(`${command} needs --contest <dir>`);
  const def = await loadContest(contest);
  let dataDir = data;
  if (dataDir === undefined) {
    const { defaultDataDir } = await import('../server/contestServer.ts');
    dataDir = defaultDataDir(def.id);
  }
  const dbFile = storeFileIn(dataDir);
  if (!existsSync(dbFile)) throw new InputError(`${dataDir}: no contest data here (no ${STORE_FILE_NAME}); give the --data folder the contest was served with`);
  return { def, dataDir, dbFile };
}

/** A path as the user would type it: relative to the working folder when inside it. */
function shown(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel.startsWith('..') ? p : rel || '.';
}

/** Errors of writing the output: a taken folder is the user's input (2), the rest is the machine (1). */
function writeFailure(error: unknown, out: string): number {
  if (error instanceof TargetExistsError) {
    console.error(`verdict: ${escapeControls(error.message)}`);
    return 2;
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    console.error(`verdict: cannot write ${out}: ${(error as Error).message}`);
    return 1;
  }
  throw error;
}

export async function exportCommand(options: ExportCommandOptions): Promise<number> {
  if (!options.out) throw new UsageError('export needs --out <dir>');
  const { def, dataDir, dbFile } = await contestAndData(options.contest, options.data, 'export');
  let result;
  try {
    result = await exportFromDataFolder(dbFile, def.dir, options.out, {
      medals: { gold: options.gold, silver: options.silver, bronze: options.bronze },
      honors: options.honors,
      force: options.force,
      check: (snapshot) => {
        const held = snapshot.contest.get()?.id ?? null;
        if (held !== def.id) throw new InputError(`${dataDir} holds ${held === null ? 'no contest' : `contest "${held}"`}, not "${def.id}" of ${def.dir}`);
      },
    });
  } catch (error) {
    return writeFailure(error, options.out);
  }
  const top = result.files.filter((f) => !f.includes('/'));
  const zips = result.files.length - top.length;
  console.log(`verdict: exported ${escapeControls(def.name)} to ${result.path}`);
  for (const f of top) console.log(`  ${f.padEnd(24)} ${size(statSync(join(result.path, f)).size)}`);
  if (zips > 0) console.log(`  ${'submissions/*/files.zip'.padEnd(24)} ${zips} file${zips === 1 ? '' : 's'}`);
  const c = result.counts;
  console.log(`verdict: ${c.teams} teams, ${c.problems} problems, ${c.submissions} submissions, ${c.judgements} judgements, ${c.clarifications} clarifications, ${c.events} events`);
  for (const w of result.warnings) console.log(`verdict: warning: not final: ${w}`);
  return 0;
}

export async function backupCommand(options: BackupCommandOptions): Promise<number> {
  if (!options.out) throw new UsageError('backup needs --out <dir>');
  const { def, dataDir, dbFile } = await contestAndData(options.contest, options.data, 'backup');
  const held = readSnapshotInfo(dbFile).contestId;
  if (held !== def.id) throw new InputError(`${dataDir} holds ${held === null ? 'no contest' : `contest "${held}"`}, not "${def.id}" of ${def.dir}`);
  let result;
  try {
    result = await backupFiles(dbFile, def.dir, options.out, { force: options.force });
  } catch (error) {
    return writeFailure(error, options.out);
  }
  const { info } = result;
  const contestFiles = result.files.filter((f) => f.startsWith('contest/')).length;
  console.log(`verdict: backed up ${def.name} to ${result.path}`);
  console.log(`  ${STORE_FILE_NAME.padEnd(16)} ${size(statSync(join(result.path, STORE_FILE_NAME)).size)} (${info.events} events, last token ${info.last_event_token ?? '-'}, ${info.submissions} submissions)`);
  console.log(`  ${'contest/'.padEnd(16)} ${contestFiles} file${contestFiles === 1 ? '' : 's'}`);
  console.log(`  ${'backup.json'.padEnd(16)} manifest.sha256`);
  console.log(`verdict: restore with: verdict restore --backup ${result.path} --data <new data folder>`);
  return 0;
}

export async function restoreCommand(options: RestoreCommandOptions): Promise<number> {
  if (!options.backup) throw new UsageError('restore needs --backup <dir>');
  if (!options.data) throw new UsageError('restore needs --data <dir> (the data folder to create)');
  let result;
  try {
    result = await restore(options.backup, options.data, { force: options.force });
  } catch (error) {
    return writeFailure(error, options.data);
  }
  const { info } = result;
  console.log(`verdict: restored ${info.contest_name ?? info.contest_id} (backup of ${info.created}: ${info.events} events, ${info.submissions} submissions) into ${result.dataDir}`);
  if (result.replaced) console.log(`verdict: the data folder it replaced is kept at ${result.replaced}`);
  console.log(`verdict: continue the contest with: verdict serve --contest ${shown(result.contestDir)} --data ${shown(result.dataDir)}`);
  return 0;
}

export async function importCommand(options: ImportCommandOptions): Promise<number> {
  if (!options.package) throw new UsageError('import needs --package <dir> (a contest package: written by verdict export, DOMjudge or a CDS)');
  if (!options.contest) throw new UsageError('import needs --contest <dir> (the contest folder: problem packages and accounts)');
  if (!options.data) throw new UsageError('import needs --data <dir> (the data folder to create)');
  const def = await loadContest(options.contest);
  let result;
  try {
    result = await importContestPackage(options.package, def, options.data, { force: options.force });
  } catch (error) {
    return writeFailure(error, options.data);
  }
  const c = result.counts;
  console.log(`verdict: imported ${def.name} into ${result.dataDir}: ${c.teams} teams, ${c.problems} problems, ${c.submissions} submissions, ${c.judgements} judgements, ${c.clarifications} clarifications, ${c.events} events`);
  for (const line of result.report) console.log(`verdict: ${line}`);
  if (result.replaced) console.log(`verdict: the data folder it replaced is kept at ${result.replaced}`);
  console.log(`verdict: serve it with: verdict serve --contest ${shown(def.dir)} --data ${shown(result.dataDir)}`);
  return 0;
}
