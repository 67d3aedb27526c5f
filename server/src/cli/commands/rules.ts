import { parseArgs } from 'util';
import { RULES, ruleDocsUrl } from '../../engine';
import { CliIO, Command, EXIT, UsageError } from '../io';

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'Print the rule catalogue',
  usage: 'connect-guard rules [--format text|markdown|json]',
  async run(args: string[], io: CliIO): Promise<number> {
    const { values } = parseArgs({ args, options: { format: { type: 'string', default: 'text' } } });
    const format = values.format!;
    if (format === 'json') {
      io.out(JSON.stringify(RULES.map((r) => ({
        id: r.id, name: r.name, severity: r.defaultSeverity, kinds: r.kinds, tags: r.tags, short: r.short, description: r.description,
        fixable: !!r.fixable, accessAnalyzer: r.accessAnalyzer ?? [], docs: ruleDocsUrl(r.name),
      })), null, 2) + '\n');
    } else if (format === 'markdown') {
      io.out(rulesMarkdownTable());
    } else if (format === 'text') {
      for (const r of RULES) io.out(`${r.id}  ${r.name.padEnd(34)} ${r.defaultSeverity.padEnd(8)} ${r.short}\n`);
    } else throw new UsageError(`--format must be text, markdown or json (got "${format}")`);
    return EXIT.ok;
  },
};

/** The rule table used in README and docs/rules/README.md (links relative to docs/rules/). */
export function rulesMarkdownTable(linkPrefix = ''): string {
  const rows = RULES.map((r) => `| ${r.id} | [\`${r.name}\`](${linkPrefix}${r.name}.md) | ${r.defaultSeverity} | ${r.kinds.join(', ')} | ${r.fixable ? 'yes' : ''} | ${r.short} |`);
  return ['| id | rule | default | kinds | fix | what it finds |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n') + '\n';
}
