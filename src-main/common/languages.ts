// Language definitions (resources/languages.json) and their toolchains on this machine.
import { execFile } from 'node:child_process';
import { accessSync, constants, readFileSync, realpathSync } from 'node:fs';
import { delimiter, dirname, extname, join } from 'node:path';
import { promisify } from 'node:util';
import { resourcePath } from './paths.ts';

const execFileAsync = promisify(execFile);

/** How a language's memory limit is enforced: an address-space rlimit, or the runtime's own heap flag. */
export type MemoryMode = 'rlimit' | 'heap';

export interface LanguageDefinition {
  id: string;
  name: string;
  extensions: string[];
  probe: string[];
  /** File name the source is saved under; `{class}` is the Java public class. */
  source: string;
  compile: string[];
  run: string[];
  memory: MemoryMode;
  /** Processes (threads count too) a run may have; default DEFAULT_PROCESSES. */
  processes?: number;
  /** CPU time a compile may take (all the compiler's threads), ms; default DEFAULT_COMPILE_CPU_MS.
   *  For compilers that start a JVM (kotlinc). */
  compileCpuMs?: number;
  /** Command printing the toolchain's real root, for toolchains behind proxies (rustup). */
  sysroot?: string[];
  /** The compile command takes one source (`{src}`) and is run once per source of the submission
   *  (`node --check`): every file is checked, as DOMjudge does. */
  compileEach?: boolean;
  /** `{main}` is the compiled class that declares `main(String[])`, found after compiling (JVM languages). */
  mainClass?: boolean;
}

/** A language whose toolchain was found: commands resolved to absolute paths. */
export interface AvailableLanguage extends LanguageDefinition {
  available: true;
  version: string;
  /** Absolute paths the sandbox must show read-only (toolchains outside the system folders). */
  toolchainDirs: string[];
  /** Map from a command name to the absolute path to run. */
  executables: Record<string, string>;
}

interface UnavailableLanguage extends LanguageDefinition {
  available: false;
  reason: string;
}

export type Language = AvailableLanguage | UnavailableLanguage;

/** Threads count as processes for RLIMIT_NPROC; a plain program needs a handful. */
export const DEFAULT_PROCESSES = 32;

/** Folders the sandbox always shows (read-only); toolchains inside them need no extra binding. */
const SYSTEM_DIRS = ['/usr/', '/bin/', '/lib/', '/lib64/', '/sbin/', '/etc/'];
/** Searched before the rest of PATH: system toolchains beat per-user shims (pyenv, nvm). */
const PREFERRED_PATH = ['/usr/local/bin', '/usr/bin', '/bin'];

export function loadLanguageDefinitions(file = resourcePath('languages.json')): LanguageDefinition[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { languages: LanguageDefinition[] };
  return parsed.languages;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Finds a command on PATH, system folders first. Returns the absolute path, or null. */
export function findExecutable(command: string, envPath = process.env.PATH ?? ''): string | null {
  if (command.startsWith('/')) return isExecutable(command) ? command : null;
  const dirs = [...PREFERRED_PATH, ...envPath.split(delimiter).filter(Boolean)];
  for (const dir of dirs) {
    const candidate = join(dir, command);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

function isSystemPath(path: string): boolean {
  return SYSTEM_DIRS.some((dir) => path.startsWith(dir));
}

/** The folder to bind for a toolchain outside the system folders: two levels above its binary (prefix/bin/tool). */
function toolchainDirFor(executable: string): string | null {
  const real = realpathSync(executable);
  if (isSystemPath(real)) return null;
  return dirname(dirname(real));
}

async function probeLanguage(def: LanguageDefinition): Promise<Language> {
  const probePath = findExecutable(def.probe[0]);
  if (!probePath) return { ...def, available: false, reason: `${def.probe[0]} not found on this machine` };
  let version: string;
  try {
    const { stdout, stderr } = await execFileAsync(probePath, def.probe.slice(1), { timeout: 15_000 });
    version = `${stdout}${stderr}`.trim().split('\n')[0] ?? '';
  } catch (error) {
    return { ...def, available: false, reason: `${def.probe.join(' ')} failed: ${(error as Error).message.split('\n')[0]}` };
  }
  const executables: Record<string, string> = {};
  const toolchainDirs = new Set<string>();
  let sysroot: string | null = null;
  if (def.sysroot) {
    try {
      const { stdout } = await execFileAsync(findExecutable(def.sysroot[0]) ?? def.sysroot[0], def.sysroot.slice(1), { timeout: 15_000 });
      sysroot = stdout.trim();
    } catch (error) {
      return { ...def, available: false, reason: `${def.sysroot.join(' ')} failed: ${(error as Error).message.split('\n')[0]}` };
    }
  }
  for (const command of [def.compile[0], def.run[0]]) {
    if (command.startsWith('/prog/')) continue;
    let path = sysroot && isExecutable(join(sysroot, 'bin', command)) ? join(sysroot, 'bin', command) : findExecutable(command);
    if (!path) return { ...def, available: false, reason: `${command} not found on this machine` };
    path = realpathSync(path);
    executables[command] = path;
    const dir = sysroot ?? toolchainDirFor(path);
    if (dir && !isSystemPath(`${dir}/`)) toolchainDirs.add(dir);
  }
  return { ...def, available: true, version, executables, toolchainDirs: [...toolchainDirs] };
}

let cached: Promise<Language[]> | null = null;

/** All languages with their availability on this machine (probed once per process). */
export function detectLanguages(): Promise<Language[]> {
  cached ??= Promise.all(loadLanguageDefinitions().map(probeLanguage));
  return cached;
}

/**
 * Which language runs each file extension where several languages share it, by language id
 * (`{ py: 'pypy3' }`: Python files run with PyPy, as BAPC-style contests do). Set per contest
 * (contest.yaml's `extension_languages`) or per command (`--language-for py=pypy3`); an extension
 * it does not name goes to the first language that lists it (resources/languages.json's order).
 */
export type ExtensionLanguages = Readonly<Record<string, string>>;

/** The language for a file name, by extension (case-sensitive first: `.C` is C++), the choice in
 *  `chosen` first. */
export function languageForFile<T extends { id: string; extensions: readonly string[] }>(
  languages: readonly T[],
  fileName: string,
  chosen: ExtensionLanguages = {},
): T | null {
  const ext = extname(fileName).slice(1);
  const choice = Object.hasOwn(chosen, ext) ? chosen[ext] : undefined;
  return (
    languages.find((l) => l.id === choice && l.extensions.includes(ext)) ??
    languages.find((l) => l.extensions.includes(ext)) ??
    languages.find((l) => l.extensions.includes(ext.toLowerCase())) ??
    null
  );
}

/** The languages in their order, except that each language `chosen` names for an extension comes
 *  just before the first other language that lists that extension: a list for pickers that take the
 *  first language listing a file's extension (the portal's). */
export function preferChosen<T extends { id: string; extensions: readonly string[] }>(languages: readonly T[], chosen: ExtensionLanguages): T[] {
  const ordered = [...languages];
  for (const [extension, id] of Object.entries(chosen)) {
    const from = ordered.findIndex((l) => l.id === id);
    const to = ordered.findIndex((l) => l.extensions.includes(extension));
    if (from > to && to >= 0) ordered.splice(to, 0, ...ordered.splice(from, 1));
  }
  return ordered;
}

/** Parses `ext=language` pairs (`py=pypy3`, a leading dot allowed) into a choice per extension,
 *  or throws an Error naming the bad pair (not a pair, or a language that `languages` lacks). */
export function parseExtensionLanguages(pairs: readonly string[], languages: readonly { id: string }[]): Record<string, string> {
  const chosen: Record<string, string> = {};
  for (const pair of pairs) {
    const match = /^\.?([^=\s.]+)=(\S+)$/.exec(pair.trim());
    if (!match) throw new Error(`expected <extension>=<language id> (e.g. py=pypy3), got ${JSON.stringify(pair)}`);
    const [, extension, id] = match;
    if (!languages.some((l) => l.id === id)) throw new Error(`unknown language ${JSON.stringify(id)} in ${JSON.stringify(pair)} (ids: verdict languages)`);
    chosen[extension] = id;
  }
  return chosen;
}

/** Replaces {name} placeholders in a command template; an argument that is exactly `{name}` of one
 *  of `lists` becomes that list's items (`{sources}`: every source file). */
export function expandCommand(template: readonly string[], values: Record<string, string>, lists: Record<string, readonly string[]> = {}): string[] {
  return template.flatMap((part) => {
    const list = /^\{(\w+)\}$/.exec(part)?.[1];
    if (list !== undefined && Object.hasOwn(lists, list)) return [...lists[list]];
    return [part.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole)];
  });
}
