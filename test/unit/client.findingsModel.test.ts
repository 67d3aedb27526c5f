import * as assert from 'assert';
import { FindingEntry, countBySeverity, countsLabel, entryLabel, groupFindings, nextGrouping, statusText, OTHER_GROUP } from '../../client/src/findingsModel';

function entry(file: string, line: number, rule: string, severity: FindingEntry['severity'], info?: FindingEntry['info']): FindingEntry {
  return { uri: `file:///ws/${file}`, file, rule, severity, message: `${rule} at ${line}`, range: { start: { line, character: 2 }, end: { line, character: 5 } }, fixes: 0, info };
}

const entries: FindingEntry[] = [
  entry('b.identity.json', 3, 'missing-version', 'warning'),
  entry('a.scp.json', 9, 'json-syntax', 'error'),
  entry('a.scp.json', 1, 'missing-version', 'warning'),
  entry('logs/day.cloudtrail.json', 40, 'ct-sensitive-connect-call', 'error', { principal: 'arn:aws:sts::111122223333:assumed-role/Admin/dana', eventName: 'DeleteInstance', eventSource: 'connect.amazonaws.com' }),
  entry('logs/day.cloudtrail.json', 10, 'ct-no-mfa', 'warning', { principal: 'arn:aws:sts::111122223333:assumed-role/Admin/dana', eventName: 'CreateUser', eventSource: 'connect.amazonaws.com' }),
  entry('logs/day.cloudtrail.json', 20, 'ct-sensitive-connect-call', 'info', { principal: 'arn:aws:iam::111122223333:user/ops', eventName: 'CreateUser', eventSource: 'connect.amazonaws.com' }),
  entry('logs/day.cloudtrail.json', 0, 'document-kind', 'info'),
];

describe('client: findings model', () => {
  it('groups by file: worst severity first, entries by position', () => {
    const groups = groupFindings(entries, 'file');
    assert.deepStrictEqual(groups.map((g) => [g.label, countsLabel(g.counts)]), [
      ['logs/day.cloudtrail.json', '1 error, 1 warning, 2 info'],
      ['a.scp.json', '1 error, 1 warning'],
      ['b.identity.json', '1 warning'],
    ]);
    assert.deepStrictEqual(groups[1].entries.map((e) => e.range.start.line), [1, 9]);
    assert.strictEqual(groups[1].key, 'file:a.scp.json');
  });

  it('groups by rule', () => {
    const groups = groupFindings(entries, 'rule');
    assert.deepStrictEqual(groups.map((g) => [g.label, g.entries.length]), [
      ['ct-sensitive-connect-call', 2],
      ['json-syntax', 1],
      ['missing-version', 2],
      ['ct-no-mfa', 1],
      ['document-kind', 1],
    ]);
  });

  it('groups CloudTrail findings by principal, everything else under "Other findings" last', () => {
    const groups = groupFindings(entries, 'principal');
    assert.deepStrictEqual(groups.map((g) => [g.label, g.entries.length]), [
      ['arn:aws:sts::111122223333:assumed-role/Admin/dana', 2],
      ['arn:aws:iam::111122223333:user/ops', 1],
      [OTHER_GROUP, 4],
    ]);
  });

  it('groups CloudTrail findings by API (service and event name)', () => {
    const groups = groupFindings(entries, 'api');
    assert.deepStrictEqual(groups.map((g) => [g.label, countsLabel(g.counts)]), [
      ['connect:DeleteInstance', '1 error'],
      ['connect:CreateUser', '1 warning, 1 info'],
      [OTHER_GROUP, '1 error, 2 warnings, 1 info'],
    ]);
  });

  it('counts, labels and the grouping cycle', () => {
    assert.deepStrictEqual(countBySeverity(entries), { error: 2, warning: 3, info: 2, hint: 0 });
    assert.strictEqual(countsLabel({ error: 0, warning: 0, info: 0, hint: 0 }), 'no findings');
    assert.strictEqual(statusText(countBySeverity(entries)), '$(shield) $(error) 2 $(warning) 3');
    assert.strictEqual(entryLabel(entries[1], 'file'), '10:3 json-syntax');
    assert.strictEqual(entryLabel(entries[1], 'rule'), 'a.scp.json:10:3 json-syntax');
    assert.deepStrictEqual(['file', 'rule', 'principal', 'api'].map((g) => nextGrouping(g as never)), ['rule', 'principal', 'api', 'file']);
  });

  it('an empty workspace has no groups (the view shows its welcome content)', () => {
    assert.deepStrictEqual(groupFindings([], 'file'), []);
  });
});
