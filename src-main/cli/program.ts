// The `verdict` commands and their options (commander). Each command declares only the options it
// uses, so an option of another command is refused naming the command, a typo gets a suggestion,
// and `verdict <command> --help` shows that command's options. The work itself is in the
// *Command.ts modules, loaded by the command that needs them.
import { readFileSync } from 'node:fs';
import { availableParallelism, homedir, hostname } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { judgeCommand } from './judgeCommand.ts';
import { UsageError } from './output.ts';
import { verifyCommand } from './verifyCommand.ts';
import { LOG_LEVELS, setLogLevel } from '../common/log.ts';
import { loadLanguageDefinitions, parseExtensionLanguages, type ExtensionLanguages } from '../common/languages.ts';
import { projectRoot } from '../common/paths.ts';
import { checkQueueUrl } from '../common/remoteJobs.ts';

/** A usage error of one command, named where commander finds it (missing or extra arguments): exit 2. */
export class CommandUsageError extends UsageError {
  readonly command: Command;
  constructor(command: Command, message: string) {
    super(message);
    this.name = 'CommandUsageError';
    this.command = command;
  }
}

/** A parse error commander found in `command` (the message is complete, prefix and all): exit 2. An
 *  empty message: commander has printed the help to stderr already. */
export class ParseError extends Error {
  readonly command: Command;
  constructor(command: Command, message: string) {
    super(message);
    this.name = 'ParseError';
    this.command = command;
  }
}

/** `--help` or `--version` was answered: exit 0, nothing more to do. */
export class Answered extends Error {
  constructor() {
    super('answered');
    this.name = 'Answered';
  }
}

/** Help text after every command's options: what the exit status means. */
const EXIT_STATUS = {
  judging: [
    'Exit status: 0 when it judged (whatever the verdict); 1 on a judging error (JE);',
    '2 when the input cannot be used (missing or broken package, unknown language).',
  ],
  verify: [
    'Exit status: 0 when every submission got a verdict its folder allows; 1 when one',
    'did not (or on a judging error); 2 when the input cannot be used.',
  ],
  serve: [
    'Stops in order on SIGINT, SIGTERM or SIGHUP (exit 0). Exit status 2 when it cannot',
    'start: the port is taken, the data folder is in use, the contest folder is broken,',
    'or no sandbox can be built.',
  ],
  judgehost: [
    'Stops on SIGINT, SIGTERM or SIGHUP once its judgings in progress are reported (exit 0).',
    'Exit status 2 when it cannot start: the server refuses the account, the server or Redis',
    'cannot be reached, or no sandbox can be built.',
  ],
  loadtest: ['Exit status: 0 when every submission was acknowledged and judged; 1 otherwise;', '2 on bad input.'],
  languages: ['Exit status: 0.'],
  files: ['Exit status: 0 when written; 1 when writing failed; 2 on bad input (nothing is', 'left half-written).'],
};

const OPTION_HELP = {
  json: 'print JSON instead of a table',
  workers: 'how many programs run at once (default: one per CPU core)',
  allowUnsandboxed: "judge even where no sandbox can be built (not root, no user namespaces): programs then reach the network and the judge's files. Without it, such a machine refuses to judge",
  logLevel: `the log's level: ${LOG_LEVELS.join(', ')} (default: info, or VERDICT_LOG_LEVEL)`,
  data: "the contest's data folder (default: the one serve uses, ~/.local/share/verdict/<contest id>/)",
  out: 'the folder to write (it must not exist, or be empty)',
  force: 'replace the folder if it already holds files (only once the new one is complete)',
  languageFor: 'the language for files with this extension where several share it, e.g. py=pypy3 (Python run with PyPy); repeatable',
};

/** An option with a default value, shown as it is typed (`(default: 7800)`, not `"7800"`). */
function withDefault(flags: string, description: string, value: string): Option {
  return new Option(flags, description).default(value, value);
}

function packageVersion(): string {
  const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  return version;
}

/** A whole number of at least 1, or undefined when not given. */
function workerCount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const workers = Number(value);
  if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`--workers must be a positive whole number, got '${value}'`);
  return workers;
}

/** --workers of serve: with --queue, 0 (judge only on the remote judgehosts) too. */
function serveWorkers(value: string | undefined, queue: string | undefined): number | undefined {
  if (value !== undefined && queue !== undefined && Number(value) === 0 && value.trim() !== '') return 0;
  return workerCount(value);
}

/** --queue's Redis URL, checked. */
function queueUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const problem = checkQueueUrl(value);
  if (problem) throw new UsageError(`--queue: ${problem}`);
  return value;
}

/** Collects a repeated option's values in order. */
function collectPairs(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** --languages: comma-separated language ids, each one of resources/languages.json's. */
function languageIds(value: string): string[] {
  const known = loadLanguageDefinitions().map((l) => l.id);
  const ids = value.split(',').map((id) => id.trim()).filter((id) => id !== '');
  if (ids.length === 0) throw new UsageError('--languages needs at least one language id');
  const unknown = ids.find((id) => !known.includes(id));
  if (unknown !== undefined) throw new UsageError(`--languages: unknown language '${unknown}' (known: ${known.join(', ')})`);
  return [...new Set(ids)];
}

/** --language-for's pairs as a choice per extension; a bad pair or an unknown language is a usage error. */
function extensionLanguages(pairs: readonly string[]): ExtensionLanguages {
  try {
    return parseExtensionLanguages(pairs, loadLanguageDefinitions());
  } catch (error) {
    throw new UsageError(`--language-for: ${(error as Error).message}`);
  }
}

/** Commander's own message without its "error: " prefix, its suggestion as "(did you mean …?)". */
function plainMessage(error: CommanderError): { text: string; suggestion: string } {
  const [first, ...rest] = error.message.replace(/^error: /, '').split('\n');
  const more = rest.join(' ').trim();
  const suggestion = /^\(Did you mean (.+)\?\)$/.exec(more);
  return { text: suggestion || !more ? first : `${first} ${more}`, suggestion: suggestion ? `did you mean ${suggestion[1]}?` : '' };
}

/** The other commands that have an option spelled `flag` (`--port`, `-p`, `--port=9`). */
function commandsWithOption(program: Command, except: Command, flag: string): string[] {
  const spelled = flag.replace(/=.*$/, '');
  return program.commands.filter((c) => c !== except && c.options.some((o) => o.long === spelled || o.short === spelled)).map((c) => c.name());
}

/**
 * The message for a parse error commander raised in `command`. The program's errors (an unknown
 * command) read "verdict: …"; a command's read "verdict <command>: …", and an unknown option says
 * which other commands have it.
 */
function parseErrorMessage(program: Command, command: Command, error: CommanderError): string {
  const { text, suggestion } = plainMessage(error);
  const notes: string[] = [];
  if (error.code === 'commander.unknownOption') {
    const flag = /^unknown option '(.+)'$/.exec(text)?.[1];
    const elsewhere = flag ? commandsWithOption(program, command, flag) : [];
    if (elsewhere.length) notes.push(`an option of verdict ${elsewhere.join(', ')}`);
  }
  if (error.code === 'commander.excessArguments') {
    const given = command.args.map((arg) => `'${arg}'`).join(' ');
    return `verdict ${command.name()}: takes no arguments, got ${given}`;
  }
  if (suggestion) notes.push(suggestion);
  const prefix = command === program ? 'verdict:' : `verdict ${command.name()}:`;
  return `${prefix} ${text}${notes.length ? ` (${notes.join('; ')})` : ''}`;
}

/**
 * What follows a usage error: the command's usage line and where its options are explained (the
 * whole help would push the error off the screen). For the program: its commands.
 */
export function usageHint(command: Command): string {
  const parent = command.parent;
  if (!parent) {
    const commands = command.commands.map((c) => c.name()).filter((name) => name !== 'help');
    return `Usage: verdict <command> [options]\nCommands: ${commands.join(', ')}\nRun 'verdict --help' for what each does, 'verdict <command> --help' for its options.`;
  }
  return `Usage: verdict ${command.name()} ${command.usage()}\nRun 'verdict ${command.name()} --help' for its options.`;
}

export interface Program {
  command: Command;
  /** The command whose action ran (for the usage shown after its usage error). */
  active(): Command | undefined;
  /** The exit status the command's action returned. */
  exitStatus(): number;
}

/**
 * Builds the `verdict` program. Nothing is printed by commander on its own but help and the version:
 * its errors become ParseError (or CommandUsageError), which main.ts prints.
 */
export function buildProgram(): Program {
  let active: Command | undefined;
  let status = 0;
  const program = new Command('verdict')
    .description('Offline programming-contest judge: judge a file, verify a problem package, serve a contest on a LAN.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .helpCommand('help [command]', "show a command's help")
    // The program's own options (--help, --version) come before the command; after it, every
    // option is the command's.
    .enablePositionalOptions()
    .configureOutput({ outputError: () => {} })
    .addHelpText('after', "\nRun 'verdict <command> --help' for a command's options.");

  /** What happens to commander's errors in `command` (and the answered --help / --version). */
  const exitOverride = (command: Command, argumentsNeeded?: string) =>
    command.exitOverride((error) => {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') throw new Answered();
      if (error.code === 'commander.help') {
        // `verdict help [command]`; or no command at all, or `help` of an unknown one: then the
        // help went to stderr, as the error it is.
        if (error.exitCode === 0) throw new Answered();
        throw new ParseError(command, '');
      }
      if (argumentsNeeded && (error.code === 'commander.missingArgument' || error.code === 'commander.excessArguments')) throw new CommandUsageError(command, argumentsNeeded);
      throw new ParseError(command, parseErrorMessage(program, command, error));
    });
  exitOverride(program);

  /** A command, its help closed by what its exit status means. `argumentsNeeded`: the message when
   *  its arguments are missing or too many. */
  const define = (name: string, description: string, how: { usage: string; exitStatus: string[]; argumentsNeeded?: string }): Command => {
    const command = program.command(name).description(description).usage(how.usage).helpOption('-h, --help', 'show this help');
    exitOverride(command, how.argumentsNeeded);
    command.addHelpText('after', `\n${how.exitStatus.join('\n')}`);
    return command;
  };

  program.hook('preAction', (_program, command) => {
    active = command;
    const level = command.getOptionValue('logLevel') as string | undefined;
    if (level !== undefined) {
      try {
        setLogLevel(level);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
    }
  });
  const done = (code: number) => {
    status = code;
  };

  define('judge', 'Judge one source file against a problem package; the language comes from the file extension.', {
    usage: '--problem <dir|zip> [options] <source>',
    exitStatus: EXIT_STATUS.judging,
    argumentsNeeded: 'judge needs exactly one source file',
  })
    .argument('<source>', 'the source file to judge, or a folder: one submission of several files')
    .option('-p, --problem <dir|zip>', 'the problem package: a folder or a .zip in the Kattis / ICPC format')
    .option('-l, --lang <id>', "the language, instead of the file extension's (ids: verdict languages)")
    .option('--language-for <ext=id>', OPTION_HELP.languageFor, collectPairs, [])
    .option('--json', 'print one JSON object: {"verdict","tests":[…],"compile":{…},"timeMs","memoryKb"}')
    .option('--all', 'run every test (by default judging stops at the first failing test)')
    .option('--time-limit <seconds>', "the time limit per test, instead of the package's")
    .option('--allow-unsandboxed', OPTION_HELP.allowUnsandboxed)
    .action(async (source: string, o: { problem?: string; lang?: string; languageFor: string[]; json?: boolean; all?: boolean; timeLimit?: string; allowUnsandboxed?: boolean }) => {
      if (!o.problem) throw new UsageError('judge needs --problem <dir|zip>');
      const timeLimit = o.timeLimit === undefined ? undefined : Number(o.timeLimit);
      if (timeLimit !== undefined && !(timeLimit > 0)) throw new UsageError(`--time-limit must be a positive number of seconds, got '${o.timeLimit}'`);
      done(
        await judgeCommand({
          problem: o.problem,
          source,
          lang: o.lang,
          extensionLanguages: extensionLanguages(o.languageFor),
          json: o.json === true,
          all: o.all === true,
          timeLimitMs: timeLimit === undefined ? undefined : Math.ceil(timeLimit * 1000),
          allowUnsandboxed: o.allowUnsandboxed === true,
        }),
      );
    });

  define('verify', 'Judge every example submission of a package (submissions/<expected>/) and check each verdict against its folder.', {
    usage: '[options] <dir|zip>',
    exitStatus: EXIT_STATUS.verify,
    argumentsNeeded: 'verify needs exactly one package (folder or zip)',
  })
    .argument('<dir|zip>', 'the problem package')
    .option('--json', OPTION_HELP.json)
    .option('-w, --workers <n>', OPTION_HELP.workers)
    .option('--language-for <ext=id>', OPTION_HELP.languageFor, collectPairs, [])
    .option('--allow-unsandboxed', OPTION_HELP.allowUnsandboxed)
    .action(async (problem: string, o: { json?: boolean; workers?: string; languageFor: string[]; allowUnsandboxed?: boolean }) => {
      done(
        await verifyCommand({
          problem,
          json: o.json === true,
          workers: workerCount(o.workers),
          extensionLanguages: extensionLanguages(o.languageFor),
          allowUnsandboxed: o.allowUnsandboxed === true,
        }),
      );
    });

  define('serve', "Serve a contest: the contestants' portal, the judges' console (/console) and the contest API, judging as submissions arrive.", {
    usage: '[options]',
    exitStatus: EXIT_STATUS.serve,
  })
    .option('-c, --contest <dir>', 'the contest folder (default: the sample contest in resources/sample-contest/)')
    .addOption(withDefault('--host <address>', 'the address to listen on (0.0.0.0: every network of this machine)', '127.0.0.1'))
    .addOption(withDefault('--port <n>', 'the port to listen on (0: any free port)', '7800'))
    .option('-w, --workers <n>', `${OPTION_HELP.workers}; with --queue, 0 judges only on the remote judgehosts`)
    .option('--queue <redis url>', 'remote judgehosts (verdict judgehost) judge too, taking judgings from this Redis: redis://[:password@]host:port[/db]')
    .option('--data <dir>', 'the data folder (default: ~/.local/share/verdict/<contest id>/)')
    .option('--allow-unsandboxed', OPTION_HELP.allowUnsandboxed)
    .option('--trust-proxy', 'serve behind one TLS proxy: the client address is read from X-Forwarded-For and https from X-Forwarded-Proto (the session cookie is then Secure). Only with a proxy in front')
    .action(async (o: { contest?: string; host: string; port: string; workers?: string; queue?: string; data?: string; allowUnsandboxed?: boolean; trustProxy?: boolean }) => {
      const queue = queueUrl(o.queue);
      const workers = serveWorkers(o.workers, queue);
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, got '${o.port}'`);
      const { serveCommand } = await import('./serveCommand.ts');
      done(await serveCommand({ contest: o.contest, host: o.host, port, workers, queue, data: o.data, allowUnsandboxed: o.allowUnsandboxed === true, trustProxy: o.trustProxy === true }));
    });

  define('judgehost', 'Judge for a contest served elsewhere (verdict serve --queue): take judgings from its Redis queue, fetch packages from the server, report the results.', {
    usage: '--server <url> --queue <redis url> --user <name> --password <pw> [options]',
    exitStatus: EXIT_STATUS.judgehost,
  })
    .option('--server <url>', "the contest server's address, e.g. http://10.0.0.1:7800")
    .option('--queue <redis url>', 'the Redis the server queues judgings in: redis://[:password@]host:port[/db]')
    .option('--user <name>', "a judgehost account of the contest's accounts file")
    .option('--password <pw>', "that account's password")
    .option('-w, --workers <n>', OPTION_HELP.workers)
    .option('--name <name>', "this judgehost's name in the server's log (default: <hostname>-<pid>)")
    .option('--cache <dir>', 'where fetched problem packages are kept, by SHA-256 (default: ~/.cache/verdict/judgehost-packages)')
    .option('--languages <ids>', 'judge only these languages, comma-separated ids as verdict languages lists them (default: every language available here); it never takes a judging in another')
    .option('--allow-unsandboxed', OPTION_HELP.allowUnsandboxed)
    .option('--allow-weaker-sandbox', "join even when this machine's sandbox level is weaker than the server's (e.g. userns, not root, against full): without it, such a judgehost refuses to join")
    .action(async (o: { server?: string; queue?: string; user?: string; password?: string; workers?: string; name?: string; cache?: string; languages?: string; allowUnsandboxed?: boolean; allowWeakerSandbox?: boolean }) => {
      if (!o.server || !URL.canParse(o.server) || !/^https?:$/.test(new URL(o.server).protocol)) throw new UsageError('judgehost needs --server <http://host:port>');
      const queue = queueUrl(o.queue);
      if (!queue) throw new UsageError('judgehost needs --queue <redis://host:port>');
      if (!o.user || o.password === undefined) throw new UsageError('judgehost needs --user <name> and --password <pw> (a judgehost account)');
      const { judgehostCommand } = await import('./judgehostCommand.ts');
      done(
        await judgehostCommand({
          server: o.server,
          queue,
          user: o.user,
          password: o.password,
          workers: workerCount(o.workers) ?? availableParallelism(),
          name: o.name ?? `${hostname()}-${process.pid}`,
          cacheDir: o.cache ?? join(homedir(), '.cache', 'verdict', 'judgehost-packages'),
          languages: o.languages === undefined ? undefined : languageIds(o.languages),
          allowUnsandboxed: o.allowUnsandboxed === true,
          allowWeakerSandbox: o.allowWeakerSandbox === true,
        }),
      );
    });

  define('loadtest', 'Load a running contest server on this machine or the LAN: log teams in, send submissions at once, report acknowledgements and verdicts.', {
    usage: '--url <url> [options]',
    exitStatus: EXIT_STATUS.loadtest,
  })
    .option('--url <url>', "the server's address (loopback or a private LAN address only)")
    .addOption(withDefault('--teams <n>', 'how many teams log in', '10'))
    .addOption(withDefault('--submissions <m>', 'how many submissions are sent', '50'))
    .option('-c, --contest <dir>', "the contest folder whose problems' solutions are sent (default: the sample contest)")
    .option('--json', OPTION_HELP.json)
    .addOption(withDefault('--user-pattern <pattern>', "the teams' usernames; {n} is the team's number", 'team{n}'))
    .addOption(withDefault('--password-pattern <pattern>', "the teams' passwords; {n} is the team's number", 'team{n}-pass'))
    .addOption(withDefault('--timeout <seconds>', 'how long to wait for the verdicts', '300'))
    .action(async (o: { url?: string; teams: string; submissions: string; contest?: string; json?: boolean; userPattern: string; passwordPattern: string; timeout: string }) => {
      if (!o.url) throw new UsageError('loadtest needs --url <server url>');
      const count = (name: 'teams' | 'submissions' | 'timeout', max: number) => {
        const n = Number(o[name]);
        if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`--${name} must be a whole number from 1 to ${max}`);
        return n;
      };
      const [teams, submissions, timeoutSeconds] = [count('teams', 5000), count('submissions', 20_000), count('timeout', 3600)];
      const { loadtestCommand } = await import('./loadtestCommand.ts');
      done(await loadtestCommand({ url: o.url, teams, submissions, contest: o.contest, json: o.json === true, userPattern: o.userPattern, passwordPattern: o.passwordPattern, timeoutSeconds }));
    });

  define('languages', 'List the languages this machine can judge, with their toolchains.', { usage: '[options]', exitStatus: EXIT_STATUS.languages })
    .option('--json', OPTION_HELP.json)
    .action(async (o: { json?: boolean }) => {
      const { languagesCommand } = await import('./languagesCommand.ts');
      done(await languagesCommand({ json: o.json === true }));
    });

  define('export', "Write the results (CLICS contest package, results.tsv, awards, scoreboard.csv, standings.html) from a contest's data folder; it may run while the contest is served.", {
    usage: '--contest <dir> --out <dir> [options]',
    exitStatus: EXIT_STATUS.files,
  })
    .option('-c, --contest <dir>', 'the contest folder')
    .option('--data <dir>', OPTION_HELP.data)
    .option('-o, --out <dir>', OPTION_HELP.out)
    .option('--gold <n>', 'gold medals (default: as the judges set them in the console, else 4)')
    .option('--silver <n>', 'silver medals (default: as the judges set them in the console, else 4)')
    .option('--bronze <n>', 'bronze medals (default: as the judges set them in the console, else 4)')
    .option('--honors', 'award Highest Honors, High Honors and Honors instead of Ranked in results.tsv')
    .option('--force', OPTION_HELP.force)
    .action(async (o: { contest?: string; data?: string; out?: string; gold?: string; silver?: string; bronze?: string; honors?: boolean; force?: boolean }) => {
      const medals = (name: 'gold' | 'silver' | 'bronze') => {
        const value = o[name];
        if (value === undefined) return undefined;
        const n = Number(value);
        if (!/^\d+$/.test(value) || n > 1000) throw new UsageError(`--${name} must be a whole number from 0 to 1000, got '${value}'`);
        return n;
      };
      const [gold, silver, bronze] = [medals('gold'), medals('silver'), medals('bronze')];
      const { exportCommand } = await import('./exportCommand.ts');
      done(await exportCommand({ contest: o.contest, data: o.data, out: o.out, gold, silver, bronze, honors: o.honors === true, force: o.force === true }));
    });

  define('backup', "Copy a contest's database and contest folder, to continue it on another machine (verdict restore).", {
    usage: '--contest <dir> --out <dir> [options]',
    exitStatus: EXIT_STATUS.files,
  })
    .option('-c, --contest <dir>', 'the contest folder')
    .option('--data <dir>', OPTION_HELP.data)
    .option('-o, --out <dir>', OPTION_HELP.out)
    .option('--force', OPTION_HELP.force)
    .action(async (o: { contest?: string; data?: string; out?: string; force?: boolean }) => {
      const { backupCommand } = await import('./exportCommand.ts');
      done(await backupCommand({ contest: o.contest, data: o.data, out: o.out, force: o.force === true }));
    });

  define('restore', 'Bring a backup back as a new data folder (with its contest folder inside), ready to serve.', {
    usage: '--backup <dir> --data <dir> [options]',
    exitStatus: EXIT_STATUS.files,
  })
    .option('--backup <dir>', 'the backup (written by verdict backup)')
    .option('--data <dir>', 'the data folder to create')
    .option('--force', OPTION_HELP.force)
    .action(async (o: { backup?: string; data?: string; force?: boolean }) => {
      const { restoreCommand } = await import('./exportCommand.ts');
      done(await restoreCommand({ backup: o.backup, data: o.data, force: o.force === true }));
    });

  define('import', 'Read a contest package written by verdict export back into a new data folder, with the contest folder for the problem packages and accounts.', {
    usage: '--package <dir> --contest <dir> --data <dir> [options]',
    exitStatus: EXIT_STATUS.files,
  })
    .option('--package <dir>', 'the contest package (written by verdict export)')
    .option('-c, --contest <dir>', 'the contest folder: problem packages and accounts')
    .option('--data <dir>', 'the data folder to create')
    .option('--force', OPTION_HELP.force)
    .action(async (o: { package?: string; contest?: string; data?: string; force?: boolean }) => {
      const { importCommand } = await import('./exportCommand.ts');
      done(await importCommand({ package: o.package, contest: o.contest, data: o.data, force: o.force === true }));
    });

  // Every command logs (the judgehost, the server): the level is set before its action runs.
  for (const command of program.commands) command.option('--log-level <level>', OPTION_HELP.logLevel);
  return { command: program, active: () => active, exitStatus: () => status };
}
