// Reads of files and folders that may be gone by the time they are read (/proc entries of processes
// that just ended, cgroups, temp folders of dead processes): absent reads as empty, never throws.
import { readdirSync, readFileSync } from 'node:fs';

export function readdirOrEmpty(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

export function readFileOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
