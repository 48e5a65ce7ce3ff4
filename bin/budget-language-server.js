#!/usr/bin/env node
// Starts the budget language server (same one the VS Code extension runs) for any LSP editor:
//   budget-language-server --stdio
// Runs the compiled server of a development checkout (out/) or the bundled one of a package (dist/).
const fs = require('fs');
const path = require('path');
const built = path.join(__dirname, '..', 'out', 'server', 'src', 'server.js');
const bundled = path.join(__dirname, '..', 'dist', 'server.js');
require(fs.existsSync(built) ? built : bundled);
