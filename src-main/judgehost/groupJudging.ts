// Which test cases of a pass-fail problem are run, as the problem package format's test groups say
// (problemtools judges the same way): a group judges its test cases and subgroups in order; when one is
// rejected, a group whose on_reject is 'break' stops there, and one with 'continue' judges the rest of
// them. A group with a rejected test case anywhere inside is rejected in its parent, which applies its
// own rule once that group is done. The verdict is the first rejected test case's.
import type { TestCase, TestGroup } from '../common/types.ts';

/** "secret/g1/a" → ['', 'secret', 'secret/g1', 'secret/g1/a']: a group and the groups above it, root first. */
function groupChain(group: string): string[] {
  const parts = group === '' ? [] : group.split('/');
  return ['', ...parts.map((_, i) => parts.slice(0, i + 1).join('/'))];
}

export class GroupJudging {
  private readonly onReject = new Map<string, TestGroup['onReject']>();
  /** The group chains of the test cases rejected so far. */
  private readonly rejected: string[][] = [];

  constructor(groups: readonly TestGroup[]) {
    for (const g of groups) this.onReject.set(g.name, g.onReject);
  }

  /**
   * Whether `test` is still to be judged. Each earlier rejection is seen by the innermost group holding
   * both it and `test`: there it is a rejected test case, or a subgroup that is done and so rejected.
   * That group has stopped if its rule is 'break'.
   */
  shouldRun(test: TestCase): boolean {
    const chain = groupChain(test.group);
    return this.rejected.every((other) => {
      let common = 0;
      while (common + 1 < chain.length && common + 1 < other.length && chain[common + 1] === other[common + 1]) common++;
      // Groups not listed (a job built without groups) stop at a rejection, as the format's default.
      return (this.onReject.get(chain[common]) ?? 'break') === 'continue';
    });
  }

  reject(test: TestCase): void {
    this.rejected.push(groupChain(test.group));
  }
}
