// The files of a submission sent through the portal (SubmitRequest): one source, or a program of
// several, stored as the Contest API's zips are (contest/submissionFiles.ts: names, count, entry file).
import type { Static } from 'typebox';
import { checkFileName, entryAndOthers, MAX_SUBMISSION_FILES, SubmissionFileError, type SourceFile } from '../contest/submissionFiles.ts';
import type { ServerContext } from './context.ts';
import type { SubmitBody } from './requestSchemas.ts';

/** The entry file (judged from) and the others; a SubmissionFileError (400) for a bad name, a name
 *  twice, too many files, or several files none of which is in the chosen language. */
export function portalFiles(ctx: ServerContext, body: Static<typeof SubmitBody>): { entry: SourceFile; others: SourceFile[] } {
  const files = [{ fileName: body.fileName, source: body.source }, ...(body.otherFiles ?? [])].map((f) => ({ fileName: checkFileName(f.fileName), source: Buffer.from(f.source, 'utf8') }));
  if (files.length === 1) return { entry: files[0], others: [] };
  if (files.length > MAX_SUBMISSION_FILES) throw new SubmissionFileError('invalid', `more than ${MAX_SUBMISSION_FILES} files`);
  const twice = files.find((f, i) => files.findIndex((g) => g.fileName === f.fileName) !== i);
  if (twice) throw new SubmissionFileError('invalid', `the file '${twice.fileName}' is there twice`);
  const language = ctx.engine.languages.find((l) => l.id === body.languageId);
  // An unknown language is refused by the intake's check, which names it.
  return language ? entryAndOthers(files, language) : { entry: files[0], others: files.slice(1) };
}
