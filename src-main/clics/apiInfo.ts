// /api: the version of the Contest API implemented (schemas.ts) and who provides it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../common/paths.ts';
import { CLICS_VERSION, CLICS_VERSION_URL, type ClicsApiInfo } from './schemas.ts';

let info: ClicsApiInfo | null = null;

/** The API information object: CLICS version 2026-01, provided by Verdict at its package.json version. */
export function apiInformation(): ClicsApiInfo {
  if (!info) {
    const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
    info = { version: CLICS_VERSION, version_url: CLICS_VERSION_URL, provider: { name: 'Verdict', version } };
  }
  return info;
}
