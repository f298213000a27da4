// The fair order of the queue (store.queue.list), worked out without sorting or numbering the
// whole queue: its head (what the console shows, what judging takes next) is read in about a
// millisecond with 10,000 submissions waiting. The order: priority level DESC, then turn, then id,
// where a submission's turn is its rank among its team's waiting ones of its level (by id) plus how
// many of the team's submissions are being judged. The store reads one row per (level, team) that
// has work waiting; from those alone this module says how many of each team's first waiting
// submissions can be among the first `limit` (at most limit + one per team in all, whatever the
// queue's length); the store reads just those, and this module orders them.
import type { QueuePlace } from './rows.ts';

/** One team's waiting submissions of one level. */
export interface QueueGroup {
  priority: number;
  teamId: string;
  /** How many are waiting. */
  queued: number;
  /** How many of the team's submissions are being judged (of any level): the turns it has had. */
  busy: number;
  /** The id of the first waiting one. */
  first: number;
}

/** Read the first `count` waiting submissions of this group (the first of them is `group.first`). */
export interface GroupHeads {
  group: QueueGroup;
  count: number;
}

/**
 * How many of each group's first waiting submissions the first `limit` places can hold. Levels are
 * filled from the highest; in the level where the places run out, the turn T that fills them is the
 * smallest with enough submissions of turn <= T (each group has turns busy+1 .. busy+queued), and
 * each group gives those of its submissions with turn <= T. Groups that give none are left out.
 */
export function headsToRead(groups: readonly QueueGroup[], limit: number): GroupHeads[] {
  const out: GroupHeads[] = [];
  let left = limit;
  const levels = [...new Set(groups.map((g) => g.priority))].sort((a, b) => b - a);
  for (const level of levels) {
    if (left <= 0) break;
    const inLevel = groups.filter((g) => g.priority === level);
    const upTo = (turn: number) => inLevel.reduce((n, g) => n + Math.min(Math.max(turn - g.busy, 0), g.queued), 0);
    // The smallest turn whose submissions (and those before) fill what is left, or the last turn of the level.
    let low = 1;
    let high = Math.max(...inLevel.map((g) => g.busy + g.queued));
    if (upTo(high) > left) {
      while (low < high) {
        const mid = Math.floor((low + high) / 2);
        if (upTo(mid) >= left) high = mid;
        else low = mid + 1;
      }
    }
    for (const g of inLevel) {
      const count = Math.min(Math.max(high - g.busy, 0), g.queued);
      if (count > 0) out.push({ group: g, count });
    }
    left -= upTo(high);
  }
  return out;
}

/** A waiting submission read for the order: its group and its rank among the group's waiting ones (1 = first). */
export interface ReadHead {
  group: QueueGroup;
  id: number;
  rank: number;
}

/** The first `limit` of the heads read, in the fair order. */
export function fairOrder(heads: readonly ReadHead[], limit: number): QueuePlace[] {
  return heads
    .map((h) => ({ id: h.id, teamId: h.group.teamId, priority: h.group.priority, turn: h.group.busy + h.rank }))
    .sort((a, b) => b.priority - a.priority || a.turn - b.turn || a.id - b.id)
    .slice(0, Math.max(0, limit))
    .map((p) => ({ ...p, id: String(p.id) }));
}
