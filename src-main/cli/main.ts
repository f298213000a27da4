// `verdict` command line. Contract in DESIGN.md; the commands and their options are in program.ts.
import { Socket } from 'node:net';
import { escapeControls, InputError, UsageError } from './output.ts';
import { Answered, buildProgram, CommandUsageError, ParseError, usageHint } from './program.ts';
import { FileError } from '../common/errors.ts';

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
const START_ERRORS = new Set(['PortInUseError', 'DataFolderLockedError', 'UnsandboxedError', 'QueueError', 'AccountRefusedError', 'JudgehostSetupError', 'JudgehostNameTakenError']);

const program = buildProgram();
try {
  await program.command.parseAsync(process.argv.slice(2), { from: 'user' });
  process.exitCode = program.exitStatus();
} catch (error) {
  // After a usage error, how to use the command at fault (or the program).
  const helpOf = (command = program.active() ?? program.command) => `\n\n${usageHint(command)}`;
  if (error instanceof Answered) {
    process.exitCode = 0;
  } else if (error instanceof ParseError) {
    // Commander's help for no command at all is already on stderr.
    if (error.message) console.error(`${escapeControls(error.message)}${helpOf(error.command)}`);
    process.exitCode = 2;
  } else if (error instanceof UsageError) {
    console.error(`verdict: ${escapeControls(error.message)}${helpOf(error instanceof CommandUsageError ? error.command : undefined)}`);
    process.exitCode = 2;
  } else if (error instanceof FileError || error instanceof InputError || START_ERRORS.has((error as Error).name)) {
    console.error(`verdict: ${escapeControls((error as Error).message)}`);
    process.exitCode = 2;
  } else {
    console.error(`verdict: internal error: ${escapeControls(String((error as Error).stack ?? error), { multiline: true })}`);
    process.exitCode = 70;
  }
}
