// Builds dist/ once before any test file runs: tests that spawn the built bot, worker or CLI then
// never race each other's builds.
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = () => {
  execFileSync(process.execPath, ['scripts/build.mjs', '--quiet'], { cwd: join(__dirname, '..') });
};
