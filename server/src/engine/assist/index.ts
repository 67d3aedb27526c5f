/** Editor assistance that needs no editor: hover, completion and fix-all, on text and offsets. */
export { hoverAt, actionMarkdown, conditionKeyMarkdown, actionSupportsKey } from './hover';
export type { HoverContent } from './hover';
export { completionsAt } from './completion';
export type { CompletionEntry, CompletionKind } from './completion';
export { fixAllText } from './fixAll';
export { cursorContext } from './cursorContext';
