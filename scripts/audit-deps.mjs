#!/usr/bin/env node
// `npm audit --omit=dev`: fails on any high or critical advisory in the production
// dependencies. When the registry's advisory service cannot be reached (an offline mirror
// answers 405 or 404), it says so plainly and does not pretend the check passed.
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(run.stdout || '{}');
} catch {
  report = {};
}
const counts = report.metadata?.vulnerabilities;
if (!counts) {
  const reason = [report.error?.summary, report.message, run.stderr].find((text) => typeof text === 'string' && text.trim())?.split('\n').find((l) => l.trim()) ?? 'no answer';
  console.error(`Dependency audit NOT RUN: the registry's advisory service did not answer (${reason.trim()}).`);
  process.exit(0);
}
const serious = (counts.high ?? 0) + (counts.critical ?? 0);
console.error(`Dependency audit (production): critical ${counts.critical ?? 0}, high ${counts.high ?? 0}, moderate ${counts.moderate ?? 0}, low ${counts.low ?? 0}.`);
process.exit(serious > 0 ? 1 : 0);
