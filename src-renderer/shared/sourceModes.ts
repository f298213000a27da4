// Which CodeMirror highlighter a source gets (shared/codemirror.ts loads them): by its language's
// id, else by its file's extension; null is plain text.

export type SourceMode = 'cpp' | 'java' | 'python' | 'javascript' | 'typescript' | 'rust' | null;

export const MODE_BY_EXTENSION: Readonly<Record<string, Exclude<SourceMode, null>>> = {
  c: 'cpp', h: 'cpp', cc: 'cpp', cpp: 'cpp', cxx: 'cpp', 'c++': 'cpp', hpp: 'cpp', hh: 'cpp',
  java: 'java',
  py: 'python', py3: 'python',
  js: 'javascript', mjs: 'javascript', cjs: 'javascript',
  ts: 'typescript',
  rs: 'rust',
};

export const MODE_BY_LANGUAGE: Readonly<Record<string, Exclude<SourceMode, null>>> = {
  c: 'cpp', cpp: 'cpp', 'c++': 'cpp', cplusplus: 'cpp', gcc: 'cpp', 'g++': 'cpp',
  java: 'java',
  python: 'python', python3: 'python', pypy: 'python', pypy3: 'python', py3: 'python',
  javascript: 'javascript', js: 'javascript', node: 'javascript', nodejs: 'javascript',
  typescript: 'typescript', ts: 'typescript',
  rust: 'rust',
};

/** A submitted source's highlighter, from its language id and file name. */
export function sourceMode(languageId: string, fileName: string): SourceMode {
  const byLanguage = MODE_BY_LANGUAGE[languageId.toLowerCase()];
  if (byLanguage) return byLanguage;
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? (MODE_BY_EXTENSION[fileName.slice(dot + 1).toLowerCase()] ?? null) : null;
}
