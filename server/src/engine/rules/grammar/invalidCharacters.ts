import { Rule, Fix } from '../../types';
import { fix } from '../../fixes';

/** Findings reported one by one; the rest are summed up in one more finding. */
export const MAX_CHARACTER_FINDINGS = 50;

/** IAM allows tab, LF, CR and U+0020..U+00FF; other C0 controls are left to json-syntax (JSON forbids them raw). */
const OUTSIDE_LATIN1 = /[^\u0000-\u00ff]/;

function allowed(c: number): boolean {
  return c <= 0xff;
}

/** ASCII stand-ins for characters that word processors and chat tools substitute. */
const LOOKALIKE: Record<number, string> = {
  0x2018: "'", 0x2019: "'", 0x201a: "'", 0x201b: "'", 0x2032: "'",
  0x2010: '-', 0x2011: '-', 0x2012: '-', 0x2013: '-', 0x2014: '-', 0x2212: '-',
  0x2026: '...',
  0x2000: ' ', 0x2001: ' ', 0x2002: ' ', 0x2003: ' ', 0x2004: ' ', 0x2005: ' ', 0x2006: ' ', 0x2007: ' ', 0x2008: ' ', 0x2009: ' ', 0x200a: ' ',
  0x202f: ' ', 0x205f: ' ', 0x3000: ' ',
  0x200b: '', 0x200c: '', 0x200d: '', 0x2060: '', 0xfeff: '',
};
/** Typographic double quotes become JSON quotes only outside strings (inside, they would end the string). */
const DOUBLE_QUOTES = new Set([0x201c, 0x201d, 0x201e, 0x201f, 0x2033]);

function describe(text: string, start: number, end: number): string {
  const seen: string[] = [];
  let i = start;
  while (i < end && seen.length < 3) {
    const cp = text.codePointAt(i)!;
    const lone = cp >= 0xd800 && cp <= 0xdfff;
    const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    const label = lone ? `a lone surrogate ${hex} (broken UTF-16)` : `${hex} (${String.fromCodePoint(cp)})`;
    if (!seen.includes(label)) seen.push(label);
    i += cp > 0xffff ? 2 : 1;
  }
  return seen.join(', ') + (i < end ? ', ...' : '');
}

function replacement(text: string, start: number, end: number, inString: boolean): string | undefined {
  let out = '';
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (DOUBLE_QUOTES.has(c) && !inString) out += '"';
    else if (LOOKALIKE[c] !== undefined) out += LOOKALIKE[c];
    else return undefined;
  }
  return out;
}

export const invalidCharacters: Rule = {
  id: 'CG1014',
  name: 'invalid-characters',
  defaultSeverity: 'error',
  short: 'The document has characters IAM does not accept',
  description:
    'IAM policies may contain only tab, line feed, carriage return and the characters U+0020 to U+00FF. Typographic quotes and dashes, non-breaking or zero-width spaces from word processors and chat tools, emoji and broken UTF-16 (lone surrogates) make IAM reject the policy. Each run of such characters is reported with its exact range (at most 50, then one summary finding).',
  kinds: ['identity', 'scp', 'endpoint', 'resource', 'trust'],
  tags: ['grammar'],
  fixable: true,
  docs: {
    rationale: 'Connect persona policies are often drafted in design documents, tickets and chat, then pasted into the editor: “smart quotes”, en dashes in bucket names and zero-width spaces come along. They are invisible in review, and IAM rejects the policy at deployment, or, inside a string such as a tag value in a condition, a lenient tool deploys a value that never matches.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::connect\u2013recordings/*" }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::connect-recordings/*" }]\n}',
    fix: 'Replace typographic quotes, dashes and spaces with their ASCII forms and delete zero-width characters; the quick-fix does this when every character of the run has an ASCII stand-in, and offers to delete the run otherwise.',
    notes: 'A byte order mark at the very start of a file is not reported: it belongs to the file encoding, and the AWS CLI and SDK file readers strip it. C0 control characters are reported by `json-syntax`, since JSON itself forbids them unescaped.',
  },
  check(ctx) {
    const { text } = ctx;
    // Most documents hold no character above U+00FF: one native search instead of the scan.
    if (!OUTSIDE_LATIN1.test(text)) return;
    let reported = 0;
    let more = 0;
    let firstMore: { offset: number; length: number } | undefined;
    let inString = false;
    let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (allowed(c)) {
        if (c === 34 /* " */) inString = !inString;
        // An escape skips the next character, unless IAM refuses that one too: `\` before an
        // astral character would otherwise skip half of it and report the other half alone.
        else if (c === 92 /* \ */ && inString && i + 1 < text.length && allowed(text.charCodeAt(i + 1))) i++;
        else if ((c === 10 || c === 13) && inString) inString = false; // an unclosed string ends at the line
        i++;
        continue;
      }
      const start = i;
      while (i < text.length && !allowed(text.charCodeAt(i))) i++;
      if (reported >= MAX_CHARACTER_FINDINGS) {
        more++;
        firstMore ??= { offset: start, length: i - start };
        continue;
      }
      reported++;
      const fixes: Fix[] = [];
      const to = replacement(text, start, i, inString);
      if (to !== undefined) fixes.push(fix(to === '' ? 'Delete invisible characters' : `Replace with "${to}"`, [{ offset: start, length: i - start, content: to }], true));
      else fixes.push(fix('Delete these characters', [{ offset: start, length: i - start, content: '' }]));
      ctx.report({
        offset: start,
        length: i - start,
        message: `Characters IAM does not accept: ${describe(text, start, i)}. Policies may hold only tab, line breaks and U+0020 to U+00FF.${to !== undefined && to !== '' ? ` Use "${to}".` : ''}`,
        fixes,
      });
    }
    if (more && firstMore) {
      ctx.report({
        ...firstMore,
        message: `${more} more run${more === 1 ? '' : 's'} of characters IAM does not accept follow${more === 1 ? 's' : ''} (not reported one by one after the first ${MAX_CHARACTER_FINDINGS}). Is this a policy in a text encoding, or a binary file?`,
      });
    }
  },
};
