/**
 * Errors in the user's files name the physical line (blank lines, CRLF and quoted line breaks counted; src/data
 * reads them), and each command refuses options that belong to another one.
 */
import { describe, expect, it, vi } from 'vitest';
import { cli, csvWriter } from './testing';

const { csv } = csvWriter('cli-strict-');
const good = csv('good.csv', 'x1,x2,y\n0,1,1\n1,0,0\n2,2,1\n3,1,0\n');

function evaluate(test: string, task = 'regression', models = 'ols'): ReturnType<typeof cli> {
  return cli(
    ...['evaluate', '--real-train', good, '--synthetic-train', good, '--test', test],
    ...['--task', task, '--models', models],
  );
}

async function expectBadInput(run: ReturnType<typeof cli>, message: string): Promise<void> {
  const { code, out, err } = await run;
  expect(code).toBe(2);
  expect(out).toBe('');
  expect(err).toBe(`error: ${message}`);
}

const numericIn = (file: string, line: number, cell: string) =>
  `${file} line ${line}, column "x2": "${cell}" is not a number, but the column is numeric in ${good}`;

describe('file errors name the physical line', () => {
  it('counts blank and whitespace-only lines', async () => {
    const file = csv('blank.csv', 'x1,x2,y\n0,1,1\n\n   \n1,abc,0\n');
    await expectBadInput(evaluate(file), numericIn(file, 5, 'abc'));
  });

  it('counts line breaks inside quoted cells, with CRLF line ends and a byte-order mark', async () => {
    const file = csv('crlf.csv', '\uFEFFx1,x2,y\r\n0,1,1\r\n"1\r\n",2,0\r\n3,zz,1\r\n');
    await expectBadInput(evaluate(file), numericIn(file, 5, 'zz'));
    const ok = csv('crlf-ok.csv', '\uFEFFx1,x2,y\r\n0,1,1\r\n\r\n1,0,0\r\n2,2,1\r\n3,1,0\r\n');
    expect((await evaluate(ok)).code).toBe(0);
  });

  it('a header after blank lines and a ragged row', async () => {
    const late = csv('late.csv', '\n\nx1,x2,y\n0,1,1\n1,0\n');
    await expectBadInput(evaluate(late), `${late} line 5: 2 fields, the header (line 3) has 3`);
  });

  it('a row of empty cells is missing values: its row is dropped (no target), with a note on stderr', async () => {
    const empty = csv('commas.csv', 'x1,x2,y\n0,1,1\n,,\n1,1,0\n');
    const { code, err } = await evaluate(empty);
    expect(code).toBe(0);
    expect(err).toBe(`note: ${empty}: 1 rows without a value in "y" dropped`);
  });

  it('an unterminated quote names the line it opens on', async () => {
    const file = csv('quote.csv', 'x1,x2,y\n0,1,1\n\n1,"2,0\n');
    await expectBadInput(evaluate(file), `${file} line 4: Quoted field unterminated`);
  });

  it('a file without a header row', async () => {
    const file = csv('noheader.csv', '1,2,3\n4,5,6\n');
    await expectBadInput(
      evaluate(file),
      `${file} line 1: no header row (the first row holds numbers, not column names)`,
    );
  });

  it('a class the real file lacks names its line and column', async () => {
    const file = csv('labels.csv', 'y,x1,x2\n1,0,1\n\n0,1,0\n-1,2,2\n');
    await expectBadInput(
      evaluate(file, 'classification', 'knn:k=1'),
      `${file} line 5, column "y": class "-1" is not among the real file's classes ("0", "1")`,
    );
  });
});

describe('options and commands', () => {
  it("a command refuses another command's option", async () => {
    const args = ['--real-train', good, '--synthetic-train', good, '--test', good, '--task', 'regression'];
    await expectBadInput(
      cli('evaluate', ...args, '--models', 'ols', '--steps', '3'),
      'evaluate does not take --steps (see evaluate --help)',
    );
    const { code, out } = await cli('evaluate', ...args, '--models', 'ols', '--json', '--progress');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toHaveProperty('ranking');
  });

  it('an unknown command is an error even with --help', async () => {
    await expectBadInput(cli('frobnicate', '--help'), 'unknown command "frobnicate" (evaluate, run, sweep)');
    expect((await cli('evaluate', '--help')).out).toMatch(/^usage: npm run cli -- evaluate/);
  });
});

describe('internal errors', () => {
  it('an engine module that fails to load is one line and exit 1, the stack only with --debug', async () => {
    vi.resetModules();
    vi.doMock('./evaluate', () => {
      throw new SyntaxError("The requested module './x' does not provide an export named 'y'\n    at line 2");
    });
    try {
      const fresh = (await import('./main')).main;
      for (const debug of [false, true]) {
        const err: string[] = [];
        const args = ['evaluate', '--real-train', good, '--synthetic-train', good, '--test', good];
        const code = await fresh(
          [...args, '--task', 'regression', '--models', 'ols', ...(debug ? ['--debug'] : [])],
          () => undefined,
          (s) => err.push(s),
        );
        expect(code).toBe(1);
        // Vitest wraps the loader's error in a message of its own; the first line of it is what is printed.
        expect(err[0]).toMatch(/^internal error: \S/);
        expect(err[0]).not.toContain('\n');
        expect(err).toHaveLength(debug ? 2 : 1);
      }
    } finally {
      vi.doUnmock('./evaluate');
      vi.resetModules();
    }
  });
});
