// Ids a client chooses for a new submission or clarification (the Contest API's PUT, by an admin: a proxy
// CCS that gave out its own ids while the central one was out of reach). The store's ids are SQLite's
// integer keys, so an acceptable chosen id is one the store could have given: a whole number written as the
// store writes it. Any other the spec lets a server refuse ("otherwise not acceptable").
import { StoreError } from './rows.ts';

/**
 * The largest id a client may choose: 12 digits, so that the ids the store gives after it (the largest plus
 * one) stay within the 15 digits intId reads.
 */
const MAX_CHOSEN_ID = 999_999_999_999;

/** A chosen id as the integer key it names; StoreError 'invalid' when it is not one the store could give. */
export function chosenId(id: string, what: 'submission' | 'clarification'): number {
  if (!/^[1-9][0-9]{0,11}$/.test(id)) {
    throw new StoreError('invalid', `${what} id ${JSON.stringify(id)}: Verdict's ${what} ids are whole numbers from 1 to ${MAX_CHOSEN_ID}, without leading zeros`);
  }
  return Number(id);
}
