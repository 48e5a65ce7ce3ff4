#!/usr/bin/env node
// Runs the compiled CLI of a development checkout (out/) or the bundled one of a package (dist/).
const fs = require('fs');
const path = require('path');
const built = path.join(__dirname, '..', 'out', 'server', 'src', 'cli.js');
const bundled = path.join(__dirname, '..', 'dist', 'cli.js');
const { main } = require(fs.existsSync(built) ? built : bundled);
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
