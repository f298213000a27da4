// The Electron renderer's console requests, answered by the ConsoleService: what app/ipc.ts runs for
// each request channel and for a problem import, kept free of 'electron' so it is tested under Node.
import { log } from '../common/log.ts';
import { ConsoleError } from '../console/consoleError.ts';
import type { ConsoleRequests, ConsoleService } from '../console/consoleService.ts';
import type { AddedProblem, JudgeRequestName } from '../shared/judgeApi.ts';
import { checkJudgeRequest } from '../shared/judgeRequests.ts';
import { StoreError } from '../store/rows.ts';

/**
 * The request's answer. The renderer is untrusted input: arguments not of the types JudgeApi declares
 * are refused (shared/judgeRequests.ts) before the service sees them. A request the console or the
 * store refuses rejects with an Error carrying only the judge's message (the renderer's invoke shows
 * it, as the HTTP transport shows `{error}`); anything else is logged here, where its stack is, and
 * rejects as it was.
 */
export async function answerJudgeRequest(service: ConsoleRequests, method: JudgeRequestName, args: unknown[]): Promise<unknown> {
  const checked = checkJudgeRequest(method, args);
  if ('problem' in checked) throw new Error(checked.problem);
  return answered(method, () => (service[method] as (...a: unknown[]) => Promise<unknown>).apply(service, checked.args));
}

/**
 * The renderer's "import a problem package": `choose` is the main process's file dialog, and only the
 * path chosen there is read (the renderer, which is not trusted with the file system, names none).
 * Null when the judge cancelled the dialog.
 */
export async function importChosenPackage(service: Pick<ConsoleService, 'addProblemFrom'>, choose: () => Promise<string | null>): Promise<AddedProblem | null> {
  const path = await choose();
  if (path === null) return null;
  return answered('importProblem', () => service.addProblemFrom(path));
}

/**
 * The renderer's "download this problem's test data / statement": the file is made by the console service
 * (the bytes the browser downloads), `chooseTarget` is the main process's save dialog (given the file's
 * name), and only the path chosen there is written. The path saved to, or null when the judge cancelled.
 */
export async function saveProblemFile(
  service: Pick<ConsoleService, 'problemFile'>,
  args: { problemId: unknown; kind: unknown },
  chooseTarget: (fileName: string) => Promise<string | null>,
  write: (path: string, data: Buffer) => Promise<void>,
): Promise<string | null> {
  const { problemId, kind } = args;
  if (typeof problemId !== 'string' || (kind !== 'data' && kind !== 'statement')) throw new Error('saveProblemFile: expected a problem id and "data" or "statement"');
  const file = await answered('saveProblemFile', () => service.problemFile(problemId, kind));
  const path = await chooseTarget(file.fileName);
  if (path === null) return null;
  await write(path, file.data);
  return path;
}

/**
 * The folder of a finished export the renderer names by its job's id (the renderer names no path), for the main
 * process to open in the file manager. Refused for an unknown job or one not done.
 */
export async function finishedExportFolder(service: Pick<ConsoleService, 'listExports'>, jobId: unknown): Promise<string> {
  if (typeof jobId !== 'string') throw new Error('openExportFolder: expected an export job id');
  const job = (await service.listExports()).find((j) => j.id === jobId);
  if (!job) throw new Error(`no export ${JSON.stringify(jobId)}`);
  if (job.state !== 'done') throw new Error(`export ${jobId} ${job.state === 'running' ? 'is still running' : 'failed'}: no folder to open`);
  return job.path;
}

async function answered<T>(what: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (error instanceof ConsoleError || error instanceof StoreError) throw new Error(error.message, { cause: error });
    log.child({ component: 'console-ipc' }).error({ err: error, request: what }, 'a console request failed');
    throw error;
  }
}
