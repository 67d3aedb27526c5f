import type { Report, RuleContext } from '../../types';
import type { Property } from '../../json';

/** Findings one rule reports item by item in one list before it summarises the rest. */
export const MAX_ITEM_FINDINGS = 100;

/**
 * Reports item findings up to the limit, then one summary on the element's key: a list of
 * thousands of repeated items must not produce thousands of diagnostics (or take seconds).
 */
export class CappedReporter {
  private count = 0;
  constructor(private readonly ctx: RuleContext, private readonly prop: Property, private readonly what: string) {}

  /** `make` runs only while under the limit: building fixes for a million items is the cost. */
  report(make: () => Report): void {
    if (++this.count <= MAX_ITEM_FINDINGS) this.ctx.report(make());
  }

  /** Call once the list is done. */
  finish(): void {
    const rest = this.count - MAX_ITEM_FINDINGS;
    if (rest <= 0) return;
    this.ctx.report({
      message: `${rest} more ${this.what} in this ${this.prop.name} list are not reported one by one (limit ${MAX_ITEM_FINDINGS}).`,
      offset: this.prop.key.offset,
      length: this.prop.key.length,
    });
  }
}

/** Lists up to this long are checked item by item with no memory of settled values. */
const SHORT_LIST = 64;

/**
 * Values of a document's lists already found unremarkable, so that a long list repeating the
 * same few items is checked once per distinct value. Only long lists use it: for the short
 * lists of real policies the set costs more than the few checks it saves.
 */
export class SettledValues {
  private readonly values = new Set<string>();

  has(value: string, listLength: number): boolean {
    return listLength > SHORT_LIST && this.values.has(value);
  }

  add(value: string, listLength: number): void {
    if (listLength > SHORT_LIST) this.values.add(value);
  }
}
