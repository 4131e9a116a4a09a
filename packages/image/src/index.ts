export * from './meta.ts';
export * from './rules.ts';
export * from './context.ts';
export { formatDate } from './dates.ts';
