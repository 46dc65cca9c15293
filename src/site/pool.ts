/**
 * Runs render chunks on worker threads so a cold build uses every core:
 * remark costs about a second per megabyte, and a big archive has tens of
 * megabytes. This module is also the workers' entry point: a worker loads this
 * very file (in the bundle, the chunk that holds it) and answers messages.
 * Under a TypeScript loader (tests) workers cannot load the source, so chunks
 * run in-process; the bundled CLI uses threads.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { PolicyError, type ErrorCode, type ErrorDetails } from '../errors.js';
import { runRenderChunk, type ChunkResult, type RenderChunk } from './render-task.js';

const WORKER_FLAG = 'policy-site-render-worker';

interface SerializedError {
  code: ErrorCode | null;
  message: string;
  /** A catalogued error's facts (file, line, problem), so the revived error carries them too. */
  details?: ErrorDetails;
  stack: string | undefined;
}

type WorkerReply = { ok: true; result: ChunkResult } | { ok: false; error: SerializedError };

function serializeError(error: unknown): SerializedError {
  if (error instanceof PolicyError) return { code: error.code, message: error.message, details: error.details, stack: error.stack };
  if (error instanceof Error) return { code: null, message: error.message, stack: error.stack };
  return { code: null, message: String(error), stack: undefined };
}

function reviveError(error: SerializedError): Error {
  if (error.code !== null) return new PolicyError(error.code, { message: error.message, details: error.details ?? { problem: error.message } });
  const revived = new Error(error.message);
  if (error.stack) revived.stack = error.stack;
  return revived;
}

if (!isMainThread && workerData === WORKER_FLAG && parentPort) {
  const port = parentPort;
  port.on('message', (chunk: RenderChunk) => {
    runRenderChunk(chunk).then(
      (result) => port.postMessage({ ok: true, result } satisfies WorkerReply),
      (error: unknown) => port.postMessage({ ok: false, error: serializeError(error) } satisfies WorkerReply),
    );
  });
}

/** True when this module runs as plain JavaScript that a worker thread can load. */
export function workersAvailable(): boolean {
  return import.meta.url.startsWith('file:') && import.meta.url.endsWith('.js');
}

/** How many threads to use by default: one per core. */
export function defaultJobs(): number {
  return availableParallelism();
}

/**
 * Runs chunks with up to `jobs` worker threads (in-process when 1, or when
 * workers are unavailable). `onResult` receives each finished chunk's result as
 * soon as it is in, so the caller can clean up after a failure elsewhere.
 */
export async function runChunks(chunks: RenderChunk[], jobs: number, onResult: (result: ChunkResult) => void): Promise<void> {
  const threads = Math.min(jobs, chunks.length);
  if (threads <= 1 || !workersAvailable()) {
    for (const chunk of chunks) onResult(await runRenderChunk(chunk));
    return;
  }
  const queue = [...chunks];
  const workers: Worker[] = [];
  let failure: Error | null = null;
  const runWorker = (worker: Worker): Promise<void> =>
    new Promise<void>((resolve) => {
      let busy = false;
      const next = (): void => {
        const chunk = failure ? undefined : queue.shift();
        busy = chunk !== undefined;
        if (chunk) worker.postMessage(chunk);
        else resolve();
      };
      worker.on('message', (reply: WorkerReply) => {
        if (reply.ok) onResult(reply.result);
        else failure ??= reviveError(reply.error);
        next();
      });
      worker.on('error', (error) => {
        failure ??= error;
        resolve();
      });
      worker.on('exit', (code) => {
        if (busy) failure ??= new Error(`a site render worker stopped unexpectedly (exit code ${code})`);
        resolve();
      });
      next();
    });
  try {
    const runs: Promise<void>[] = [];
    for (let i = 0; i < threads; i += 1) {
      const worker = new Worker(new URL(import.meta.url), { workerData: WORKER_FLAG });
      workers.push(worker);
      runs.push(runWorker(worker));
    }
    await Promise.all(runs);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  if (failure) throw failure;
}
