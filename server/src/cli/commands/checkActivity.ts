import * as path from 'path';
import { parseArgs } from 'util';
import { loadIamData, activity, LineIndex } from '../../engine';
import { principalMatcher } from '../../engine/cloudtrail';
import { WalkProblem } from '../files';
import { readTextFile } from '../readInput';
import { timeWindow } from '../cloudtrailInputs';
import { forEachRecord } from '../forEachRecord';
import { CliIO, Command, EXIT, UsageError, paint } from '../io';
import { toSarif } from '../sarif';
import { findingLine } from '../reporters';
import { VERSION } from '../version';

export const checkActivityCommand: Command = {
  name: 'check-activity',
  summary: 'Compare a policy with CloudTrail activity: unused and missing permissions',
  usage: 'connect-guard check-activity --policy P.json <cloudtrail files|dirs...> [--principal ARN-or-pattern]... [--since DATE] [--until DATE] [--format text|json|sarif]',
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        policy: { type: 'string' },
        principal: { type: 'string', multiple: true },
        since: { type: 'string' },
        until: { type: 'string' },
        format: { type: 'string', default: 'text' },
      },
    });
    if (!values.policy) throw new UsageError('--policy FILE is required');
    if (!positionals.length) throw new UsageError('give CloudTrail files or folders to compare with');
    const format = values.format!;
    if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif (got "${format}")`);
    const policyPath = path.resolve(io.cwd, values.policy);
    const read = readTextFile(policyPath);
    if (read.text === undefined) throw new UsageError(`${values.policy}: ${read.problem}`);
    const checker = new activity.ActivityChecker(read.text, loadIamData(), { include: values.principal?.length ? principalMatcher(values.principal) : undefined });
    const problems: WalkProblem[] = [];
    await forEachRecord(positionals, io.cwd, timeWindow(values.since, values.until), problems, (r) => checker.add(r));
    const result = checker.result();
    for (const p of problems) io.err(`connect-guard: ${p.path}: ${p.message}\n`);
    const display = path.relative(io.cwd, policyPath) || values.policy;
    if (format === 'sarif') io.out(JSON.stringify(toSarif([{ path: display, text: read.text, findings: result.findings }], VERSION), null, 2) + '\n');
    else if (format === 'json') io.out(JSON.stringify({ policy: display, recordsSeen: result.recordsSeen, recordsUsed: result.recordsUsed, unused: result.unused, missing: result.missing, conditional: result.conditional }, null, 2) + '\n');
    else {
      const lines = new LineIndex(read.text);
      const out: string[] = [];
      for (const f of result.findings) out.push(findingLine(io, display, lines.position(f.offset), f));
      const unusedActions = result.unused.reduce((n, u) => n + u.unused.length, 0);
      out.push(paint(io, 'bold', `${result.recordsUsed} of ${result.recordsSeen} records compared: ${unusedActions} granted action(s) unused, ${result.missing.length} call(s) not allowed. Conditions are not evaluated.`));
      io.out(out.join('\n') + '\n');
    }
    if (problems.length) return EXIT.usage;
    return result.findings.some((f) => f.severity === 'error' || f.severity === 'warning') ? EXIT.findings : EXIT.ok;
  },
};
