import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { startClient, TestClient, applyWorkspaceEdit } from './harness';

describe('protocol: check policy against activity', function () {
  this.timeout(20000);
  let c: TestClient;
  let dir: string;
  before(async () => {
    c = await startClient(null);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-proto-activity-'));
    const rec = (eventName: string) => ({
      eventVersion: '1.11', eventTime: '2026-10-02T10:00:00Z', eventSource: 'connect.amazonaws.com', eventName, awsRegion: 'eu-west-2', eventType: 'AwsApiCall',
      recipientAccountId: '111122223333', requestParameters: { InstanceId: 'i-1' }, userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/Dev/sam', accountId: '111122223333' },
    });
    fs.writeFileSync(path.join(dir, 'day.cloudtrail.json'), JSON.stringify({ Records: [rec('ListQueues')] }));
  });
  after(async () => {
    await c.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('publishes unused-permission findings with their removal fix, and drops them on the next edit', async () => {
    const uri = 'file:///protocol/activity/dev.identity.json';
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": ["connect:ListQueues", "connect:DeleteUser"], "Resource": "*" }]\n}';
    c.open(uri, text);
    await c.waitForDiagnostics(uri);
    const waiting = c.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'activity-unused-permission'));
    const r = await c.rpc.sendRequest<{ summary: string }>('connectGuard/checkActivity', { uri, logPaths: [dir], principals: ['arn:aws:iam::111122223333:role/Dev'] });
    assert.match(r.summary, /^1 of 1 records in 1 file\(s\) compared: 1 granted action\(s\) unused, 0 call\(s\) not allowed/);
    const ds = await waiting;
    const unused = ds.filter((d) => d.code === 'activity-unused-permission');
    const start = text.indexOf('"connect:DeleteUser"');
    assert.deepStrictEqual(unused.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character]), [[2, start - text.lastIndexOf('\n', start) - 1, start - text.lastIndexOf('\n', start) - 1 + '"connect:DeleteUser"'.length]]);
    const actions: CodeAction[] = await c.rpc.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: unused[0].range, context: { diagnostics: unused, only: ['quickfix'] } });
    const fix = actions.find((a) => a.title === 'Remove unused connect:DeleteUser');
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    const fixed = applyWorkspaceEdit(text, uri, fix.edit);
    assert.ok(fixed.includes('"Action": ["connect:ListQueues"]'), fixed);
    c.change(uri, 2, fixed);
    const after: Diagnostic[] = await c.waitForDiagnostics(uri, () => true);
    assert.deepStrictEqual(after.filter((d) => String(d.code).startsWith('activity-')).map((d) => d.code), []);
  });
});
