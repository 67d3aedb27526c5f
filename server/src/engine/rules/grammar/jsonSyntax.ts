import { Rule, POLICY_KINDS, Report } from '../../types';
import { ParseErrorCode } from 'jsonc-parser';
import { firstCommaOfRun, isTrailingCommaError, trailingCommaBefore } from '../../json';

/** Syntax findings listed one by one; the rest are summed up in one more finding. */
export const MAX_SYNTAX_FINDINGS = 20;


export const jsonSyntax: Rule = {
  id: 'CG1001',
  name: 'json-syntax',
  defaultSeverity: 'error',
  short: 'The document is not valid JSON',
  description:
    'IAM accepts strict JSON only: no comments, no trailing commas, no unquoted keys. connect-guard reports each syntax error (the first 20, then a count of the rest) and keeps checking the rest of the document.',
  kinds: [...POLICY_KINDS, 'cloudtrail'],
  tags: ['grammar'],
  accessAnalyzer: ['Json syntax error'],
  fixable: true,
  docs: {
    rationale: 'A policy that does not parse is rejected by IAM, AWS Organizations or the VPC endpoint API; in a pipeline it fails late, at deployment. Comments and trailing commas are the usual cause: editors accept them, AWS does not.',
    bad: '{\n  "Version": "2012-10-17",\n  // developers may read flows\n  "Statement": [{ "Effect": "Allow", "Action": "connect:DescribeContactFlow", "Resource": "*", }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "connect:DescribeContactFlow", "Resource": "*" }]\n}',
    fix: 'Remove comments (keep the reason in a `Sid` or in the commit message) and trailing commas. The quick-fix removes both.',
  },
  check(ctx) {
    const { text, json } = ctx;
    if (!json.root && text.trim() === '') {
      ctx.report({ message: 'The document is empty: IAM needs a JSON object with "Version" and "Statement".', offset: 0, length: 0 });
      return;
    }
    const found: Report[] = [];
    for (const c of json.comments) {
      found.push({
        message: 'Comments are not allowed: IAM rejects JSON with comments.',
        offset: c.offset,
        length: c.length,
        fixes: [{ title: 'Remove comment', edits: [{ offset: c.offset, length: c.length, content: '' }], preferred: true }],
      });
    }
    const seen = new Set<number>();
    for (const e of json.errors) {
      const comma = isTrailingCommaError(text, e, json.root) ? trailingCommaBefore(text, e.offset) : -1;
      if (comma >= 0) {
        if (seen.has(comma)) continue;
        seen.add(comma);
        // `,,]` is removed in one go: removing only the last comma would leave the same finding.
        const first = firstCommaOfRun(text, comma);
        found.push({
          message: 'Trailing comma: IAM rejects JSON with a comma before "}" or "]".',
          offset: first,
          length: comma + 1 - first,
          fixes: [{ title: 'Remove trailing comma', edits: [{ offset: first, length: comma + 1 - first, content: '' }], preferred: true }],
        });
        continue;
      }
      if (seen.has(-1 - e.offset)) continue;
      seen.add(-1 - e.offset);
      const token = text.substr(e.offset, Math.min(e.length, 40));
      const typographic = e.code === ParseErrorCode.InvalidSymbol && /[\u2018-\u201f\u2032\u2033]/.test(token);
      found.push({
        message: typographic ? `Invalid symbol ${token}: typographic quotes are not JSON quotes. Use straight double quotes (").` : `${e.message}.`,
        offset: e.offset,
        length: e.length,
      });
    }
    if (found.length <= MAX_SYNTAX_FINDINGS) {
      for (const r of found) ctx.report(r);
      return;
    }
    // Comments come first in `found`; report the earliest problems in the document.
    found.sort((a, b) => a.offset - b.offset);
    for (const r of found.slice(0, MAX_SYNTAX_FINDINGS)) ctx.report(r);
    const rest = found.length - MAX_SYNTAX_FINDINGS;
    const next = found[MAX_SYNTAX_FINDINGS];
    ctx.report({
      offset: next.offset,
      length: next.length,
      message: `${rest} more syntax error${rest === 1 ? '' : 's'} from here on (only the first ${MAX_SYNTAX_FINDINGS} are listed). Fix the first ones: later errors often follow from them. Is this file JSON at all?`,
    });
  },
};
