// The judges' settings kept with the contest (e.g. disabled languages): strings by key, in the meta table.
import type { StoreDatabase } from './db.ts';

/** meta keys of the judges' settings. */
const SETTING_PREFIX = 'setting:';

function prepareStatements(db: StoreDatabase) {
  const p = (sql: string) => db.prepare(sql);
  return {
    listSettings: p(`SELECT key, value FROM meta WHERE key GLOB '${SETTING_PREFIX}*' ORDER BY key`),
  };
}

export class SettingsRepository {
  private readonly db: StoreDatabase;
  private readonly s: ReturnType<typeof prepareStatements>;

  constructor(db: StoreDatabase) {
    this.db = db;
    this.s = prepareStatements(db);
  }

  /** A setting, or null when it was never set. */
  get(key: string): string | null {
    return this.db.getMeta(`${SETTING_PREFIX}${key}`);
  }

  set(key: string, value: string): void {
    this.db.setMeta(`${SETTING_PREFIX}${key}`, value);
  }

  /** Every setting, by key. */
  all(): Record<string, string> {
    const rows = this.s.listSettings.all() as { key: string; value: string }[];
    return Object.fromEntries(rows.map((r) => [r.key.slice(SETTING_PREFIX.length), r.value]));
  }
}
