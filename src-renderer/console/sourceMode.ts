// Which CodeMirror highlighter a submission's source gets: by its language id, else by its file's extension.

export type SourceMode = 'cpp' | 'java' | 'python' | 'javascript' | 'typescript' | 'rust' | null;

const BY_EXTENSION: Record<string, Exclude<SourceMode, null>> = {
  c: 'cpp', h: 'cpp', cc: 'cpp', cpp: 'cpp', cxx: 'cpp', 'c++': 'cpp', hpp: 'cpp', hh: 'cpp',
  java: 'java',
  py: 'python', py3: 'python',
  js: 'javascript', mjs: 'javascript', cjs: 'javascript',
  ts: 'typescript',
  rs: 'rust',
};

const BY_LANGUAGE: Record<string, Exclude<SourceMode, null>> = {
  c: 'cpp', cpp: 'cpp', 'c++': 'cpp', cplusplus: 'cpp', gcc: 'cpp', 'g++': 'cpp',
  java: 'java',
  python: 'python', python3: 'python', pypy: 'python', pypy3: 'python', py3: 'python',
  javascript: 'javascript', js: 'javascript', node: 'javascript', nodejs: 'javascript',
  typescript: 'typescript', ts: 'typescript',
  rust: 'rust',
};

export function sourceMode(languageId: string, fileName: string): SourceMode {
  const byLanguage = BY_LANGUAGE[languageId.toLowerCase()];
  if (byLanguage) return byLanguage;
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? (BY_EXTENSION[fileName.slice(dot + 1).toLowerCase()] ?? null) : null;
}
