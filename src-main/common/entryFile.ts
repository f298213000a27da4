// Which file of a program of several it starts from: shared by the judgehost, the core and the
// portal's page (so plain string work, no node modules).

/** A file named `main.<anything>` is the entry point where there is one (problemtools' rule). */
const MAIN_FILE_RE = /^main\./i;

/**
 * The file a program of several sources starts from: the first (by name) called `main.*`, else the
 * first by name, as problemtools chooses. `sources` are the names of the language's source files.
 */
export function entryFile(sources: readonly string[]): string | null {
  const sorted = [...sources].sort();
  return sorted.find((name) => MAIN_FILE_RE.test(name.slice(name.lastIndexOf('/') + 1))) ?? sorted[0] ?? null;
}
