// The pure engine-side figure: the judgehost's own judging function (judgehost/main.ts ->
// judgeSubmission) run in the current process with its own sandbox, so progress callbacks are
// stamped synchronously, with no IPC hop. Used from engineSideWorker.ts, a small child process of
// about the judgehost's size.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { judgeSubmission } from '../judgehost/judgeSubmission.ts';
import { detectLanguages, type AvailableLanguage } from '../common/languages.ts';
import type { JudgeResult } from '../common/results.ts';
import { spawnStats } from '../judgehost/runner/runInPty.ts';
import { Sandbox } from '../judgehost/runner/sandbox.ts';
import type { JudgeJob } from '../common/judgehostProtocol.ts';
import { ProgressRecorder } from './timeline.ts';

/** The worker slot of this in-process judge (its Sandbox claims its own uid block). */
const SLOT = 0;

export interface InProcessRun {
  result: JudgeResult;
  recorder: ProgressRecorder;
}

export class InProcessJudge {
  private readonly sandbox: Sandbox;
  private readonly language: AvailableLanguage;
  private counter = 0;

  private constructor(sandbox: Sandbox, language: AvailableLanguage) {
    this.sandbox = sandbox;
    this.language = language;
  }

  static async create(): Promise<InProcessJudge> {
    const sandbox = await Sandbox.create();
    try {
      const c = (await detectLanguages()).find((l) => l.id === 'c');
      if (!c?.available) throw new Error(`C is not available: ${c && !c.available ? c.reason : 'no definition'}`);
      return new InProcessJudge(sandbox, c);
    } catch (error) {
      sandbox.dispose();
      throw error;
    }
  }

  get sandboxLevel(): string {
    return this.sandbox.info.level;
  }

  async judge(job: JudgeJob): Promise<InProcessRun> {
    const recorder = new ProgressRecorder();
    const workDir = join(this.sandbox.workspace, `bench-job-${++this.counter}`);
    mkdirSync(workDir, { recursive: true, mode: 0o711 });
    try {
      const p = job.problem;
      const result = await judgeSubmission(
        {
          sourcePath: job.sourcePath,
          fileName: job.fileName,
          language: this.language,
          problem: {
            id: p.id,
            testCases: p.testCases,
            testGroups: p.testGroups,
            timeLimitMs: p.timeLimitMs,
            memoryLimitMb: p.memoryLimitMb,
            outputLimitMb: p.outputLimitMb,
            validator: { kind: 'default' },
            interactive: false,
            multiPassLimit: null,
          },
          runAllTests: job.runAllTests,
        },
        {
          workDir,
          placement: await this.sandbox.placement(SLOT),
          uid: this.sandbox.uidFor(SLOT),
          onProgress: recorder.onProgress,
        },
      );
      return { result, recorder };
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  }

  /** Event-loop block starting each run in this process (only this class runs programs here). */
  spawnStats(): ReturnType<typeof spawnStats> {
    return spawnStats();
  }

  dispose(): void {
    this.sandbox.dispose();
  }
}
