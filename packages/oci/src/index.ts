export * from './reference.ts';
export * from './digest.ts';
export * from './http.ts';
export * from './auth.ts';
export * from './registry.ts';
export * from './describe.ts';
