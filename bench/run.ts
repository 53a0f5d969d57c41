import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FIGURES } from './catalog.js';
import { readBenchConfig } from './config.js';
import type { Measurement } from './figure.js';
import { describeMachine } from './machine.js';
import { shapeRows, type BenchReport } from './report.js';
import { selectFigures } from './select.js';
import { SUITES } from './suites/index.js';
import { formatTable } from './table.js';
import { unmeasured } from './unmeasured.js';

// `npm run bench [-- --only name,name]`: measures every selected figure next to its ceiling, prints
// the table and writes bench/results/<timestamp>.json and bench/results/latest.json.
const config = readBenchConfig(process.argv.slice(2), process.env);
const selected = selectFigures(FIGURES, config.only);
const wanted = new Set(selected.map((f) => f.name));
const workDir = await mkdtemp(path.join(os.tmpdir(), 'lendcore-bench-'));
const measurements: Measurement[] = [];
const started = Date.now();
try {
  for (const suite of SUITES.filter((s) => s.figures.some((f) => wanted.has(f)))) {
    const t0 = Date.now();
    console.log(`▶ ${suite.name}`);
    const results = await suite.run(config, workDir).catch((error: unknown) => unmeasured([suite.name], error));
    measurements.push(...results);
    console.log(`  ${suite.name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
} finally {
  await rm(workDir, { recursive: true, force: true });
}

const report: BenchReport = { machine: describeMachine(), figures: shapeRows(selected, measurements) };
console.log(`\n${formatTable(report.figures)}\n`);
for (const m of measurements.filter((x) => x.note)) console.log(`not measured (${m.name}): ${m.note}`);
console.log(`total ${((Date.now() - started) / 1000).toFixed(0)} s`);

const resultsDir = new URL('../../bench/results/', import.meta.url);
await mkdir(resultsDir, { recursive: true });
const json = `${JSON.stringify(report, null, 2)}\n`;
const stamp = new Date().toISOString().replaceAll(':', '-');
await writeFile(new URL(`${stamp}.json`, resultsDir), json);
await writeFile(new URL('latest.json', resultsDir), json);
