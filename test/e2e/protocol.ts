// What the suite (inside the extension host) and the harness (outside, driving the page)
// tell each other. The only channel out of the extension host is its console, which the
// workbench forwards to the harness's codeAutomationLog; answers come back as files.

/** Prefix of the reporter's lines, so the harness can tell them from the workbench's own log. */
export const OUTPUT_MARKER = 'connect-guard-e2e:out ';
/** Prefix of a request for a check in the page, followed by a UiRequest in JSON. */
export const UI_MARKER = 'connect-guard-e2e:ui ';

export interface UiRequest {
  /** `input` types texts[0] into the open input box and presses Enter, as a user would. */
  step: 'squiggle' | 'problems' | 'hover' | 'tree' | 'input';
  /** Texts that must be visible in the checked part of the page. */
  texts: string[];
  /** Texts that must not be (or no longer be) visible there. */
  absent?: string[];
  /** File name for a screenshot of the whole page, e.g. `hover.png`. */
  screenshot?: string;
}

/** Written by the test index to CONNECT_GUARD_E2E_RESULTS when the suite ends. */
export interface SuiteResults {
  total: number;
  passes: number;
  failures: number;
  failed: { title: string; error: string }[];
}
