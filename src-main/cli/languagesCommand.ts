// `verdict languages`: which languages this machine can judge.
import { detectLanguages } from '../common/languages.ts';
import { jsonText, table } from './output.ts';

export async function languagesCommand(options: { json: boolean }): Promise<number> {
  const languages = await detectLanguages();
  const rows = languages.map((l) => ({ id: l.id, name: l.name, extensions: l.extensions, available: l.available, detail: l.available ? l.version : l.reason }));
  // The detail is a toolchain's own text (its --version line or why it failed): table() escapes it.
  if (options.json) console.log(jsonText(rows));
  else console.log(table(['id', 'name', 'extensions', 'status'], rows.map((r) => [r.id, r.name, r.extensions.join(' '), `${r.available ? 'available' : 'unavailable'}: ${r.detail}`])));
  return 0;
}
