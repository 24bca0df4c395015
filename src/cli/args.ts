/** Wrong arguments: printed without a stack trace. */
export class UsageError extends Error {}

/** Parses `--name value` and `--flag` options; the rest are positional. */
export function parseArgs(args: string[], flags: string[] = []): { positional: string[]; options: Record<string, string | true> } {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const name = a.slice(2);
      if (flags.includes(name)) options[name] = true;
      else {
        const value = args[++i];
        if (value === undefined) throw new UsageError(`--${name} needs a value`);
        options[name] = value;
      }
    } else positional.push(a);
  }
  return { positional, options };
}
