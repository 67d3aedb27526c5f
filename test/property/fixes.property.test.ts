/**
 * Quick-fixes and "fix all" on hostile input (issue 7). The bugs these properties found are
 * regression tests in test/unit/robustness.fixes.test.ts, each with its minimal input.
 */
import * as fc from 'fast-check';
import { lint } from '../../server/src/engine';
import { check } from './support/budget';
import { SOURCES } from './support/sources';
import { lintChecked, assertFixesWork, assertFixAllConverges, assertFixAllReachesFixedPoint } from './support/invariants';

describe('property: fixes on hostile input', () => {
  before(() => lint('{}'));

  for (const { name, docs, runs } of SOURCES) {
    describe(name, function () {
      this.timeout(60_000);
      it('every fix keeps valid JSON valid (json-syntax fixes reduce syntax errors) and removes its finding', () => {
        check(fc.property(docs, ({ text, kind }) => assertFixesWork(text, { kind }, lintChecked(text, { kind }).findings)), Math.ceil(runs / 2));
      });
      it('fix all reaches a fixed point and keeps valid JSON valid', () => {
        check(fc.property(docs, ({ text, kind }) => void assertFixAllReachesFixedPoint(text, { kind })), Math.ceil(runs / 2));
      });
      it('fix all reaches its fixed point in one or two passes', () => {
        check(fc.property(docs, ({ text, kind }) => void assertFixAllConverges(text, { kind })), Math.ceil(runs / 2));
      });
    });
  }
});
