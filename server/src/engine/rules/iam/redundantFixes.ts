import { Fix } from '../../types';
import { Node } from '../../json';
import { removeArrayItem, removeChildren } from '../../fixes';
import type { RedundantItem } from '../../iam/redundant';

/**
 * The fixes of redundant-action and redundant-resource for one list, as a function of one
 * redundant item. Removing an item covered by a pattern takes its repeats too (otherwise the
 * next repeat becomes the same finding). With several redundant items the preferred fix
 * removes them all: one removal each overlaps its neighbour's (each takes a comma next to the
 * other), and "fix all" would need a pass per item. The single removal stays as a choice.
 */
export function redundantFixes(
  arr: Node,
  items: readonly { value: string; index: number }[],
  redundant: readonly RedundantItem[],
  normalise: (s: string) => string,
): (r: RedundantItem) => Fix[] {
  // Built on the first reported item: most lists have nothing redundant, and lint speed counts.
  let copies: Map<string, number[]> | undefined;
  let all: Fix | undefined;
  return (r) => {
    if (!copies) {
      copies = new Map();
      for (const i of items) {
        const key = normalise(i.value);
        const list = copies.get(key);
        if (list) list.push(i.index);
        else copies.set(key, [i.index]);
      }
    }
    const item = items[r.index];
    const one: Fix = { title: `Remove ${JSON.stringify(item.value)}`, edits: r.duplicate ? [removeArrayItem(arr, item.index)] : removeChildren(arr, copies.get(normalise(item.value))!) };
    if (redundant.length < 2) return [{ ...one, preferred: true }];
    all ??= { title: `Remove the ${redundant.length} redundant items`, edits: removeChildren(arr, redundant.map((x) => items[x.index].index)), preferred: true };
    return [all, one];
  };
}
