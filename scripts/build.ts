/**
 * Bundles every action, the root action and the CLI with esbuild, as ES modules split into chunks:
 *   packages/<domain>/src/actions/<name>.ts  ->  actions/<name>/dist/index.js   (+ index.<module>-<hash>.js chunks)
 *   packages/cli/src/setup.ts                ->  dist/index.js   (the root action)
 *   packages/cli/src/main.ts                 ->  dist/cli.js     (the `conveyor` command; + cli.<module>-<hash>.js)
 * The runner loads only the entry; each dynamic import() (the action's code behind its input check, a CLI
 * command, a key source's SDK) is a chunk beside it, loaded when it runs. No file may exceed 1 MiB.
 * `node scripts/build.ts release sops` builds only the named bundles (`cli` and `root` name the last two).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinModules } from 'node:module';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');

export interface Bundle {
  name: string;
  entry: string;
  outfile: string;
}

export function listBundles(): Bundle[] {
  const bundles: Bundle[] = [
    { name: 'root', entry: 'packages/cli/src/setup.ts', outfile: 'dist/index.js' },
    { name: 'cli', entry: 'packages/cli/src/main.ts', outfile: 'dist/cli.js' },
  ];
  for (const pkg of fs.readdirSync(path.join(root, 'packages')).sort()) {
    const dir = path.join(root, 'packages', pkg, 'src', 'actions');
    if (!fs.existsSync(dir)) continue;
    for (const file of fs.readdirSync(dir).sort()) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
      const name = file.slice(0, -3);
      if (!fs.existsSync(path.join(root, 'actions', name, 'action.yml'))) {
        throw new Error(`packages/${pkg}/src/actions/${file} has no actions/${name}/action.yml; add the action's metadata or move the entry.`);
      }
      bundles.push({ name, entry: `packages/${pkg}/src/actions/${file}`, outfile: `actions/${name}/dist/index.js` });
    }
  }
  return bundles;
}

/**
 * Packages whose modules have no top-level side effects (kit and oci must stay so): esbuild may leave out
 * a module of theirs that no export is used from. The kit's index re-exports every module, and @actions/core's OIDC helper loads
 * @actions/http-client and undici; without this each bundle evaluates Octokit, the tool cache and undici
 * at start-up even when it never makes an HTTP request.
 */
const sideEffectFree = /[\\/](packages[\\/](kit|oci)[\\/]src|node_modules[\\/]@actions[\\/](core|http-client))[\\/]/;

const leanImports = {
  name: 'conveyor-side-effect-free',
  setup(build: import('esbuild').PluginBuild) {
    build.onResolve({ filter: /^(@conveyor\/(kit|oci)|@actions\/(core|http-client))$|^\.\.?\// }, async (args) => {
      if (args.pluginData === 'conveyor-resolving') return undefined;
      const result = await build.resolve(args.path, {
        kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, with: args.with, pluginData: 'conveyor-resolving',
      });
      if (result.errors.length > 0 || !sideEffectFree.test(result.path)) return undefined;
      return { ...result, sideEffects: false };
    });
  },
};

/**
 * `import … from 'node:http'` in an ES module makes Node build the built-in's ES facade, which reads every
 * export: node:http's `WebSocket`, `CloseEvent` and `MessageEvent` getters load Node's own undici (about
 * 20 ms), node:crypto's getters its Web Crypto (about 4 ms), and ES imports of built-ins are hoisted to the
 * top of a bundle, so even a command the CLI never runs pays. Built-ins are taken through `require` instead:
 * no facade, and esbuild evaluates the require only when the importing module is.
 */
// Built-ins listed with `node:` (node:test, node:sqlite…) exist only under that prefix: a bare `test` is a package.
const BUILTIN = new RegExp(`^(${builtinModules.map((m) => (m.startsWith('node:') ? m : `(node:)?${m}`).replace(/[/]/g, '\\/')).join('|')})$`);
const lazyBuiltins = {
  name: 'conveyor-lazy-builtins',
  setup(build: import('esbuild').PluginBuild) {
    build.onResolve({ filter: BUILTIN }, (args) => (args.namespace === 'conveyor-builtin'
      ? { path: args.path, external: true } // the stand-in's own require of the real module
      : { path: args.path.replace(/^node:/, ''), namespace: 'conveyor-builtin' }));
    build.onLoad({ filter: /.*/, namespace: 'conveyor-builtin' }, (args) => ({ contents: standIn(args.path), loader: 'js' }));
  },
};

/**
 * Built-ins that take milliseconds to load (node:crypto about 5 ms, child_process 3, http 5, https 16) are
 * loaded on first use, not when the module that imports them is evaluated: @actions/core imports
 * node:crypto for a random delimiter that only a multi-line output needs, so every action's input check paid
 * for it. The stand-in has one getter (and setter) per export, listed from this Node's module at build
 * time, and requires the real module when one is first read.
 */
const DEFERRED_BUILTINS = new Set(['crypto', 'child_process', 'http', 'https', 'http2', 'net', 'tls', 'zlib', 'dns', 'worker_threads', 'readline', 'dgram', 'v8', 'vm', 'inspector', 'perf_hooks']);

function standIn(name: string): string {
  const real = DEFERRED_BUILTINS.has(name) ? process.getBuiltinModule(`node:${name}`) as object | undefined : undefined;
  // A module that is itself a function or class (events, stream, assert) is used as a value: taken as it is.
  if (!real || typeof real !== 'object') return `module.exports = require('node:${name}');`;
  const keys = JSON.stringify(Object.keys(real).filter((k) => k !== 'default'));
  return `let real;
const load = () => real ??= require('node:${name}');
for (const key of ${keys}) Object.defineProperty(module.exports, key, { enumerable: true, get: () => load()[key], set: (value) => { load()[key] = value; } });
`;
}

/**
 * Every copy of one version of semver resolves to one copy: npm installs it once per workspace when the
 * root holds another major (semver 7 in four workspaces, semver 6 at the root for Babel), and each copy
 * would be bundled and evaluated again. The copy kept is the first by path among those found where our
 * packages' dependencies put them, so every build picks the same one.
 */
function semverCopies(): Map<string, string> {
  const found = fs.globSync(['node_modules/semver', 'node_modules/*/node_modules/semver', 'node_modules/@*/*/node_modules/semver', 'packages/*/node_modules/semver'], { cwd: root })
    .map((dir) => path.join(root, dir)).sort();
  const byVersion = new Map<string, string>();
  for (const dir of found) {
    const version = (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
    if (!byVersion.has(version)) byVersion.set(version, dir);
  }
  return byVersion;
}

const dedupe = {
  name: 'conveyor-dedupe',
  setup(build: import('esbuild').PluginBuild) {
    const copies = semverCopies();
    const marker = `${path.sep}node_modules${path.sep}semver${path.sep}`;
    build.onResolve({ filter: /^semver(\/.*)?$/ }, async (args) => {
      if (args.pluginData === 'conveyor-dedupe') return undefined;
      const result = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'conveyor-dedupe' });
      const at = result.path.lastIndexOf(marker);
      if (result.errors.length > 0 || at === -1) return undefined;
      const packageDir = result.path.slice(0, at + marker.length - 1);
      const version = (JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
      const kept = copies.get(version) ?? packageDir;
      return { ...result, path: path.join(kept, path.relative(packageDir, result.path)) };
    });
  },
};

/**
 * yaml's parser and composer read `process.env.LOG_TOKENS` / `LOG_STREAM` (debug printing) once per token:
 * a lookup in the process environment each time, about 6 ms of a promotion's 500 files. The bundles read
 * them as unset. The build fails if the hook is not where it was (a new yaml version), so this is looked
 * at again rather than silently doing nothing.
 */
const yamlDebugHooks = {
  name: 'conveyor-yaml-debug-hooks',
  setup(build: import('esbuild').PluginBuild) {
    const hooks: Record<string, string> = { 'parse/parser.js': 'LOG_TOKENS', 'compose/composer.js': 'LOG_STREAM' };
    build.onLoad({ filter: /[\\/]node_modules[\\/]yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/ }, (args) => {
      const name = hooks[args.path.split(/[\\/]/).slice(-2).join('/')]!;
      const source = fs.readFileSync(args.path, 'utf8');
      const hook = `node_process.env.${name}`;
      if (source.split(hook).length !== 2) throw new Error(`${args.path} no longer reads ${hook} once; check scripts/build.ts (yamlDebugHooks).`);
      return { contents: source.replace(hook, 'false'), loader: 'js' };
    });
  },
};

// CommonJS dependencies bundled into ESM still call `require` for Node built-ins.
const banner = "import { createRequire as __conveyorCreateRequire } from 'node:module';\nconst require = __conveyorCreateRequire(import.meta.url);";

/** No file of a bundle (entry or chunk) may be larger than this: what Node compiles before a command runs, and Git stores per change. */
export const MAX_FILE_BYTES = 1024 * 1024;

/**
 * Builds one bundle: `outfile` is the entry the runner (or `node`) loads, and every module reached only
 * through a dynamic `import()` (the action's code behind its input check, a command the CLI dispatches to,
 * a key source's SDK) goes to a chunk file beside it, `<entry>.<module>-<hash>.js`, loaded when that import
 * runs; modules two chunks share get a chunk of their own. Chunks of this entry that the build no longer
 * makes are removed, so the folder holds exactly what the build produced. Fails, before writing anything,
 * when a file would be larger than MAX_FILE_BYTES, naming it and its largest inputs. Returns the files.
 */
export async function bundle(b: Bundle): Promise<{ file: string; bytes: number }[]> {
  const outdir = path.dirname(b.outfile);
  const base = path.basename(b.outfile, '.js');
  const result = await build({
    absWorkingDir: root,
    entryPoints: [{ in: b.entry, out: base }],
    outdir,
    splitting: true,
    chunkNames: `${base}.[name]-[hash]`,
    plugins: [leanImports, lazyBuiltins, dedupe, yamlDebugHooks],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    banner: { js: banner },
    legalComments: 'none',
    logLevel: 'warning',
    charset: 'utf8',
    metafile: true,
    write: false,
  });
  const files = result.outputFiles.map((f) => ({ file: path.relative(root, f.path), bytes: f.contents.byteLength }));
  const tooLarge = files.filter((f) => f.bytes > MAX_FILE_BYTES);
  if (tooLarge.length > 0) {
    const lines = tooLarge.map((f) => {
      const inputs = Object.entries(result.metafile.outputs[f.file]?.inputs ?? {}).sort((x, y) => y[1].bytesInOutput - x[1].bytesInOutput).slice(0, 5);
      return `  ${f.file}: ${(f.bytes / 2 ** 20).toFixed(2)} MiB; largest inputs: ${inputs.map(([p, i]) => `${p} (${(i.bytesInOutput / 1024).toFixed(0)} KiB)`).join(', ')}`;
    });
    throw new Error(`Bundle ${b.name}: a file is larger than ${MAX_FILE_BYTES / 2 ** 20} MiB:\n${lines.join('\n')}\nLoad what it holds lazily (a dynamic import() becomes a chunk of its own) or leave it out.`);
  }
  const absOut = path.join(root, outdir);
  fs.mkdirSync(absOut, { recursive: true });
  const made = new Set(result.outputFiles.map((f) => path.basename(f.path)));
  for (const old of fs.readdirSync(absOut)) {
    if (isChunkOf(base, old) && !made.has(old)) fs.rmSync(path.join(absOut, old));
  }
  for (const f of result.outputFiles) {
    // An unchanged file is left alone, and a changed one replaced whole: a run of this bundle in parallel
    // (another test, a benchmark) never reads a half-written file.
    if (fs.existsSync(f.path) && Buffer.compare(fs.readFileSync(f.path), f.contents) === 0) continue;
    const tmp = `${f.path}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, f.contents);
    fs.renameSync(tmp, f.path);
  }
  return files;
}

/** Whether `file` (a name in the entry's folder) is a chunk of the entry `base` (`index`, `cli`). */
export function isChunkOf(base: string, file: string): boolean {
  return file.startsWith(`${base}.`) && /\.[\w.-]+-[A-Z0-9]{8}\.js$/.test(file.slice(base.length));
}


if (import.meta.main) {
  const wanted = process.argv.slice(2);
  const bundles = listBundles().filter((b) => wanted.length === 0 || wanted.includes(b.name));
  if (wanted.length > 0 && bundles.length !== wanted.length) {
    const known = listBundles().map((b) => b.name).join(', ');
    console.error(`Unknown bundle in ${wanted.join(', ')}; known: ${known}`);
    process.exit(2);
  }
  const started = performance.now();
  const written = await Promise.all(bundles.map(bundle));
  for (const files of written) {
    for (const f of files) console.log(`${f.file.padEnd(52)} ${(f.bytes / 1024).toFixed(0).padStart(6)} KiB`);
  }
  console.log(`built ${bundles.length} bundle(s), ${written.flat().length} file(s), in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
