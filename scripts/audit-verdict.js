'use strict';
// Reads `npm audit --json` output and decides: exit 1 on high or critical advisories,
// exit 0 with "NOT RUN" when the advisory endpoint did not answer (never counted as clean).
function verdict(raw) {
  let r;
  try {
    r = JSON.parse(raw);
  } catch {
    r = undefined;
  }
  if (!r || r.statusCode || r.error || !r.metadata) {
    const why = r?.statusCode ? `HTTP ${r.statusCode} from ${r.uri ?? 'the audit endpoint'}` : r?.error?.summary ?? r?.message ?? 'no answer';
    return { code: 0, lines: [`audit: NOT RUN - the npm advisory endpoint is unavailable here (${why}). Run \`npm audit --omit=dev\` where the registry allows it.`] };
  }
  const v = r.metadata.vulnerabilities;
  const lines = [`audit: production dependencies: ${v.critical} critical, ${v.high} high, ${v.moderate} moderate, ${v.low} low`];
  for (const [name, x] of Object.entries(r.vulnerabilities ?? {})) if (['high', 'critical'].includes(x.severity)) lines.push(`  ${x.severity}: ${name} ${x.range ?? ''}`.trimEnd());
  return { code: v.critical + v.high > 0 ? 1 : 0, lines };
}
module.exports = { verdict };
if (require.main === module) {
  const raw = require('fs').readFileSync(0, 'utf8');
  const { code, lines } = verdict(raw);
  console.log(lines.join('\n'));
  process.exit(code);
}
