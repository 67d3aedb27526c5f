import * as assert from 'assert';
import { loadIamData } from '../../server/src/engine';
import { carriesKey, keyApplicability } from '../../server/src/engine/iam/keySupport';

// Facts from the Service Authorization Reference: connect:CreateInstance and
// connect:ListInstances act on no resource type, so they carry no aws:ResourceTag key;
// connect:DeleteInstance acts on an instance, which is taggable.
describe('iam/keySupport: which actions carry a condition key', function () {
  this.timeout(60_000);
  const iam = loadIamData();
  const tag = 'aws:resourcetag/team';

  it('an action carries its resource type\'s tag keys; an action without resource types does not', () => {
    assert.strictEqual(carriesKey(iam, iam.action('connect', 'DeleteInstance')!, tag), true);
    assert.strictEqual(carriesKey(iam, iam.action('connect', 'ListInstances')!, tag), false);
    // The family prefix alone is not a key.
    assert.strictEqual(carriesKey(iam, iam.action('connect', 'DeleteInstance')!, 'aws:resourcetag/'), false);
  });

  it('counts the actions of an Action list that miss the key; the sample follows the sorted patterns', () => {
    assert.deepStrictEqual(keyApplicability(iam, ['connect:deleteinstance', 'connect:listinstances'], false, tag), { total: 2, unsupported: 1, sample: ['connect:ListInstances'] });
    assert.deepStrictEqual(keyApplicability(iam, ['connect:createinstance', 'connect:deleteinstance', 'connect:listinstances'], false, tag), { total: 3, unsupported: 2, sample: ['connect:CreateInstance', 'connect:ListInstances'] });
    assert.deepStrictEqual(keyApplicability(iam, ['connect:listinstances'], false, tag), { total: 1, unsupported: 1, sample: ['connect:ListInstances'] });
    assert.deepStrictEqual(keyApplicability(iam, ['connect:deleteinstance'], false, tag), { total: 1, unsupported: 0, sample: [] });
    // Unknown names cover nothing.
    assert.deepStrictEqual(keyApplicability(iam, ['connect:nosuchaction', 'connect:listinstances'], false, tag), { total: 1, unsupported: 1, sample: ['connect:ListInstances'] });
  });

  it('takes the actions of wildcard-free patterns from the caller when given, and expands the others', () => {
    const del = iam.action('connect', 'DeleteInstance')!;
    const list = iam.action('connect', 'ListInstances')!;
    assert.deepStrictEqual(keyApplicability(iam, ['connect:deleteinstance', 'connect:listinstances'], false, tag, [del, list]), { total: 2, unsupported: 1, sample: ['connect:ListInstances'] });
    assert.deepStrictEqual(keyApplicability(iam, ['connect:listinstances'], false, tag, [list]), { total: 1, unsupported: 1, sample: ['connect:ListInstances'] });
    assert.deepStrictEqual(keyApplicability(iam, ['connect:deleteinstance', 'connect:nosuchaction'], false, tag, [del, null]), { total: 1, unsupported: 0, sample: [] });
    const mixed = keyApplicability(iam, ['connect:listinstance*', 'connect:listinstances'], false, tag, [undefined, list]);
    assert.deepStrictEqual([mixed.unsupported, mixed.sample], [1, ['connect:ListInstances']]);
    assert.strictEqual(keyApplicability(iam, ['connect:listinstances'], true, tag, [list]).total, iam.allActions().length - 1);
  });

  it('an action covered by two patterns counts once', () => {
    // connect:listinstance* covers ListInstances (and ListInstanceAttributes, ListInstanceStorageConfigs, which act on an instance).
    const app = keyApplicability(iam, ['connect:listinstance*', 'connect:listinstances'], false, tag);
    assert.strictEqual(app.unsupported, 1);
    assert.deepStrictEqual(app.sample, ['connect:ListInstances']);
    assert.strictEqual(app.total, iam.expandAction('connect:listinstance*').length);
  });

  it('NotAction covers every other catalogue action', () => {
    const app = keyApplicability(iam, ['connect:listinstances'], true, tag);
    assert.strictEqual(app.total, iam.allActions().length - 1);
    assert.ok(!app.sample.includes('connect:ListInstances'), app.sample.join());
    assert.strictEqual(app.sample.length, 5);
    assert.deepStrictEqual(keyApplicability(iam, ['*'], true, tag), { total: 0, unsupported: 0, sample: [] });
  });

  it('answers stay the same after the memo has been emptied (many keys, and many broad wildcards)', () => {
    const expected = { total: 3, unsupported: 2, sample: ['connect:CreateInstance', 'connect:ListInstances'] };
    const list = ['connect:createinstance', 'connect:deleteinstance', 'connect:listinstances'];
    assert.deepStrictEqual(keyApplicability(iam, list, false, tag), expected);
    // Over 64 keys, and '*' for each: hundreds of thousands of listed actions.
    for (let i = 0; i < 70; i++) keyApplicability(iam, ['*'], false, `aws:resourcetag/t${i}`);
    assert.deepStrictEqual(keyApplicability(iam, list, false, tag), expected);
    const again = keyApplicability(iam, ['*'], false, 'aws:resourcetag/t0');
    assert.strictEqual(again.total, iam.allActions().length);
    assert.ok(again.sample.length === 5 && again.unsupported > 0 && again.unsupported < again.total);
  });
});
