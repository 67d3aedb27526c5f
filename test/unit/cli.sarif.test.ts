import * as assert from 'assert';
import Ajv from 'ajv';
import { runCli, tempTree, removeTree } from '../helpers/cli';
import { RULES } from '../../server/src/engine';

/**
 * The part of SARIF 2.1.0 GitHub code scanning relies on (its "SARIF support" page):
 * rule metadata with id, name, shortDescription, helpUri and default level; results with
 * ruleId, ruleIndex, level, message text and a physical location with a 1-based region.
 */
const region = {
  type: 'object',
  required: ['startLine', 'startColumn', 'endLine', 'endColumn'],
  properties: {
    startLine: { type: 'integer', minimum: 1 },
    startColumn: { type: 'integer', minimum: 1 },
    endLine: { type: 'integer', minimum: 1 },
    endColumn: { type: 'integer', minimum: 1 },
  },
};
const SCHEMA = {
  type: 'object',
  required: ['version', 'runs'],
  properties: {
    version: { const: '2.1.0' },
    $schema: { type: 'string' },
    runs: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['tool', 'results'],
        properties: {
          tool: {
            type: 'object',
            required: ['driver'],
            properties: {
              driver: {
                type: 'object',
                required: ['name', 'rules'],
                properties: {
                  name: { type: 'string', minLength: 1 },
                  semanticVersion: { type: 'string' },
                  rules: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['id', 'name', 'shortDescription', 'helpUri', 'defaultConfiguration'],
                      properties: {
                        id: { type: 'string', minLength: 1 },
                        name: { type: 'string', minLength: 1 },
                        shortDescription: { type: 'object', required: ['text'], properties: { text: { type: 'string', minLength: 1 } } },
                        fullDescription: { type: 'object', required: ['text'], properties: { text: { type: 'string' } } },
                        helpUri: { type: 'string', pattern: '^https://' },
                        defaultConfiguration: { type: 'object', required: ['level'], properties: { level: { enum: ['none', 'note', 'warning', 'error'] } } },
                      },
                    },
                  },
                },
              },
            },
          },
          results: {
            type: 'array',
            items: {
              type: 'object',
              required: ['ruleId', 'ruleIndex', 'level', 'message', 'locations'],
              properties: {
                ruleId: { type: 'string', minLength: 1 },
                ruleIndex: { type: 'integer', minimum: 0 },
                level: { enum: ['none', 'note', 'warning', 'error'] },
                message: { type: 'object', required: ['text'], properties: { text: { type: 'string', minLength: 1 } } },
                locations: {
                  type: 'array',
                  minItems: 1,
                  items: {
                    type: 'object',
                    required: ['physicalLocation'],
                    properties: {
                      physicalLocation: {
                        type: 'object',
                        required: ['artifactLocation', 'region'],
                        properties: {
                          artifactLocation: { type: 'object', required: ['uri'], properties: { uri: { type: 'string', minLength: 1, not: { pattern: '^/' } } } },
                          region,
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

describe('cli: sarif', () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(SCHEMA);
  let dir: string;
  before(() => {
    dir = tempTree({
      'policies/dev team.identity.json': '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "connect:*", "Resource": "*" }]\n}\n',
      'policies/guard.scp.json': '{"Statement": []}',
      'broken.identity.json': '{ "Version": "2012-10-17", ',
      'empty.identity.json': '',
    });
  });
  after(() => removeTree(dir));

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function sarif(...paths: string[]): Promise<any> {
    const r = await runCli(['lint', ...paths, '--format', 'sarif', '--fail-on', 'never'], dir);
    assert.strictEqual(r.code, 0, r.err);
    return JSON.parse(r.out);
  }

  it('validates against the code-scanning schema, broken and empty files included', async () => {
    const doc = await sarif('.');
    assert.ok(validate(doc as object), JSON.stringify(validate.errors, null, 2));
    assert.ok(doc.runs[0].results.length > 5);
  });
  it('lists every rule; ruleIndex points at the result\'s rule', async () => {
    const doc = await sarif('.');
    const rules = doc.runs[0].tool.driver.rules;
    assert.deepStrictEqual(rules.map((r: { id: string }) => r.id), RULES.map((r) => r.name));
    for (const res of doc.runs[0].results) assert.strictEqual(rules[res.ruleIndex].id, res.ruleId);
    const ea = rules.find((r: { id: string }) => r.id === 'connect-emergency-access');
    assert.deepStrictEqual([ea.defaultConfiguration.level, ea.helpUri.endsWith('/docs/rules/connect-emergency-access.md')], ['error', true]);
    assert.strictEqual(rules.find((r: { id: string }) => r.id === 'connect-tag-based-access').defaultConfiguration.level, 'note');
  });
  it('regions are 1-based and cover the finding; URIs are relative and encoded', async () => {
    const doc = await sarif('policies');
    const res = doc.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'connect-wildcard-allow');
    const loc = res.locations[0].physicalLocation;
    assert.strictEqual(loc.artifactLocation.uri, 'policies/dev%20team.identity.json');
    const line3 = '  "Statement": [{ "Effect": "Allow", "Action": "connect:*", "Resource": "*" }]';
    const col = line3.indexOf('"connect:*"') + 1;
    assert.deepStrictEqual(loc.region, { startLine: 3, startColumn: col, endLine: 3, endColumn: col + '"connect:*"'.length });
    assert.strictEqual(res.level, 'warning');
    const mv = doc.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'missing-version');
    assert.deepStrictEqual(mv.locations[0].physicalLocation.region, { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 });
  });
  it('carries fixes as replacements', async () => {
    const doc = await sarif('policies/guard.scp.json');
    const mv = doc.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'missing-version');
    assert.strictEqual(mv.fixes[0].description.text, 'Add "Version": "2012-10-17"');
    assert.strictEqual(mv.fixes[0].artifactChanges[0].artifactLocation.uri, 'policies/guard.scp.json');
    assert.ok(mv.fixes[0].artifactChanges[0].replacements.length > 0);
  });
  it('an empty run is still valid SARIF', async () => {
    const clean = tempTree({ 'ok.scp.json': '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "connect:DeleteInstance", "Resource": "*"}]}' });
    try {
      const r = await runCli(['lint', '.', '--format', 'sarif'], clean);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const doc: any = JSON.parse(r.out);
      assert.ok(validate(doc as object), JSON.stringify(validate.errors));
      assert.deepStrictEqual([r.code, doc.runs[0].results.length], [0, 0]);
    } finally {
      removeTree(clean);
    }
  });
});
