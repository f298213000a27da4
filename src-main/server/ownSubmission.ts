// A team's own submission as its portal page shows it (GET /api/portal/submissions/:id): the
// source, the compiler's output, and how it did on the problem's sample test cases. Nothing of a
// secret test case leaves here: not its name, verdict, time, data or the program's output on it.
import type { PortalSampleResult, PortalSubmission, PortalSubmissionDetail } from '../shared/portalApi.ts';
import type { SubmissionRow } from '../store/store.ts';
import type { ServerContext } from './context.ts';
import { statSync } from 'node:fs';
import { readHead } from '../common/fileSlices.ts';

/** The compiler's output is cut here: the first errors are the ones to read, and g++ can write megabytes. */
const COMPILE_OUTPUT_SHOWN_CHARS = 16 * 1024;
/** A failed sample's input, expected answer and output are each cut here (the judges keep 64 KiB of output). */
const SAMPLE_TEXT_SHOWN_BYTES = 16 * 1024;

/** `submission` is `row` as the portal's list shows it (JE hidden as still judging). */
export async function ownSubmissionDetail(ctx: ServerContext, row: SubmissionRow, submission: PortalSubmission): Promise<PortalSubmissionDetail> {
  const { source, otherFiles } = ctx.store.submissions.texts(row.id) ?? { source: '', otherFiles: [] };
  // A judging error is the judges' to fix: until they do, the team sees nothing of that judgement.
  const judgement = row.judgementId !== null && submission.status === 'judged' ? ctx.store.judgements.get(row.judgementId) : null;
  const compile = cutCompileOutput(judgement?.compileOutput ?? '');
  const pkg = await ctx.problems.get(row.problemId).catch(() => null);
  const sampleCases = pkg ? pkg.testCases.filter((t) => t.isSample) : [];
  const runs = judgement ? ctx.store.judgements.runs(judgement.id) : [];
  // The judgement keeps the program's output on its first failing test case only.
  const firstFailing = runs.find((r) => r.verdict !== 'AC');
  const samples = sampleCases.map((test): PortalSampleResult => {
    const run = runs.find((r) => r.testName === test.name);
    const failedHere = run !== undefined && run === firstFailing && run.verdict === 'WA' && judgement?.failingOutput != null;
    return {
      name: test.name,
      verdict: run?.verdict ?? null,
      timeMs: run?.timeMs ?? null,
      wrongAnswer: failedHere ? sampleTexts(test.inputPath, test.answerPath, judgement?.failingOutput ?? '') : null,
    };
  });
  return { submission, source, otherFiles, compileOutput: compile.text, compileOutputOmittedChars: compile.omitted, samples };
}

/** The start of the compiler's output, ending at a line's end where one is near the cut. */
export function cutCompileOutput(output: string, limit = COMPILE_OUTPUT_SHOWN_CHARS): { text: string; omitted: number } {
  if (output.length <= limit) return { text: output, omitted: 0 };
  const lineEnd = output.lastIndexOf('\n', limit);
  const end = lineEnd > limit / 2 ? lineEnd + 1 : limit;
  return { text: output.slice(0, end), omitted: output.length - end };
}

function sampleTexts(inputPath: string, answerPath: string, output: string): NonNullable<PortalSampleResult['wrongAnswer']> {
  const size = (path: string): number => statSync(path, { throwIfNoEntry: false })?.size ?? 0;
  const truncated = Math.max(size(inputPath), size(answerPath), output.length) > SAMPLE_TEXT_SHOWN_BYTES;
  return {
    input: readHead(inputPath, SAMPLE_TEXT_SHOWN_BYTES),
    expected: readHead(answerPath, SAMPLE_TEXT_SHOWN_BYTES),
    output: output.slice(0, SAMPLE_TEXT_SHOWN_BYTES),
    truncated,
  };
}
