import * as assert from 'assert';
import { startClient, TestClient, rangeIn } from './harness';

describe('protocol: diagnostics', function () {
  this.timeout(20000);
  let c: TestClient;
  before(async () => {
    c = await startClient(null);
  });
  after(() => c.close());

  it('initialize answers with the server name and capabilities', () => {
    const r = c.initializeResult;
    assert.strictEqual(r.serverInfo?.name, 'connect-guard');
    const caps = r.capabilities as { hoverProvider: boolean; completionProvider: { triggerCharacters: string[] }; codeActionProvider: { codeActionKinds: string[] }; textDocumentSync: { change: number } };
    assert.strictEqual(caps.hoverProvider, true);
    assert.deepStrictEqual(caps.completionProvider.triggerCharacters, ['"', ':', '/']);
    assert.deepStrictEqual(caps.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.connect-guard', 'refactor.insert.connect-guard', 'refactor.rewrite.connect-guard']);
    assert.strictEqual(caps.textDocumentSync.change, 2);
  });

  it('publishes findings with exact ranges, rule code, docs link, source and fix data', async () => {
    const uri = 'file:///protocol/diag/developer.identity.json';
    const text = '{\n  "Statement": [{ "Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "*" }]\n}\n';
    c.open(uri, text);
    const ds = await c.waitForDiagnostics(uri);
    const mv = ds.filter((d) => d.code === 'missing-version');
    assert.strictEqual(mv.length, 1);
    assert.deepStrictEqual(mv[0].range, rangeIn(text, '{'));
    assert.strictEqual(mv[0].severity, 2);
    assert.strictEqual(mv[0].source, 'connect-guard');
    assert.strictEqual(mv[0].codeDescription?.href, 'https://github.com/connect-guard/connect-guard/blob/main/docs/rules/missing-version.md');
    const data = mv[0].data as { rule: string; fixes: { title: string; preferred: boolean }[] };
    assert.strictEqual(data.rule, 'missing-version');
    assert.strictEqual(data.fixes[0].title, 'Add "Version": "2012-10-17"');
  });

  it('updates on didChange and drops the fixed finding', async () => {
    const uri = 'file:///protocol/diag/change.identity.json';
    const bad = '{\n  "Version": "2012-10-17",\n  // why\n  "Statement": []\n}';
    c.open(uri, bad);
    const first = await c.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'json-syntax'));
    assert.deepStrictEqual(first.filter((d) => d.code === 'json-syntax').map((d) => d.range), [rangeIn(bad, '// why')]);
    c.change(uri, 2, bad.replace('  // why\n', ''));
    const second = await c.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'json-syntax'));
    assert.ok(!second.some((d) => d.code === 'json-syntax'));
  });

  it('coalesces a burst of changes into diagnostics for the last version only', async () => {
    const uri = 'file:///protocol/diag/burst.identity.json';
    c.open(uri, '{"Version": "2012-10-17", "Statement": []}');
    for (let v = 2; v <= 10; v++) c.change(uri, v, `{"Version": "2012-10-17", "Statement": [], "Id": "v${v}"}`);
    await c.waitForDiagnostics(uri);
    await new Promise((r) => setTimeout(r, 400));
    assert.deepStrictEqual(c.published.filter((p) => p.uri === uri).map((p) => p.version), [10]);
  });

  it('JSON Lines CloudTrail: findings on the record with related information on the caller, and the CloudTrail fields in data', async () => {
    const uri = 'file:///protocol/diag/events.jsonl';
    const identity = '{"type":"Root","arn":"arn:aws:iam::111122223333:root","accountId":"111122223333"}';
    const record = (name: string, id: string) => `{"eventVersion":"1.11","userIdentity":${identity},"eventTime":"2026-10-01T09:14:03Z","eventSource":"connect.amazonaws.com","eventName":"${name}","awsRegion":"eu-west-2","sourceIPAddress":"203.0.113.7","requestParameters":null,"responseElements":null,"requestID":"r${id}","eventID":"e${id}","eventType":"AwsApiCall","eventCategory":"Management","managementEvent":true,"readOnly":false,"recipientAccountId":"111122223333"}`;
    const text = `${record('DescribeQueue', '1')}\n${record('DeleteInstance', '2')}\n`;
    void c.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'jsonl', version: 1, text } });
    const ds = await c.waitForDiagnostics(uri);
    const sensitive = ds.filter((d) => d.code === 'ct-sensitive-connect-call');
    assert.deepStrictEqual(sensitive.map((d) => [d.range, d.severity]), [[rangeIn(text, '"DeleteInstance"'), 1]]);
    assert.deepStrictEqual(sensitive[0].relatedInformation, [{ location: { uri, range: rangeIn(text, identity, 1) }, message: 'Caller: arn:aws:iam::111122223333:root' }]);
    const info = (sensitive[0].data as { info: Record<string, string> }).info;
    assert.deepStrictEqual([info.principal, info.eventName, info.eventSource], ['arn:aws:iam::111122223333:root', 'DeleteInstance', 'connect.amazonaws.com']);
    const hover: { contents: { value: string } } = await c.rpc.sendRequest('textDocument/hover', { textDocument: { uri }, position: rangeIn(text, 'DeleteInstance').start });
    assert.match(hover.contents.value, /^IAM action of this call:\n\n\*\*connect:DeleteInstance\*\*/);
  });

  it('a malformed document gives syntax findings and the server keeps working', async () => {
    const uri = 'file:///protocol/diag/broken.scp.json';
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": ';
    c.open(uri, text + '\u0000\u0001\uffff\ud800');
    const ds = await c.waitForDiagnostics(uri);
    assert.ok(ds.some((d) => d.code === 'json-syntax' && d.severity === 1), JSON.stringify(ds.map((d) => d.code)));
    const next = 'file:///protocol/diag/after.identity.json';
    c.open(next, '{"Statement": []}');
    assert.ok((await c.waitForDiagnostics(next)).some((d) => d.code === 'missing-version'));
  });

  it('leaves unrelated JSON alone (content gate)', async () => {
    const uri = 'file:///protocol/diag/data.json';
    c.open(uri, '{\n  "name": "thing",\n  "version": "1.0.0",\n  "Statements": 3\n}');
    assert.deepStrictEqual(await c.waitForDiagnostics(uri), []);
  });

  it('checks a JSON file without a naming convention when it is shaped like a policy, and says the kind was guessed', async () => {
    const uri = 'file:///protocol/diag/developer.json';
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "*" }]\n}';
    c.open(uri, text);
    const ds = await c.waitForDiagnostics(uri);
    assert.deepStrictEqual(ds.map((d) => [d.code, d.severity]), [['document-kind', 3]]);
  });

  it('reports a file over connectGuard.maxFileSizeMB with one information finding instead of analysing it', async () => {
    const small = await startClient(null, { maxFileSizeMB: 0.001 });
    try {
      const uri = 'file:///protocol/diag/big.cloudtrail.json';
      small.open(uri, `{"Records": [${'{"eventVersion": "1.11"},'.repeat(100)}{}]}`);
      const ds = await small.waitForDiagnostics(uri);
      assert.strictEqual(ds.length, 1);
      assert.strictEqual(ds[0].code, 'file-too-large');
      assert.strictEqual(ds[0].severity, 3);
      assert.match(String(ds[0].message), /maxFileSizeMB \(0\.001 MB\)/);
    } finally {
      await small.close();
    }
  });
});
