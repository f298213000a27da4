// The medal counts the judges set in the console's Awards view (kept in the store, so a restart keeps them):
// how many gold, silver and bronze medals the awards give, before the contest folder's or the defaults.
import type { Store } from './store.ts';

export interface StoredMedalCounts {
  gold: number;
  silver: number;
  bronze: number;
}

const KEY = 'medal-counts';

/** The judges' medal counts, or null when they never set any. */
export function storedMedalCounts(store: Store): StoredMedalCounts | null {
  const raw = store.settings.get(KEY);
  return raw === null ? null : (JSON.parse(raw) as StoredMedalCounts);
}

export function setStoredMedalCounts(store: Store, counts: StoredMedalCounts | null): void {
  store.settings.set(KEY, counts === null ? 'null' : JSON.stringify({ gold: counts.gold, silver: counts.silver, bronze: counts.bronze }));
}
