// A Jest transformer that turns TypeScript into ESM JavaScript with esbuild (types are stripped, not checked:
// `npm run typecheck` checks them).
import { transformSync } from 'esbuild';

export default {
  canInstrument: false,
  process(source, filename) {
    const result = transformSync(source, {
      loader: 'ts',
      format: 'esm',
      target: 'node24',
      sourcemap: 'inline',
      sourcefile: filename,
    });
    return { code: result.code };
  },
};
