import { Command } from 'commander';
import { changesCommand } from './report/changes.ts';
import { compareCommand } from './report/compare.ts';
import { packCommand } from './report/pack.ts';
import { trendCommand } from './report/trend.ts';

/** `crimestats report <kind>`: reports read from the computed figures, as the API gives them. */
export function reportCommand(): Command {
  return new Command('report')
    .description('reports from the computed figures')
    .addCommand(compareCommand())
    .addCommand(changesCommand())
    .addCommand(trendCommand())
    .addCommand(packCommand());
}
