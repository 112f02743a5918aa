// Bundles the explorer page (GraphiQL, React, Monaco and its workers) into the API's wwwroot/explorer, offline,
// from the packages pinned in package-lock.json. Run by the API project's build (BuildExplorer target) after
// `npm ci`; by hand: `npm ci && node build.mjs`.
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, process.argv[2] ?? '../../src/PartnershipLedger.Api/wwwroot/explorer');
const started = Date.now();

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });

const common = {
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
};

await build({
  ...common,
  entryPoints: { explorer: path.join(here, 'src/explorer.jsx') },
  outdir: out,
  jsx: 'automatic',
  loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file' },
  assetNames: '[name]-[hash]',
});

await build({
  ...common,
  entryPoints: {
    'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
    'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
    'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
  },
  outdir: out,
  absWorkingDir: here,
});

await copyFile(path.join(here, 'src/index.html'), path.join(out, 'index.html'));
console.log(`explorer: built into ${path.relative(process.cwd(), out)} in ${Date.now() - started} ms`);
