// The geometry check of an area import (normalise, validate, overlaps), in a worker thread so that a
// large file does not hold up every other request. Started by importCheck.ts, one job per worker.
import { parentPort, workerData } from 'node:worker_threads';
import { previewImport } from './importAreas';
import type { ImportJob } from './importCheck';

const job = workerData as ImportJob;
parentPort!.postMessage(previewImport(job.input, job.raws, job.all, job.boundary, job.source));
