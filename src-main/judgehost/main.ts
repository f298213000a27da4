// The judgehost: a small Node process that owns the sandbox and the slot hosts (one per worker slot,
// each under a pty of its own, forking that slot's runs) and judges the jobs it is sent, each in the
// worker slot it is told. It lives apart from the process serving the UI and the LAN because
// spawning from a large process blocks that process's event loop.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { judgeSubmission, type JudgeEnvironment, type JudgeProblem } from './judgeSubmission.ts';
import { judgeAnswers } from './submittedAnswers.ts';
import { judgeErrorResult, type JudgeResult } from '../common/results.ts';
import { detectLanguages, type Language } from '../common/languages.ts';
import { spawnStats } from './runner/runInPty.ts';
import { Sandbox } from './runner/sandbox.ts';
import { prepareOutputValidator, type PreparedValidator } from './validate/outputValidator.ts';
import { OutputBatcher } from './outputBatcher.ts';
import type { FromHost, JudgeJob, LanguageInfo, ToHost } from '../common/judgehostProtocol.ts';

function send(message: FromHost): void {
  process.send?.(message);
}

/** Tells the core why this host cannot start (its log keeps the reason), then exits. */
function fatal(error: unknown): Promise<never> {
  return new Promise(() => process.send?.({ type: 'fatal', message: (error as Error).message } satisfies FromHost, () => process.exit(1)) ?? process.exit(1));
}

const sandbox = await Sandbox.create({ disable: process.env.VERDICT_SANDBOX === 'none' }).catch(fatal);
const languages: Language[] = await detectLanguages().catch(fatal);
/** Built validators, by validator folder: built once per judgehost, shared by every submission. */
const validators = new Map<string, Promise<PreparedValidator>>();
const running = new Map<string, AbortController>();
let jobCounter = 0;
/** Validator builds so far: each gets a folder of its own (a failed one is retried in a new folder). */
let validatorBuilds = 0;

const output = new OutputBatcher((jobId, data) => send({ type: 'output', jobId, data }));

function languageInfo(language: Language): LanguageInfo {
  return {
    id: language.id,
    name: language.name,
    extensions: language.extensions,
    available: language.available,
    detail: language.available ? language.version : language.reason,
  };
}

function validatorFor(job: JudgeJob): Promise<PreparedValidator> {
  const source = job.problem.outputValidator!;
  let prepared = validators.get(source.dir);
  if (!prepared) {
    const buildDir = join(sandbox.workspace, `validator-${++validatorBuilds}`);
    prepared = prepareOutputValidator(source, buildDir);
    validators.set(source.dir, prepared);
    // A failed build is retried by the next submission rather than cached forever.
    prepared.catch(() => validators.delete(source.dir));
  }
  return prepared;
}

async function judgeProblem(job: JudgeJob): Promise<JudgeProblem> {
  const p = job.problem;
  const validator: JudgeProblem['validator'] =
    p.validation === 'custom'
      ? { kind: 'custom', prepared: await validatorFor(job) }
      : { kind: 'default' };
  return { id: p.id, testCases: p.testCases, testGroups: p.testGroups, timeLimitMs: p.timeLimitMs, memoryLimitMb: p.memoryLimitMb, outputLimitMb: p.outputLimitMb, validator, interactive: p.interactive, multiPassLimit: p.multiPassLimit, scoring: p.scoring };
}

async function judge(job: JudgeJob, slot: number): Promise<void> {
  const controller = new AbortController();
  running.set(job.id, controller);
  const workDir = join(sandbox.workspace, `job-${++jobCounter}`);
  let result: JudgeResult;
  try {
    mkdirSync(workDir, { recursive: true, mode: 0o711 });
    const env: JudgeEnvironment = {
      workDir,
      placement: await sandbox.placement(slot),
      uid: sandbox.uidFor(slot),
      onProgress: (progress) => {
        output.flush(job.id);
        send({ type: 'progress', jobId: job.id, progress });
      },
      onOutput: (chunk) => output.push(job.id, chunk),
      signal: controller.signal,
    };
    if (job.problem.submitAnswer) {
      // The submission is the answers: in no language, nothing to compile or run.
      result = await judgeAnswers({ sourcePath: job.sourcePath, problem: await judgeProblem(job), runAllTests: job.runAllTests }, env);
    } else {
      const language = languages.find((l) => l.id === job.languageId);
      if (!language) throw new Error(`unknown language '${job.languageId}'`);
      if (!language.available) throw new Error(`language '${language.id}' is not available on this judgehost: ${language.reason}`);
      const problem = await judgeProblem(job);
      result = await judgeSubmission({ sourcePath: job.sourcePath, fileName: job.fileName, language, problem, runAllTests: job.runAllTests }, env);
    }
  } catch (error) {
    // Anything else that goes wrong on the judge's side (a broken package or validator) is JE for
    // this submission; the host goes on.
    result = judgeErrorResult((error as Error).message);
  } finally {
    running.delete(job.id);
    rmSync(workDir, { recursive: true, force: true });
  }
  // A cancelled run ends however the runner saw its kill: the judges asked for it, so it is no fault.
  if (controller.signal.aborted) result = judgeErrorResult('judging was cancelled');
  output.flush(job.id);
  send({ type: 'done', jobId: job.id, result });
}

process.on('message', (message: ToHost) => {
  switch (message.type) {
    case 'judge':
      void judge(message.job, message.slot);
      break;
    case 'cancel':
      running.get(message.jobId)?.abort();
      break;
    case 'stats':
      send({ type: 'stats', stats: spawnStats() });
      break;
    case 'ping':
      send({ type: 'pong', seq: message.seq });
      break;
  }
});

function shutdown(): void {
  for (const controller of running.values()) controller.abort();
  sandbox.dispose();
  process.exit(0);
}
// The host never outlives the core that started it.
process.on('disconnect', shutdown);
process.on('SIGTERM', shutdown);

send({ type: 'ready', sandbox: sandbox.info, languages: languages.map(languageInfo) });
