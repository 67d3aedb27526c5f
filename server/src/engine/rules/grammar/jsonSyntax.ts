import { Rule, POLICY_KINDS, Report } from '../../types';
import { ParseErrorCode } from 'jsonc-parser';
import { firstCommaOfRun, trailingCommas } from '../../json';

/** Syntax findings listed one by one; the rest are summed up in one more finding. */
export const MAX_SYNTAX_FINDINGS = 20;


/**
 * A comment can go when it is whole: a line comment, a closed block comment, or an open one
 * that runs to the end of the text. CloudTrail logs are scanned record by record, and a
 * comment opened in junk between records ends where that record's text ends: removing it
 * would leave the rest of the comment as new junk. A comment with unbalanced brackets
 * (`// "Ids": [` above the list's items) commented out part of the structure: removing it
 * leaves the brackets' partners behind, so it trades the comment for other errors.
 */
function removable(text: string, c: { offset: number; length: number }): boolean {
  const body = text.substr(c.offset, c.length);
  let depth = 0;
  for (const ch of body) {
    if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
  }
  if (depth !== 0) return false;
  return body.startsWith('//') || (body.startsWith('/*') && body.endsWith('*/') && body.length >= 4) || c.offset + c.length === text.length;
}

/** True when everything outside the comments is whitespace. */
function onlyComments(text: string, comments: readonly { offset: number; length: number }[]): boolean {
  let at = 0;
  for (const c of [...comments].sort((a, b) => a.offset - b.offset)) {
    if (text.slice(at, c.offset).trim() !== '') return false;
    at = Math.max(at, c.offset + c.length);
  }
  return text.slice(at).trim() === '';
}

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
    const empty = { message: 'The document is empty: IAM needs a JSON object with "Version" and "Statement".', offset: 0, length: 0 };
    if (!json.root && text.trim() === '') {
      ctx.report(empty);
      return;
    }
    // Only comments: empty too (removing them must not turn one problem into another).
    if (json.comments.length && onlyComments(text, json.comments)) ctx.report(empty);
    const found: Report[] = [];
    for (const c of json.comments) {
      found.push({
        message: 'Comments are not allowed: IAM rejects JSON with comments.',
        offset: c.offset,
        length: c.length,
        fixes: removable(text, c) ? [{ title: 'Remove comment', edits: [{ offset: c.offset, length: c.length, content: '' }], preferred: true }] : undefined,
      });
    }
    const seen = new Set<number>();
    const commaOf = trailingCommas(text, json.errors);
    for (const e of json.errors) {
      const comma = commaOf(e);
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
