// "Fetch this again" signals from the event stream to whichever views are open: the scoreboard
// and problems events carry no data, and only a view that shows them needs to ask.

export type Signal = 'scoreboard' | 'problems' | 'exports' | 'balloons' | 'rejudgings' | 'printJobs';

const listeners = new Map<Signal, Set<() => void>>();

/** Listens while a view is open; returns the function that stops it. */
export function onSignal(signal: Signal, listener: () => void): () => void {
  let set = listeners.get(signal);
  if (!set) listeners.set(signal, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
  };
}

/** Tells the open views; returns whether any listened. */
export function emitSignal(signal: Signal): boolean {
  const set = listeners.get(signal);
  if (!set || set.size === 0) return false;
  for (const listener of [...set]) listener();
  return true;
}
