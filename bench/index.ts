/**
 * `npm run bench`: every benchmark, offline and reproducible. Large inputs are read from
 * ../shared/datasets (or FRAMELENS_DATASETS); a benchmark whose data is missing says so
 * and is skipped. `npm run bench -- matching` runs one.
 */
import { datasetsDir } from './datasets';

const SUITES: Record<string, () => Promise<unknown>> = {
  extraction: () => import('./extraction').then((m) => m.run()),
  matching: () => import('./matching').then((m) => m.run()),
  framing: () => import('./framing').then((m) => m.run()),
  popup: () => import('./popup').then((m) => m.runPopup()),
  import: () => import('./browser').then((m) => m.runImport()),
  feeds: () => import('./feeds').then((m) => m.run()),
  'archive-search': () => import('./archive-search').then((m) => m.run()),
  'bulk-index': () => import('./bulk-index').then((m) => m.run()),
  discovery: () => import('./discovery').then((m) => m.run()),
  'discovery-popup': () => import('./discovery-popup').then((m) => m.run()),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : Object.keys(SUITES);
console.log(`Framelens benchmarks; datasets: ${datasetsDir() ?? '(not found)'}; node ${process.version}`);
for (const name of names) {
  const suite = SUITES[name];
  if (!suite) {
    console.error(`unknown benchmark "${name}" (have: ${Object.keys(SUITES).join(', ')})`);
    process.exitCode = 2;
    continue;
  }
  console.log(`\n## ${name}`);
  await suite();
}
