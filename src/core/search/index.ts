// The search matcher's public surface: build a matcher from the grep options, and the errors it
// raises. The searcher (reading files, splitting lines) and the printers live elsewhere.

export { buildMatcher, type Match, type Matcher, type MatcherOptions, type WholeText } from './matcher.js';
export { PatternError } from './pattern-error.js';
export { enableLinearRegExpEngine, MatchTimeoutError, PatternTooCostlyError } from './backtracking-guard.js';
export { foldChar, foldString } from './line-map.js';
