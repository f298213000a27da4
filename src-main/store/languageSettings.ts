// Languages the judges switched off for this contest (kept in the store, so a restart keeps them).
import type { Store } from './store.ts';

const KEY = 'disabled-languages';

export function disabledLanguages(store: Store): Set<string> {
  const raw = store.settings.get(KEY);
  return new Set(raw ? (JSON.parse(raw) as string[]) : []);
}

export function setLanguageDisabled(store: Store, languageId: string, disabled: boolean): void {
  const set = disabledLanguages(store);
  if (disabled) set.add(languageId);
  else set.delete(languageId);
  store.settings.set(KEY, JSON.stringify([...set].sort()));
}
