import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { loadIamData, lint, activity } from '../../engine';
import { principalMatcher } from '../../engine/cloudtrail';
import { WalkProblem } from '../files';
import { timeWindow } from '../cloudtrailInputs';
import { forEachRecord } from '../forEachRecord';
import { CliIO, Command, EXIT, UsageError } from '../io';

export const generatePolicyCommand: Command = {
  name: 'generate-policy',
  summary: 'Generate a least-privilege policy from CloudTrail activity',
  usage: 'connect-guard generate-policy <cloudtrail files|dirs...> [--principal ARN-or-pattern]... [--since DATE] [--until DATE] [--out FILE] [--include-denied]',
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        principal: { type: 'string', multiple: true },
        since: { type: 'string' },
        until: { type: 'string' },
        out: { type: 'string', short: 'o' },
        'include-denied': { type: 'boolean', default: false },
      },
    });
    if (!positionals.length) throw new UsageError('give CloudTrail files or folders to learn from');
    const window = timeWindow(values.since, values.until);
    const include = values.principal?.length ? principalMatcher(values.principal) : undefined;
    const iam = loadIamData();
    const gen = new activity.PolicyGenerator(iam, { include, includeDenied: values['include-denied'] });
    const problems: WalkProblem[] = [];
    await forEachRecord(positionals, io.cwd, window, problems, (r) => gen.add(r));
    const result = gen.result();
    for (const p of problems) io.err(`connect-guard: ${p.path}: ${p.message}\n`);
    if (!result.actions.length) {
      io.err(`connect-guard: no API calls to learn from (${result.recordsSeen} records read${include ? ', none by the given principal' : ''}).\n`);
      // Files that could not be read are the likelier cause: exit as for any input problem.
      return problems.length ? EXIT.usage : EXIT.findings;
    }
    // The generator must not produce what the linter would flag.
    const own = lint(result.text, { kind: 'identity' }).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
    if (values.out) fs.writeFileSync(path.resolve(io.cwd, values.out), result.text);
    else io.out(result.text);
    const report = [
      `${result.recordsUsed} of ${result.recordsSeen} records used; ${result.actions.length} actions.`,
      ...result.notes.map((n) => `note: ${n}`),
      ...result.unmapped.slice(0, 10).map((u) => `not mapped: ${u.eventName} x${u.count}: ${u.reason}`),
      ...own.map((f) => `lint: ${f.severity} ${f.rule}: ${f.message}`),
    ];
    io.err(report.join('\n') + '\n');
    return problems.length ? EXIT.usage : EXIT.ok;
  },
};
