// domjudge-problem.ini, the problem properties of DOMjudge's packages: `key = value` lines (values
// optionally quoted; `;` and `#` start comments), as PHP's parse_ini_string reads them. Verdict uses
// `timelimit` (seconds: when problem.yaml gives no limits.time_limit, before the legacy .timelimit file,
// as DOMjudge's importer does) and `color` (the problem's colour when problems.yaml gives none). Other
// keys (name, special_compare, points, ...) are DOMjudge's own and ignored.
import fsp from 'node:fs/promises';
import path from 'node:path';
import yauzl from 'yauzl';

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

/** An ini is a few lines: a larger entry in a zip is not read. */
const MAX_INI_BYTES = 64 * 1024;

/** The ini in a package folder or zip, or null when it has none. */
export async function readDomjudgeIni(packagePath: string, warnings: string[]): Promise<DomjudgeIni | null> {
  if ((await fsp.stat(packagePath)).isFile()) {
    const text = await iniInZip(packagePath);
    return text === null ? null : parseDomjudgeIni(text, warnings);
  }
  let text: string;
  try {
    text = await fsp.readFile(path.join(packagePath, DOMJUDGE_INI), 'utf8');
  } catch (err) {
    if (typeof err === 'object' && err !== null && 'code' in err && (err.code === 'ENOENT' || err.code === 'ENOTDIR')) return null;
    throw err;
  }
  return parseDomjudgeIni(text, warnings);
}

/** The ini's text in a zipped package: at its root, or in its single top-level folder (where the
 *  package reader finds the package). Null when there is none, or the file is not a zip (reading
 *  the package says what is wrong with it). */
function iniInZip(zipPath: string): Promise<string | null> {
  return new Promise((resolve) => {
    // autoClose off: the entry is read after the listing ends, which would otherwise close the file.
    yauzl.open(zipPath, { lazyEntries: true, autoClose: false }, (error, zip) => {
      if (error || !zip) return resolve(null);
      const found = new Map<string, yauzl.Entry>();
      const tops = new Set<string>();
      zip.on('entry', (entry: yauzl.Entry) => {
        const parts = entry.fileName.split('/').filter((p) => p !== '');
        if (parts.length > 0 && parts[0] !== '__MACOSX') tops.add(parts[0]);
        if (parts.at(-1) === DOMJUDGE_INI && parts.length <= 2 && entry.uncompressedSize <= MAX_INI_BYTES) found.set(parts.slice(0, -1).join('/'), entry);
        zip.readEntry();
      });
      zip.on('end', () => {
        const entry = found.get('') ?? (tops.size === 1 ? found.get([...tops][0]) : undefined);
        if (!entry) {
          zip.close();
          return resolve(null);
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) {
            zip.close();
            return resolve(null);
          }
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', () => {
            zip.close();
            resolve(null);
          });
          stream.on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
        });
      });
      zip.on('error', () => {
        zip.close();
        resolve(null);
      });
      zip.readEntry();
    });
  });
}
