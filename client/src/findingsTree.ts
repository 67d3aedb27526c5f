import * as vscode from 'vscode';
import { FindingGroup, Grouping, GROUPING_LABEL, countBySeverity, countsLabel, entryLabel, groupFindings, nextGrouping, Counts, emptyCounts } from './findingsModel';
import { Finding, collectFindings } from './diagnosticsSource';
import { COMMAND } from './ids';

type Node = { group: FindingGroup } | { finding: Finding };

const ICON: Record<Finding['severity'], vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  info: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
  hint: new vscode.ThemeIcon('lightbulb'),
};

const GROUP_ICON: Record<Grouping, vscode.ThemeIcon> = {
  file: vscode.ThemeIcon.File,
  rule: new vscode.ThemeIcon('law'),
  principal: new vscode.ThemeIcon('account'),
  api: new vscode.ThemeIcon('symbol-method'),
};

const GROUPING_KEY = 'connectGuard.grouping';

/**
 * The findings tree: renders findingsModel's groups of the connect-guard diagnostics,
 * refreshed (debounced) when diagnostics change. The grouping persists per workspace.
 */
export class FindingsTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly countsChanged = new vscode.EventEmitter<Counts>();
  readonly onDidChangeCounts = this.countsChanged.event;
  private findings: Finding[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  grouping: Grouping;
  view: vscode.TreeView<Node> | undefined;

  constructor(private readonly state: vscode.Memento) {
    this.grouping = state.get<Grouping>(GROUPING_KEY, 'file');
    this.subscriptions.push(vscode.languages.onDidChangeDiagnostics(() => this.scheduleRefresh()));
    this.refresh();
  }

  counts(): Counts {
    return this.findings.length ? countBySeverity(this.findings) : emptyCounts();
  }

  scheduleRefresh(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh();
    }, 200);
  }

  refresh(): void {
    this.findings = collectFindings();
    this.changed.fire(undefined);
    this.countsChanged.fire(this.counts());
    if (this.view) {
      this.view.description = GROUPING_LABEL[this.grouping];
      this.view.message = undefined;
    }
    void vscode.commands.executeCommand('setContext', 'connectGuard.grouping', this.grouping);
  }

  async toggleGrouping(): Promise<void> {
    this.grouping = nextGrouping(this.grouping);
    await this.state.update(GROUPING_KEY, this.grouping);
    this.refresh();
  }

  getChildren(node?: Node): Node[] {
    if (!node) return groupFindings(this.findings, this.grouping).map((group) => ({ group }));
    if ('group' in node) return (node.group.entries as Finding[]).map((finding) => ({ finding }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if ('group' in node) {
      const g = node.group;
      const item = new vscode.TreeItem(g.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = g.key;
      item.description = countsLabel(g.counts);
      item.iconPath = GROUP_ICON[this.grouping];
      if (this.grouping === 'file' && g.entries[0]) item.resourceUri = vscode.Uri.parse(g.entries[0].uri);
      item.contextValue = this.grouping === 'rule' ? 'connectGuard.ruleGroup' : 'connectGuard.group';
      return item;
    }
    const f = node.finding;
    const item = new vscode.TreeItem(entryLabel(f, this.grouping), vscode.TreeItemCollapsibleState.None);
    item.description = f.message;
    item.tooltip = new vscode.MarkdownString(`**${f.rule}** (${f.severity})\n\n${f.message}\n\n${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}`);
    item.iconPath = ICON[f.severity];
    item.contextValue = f.fixes ? 'connectGuard.finding.fixable' : 'connectGuard.finding';
    item.command = { title: 'Go to finding', command: COMMAND.revealFinding, arguments: [f] };
    return item;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.changed.dispose();
    this.countsChanged.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

export type { Node as FindingsNode };
