import { outcomeOf } from './exit-status.ts';
import { buildProgram } from './program.ts';

try {
  await buildProgram().parseAsync();
} catch (error) {
  const outcome = outcomeOf(error);
  if (outcome === undefined) throw error;
  if (outcome.message !== undefined) console.error(outcome.message);
  process.exitCode = outcome.exitCode;
}
