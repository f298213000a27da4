// `verdict` command line. Contract in DESIGN.md.
import { Socket } from 'node:net';
import { parseArgs } from 'node:util';
import { judgeCommand } from './judgeCommand.ts';
import { escapeControls, InputError, UsageError } from './output.ts';
import { verifyCommand } from './verifyCommand.ts';
import { FileError } from '../errors.ts';
import { setLogLevel } from '../log.ts';

// Run by bin/verdict.js under an older Node: descriptor VERDICT_WRAPPER_FD is a pipe whose other end
// only the wrapper holds. It closes when the wrapper is gone, even by SIGKILL: then stop as on SIGTERM
// (a server would otherwise run on, unowned, holding its port).
const wrapperFd = Number(process.env.VERDICT_WRAPPER_FD);
delete process.env.VERDICT_WRAPPER_FD; // not for the judgehost and other children
if (Number.isInteger(wrapperFd) && wrapperFd > 2) {
  const wrapper = new Socket({ fd: wrapperFd, readable: true, writable: false });
  wrapper.on('close', () => process.kill(process.pid, 'SIGTERM')).on('error', () => {}); // 'close' follows an error too
  wrapper.resume().unref();
}

/** Errors that stop a command from starting, each with a message the user acts on (by name: their
 *  modules are loaded only by the commands that need them). */
const START_ERRORS = new Set(['PortInUseError', 'DataFolderLockedError', 'UnsandboxedError']);

const USAGE = `usage:
  verdict judge --problem <dir|zip> [--lang <id>] [--json] [--all] [--time-limit <seconds>] [--allow-unsandboxed] <source>
  verdict verify <dir|zip> [--json] [--workers <n>] [--allow-unsandboxed]
  verdict serve [--contest <dir>] [--host 127.0.0.1] [--port 7800] [--workers <n>] [--data <dir>]
                [--allow-unsandboxed] [--trust-proxy] [--log-level info]
  verdict loadtest --url <url> --teams <n> --submissions <m> [--contest <dir>] [--json]
  verdict languages [--json]
  verdict export --contest <dir> [--data <dir>] --out <dir> [--gold N] [--silver N] [--bronze N] [--honors] [--force]
  verdict backup --contest <dir> [--data <dir>] --out <dir> [--force]
  verdict restore --backup <dir> --data <dir> [--force]
  verdict import --package <dir> --contest <dir> --data <dir> [--force]

--allow-unsandboxed: judge even where no sandbox can be built (not root, no user namespaces):
programs then reach the network and the judge's files. Without it, such a machine refuses to judge.
--trust-proxy: serve behind one TLS proxy: the client address is read from X-Forwarded-For and
https from X-Forwarded-Proto (the session cookie is then Secure). Only with a proxy in front.

Exit status: 0 when judging happened (whatever the verdict); 1 when verify found a mismatch
or judging hit a judge error; 2 when the input could not be used (bad package, unknown language).
export, backup, restore, import: 0 when written; 1 when writing failed; 2 on bad input (nothing is left half-written).`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      problem: { type: 'string', short: 'p' },
      lang: { type: 'string', short: 'l' },
      json: { type: 'boolean', default: false },
      all: { type: 'boolean', default: false },
      'time-limit': { type: 'string' },
      workers: { type: 'string', short: 'w' },
      contest: { type: 'string', short: 'c' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '7800' },
      data: { type: 'string' },
      url: { type: 'string' },
      teams: { type: 'string', default: '10' },
      submissions: { type: 'string', default: '50' },
      'user-pattern': { type: 'string', default: 'team{n}' },
      'password-pattern': { type: 'string', default: 'team{n}-pass' },
      timeout: { type: 'string', default: '300' },
      out: { type: 'string', short: 'o' },
      backup: { type: 'string' },
      package: { type: 'string' },
      force: { type: 'boolean', default: false },
      gold: { type: 'string' },
      silver: { type: 'string' },
      bronze: { type: 'string' },
      honors: { type: 'boolean', default: false },
      'allow-unsandboxed': { type: 'boolean', default: false },
      'trust-proxy': { type: 'boolean', default: false },
      'log-level': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || !command || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  if (values['log-level'] !== undefined) {
    try {
      setLogLevel(values['log-level']);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 1)) throw new UsageError(`--workers must be a positive whole number, got '${values.workers}'`);
  switch (command) {
    case 'judge': {
      if (!values.problem) throw new UsageError('judge needs --problem <dir|zip>');
      if (positionals.length !== 1) throw new UsageError('judge needs exactly one source file');
      const timeLimit = values['time-limit'] === undefined ? undefined : Number(values['time-limit']);
      if (timeLimit !== undefined && !(timeLimit > 0)) throw new UsageError(`--time-limit must be a positive number of seconds, got '${values['time-limit']}'`);
      return judgeCommand({
        problem: values.problem,
        source: positionals[0],
        lang: values.lang,
        json: values.json,
        all: values.all,
        timeLimitMs: timeLimit === undefined ? undefined : Math.ceil(timeLimit * 1000),
        allowUnsandboxed: values['allow-unsandboxed'],
      });
    }
    case 'verify':
      if (positionals.length !== 1) throw new UsageError('verify needs exactly one package (folder or zip)');
      return verifyCommand({ problem: positionals[0], json: values.json, workers, allowUnsandboxed: values['allow-unsandboxed'] });
    case 'serve': {
      const port = Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, got '${values.port}'`);
      const { serveCommand } = await import('./serveCommand.ts');
      return serveCommand({ contest: values.contest, host: values.host!, port, workers, data: values.data, allowUnsandboxed: values['allow-unsandboxed']!, trustProxy: values['trust-proxy']! });
    }
    case 'loadtest': {
      if (!values.url) throw new UsageError('loadtest needs --url <server url>');
      const count = (name: 'teams' | 'submissions' | 'timeout', max: number) => {
        const n = Number(values[name]);
        if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`--${name} must be a whole number from 1 to ${max}`);
        return n;
      };
      const { loadtestCommand } = await import('./loadtestCommand.ts');
      return loadtestCommand({
        url: values.url,
        teams: count('teams', 5000),
        submissions: count('submissions', 20_000),
        contest: values.contest,
        json: values.json,
        userPattern: values['user-pattern']!,
        passwordPattern: values['password-pattern']!,
        timeoutSeconds: count('timeout', 3600),
      });
    }
    case 'export': {
      const medals = (name: 'gold' | 'silver' | 'bronze') => {
        if (values[name] === undefined) return undefined;
        const n = Number(values[name]);
        if (!/^\d+$/.test(values[name]!) || n > 1000) throw new UsageError(`--${name} must be a whole number from 0 to 1000, got '${values[name]}'`);
        return n;
      };
      const { exportCommand } = await import('./exportCommand.ts');
      return exportCommand({
        contest: values.contest,
        data: values.data,
        out: values.out,
        gold: medals('gold'),
        silver: medals('silver'),
        bronze: medals('bronze'),
        honors: values.honors!,
        force: values.force!,
      });
    }
    case 'backup': {
      const { backupCommand } = await import('./exportCommand.ts');
      return backupCommand({ contest: values.contest, data: values.data, out: values.out, force: values.force! });
    }
    case 'restore': {
      const { restoreCommand } = await import('./exportCommand.ts');
      return restoreCommand({ backup: values.backup, data: values.data, force: values.force! });
    }
    case 'import': {
      const { importCommand } = await import('./exportCommand.ts');
      return importCommand({ package: values.package, contest: values.contest, data: values.data, force: values.force! });
    }
    case 'languages': {
      const { languagesCommand } = await import('./languagesCommand.ts');
      return languagesCommand({ json: values.json });
    }
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`verdict: ${escapeControls(error.message)}\n\n${USAGE}`);
    process.exitCode = 2;
  } else if (error instanceof FileError || error instanceof InputError || START_ERRORS.has((error as Error).name)) {
    console.error(`verdict: ${escapeControls((error as Error).message)}`);
    process.exitCode = 2;
  } else if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`verdict: ${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else {
    console.error(`verdict: internal error: ${escapeControls(String((error as Error).stack ?? error), { multiline: true })}`);
    process.exitCode = 70;
  }
}
