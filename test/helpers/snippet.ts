/**
 * Expands a VS Code snippet body the way the editor does when the user accepts every
 * default: `${1:default}` and `${1|first,second|}` give their default (first choice),
 * `$1`/`${1}` repeat tab stop 1's value, `$0` is empty, `\$` `\}` `\\` are escapes.
 */
export function expandSnippet(body: string): string {
  const defaults = new Map<string, string>();
  const out = parse(body, 0, defaults, false);
  return out.text;
}

function parse(s: string, start: number, defaults: Map<string, string>, inPlaceholder: boolean): { text: string; end: number } {
  let text = '';
  let i = start;
  while (i < s.length) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length && '$}\\'.includes(s[i + 1])) {
      text += s[i + 1];
      i += 2;
    } else if (inPlaceholder && c === '}') {
      return { text, end: i + 1 };
    } else if (c === '$') {
      const simple = /^\$(\d+)/.exec(s.slice(i));
      const braced = /^\$\{(\d+)([:|}])/.exec(s.slice(i));
      if (simple) {
        text += defaults.get(simple[1]) ?? '';
        i += simple[0].length;
      } else if (braced) {
        const n = braced[1];
        i += braced[0].length;
        if (braced[2] === '}') text += defaults.get(n) ?? '';
        else if (braced[2] === ':') {
          const inner = parse(s, i, defaults, true);
          if (!defaults.has(n)) defaults.set(n, inner.text);
          text += defaults.get(n);
          i = inner.end;
        } else {
          const close = s.indexOf('|}', i);
          if (close < 0) throw new Error(`unterminated choice at ${i}`);
          const first = s.slice(i, close).split(',')[0];
          if (!defaults.has(n)) defaults.set(n, first);
          text += defaults.get(n);
          i = close + 2;
        }
      } else {
        throw new Error(`unescaped "$" at ${i}: ${s.slice(i, i + 20)}`);
      }
    } else {
      text += c;
      i++;
    }
  }
  if (inPlaceholder) throw new Error('unterminated placeholder');
  return { text, end: i };
}
