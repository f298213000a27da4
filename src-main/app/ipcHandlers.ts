// One console request from the Electron renderer, answered by the ConsoleService: what app/ipc.ts
// runs for each request channel, kept free of 'electron' so it is tested under Node.
import { log } from '../common/log.ts';
import { ConsoleError } from '../console/consoleError.ts';
import type { ConsoleRequests } from '../console/consoleService.ts';
import type { JudgeRequestName } from '../shared/judgeApi.ts';
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
  try {
    return await (service[method] as (...a: unknown[]) => Promise<unknown>).apply(service, checked.args);
  } catch (error) {
    if (error instanceof ConsoleError || error instanceof StoreError) throw new Error(error.message, { cause: error });
    log.child({ component: 'console-ipc' }).error({ err: error, method }, 'a console request failed');
    throw error;
  }
}
