import { MigrationError } from '@crimestats/store';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { outcomeOf } from './exit-status.ts';
import { buildProgram } from './program.ts';
import { UserError } from './user-error.ts';

/** Parses a command line as main.ts does, with commander's own output silenced. */
async function parse(args: string[]): Promise<unknown> {
  const program = buildProgram();
  const quiet = (command: typeof program): void => {
    command.configureOutput({ writeErr: () => {}, writeOut: () => {} });
    command.commands.forEach(quiet);
  };
  quiet(program);
  return program.parseAsync(args, { from: 'user' }).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('exit status', () => {
  it('is 2 for a usage error, like any other refused input', async () => {
    expect(outcomeOf(await parse(['report', 'compare']))).toEqual({ exitCode: 2 });
    expect(outcomeOf(await parse(['no-such-command']))).toEqual({ exitCode: 2 });
    expect(outcomeOf(await parse(['report', 'compare', '--category']))).toEqual({ exitCode: 2 });
  });

  it('is 0 for --help and --version', async () => {
    expect(outcomeOf(await parse(['--version']))).toEqual({ exitCode: 0 });
    expect(outcomeOf(await parse(['report', '--help']))).toEqual({ exitCode: 0 });
  });

  it("is the user error's own, printed on one line", () => {
    expect(outcomeOf(new UserError('no figures', 1))).toEqual({
      exitCode: 1,
      message: 'crimestats: no figures',
    });
  });

  it('is 1 for a refused migration, without a stack trace, and 2 for bad configuration', () => {
    expect(outcomeOf(new MigrationError('0002_figures.sql changed'))).toEqual({
      exitCode: 1,
      message: 'crimestats: 0002_figures.sql changed',
    });
    const bad = z.object({ PORT: z.number() }).safeParse({ PORT: 'x' });
    expect(outcomeOf(bad.error)?.exitCode).toBe(2);
  });

  it('leaves a bug to surface with its stack trace', () => {
    expect(outcomeOf(new TypeError('oops'))).toBeUndefined();
  });
});
