#!/usr/bin/env node
/**
 * The Framelens command-line tool: the same src/core functions the extension runs,
 * on files. `npm run -s cli -- <command>`; docs/DESIGN.md is the contract.
 */
import { runCompare } from './compare';
import { runExtract } from './extract';
import { UsageError } from './args';
import { InputError } from './inputs';
import { runMatch } from './match';

const USAGE = `Usage: npm run -s cli -- <command>

  extract PAGE.html [--url URL]                 the article as JSON
  compare FILE FILE [FILE...] [--json]          a framing report (text, or JSON)
  match --archive FILE --queries FILE [--top N] one JSON line per query

FILE: .html, .txt, .md (front matter title:/date:), .json (one record), .ndjson[.gz]`;

const COMMANDS: Record<string, (args: string[]) => Promise<void> | void> = {
  extract: runExtract,
  compare: runCompare,
  match: runMatch,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`Unknown command "${command}".\n\n${USAGE}\n`);
    return 2;
  }
  try {
    await run(args);
    return 0;
  } catch (e) {
    if (e instanceof InputError || e instanceof UsageError) {
      process.stderr.write(`framelens ${command}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

if (process.argv[1] && /cli[\\/]index\.[tj]s$/.test(process.argv[1])) {
  // A reader piping into `head` closes stdout early: that ends the output, it is no error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  // exitCode, not exit(): exit() would cut off output still being written to a pipe.
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`framelens: ${(e as Error).stack ?? e}\n`);
      process.exit(1);
    },
  );
}
