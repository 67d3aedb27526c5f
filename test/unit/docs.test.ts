import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as engine from '../../server/src/engine';
import { Rule, RULES, LintOptions } from '../../server/src/engine';

const ROOT = path.join(__dirname, '../../..');

interface GenDocs {
  renderRule(rule: Rule): string;
  renderIndex(rules: readonly Rule[]): string;
  renderReadme(readme: string): string;
  exampleLintOptions(e: typeof engine, rule: Rule, text: string): LintOptions | undefined;
  lintCannotShow(rule: Rule): boolean;
}
// The generator is plain JavaScript run by `npm run docs`; it loads the same compiled engine.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const gen = require(path.join(ROOT, 'scripts', 'gen-docs.js')) as GenDocs;

const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
const STALE = 'stale: run `npm run build && npm run docs` and commit docs/';

describe('docs', () => {
  describe('generated pages are up to date', () => {
    for (const rule of RULES) {
      it(`docs/rules/${rule.name}.md`, () => {
        const file = path.join(ROOT, 'docs', 'rules', `${rule.name}.md`);
        assert.ok(fs.existsSync(file), `missing: ${STALE}`);
        assert.strictEqual(fs.readFileSync(file, 'utf8'), gen.renderRule(rule), STALE);
      });
    }
    it('docs/rules/README.md', () => {
      assert.strictEqual(read('docs/rules/README.md'), gen.renderIndex(RULES), STALE);
    });
    it('the rule table in README.md', () => {
      const readme = read('README.md');
      assert.ok(readme.includes('<!-- rules:start -->') && readme.includes('<!-- rules:end -->'), 'README.md has the rules markers');
      assert.strictEqual(readme, gen.renderReadme(readme), STALE);
    });
    it('no page for a rule that does not exist', () => {
      const names = new Set(RULES.map((r) => `${r.name}.md`));
      const extra = fs.readdirSync(path.join(ROOT, 'docs', 'rules')).filter((f) => f !== 'README.md' && !names.has(f));
      assert.deepStrictEqual(extra, []);
    });
  });

  describe('every rule\'s bad example triggers it and its good example does not', () => {
    it('only rules lint never emits are exempt', () => {
      // Activity rules need CloudTrail activity as a second input; internal-error needs a failing rule.
      assert.deepStrictEqual(RULES.filter((r) => gen.lintCannotShow(r)).map((r) => r.name).sort(), [
        'activity-conditions-not-evaluated', 'activity-missing-permission', 'activity-unused-permission', 'internal-error',
      ]);
    });
    for (const rule of RULES) {
      if (gen.lintCannotShow(rule)) continue;
      it(rule.name, () => {
        const badOpts = gen.exampleLintOptions(engine, rule, rule.docs.bad)!;
        const goodOpts = gen.exampleLintOptions(engine, rule, rule.docs.good)!;
        const bad = engine.lint(rule.docs.bad, badOpts).findings.filter((f) => f.rule === rule.name);
        assert.ok(bad.length > 0, `docs.bad of ${rule.name} does not trigger it (linted as ${badOpts.kind ?? badOpts.fileName ?? 'guessed kind'})`);
        const good = engine.lint(rule.docs.good, goodOpts).findings.filter((f) => f.rule === rule.name);
        assert.deepStrictEqual(good.map((f) => f.message), [], `docs.good of ${rule.name} triggers it`);
      });
    }
  });

  it('every rule has complete metadata', () => {
    for (const r of RULES) {
      for (const k of ['rationale', 'bad', 'good', 'fix'] as const) assert.ok(r.docs[k].trim().length > 0, `${r.name}: docs.${k}`);
      assert.ok(r.short.length > 0 && r.description.length > 0 && r.kinds.length > 0, r.name);
      assert.match(r.id, /^CG\d{4}$/, r.name);
      assert.match(r.name, /^[a-z0-9]+(-[a-z0-9]+)*$/, r.name);
    }
  });
});
