import * as assert from 'assert';
import { lint, loadIamData, mergeSettings, DEFAULT_SETTINGS, DocumentKind } from '../../server/src/engine';
import { assertWellFormed } from '../property/support/invariants';
import { hostilePolicy, hostileTrail, PROTO_NAMES as NAMES } from '../property/support/hostile';
import { lintChecked } from '../property/support/invariants';

/** Own property names and descriptors of the built-in prototypes a pollution would touch. */
function snapshot(): string {
  const protos: [string, object][] = [['Object', Object.prototype], ['Array', Array.prototype], ['Function', Function.prototype], ['String', String.prototype]];
  return JSON.stringify(protos.map(([n, p]) => [n, Object.getOwnPropertyNames(p).sort(), Object.getOwnPropertyNames(p).map((k) => typeof Object.getOwnPropertyDescriptor(p, k)!.value)]));
}

describe('robustness: __proto__, constructor and prototype keys', () => {
  for (const name of NAMES) {
    for (const kind of ['identity', 'scp', 'endpoint', 'resource', 'trust', undefined] as (DocumentKind | undefined)[]) {
      it(`"${name}" everywhere in a policy (kind ${kind ?? 'guessed'}): no pollution, well-formed findings`, () => {
        const before = snapshot();
        const text = hostilePolicy(name);
        const r = lint(text, { kind });
        assertWellFormed(text, r.findings);
        assert.strictEqual(snapshot(), before, 'a built-in prototype changed');
        assert.strictEqual(({} as Record<string, unknown>).polluted, undefined);
        assert.ok(!r.findings.some((f) => f.rule === 'internal-error'), JSON.stringify(r.findings.filter((f) => f.rule === 'internal-error')));
      });
    }
    it(`"${name}" as a rule name in settings changes nothing global`, () => {
      const before = snapshot();
      const file = JSON.parse(`{"rules": {"${name}": "off", "missing-version": "off"}, "cloudtrail": {"${name}": {"polluted": true}}}`);
      const settings = mergeSettings(DEFAULT_SETTINGS, file);
      const r = lint('{"Statement": []}', { kind: 'identity', settings });
      assert.ok(!r.findings.some((f) => f.rule === 'missing-version'));
      assert.strictEqual(snapshot(), before);
      assert.deepStrictEqual(DEFAULT_SETTINGS.rules, {});
    });
  }

  for (const name of NAMES) {
    it(`"${name}" everywhere in a CloudTrail log: no pollution, no internal error`, () => {
      const before = JSON.stringify(Object.getOwnPropertyNames(Object.prototype).sort());
      const text = hostileTrail(name);
      const r = lintChecked(text, { kind: 'cloudtrail' });
      assert.ok(!r.findings.some((f) => f.rule === 'internal-error'), JSON.stringify(r.findings.filter((f) => f.rule === 'internal-error')));
      assert.strictEqual(JSON.stringify(Object.getOwnPropertyNames(Object.prototype).sort()), before);
      assert.strictEqual(({} as Record<string, unknown>).polluted, undefined);
    });
  }

  describe('IamData lookups with prototype names are misses, not Object.prototype members', () => {
    const iam = loadIamData();
    for (const name of [...NAMES, 'toString', 'hasOwnProperty', 'valueOf']) {
      it(`"${name}"`, () => {
        assert.strictEqual(iam.hasService(name), false);
        assert.strictEqual(iam.serviceName(name), undefined);
        assert.strictEqual(iam.action(name, 'x'), undefined);
        assert.strictEqual(iam.action('connect', name), undefined);
        assert.strictEqual(iam.action(name, name), undefined);
        assert.deepStrictEqual(iam.actionsOf(name), []);
        assert.strictEqual(iam.resourceType('connect', name), undefined);
        assert.strictEqual(iam.resourceType(name, 'instance'), undefined);
        assert.deepStrictEqual(iam.resourceTypesOf(name), []);
        assert.strictEqual(iam.conditionKey(`${name}:x`), undefined);
        assert.strictEqual(iam.conditionKey(`connect:${name}`), undefined);
        assert.strictEqual(iam.conditionKey(`aws:${name}`), undefined);
        assert.deepStrictEqual(iam.expandAction(`${name}:*`), []);
        assert.deepStrictEqual(iam.expandAction(`connect:${name}`), []);
        assert.ok(iam.expandAction(`connect:${name}*`).every((a) => a.name.toLowerCase().startsWith(name.toLowerCase())));
      });
    }
    it('real lookups still work', () => {
      assert.strictEqual(iam.action('connect', 'createuser')?.fullName, 'connect:CreateUser');
      assert.ok(iam.resourceType('connect', 'instance'));
      assert.ok(iam.conditionKey('connect:InstanceId'));
    });
  });
});
