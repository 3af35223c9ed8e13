// The fact ledger's public face: extraction, the archive index and the consistency check.
// review() calls checkConsistency; the CLI and the extension build and keep the index.
export { extractFacts, type ExtractOptions } from './extract';
export {
  addToIndex,
  indexArchive,
  isArchiveIndex,
  selectMatters,
  type ArchiveIndex,
} from './archive';
export { checkConsistency, FACT_RULES, type ConsistencyOptions } from './check';
export { compareWithPriors, type Conflict, type ConflictCategory } from './compare';
export { internalConflicts } from './internal';
export type * from './types';
export { UNBOUNDED } from './types';
