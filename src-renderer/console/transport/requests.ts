// The request half of JudgeApi, generated from the contract's JUDGE_REQUESTS: both transports
// (Electron IPC, browser HTTP) hand in one `call(method, args)` and get every request method, so
// no transport keeps a hand-written list that could drift from the contract.
import { JUDGE_REQUESTS, type JudgeApi, type JudgeRequestName } from '../../../src-main/shared/judgeApi.ts';

export type RequestMethods = Pick<JudgeApi, JudgeRequestName>;

/** Sends one request: the method's name and its arguments, in order. */
export type RequestCaller = (method: JudgeRequestName, args: unknown[]) => Promise<unknown>;

/** Optional trailing arguments left out are not sent (`listSubmissions()` sends `[]`, not `[null, null]`). */
function withoutTrailingUndefined(args: unknown[]): unknown[] {
  let end = args.length;
  while (end > 0 && args[end - 1] === undefined) end--;
  return end === args.length ? args : args.slice(0, end);
}

export function requestMethods(call: RequestCaller): RequestMethods {
  const methods: Partial<Record<JudgeRequestName, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const name of JUDGE_REQUESTS) {
    methods[name] = (...args: unknown[]) => call(name, withoutTrailingUndefined(args));
  }
  // Each generated method forwards its typed arguments untouched and resolves with the core's answer.
  return methods as unknown as RequestMethods;
}
