/** Process entry point: runs the CLI and sets the exit status. */
import { createProcessContext } from '../context.js';
import { runCli } from './main.js';

// A reader that stops early (`policy diff … | head`) closes the pipe. Output
// nobody reads is dropped and the command runs to its end, so a publish is
// never cut short between two writes and the exit status still tells the truth.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}

process.exitCode = await runCli(process.argv.slice(2), createProcessContext());
