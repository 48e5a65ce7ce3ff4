#!/usr/bin/env node
// Bundles the extension with esbuild: dist/client.js (the VS Code client), dist/server.js (the
// language server, also run by `budget-language-server`) and dist/cli.js (`budget-check`). The
// data/ and schemas/ JSON imports are bundled; the CSV code tables are read at run time from
// data/codes (node/dataFiles.ts finds it above dist/), so the package ships them as files.
// pdf.js's predefined CJK CMaps (169 small files) are packed into dist/pdf-cmaps.json
// (publish/node/pdfCMaps.ts reads it).
//
//   node scripts/build.mjs [--dev] [--watch] [--outdir DIR]
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';
import { createRequire } from 'module';
import { fileURLToPath } from 'url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const dev = args.includes('--dev');
const watch = args.includes('--watch');
const outdirIndex = args.indexOf('--outdir');
const outdir = outdirIndex >= 0 ? path.resolve(args[outdirIndex + 1]) : path.join(root, 'dist');

/** VS Code 1.82 runs extensions on Node 18; the CLI and the server also run on the user's Node ≥ 20. */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  minify: !dev,
  keepNames: true,
  sourcemap: dev ? 'linked' : false,
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
};

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: path.join(outdir, 'client.js'), external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: path.join(outdir, 'server.js') },
  { entryPoints: ['server/src/cli.ts'], outfile: path.join(outdir, 'cli.js') },
];

/** The binary CMaps of pdfjs-dist as one JSON file: name → base64. */
function packCMaps() {
  const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps');
  const packed = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.bcmap')).sort()) {
    packed[file.slice(0, -'.bcmap'.length)] = fs.readFileSync(path.join(dir, file)).toString('base64');
  }
  fs.mkdirSync(outdir, { recursive: true });
  fs.writeFileSync(path.join(outdir, 'pdf-cmaps.json'), JSON.stringify(packed));
  return Object.keys(packed).length;
}

const cmaps = packCMaps();

if (watch) {
  for (const build of builds) await (await esbuild.context({ ...common, ...build })).watch();
  console.log(`esbuild: watching, writing to ${path.relative(root, outdir) || '.'}`);
} else {
  const results = await Promise.all(builds.map((build) => esbuild.build({ ...common, ...build, metafile: true })));
  for (const [i, result] of results.entries()) {
    const bytes = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith('.js'))[1].bytes;
    console.log(`${path.relative(root, builds[i].outfile)}  ${(bytes / 1024).toFixed(0)} KiB`);
  }
  const packedSize = fs.statSync(path.join(outdir, 'pdf-cmaps.json')).size;
  console.log(`${path.relative(root, path.join(outdir, 'pdf-cmaps.json'))}  ${(packedSize / 1024).toFixed(0)} KiB (${cmaps} CMaps)`);
}
