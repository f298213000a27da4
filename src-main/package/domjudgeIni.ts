// domjudge-problem.ini, the problem properties of DOMjudge's packages: `key = value` lines (values
// optionally quoted; `;` and `#` start comments), as PHP's parse_ini_string reads them. Verdict uses
// `timelimit` (seconds: when problem.yaml gives no limits.time_limit, before the legacy .timelimit file,
// as DOMjudge's importer does) and `color` (the problem's colour when problems.yaml gives none). Other
// keys (name, special_compare, points, ...) are DOMjudge's own and ignored.
import fsp from 'node:fs/promises';
import path from 'node:path';

export const DOMJUDGE_INI = 'domjudge-problem.ini';

export interface DomjudgeIni {
  /** `timelimit` in seconds; null when absent. */
  timeLimitSec: number | null;
  /** `color` as written ("#ff0000", "red"); null when absent. */
  color: string | null;
}

/** Parses the ini's text; a line or value it cannot read is a warning (DOMjudge ignores such a file too). */
export function parseDomjudgeIni(text: string, warnings: string[]): DomjudgeIni {
  const values = new Map<string, string>();
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith(';') || line.startsWith('#') || line.startsWith('[')) continue;
    const m = /^([A-Za-z0-9_.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^;#]*))\s*(?:[;#].*)?$/.exec(line);
    if (!m) {
      warnings.push(`${DOMJUDGE_INI}: line ${i + 1} ignored (expected key = value)`);
      continue;
    }
    values.set(m[1], (m[2] ?? m[3] ?? m[4]).trim());
  }
  let timeLimitSec: number | null = null;
  const limit = values.get('timelimit');
  if (limit !== undefined) {
    const sec = /^(\d+(\.\d*)?|\.\d+)$/.test(limit) ? Number(limit) : NaN;
    if (sec > 0) timeLimitSec = sec;
    else warnings.push(`${DOMJUDGE_INI}: timelimit ignored (expected a positive number of seconds, got ${JSON.stringify(limit)})`);
  }
  const color = values.get('color');
  return { timeLimitSec, color: color === undefined || color === '' ? null : color };
}

/** The ini in a package folder, or null when it has none. */
export async function readDomjudgeIni(dir: string, warnings: string[]): Promise<DomjudgeIni | null> {
  let text: string;
  try {
    text = await fsp.readFile(path.join(dir, DOMJUDGE_INI), 'utf8');
  } catch (err) {
    if (typeof err === 'object' && err !== null && 'code' in err && (err.code === 'ENOENT' || err.code === 'ENOTDIR')) return null;
    throw err;
  }
  return parseDomjudgeIni(text, warnings);
}
