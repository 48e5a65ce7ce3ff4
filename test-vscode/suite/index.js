// @ts-check
// Runs inside the VS Code extension host (extensionTestsPath). A small sequential runner: the
// suite needs no test framework beyond node:assert.
const { tests } = require('./extension.test');

exports.run = async function run() {
  const failures = [];
  for (const { name, fn } of tests) {
    try {
      await fn();
      console.log(`  ✓ ${name}`);
    } catch (error) {
      failures.push(name);
      console.error(`  ✗ ${name}\n${error instanceof Error ? error.stack : String(error)}`);
    }
  }
  console.log(`${tests.length - failures.length} passed, ${failures.length} failed`);
  if (failures.length) throw new Error(`VS Code tests failed: ${failures.join('; ')}`);
};
