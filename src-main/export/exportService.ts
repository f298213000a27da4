// Exports started from the console or the desktop menu: each runs in a worker thread (the portal and
// the console keep answering), reports progress, and leaves either a complete folder or nothing.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { log } from '../common/log.ts';
import type { ExportJob } from '../shared/judgeApi.ts';
import type { ExportWorkerInput, ExportWorkerMessage } from './exportWorker.ts';

/** Random bytes in an export's id (128 bits). */
const EXPORT_ID_RANDOM_BYTES = 16;

export class ExportService {
  private readonly jobs = new Map<string, ExportJob>();
  private readonly workerEntry: string | URL;
  private readonly onChange: (job: ExportJob) => void;
  private count = 0;
  private readonly log = log.child({ component: 'export' });

  /** `workerEntry`: exportWorker.ts beside this file when running from source, the bundled one in Electron. */
  constructor(onChange: (job: ExportJob) => void, workerEntry: string | URL = new URL('./exportWorker.ts', import.meta.url)) {
    this.onChange = onChange;
    this.workerEntry = workerEntry;
  }

  list(): ExportJob[] {
    return [...this.jobs.values()].sort((a, b) => b.startedAt - a.startedAt);
  }

  get(id: string): ExportJob | undefined {
    return this.jobs.get(id);
  }

  /** Starts an export of the contest into `outDir` (a fresh folder). Resolves when it ends. */
  start(input: Omit<ExportWorkerInput, 'outDir'> & { outDir?: string; exportsDir: string }): { job: ExportJob; finished: Promise<ExportJob> } {
    const startedAt = Date.now();
    // Unguessable: an export's files are the judges' (the unfrozen scoreboard, every event).
    const id = `${new Date(startedAt).toISOString().replace(/[:.]/g, '-')}-${++this.count}-${randomBytes(EXPORT_ID_RANDOM_BYTES).toString('base64url')}`;
    const outDir = input.outDir ?? join(input.exportsDir, `export-${id}`);
    const job: ExportJob = { id, startedAt, state: 'running', path: outDir, filesWritten: 0, message: '' };
    this.jobs.set(id, job);
    this.onChange({ ...job });
    this.log.info({ exportId: id, path: outDir }, 'export started');
    const worker = new Worker(this.workerEntry, { workerData: { dbFile: input.dbFile, contestDir: input.contestDir, outDir } satisfies ExportWorkerInput });
    const finished = new Promise<ExportJob>((resolve) => {
      let lastReport = 0;
      const end = (state: ExportJob['state'], message: string) => {
        if (job.state !== 'running') return;
        Object.assign(job, { state, message, endedAt: Date.now() });
        const fields = { exportId: id, path: job.path, files: job.filesWritten, ms: job.endedAt! - startedAt, message };
        if (state === 'done') this.log.info(fields, 'export written');
        else this.log.error(fields, 'export failed');
        this.onChange({ ...job });
        resolve({ ...job });
      };
      worker.on('message', (message: ExportWorkerMessage) => {
        if (message.type === 'file') {
          job.filesWritten++;
          // Progress at most every 200 ms: a big export writes thousands of files.
          if (Date.now() - lastReport > 200) {
            lastReport = Date.now();
            this.onChange({ ...job });
          }
        } else if (message.type === 'done') {
          job.path = message.path;
          end('done', message.warnings.length ? `not final: ${message.warnings.join('; ')}` : `${message.files} files`);
        } else end('failed', message.message);
      });
      worker.on('error', (error) => end('failed', error.message));
      worker.on('exit', (code) => end('failed', `the export stopped (exit ${code})`));
    });
    return { job: { ...job }, finished };
  }
}
