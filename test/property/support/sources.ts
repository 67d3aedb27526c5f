import * as fc from 'fast-check';
import { DocumentKind } from '../../../server/src/engine';
import { kindArb, jsonish, policyValueArb, formatArb, format, trailTextArb, mutatedArb } from './arbitraries';
import { POLICY_SEEDS, TRAIL_SEEDS } from './seeds';

export interface Source {
  name: string;
  docs: fc.Arbitrary<{ text: string; kind: DocumentKind | undefined }>;
  /** Runs of the basic property; the costlier ones use half. Sized so the suite stays under 60 s on 2 cores. */
  runs: number;
}

/** Every source of hostile documents the property tests draw from. */
export const SOURCES: Source[] = [
  { name: 'random JSON values, any kind', docs: fc.record({ text: fc.tuple(jsonish, formatArb).map(([v, f]) => format(v, f)), kind: kindArb }), runs: 600 },
  { name: 'random JSON text (fast-check json()), any kind', docs: fc.record({ text: fc.json(), kind: kindArb }), runs: 300 },
  { name: 'policy-shaped documents with wrong types and bad values', docs: fc.record({ text: fc.tuple(policyValueArb, formatArb).map(([v, f]) => format(v, f)), kind: kindArb }), runs: 900 },
  { name: 'mutated valid policies (renamed keys, wrong types, deleted brackets, comments, unicode, CRLF, BOM)', docs: mutatedArb(POLICY_SEEDS), runs: 900 },
  { name: 'mutated policies checked with a random kind', docs: fc.record({ text: mutatedArb(POLICY_SEEDS).map((d) => d.text), kind: kindArb }), runs: 300 },
  { name: 'CloudTrail-shaped documents with wrong types and bad values', docs: fc.record({ text: trailTextArb, kind: fc.constantFrom<DocumentKind | undefined>('cloudtrail', undefined) }), runs: 600 },
  { name: 'mutated CloudTrail logs (Records, single record, JSON Lines)', docs: mutatedArb(TRAIL_SEEDS), runs: 600 },
];
