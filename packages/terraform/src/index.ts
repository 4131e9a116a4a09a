export * from './values.ts';
export * from './plan.ts';
export * from './fingerprint.ts';
export * from './policy.ts';
export * from './render.ts';
export * from './tflint.ts';
export * from './diagnostics.ts';
