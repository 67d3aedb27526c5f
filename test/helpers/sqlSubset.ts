/**
 * Evaluates the SQL subset connect-guard exports for Athena and CloudTrail Lake against
 * plain CloudTrail records, so that tests can check the SQL selects exactly what the
 * engine flags. Grammar (case-insensitive keywords):
 *
 *   query  := SELECT cols FROM source WHERE expr [ORDER BY ...] [LIMIT n]
 *   expr   := term (OR term)*
 *   term   := factor (AND factor)*
 *   factor := NOT factor | '(' expr ')' | path op literal | path IN '(' literal, ... ')'
 *           | path LIKE 'pattern' | path IS [NOT] NULL
 *   path   := ident ('.' ident)*      (Athena: useridentity.sessioncontext.attributes.mfaauthenticated;
 *                                      Lake: userIdentity.sessionContext.attributes.mfaAuthenticated)
 *   op     := '=' | '<>' | '!=' | '>=' | '<='
 *
 * Column paths resolve case-insensitively (Athena lower-cases columns). Anything
 * outside this subset throws, so a generated query cannot silently escape the test.
 */
type Tok = { t: 'id' | 'str' | 'num' | 'op' | 'kw'; v: string };
const KEYWORDS = new Set(['select', 'from', 'where', 'and', 'or', 'not', 'in', 'like', 'is', 'null', 'order', 'by', 'limit', 'asc', 'desc', 'as']);

function tokenize(sql: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '-' && sql[i + 1] === '-') { while (i < sql.length && sql[i] !== '\n') i++; continue; }
    if (c === "'") {
      let s = '';
      i++;
      while (i < sql.length) {
        if (sql[i] === "'" && sql[i + 1] === "'") { s += "'"; i += 2; continue; }
        if (sql[i] === "'") break;
        s += sql[i++];
      }
      if (sql[i] !== "'") throw new Error('unterminated string');
      i++;
      out.push({ t: 'str', v: s });
      continue;
    }
    if (c === '"') {
      const end = sql.indexOf('"', i + 1);
      out.push({ t: 'id', v: sql.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    const two = sql.slice(i, i + 2);
    if (['<>', '!=', '>=', '<='].includes(two)) { out.push({ t: 'op', v: two }); i += 2; continue; }
    if ('=(),.*<>;'.includes(c)) { out.push({ t: 'op', v: c }); i++; continue; }
    const m = /^[A-Za-z_$][A-Za-z0-9_$-]*/.exec(sql.slice(i));
    if (m) {
      out.push(KEYWORDS.has(m[0].toLowerCase()) ? { t: 'kw', v: m[0].toLowerCase() } : { t: 'id', v: m[0] });
      i += m[0].length;
      continue;
    }
    const n = /^\d+/.exec(sql.slice(i));
    if (n) { out.push({ t: 'num', v: n[0] }); i += n[0].length; continue; }
    throw new Error(`unexpected character ${c} at ${i}`);
  }
  return out;
}

type Pred = (r: unknown) => boolean;

export function compileWhere(sql: string): Pred {
  const toks = tokenize(sql);
  let p = 0;
  const peek = () => toks[p];
  const eat = (t: Tok['t'], v?: string): Tok => {
    const k = toks[p];
    if (!k || k.t !== t || (v !== undefined && k.v !== v)) throw new Error(`expected ${v ?? t} at token ${p}, got ${k ? k.v : 'end'}`);
    p++;
    return k;
  };
  eat('kw', 'select');
  while (peek() && !(peek().t === 'kw' && peek().v === 'from')) p++;
  eat('kw', 'from');
  while (peek() && !(peek().t === 'kw' && peek().v === 'where')) p++;
  eat('kw', 'where');
  const path = (): string[] => {
    const parts = [eat('id').v];
    while (peek()?.t === 'op' && peek().v === '.') { p++; parts.push(eat('id').v); }
    return parts;
  };
  const literal = (): string => {
    const k = toks[p++];
    if (!k || (k.t !== 'str' && k.t !== 'num')) throw new Error('literal expected');
    return k.v;
  };
  const factor = (): Pred => {
    const k = peek();
    if (k.t === 'kw' && k.v === 'not') { p++; const f = factor(); return (r) => !f(r); }
    if (k.t === 'op' && k.v === '(') { p++; const e = expr(); eat('op', ')'); return e; }
    const col = path();
    const get = (r: unknown) => resolve(r, col);
    const n = peek();
    if (n.t === 'op' && ['=', '<>', '!=', '>=', '<='].includes(n.v)) {
      p++;
      const lit = literal();
      const op = n.v;
      return (r) => {
        const v = get(r);
        if (v === undefined || v === null) return false;
        const s = String(v);
        return op === '=' ? s === lit : op === '>=' ? s >= lit : op === '<=' ? s <= lit : s !== lit;
      };
    }
    if (n.t === 'kw' && n.v === 'in') {
      p++;
      eat('op', '(');
      const set = new Set<string>([literal()]);
      while (peek().t === 'op' && peek().v === ',') { p++; set.add(literal()); }
      eat('op', ')');
      return (r) => { const v = get(r); return v !== undefined && v !== null && set.has(String(v)); };
    }
    if (n.t === 'kw' && n.v === 'like') {
      p++;
      const pat = literal();
      const re = new RegExp('^' + pat.split('').map((ch) => (ch === '%' ? '.*' : ch === '_' ? '.' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('') + '$', 's');
      return (r) => { const v = get(r); return typeof v === 'string' && re.test(v); };
    }
    if (n.t === 'kw' && n.v === 'is') {
      p++;
      let neg = false;
      if (peek().t === 'kw' && peek().v === 'not') { p++; neg = true; }
      eat('kw', 'null');
      return (r) => { const v = get(r); const isNull = v === undefined || v === null; return neg ? !isNull : isNull; };
    }
    throw new Error(`operator expected after ${col.join('.')}`);
  };
  const term = (): Pred => {
    const fs = [factor()];
    while (peek()?.t === 'kw' && peek().v === 'and') { p++; fs.push(factor()); }
    return (r) => fs.every((f) => f(r));
  };
  const expr = (): Pred => {
    const ts = [term()];
    while (peek()?.t === 'kw' && peek().v === 'or') { p++; ts.push(term()); }
    return (r) => ts.some((t) => t(r));
  };
  const where = expr();
  while (p < toks.length) {
    const k = toks[p];
    if ((k.t === 'kw' && ['order', 'by', 'limit', 'asc', 'desc'].includes(k.v)) || k.t === 'id' || k.t === 'num' || (k.t === 'op' && [',', ';'].includes(k.v))) p++;
    else throw new Error(`unexpected ${k.v} after WHERE clause`);
  }
  return where;
}

function resolve(r: unknown, path: string[]): unknown {
  let cur: unknown = r;
  for (const part of path) {
    if (!cur || typeof cur !== 'object') return undefined;
    const key = Object.keys(cur as object).find((k) => k.toLowerCase() === part.toLowerCase());
    cur = key === undefined ? undefined : (cur as Record<string, unknown>)[key];
  }
  return cur;
}
