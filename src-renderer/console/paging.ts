// Loading every submission with listSubmissions' paging (oldest first, `afterId` continues).
import type { ConsoleSubmission, JudgeApi } from '../../src-main/shared/judgeApi.ts';

/** Page size at start: 10,000 submissions in ten requests. */
const SUBMISSION_PAGE = 1000;

/** Every submission, oldest first, page by page until an empty page (the core may cap `limit` below ours). */
export async function fetchAllSubmissions(api: Pick<JudgeApi, 'listSubmissions'>, pageSize = SUBMISSION_PAGE): Promise<ConsoleSubmission[]> {
  const all: ConsoleSubmission[] = [];
  let afterId: string | null = null;
  for (;;) {
    const page: ConsoleSubmission[] = await api.listSubmissions(afterId, pageSize);
    if (page.length === 0) break;
    for (const s of page) all.push(s);
    const last = page[page.length - 1]!.id;
    // A core that ignores afterId would loop forever: stop when the page does not move on.
    if (last === afterId) break;
    afterId = last;
  }
  return all;
}
