/**
 * Parses several policies at once, sharing the work between this thread and a
 * worker thread when there is enough of it. remark costs about a second per
 * megabyte; sections are the unit of work, deduplicated across the versions
 * (an edited 1 MB policy shares most sections with its previous version), split
 * by size between the two threads, and handed back to this thread's memo, so
 * that parsePolicy then only assembles. The result is exactly what parsing in
 * one thread gives.
 *
 * This module is also the worker's entry point: the worker loads this very file
 * (in the bundle, the chunk that holds it). Under a TypeScript loader (tests)
 * a worker cannot load the source, and everything runs in this thread.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Policy } from '../types.js';
import { isSectionParsed, parseSection, planSections, rememberSections, sectionJobKey, type SectionBlocks, type SectionJob } from './blocks.js';
import { parseFrontMatter } from './front-matter.js';
import { parsePolicy, type PolicySource } from './parse-policy.js';

const WORKER_FLAG = 'policy-parse-sections-worker';
/** Below this many characters of sections to parse, a worker costs more than it saves. */
const PARALLEL_THRESHOLD = 256 * 1024;

type Job = Pick<SectionJob, 'text' | 'borrowed'>;

if (!isMainThread && workerData === WORKER_FLAG && parentPort) {
  const port = parentPort;
  port.on('message', (jobs: Job[]) => {
    port.postMessage(jobs.map((job): [string, SectionBlocks] => [sectionJobKey(job), parseSection(job)]));
  });
}

function workersAvailable(): boolean {
  return import.meta.url.startsWith('file:') && import.meta.url.endsWith('.js');
}

/** Sections of the inputs that this thread has not parsed yet, each once. */
function pendingJobs(inputs: readonly PolicySource[]): Job[] {
  const pending = new Map<string, Job>();
  for (const input of inputs) {
    let body: string;
    try {
      body = parseFrontMatter(input.source, input.path).body;
    } catch {
      continue; // parsePolicy reports the error below
    }
    for (const job of planSections(body)) {
      if (!isSectionParsed(job)) pending.set(sectionJobKey(job), { text: job.text, borrowed: job.borrowed });
    }
  }
  return [...pending.values()];
}

function parseInWorker(jobs: Job[]): Promise<[string, SectionBlocks][]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: WORKER_FLAG });
    worker.once('message', (result: [string, SectionBlocks][]) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.postMessage(jobs);
  });
}

/** Parses the inputs, in order, using a second thread for large ones. */
export async function parsePolicies(inputs: readonly PolicySource[]): Promise<Policy[]> {
  const jobs = pendingJobs(inputs);
  const size = jobs.reduce((total, job) => total + job.text.length, 0);
  if (size >= PARALLEL_THRESHOLD && workersAvailable()) {
    // Alternate sections between the threads so each gets about half the text.
    const mine: Job[] = [];
    const theirs: Job[] = [];
    let mineSize = 0;
    let theirSize = 0;
    for (const job of jobs.sort((a, b) => b.text.length - a.text.length)) {
      if (theirSize <= mineSize) {
        theirs.push(job);
        theirSize += job.text.length;
      } else {
        mine.push(job);
        mineSize += job.text.length;
      }
    }
    const fromWorker = parseInWorker(theirs);
    for (const job of mine) {
      try {
        parseSection(job);
      } catch {
        // parsePolicy reports the error below, naming the file
      }
    }
    try {
      rememberSections(await fromWorker);
    } catch {
      // A worker that cannot start leaves its share to this thread.
    }
  }
  return inputs.map((input) => parsePolicy(input));
}
