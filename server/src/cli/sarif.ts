import { Finding, LineIndex, Rule, RULES, ruleDocsUrl, Severity } from '../engine';

export interface FileResult {
  /** Path as given, or relative to the working directory. */
  path: string;
  text: string;
  findings: Finding[];
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

function toUri(p: string): string {
  return p.split(/[\\/]/).map(encodeURIComponent).join('/');
}

/** SARIF 2.1.0, as GitHub code scanning accepts it. Regions are 1-based; columns count UTF-16 units. */
export function toSarif(results: FileResult[], version: string, rules: readonly Rule[] = RULES): object {
  const ruleIndex = new Map(rules.map((r, i) => [r.name, i]));
  const sarifResults: object[] = [];
  for (const file of results) {
    if (!file.findings.length) continue;
    const lines = new LineIndex(file.text);
    const region = (offset: number, length: number) => {
      const s = lines.position(offset);
      const e = lines.position(offset + length);
      // A zero-width range still needs an endColumn after its start for viewers.
      const endColumn = e.line === s.line && e.character === s.character ? s.character + 2 : e.character + 1;
      return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn };
    };
    for (const f of file.findings) {
      const res: Record<string, unknown> = {
        ruleId: f.rule,
        ruleIndex: ruleIndex.get(f.rule),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: toUri(file.path) }, region: region(f.offset, f.length) } }],
      };
      if (f.related?.length) {
        res.relatedLocations = f.related.map((r, i) => ({
          id: i + 1,
          message: { text: r.message },
          physicalLocation: { artifactLocation: { uri: toUri(file.path) }, region: region(r.offset, r.length) },
        }));
      }
      if (f.fixes?.length) {
        res.fixes = f.fixes.map((fx) => ({
          description: { text: fx.title },
          artifactChanges: [{
            artifactLocation: { uri: toUri(file.path) },
            replacements: fx.edits.map((ed) => ({ deletedRegion: { charOffset: ed.offset, charLength: ed.length }, insertedContent: { text: ed.content } })),
          }],
        }));
      }
      if (f.data) res.properties = { ...f.data };
      sarifResults.push(res);
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'connect-guard',
          informationUri: 'https://github.com/connect-guard/connect-guard',
          semanticVersion: version,
          version,
          rules: rules.map((r) => ({
            id: r.name,
            name: r.name,
            shortDescription: { text: r.short },
            fullDescription: { text: r.description },
            helpUri: ruleDocsUrl(r.name),
            help: { text: `${r.description}\n\nFix: ${r.docs.fix}`, markdown: `${r.docs.rationale}\n\n**Fix:** ${r.docs.fix}` },
            defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
            properties: { tags: [...r.tags], 'connect-guard/id': r.id },
          })),
        },
      },
      columnKind: 'utf16CodeUnits',
      results: sarifResults,
    }],
  };
}
