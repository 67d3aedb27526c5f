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

type Position = { line: number; character: number };

/** One file's SARIF results; `position` maps a UTF-16 offset to a 0-based line and column. */
export function sarifResults(file: { path: string; findings: readonly Finding[] }, position: (offset: number) => Position, ruleIndex: ReadonlyMap<string, number>): object[] {
  const region = (offset: number, length: number) => {
    const s = position(offset);
    const e = position(offset + length);
    // A zero-width range still needs an endColumn after its start for viewers.
    const endColumn = e.line === s.line && e.character === s.character ? s.character + 2 : e.character + 1;
    return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn };
  };
  const uri = toUri(file.path);
  return file.findings.map((f) => {
    const res: Record<string, unknown> = {
      ruleId: f.rule,
      ruleIndex: ruleIndex.get(f.rule),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation: { uri }, region: region(f.offset, f.length) } }],
    };
    if (f.related?.length) {
      res.relatedLocations = f.related.map((r, i) => ({
        id: i + 1,
        message: { text: r.message },
        physicalLocation: { artifactLocation: { uri }, region: region(r.offset, r.length) },
      }));
    }
    if (f.fixes?.length) {
      res.fixes = f.fixes.map((fx) => ({
        description: { text: fx.title },
        artifactChanges: [{
          artifactLocation: { uri },
          replacements: fx.edits.map((ed) => ({ deletedRegion: { charOffset: ed.offset, charLength: ed.length }, insertedContent: { text: ed.content } })),
        }],
      }));
    }
    if (f.data) res.properties = { ...f.data };
    return res;
  });
}

export function ruleIndexOf(rules: readonly Rule[] = RULES): Map<string, number> {
  return new Map(rules.map((r, i) => [r.name, i]));
}

/** The SARIF log around a list of results (GitHub code scanning's shape). */
export function sarifLog(results: unknown[], version: string, rules: readonly Rule[] = RULES): object {
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
      results,
    }],
  };
}

/** SARIF 2.1.0, as GitHub code scanning accepts it. Regions are 1-based; columns count UTF-16 units. */
export function toSarif(files: FileResult[], version: string, rules: readonly Rule[] = RULES): object {
  const ruleIndex = ruleIndexOf(rules);
  const results = files.flatMap((file) => {
    if (!file.findings.length) return [];
    const lines = new LineIndex(file.text);
    return sarifResults(file, (o) => lines.position(o), ruleIndex);
  });
  return sarifLog(results, version, rules);
}
