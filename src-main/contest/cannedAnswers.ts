// The stock answers a judge picks from when answering a team's question: the contest folder's
// clarification-answers.yaml (a list of texts), or DEFAULT_CANNED_ANSWERS when it has none.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { compiledSchema } from '../common/compiledSchema.ts';
import { describeValue } from '../common/fieldWording.ts';
import { CannedAnswer } from './folderSchemas.ts';
import { ContestError } from './model.ts';

const CANNED_ANSWERS_FILE = 'clarification-answers.yaml';

/** What most questions during a contest get answered with. */
export const DEFAULT_CANNED_ANSWERS: readonly string[] = [
  'No comment.',
  'Yes.',
  'No.',
  'Read the problem statement.',
  'The input is exactly as the problem statement describes it.',
  'This is not a question about the problems: please ask the staff in the room.',
];

/** The contest folder's stock answers, in the file's order; the default list when there is no file (or it is empty). */
export function readCannedAnswers(contestDir: string): string[] {
  const path = join(contestDir, CANNED_ANSWERS_FILE);
  if (!existsSync(path)) return [...DEFAULT_CANNED_ANSWERS];
  let data: unknown;
  try {
    data = parseYaml(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ContestError(CANNED_ANSWERS_FILE, `not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (data === null || data === undefined) return [...DEFAULT_CANNED_ANSWERS];
  if (!Array.isArray(data)) throw new ContestError(CANNED_ANSWERS_FILE, `expected a list of answers, got ${describeValue(data)}`);
  const check = compiledSchema(CannedAnswer);
  return data.map((item: unknown, i) => {
    if (!check.Check(item)) {
      const problem = typeof item === 'string' ? 'is blank' : `expected the text of an answer, got ${describeValue(item)}`;
      throw new ContestError(CANNED_ANSWERS_FILE, `answer #${i + 1}: ${problem}`);
    }
    return String(item).trim();
  });
}
