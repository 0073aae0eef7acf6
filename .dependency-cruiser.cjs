/**
 * The import rules of the code base (README "How the code is laid out"), checked by `npm run lint:deps` as part
 * of `npm test`: layers import downwards only, views never import each other, no cycles.
 *
 *   ui ──► store ──► worker ──► scenario ──► engine        cli ──► worker, scenario, engine
 *   (src/main.ts, the entry, starts the store and the UI; nothing imports it)
 *   ui ──► teaching ──► scenario                          (engine: the science, a library: plans in, results out)
 *   worker, cli, scenario, store, ui ──► data ──► engine  (data: the user's files read into samples, issue 15)
 *
 * Test files may build what they test from higher up (an engine test may build its plan from a scenario), but
 * never from the UI, the store or the CLI.
 */
const { readdirSync } = require('node:fs');
const { join } = require('node:path');

const layer = (name) => `^src/${name}/`;

/** A top-level view (views/DataView.tsx) uses its own folder (views/data/), the kit and shared ui modules. */
const viewComponentRules = readdirSync(join(__dirname, 'src/ui/views'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map(({ name }) => {
    const component = `${name[0].toUpperCase()}${name.slice(1)}View`;
    return {
      name: `${name}-view-uses-its-own-folder`,
      comment: `${component}.tsx imports views/${name}/ only, never another view or its folder.`,
      severity: 'error',
      from: { path: `^src/ui/views/${component}\\.tsx$` },
      to: { path: '^src/ui/views/', pathNot: [`^src/ui/views/${name}/`] },
    };
  });
const notTest = '\\.test\\.tsx?$';

/** A rule: files of `from` (tests excluded unless `tests`) must not import from any of `to`. */
const forbid = (name, comment, from, to, { tests = false } = {}) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from, ...(tests ? {} : { pathNot: notTest }) },
  to: { path: to },
});

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'Import cycles make layers meaningless and modules hard to load or test alone.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    forbid(
      'engine-is-a-library',
      'The engine takes plans and knows no scenario, link, store, worker, teaching, UI or file reading.',
      layer('engine'),
      ['^src/(scenario|teaching|worker|store|ui|cli|data)/'],
    ),
    forbid(
      'engine-tests-stay-below-the-page',
      'Engine tests may build plans from scenarios, but never use the page, the store, the worker or the CLI.',
      layer('engine'),
      ['^src/(teaching|worker|store|ui|cli|data)/'],
      { tests: true },
    ),
    forbid(
      'scenario-above-engine-only',
      'The scenario layer (schema, links, labs, plan builders) builds on the engine alone.',
      layer('scenario'),
      ['^src/(teaching|worker|store|ui|cli)/'],
      { tests: true },
    ),
    forbid(
      'teaching-on-scenario',
      'Presets and verdicts read scenarios and results; they never reach the runner, the worker, the views or file reading.',
      layer('teaching'),
      ['^src/(worker|store|ui|cli|data)/'],
      { tests: true },
    ),
    // src/data reads the user's files (CSV, TSV, JSON, Parquet) into samples; it runs in a worker and in Node,
    // so it builds on the engine's plain types (matrix, task, sample, seeded streams) and on libraries only.
    forbid(
      'data-on-engine-types',
      "File reading uses the engine's matrices, tasks, samples and seeded streams and libraries, nothing above them.",
      layer('data'),
      ['^src/(scenario|teaching|worker|store|ui|cli)/'],
      { tests: true },
    ),
    {
      name: 'data-uses-engine-types-only',
      comment:
        'Of the engine, the file readers import the plain types only, never learners, plans or the runner; only ' +
        'src/data/evaluate*.ts (the lab evaluation the worker and the CLI share, and its cost estimate) runs the engine.',
      severity: 'error',
      from: { path: layer('data'), pathNot: '^src/data/evaluate[^/]*\\.ts$' },
      to: { path: '^src/engine/', pathNot: '^src/engine/(matrix|task|rng|populations/population)\\.ts$' },
    },
    forbid(
      'worker-below-the-page',
      'The worker serves the engine; it knows neither the store, the teaching layer nor the views.',
      layer('worker'),
      ['^src/(teaching|store|ui|cli)/'],
      { tests: true },
    ),
    forbid(
      'store-below-the-views',
      'The store drives the engine and holds state; it never imports React views or the CLI.',
      layer('store'),
      ['^src/(ui|cli)/'],
      { tests: true },
    ),
    forbid(
      'cli-beside-the-ui',
      'The CLI runs beside the UI: it shares the engine, scenario and worker helpers, never the page.',
      layer('cli'),
      ['^src/(ui|store|teaching)/'],
    ),
    {
      name: 'cli-tests-beside-the-ui',
      comment:
        'CLI tests stay beside the UI too; the one exception reads a scenario file as the page writes it (files.ts), to check the CLI loads it.',
      severity: 'error',
      from: { path: '^src/cli/.+\\.test\\.ts$', pathNot: '^src/cli/scenarioFile\\.test\\.ts$' },
      to: { path: '^src/(ui|store|teaching)/' },
    },
    {
      name: 'src-stands-alone',
      comment: 'The app and its tests never import the bench or the end-to-end specs (they import the app).',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(bench|e2e)/' },
    },
    {
      name: 'test-setup-only-in-tests',
      comment: 'src/test/ holds test set-up (tfjs for Vitest): shipped code never loads it.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['\\.test\\.tsx?$', '^src/test/'] },
      to: { path: '^src/test/' },
    },
    forbid('ui-not-from-cli', 'The page never imports Node code.', layer('ui'), ['^src/cli/'], {
      tests: true,
    }),
    {
      name: 'views-never-import-views',
      comment: 'A view imports the chart kit (ui/charts) and shared ui modules, never another view.',
      severity: 'error',
      from: { path: '^src/ui/views/([^/]+)/' },
      to: { path: '^src/ui/views/', pathNot: ['^src/ui/views/$1/'] },
    },
    ...viewComponentRules,
    {
      name: 'only-the-shell-imports-views',
      comment: 'Outside views/, only App.tsx (the shell) imports views.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/ui/views/', '^src/ui/App\\.tsx$'] },
      to: { path: '^src/ui/views/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
  },
};
