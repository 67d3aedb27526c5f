import * as fc from 'fast-check';
import { lint } from '../../server/src/engine';
import { check } from './support/budget';
import { SOURCES } from './support/sources';
import { lintChecked, assertOnNodes, assertDeterministic } from './support/invariants';

// The fix properties (each fix works, fix all settles in two passes) are in fixes.property.test.ts.
describe('property: lint on hostile input', () => {
  before(() => lint('{}')); // loads the IAM catalogue outside the timed cases

  for (const { name, docs, runs } of SOURCES) {
    describe(name, function () {
      this.timeout(60_000);
      it('never throws, returns in time, ranges inside the text and on nodes', () => {
        check(fc.property(docs, ({ text, kind }) => assertOnNodes(text, lintChecked(text, { kind }).findings)), runs);
      });
      it('is deterministic (same text, deep-equal findings in the same order)', () => {
        check(fc.property(docs, ({ text, kind }) => assertDeterministic(text, { kind }, lintChecked(text, { kind }))), Math.ceil(runs / 2));
      });
    });
  }
});
