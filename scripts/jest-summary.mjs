// Prints one plain summary line from a Jest --json result file: "<leg>: N passed, N failed".
import { readFileSync } from 'node:fs';

const [file, leg = 'jest'] = process.argv.slice(2);
const result = JSON.parse(readFileSync(file, 'utf8'));
const skipped = result.numPendingTests + result.numTodoTests;
console.log(
  `${leg}: ${result.numPassedTests} passed, ${result.numFailedTests} failed` +
    (skipped ? `, ${skipped} skipped` : ''),
);
process.exit(result.success ? 0 : 1);
