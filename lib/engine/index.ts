export { review, type ReviewOptions } from './review';
export { inferContext, resolveContext } from './context';
export * from './types';
