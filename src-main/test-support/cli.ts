// Runs the `verdict` command as a user would (a real process), collecting its output.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const verdictBin = fileURLToPath(new URL('../../bin/verdict.js', import.meta.url));

export function runVerdict(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [verdictBin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
