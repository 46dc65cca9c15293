/** Process entry point: runs the CLI and sets the exit status. */
import { createProcessContext } from '../context.js';
import { runCli } from './main.js';

process.exitCode = await runCli(process.argv.slice(2), createProcessContext());
