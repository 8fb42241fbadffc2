import { Command } from 'commander';

const program = new Command('crimestats')
  .description('Crime statistics for the Derbyshire Community Safety Partnerships')
  .version('0.1.0')
  .showHelpAfterError();

await program.parseAsync();
