import type { FromWorker, WorkerLike } from "../../src/population/offThread";
import { serve, type WorkerScope } from "../../src/taskpane/populationWorker";

/** A Worker as the client sees it, recording what it was sent and whether it was terminated. */
export interface FakeWorker extends WorkerLike {
  sent: unknown[];
  terminated: boolean;
  /** Delivers a message to the client as the worker would (a task later, unless terminated). */
  reply(message: FromWorker): void;
  /** Raises the worker's error event. */
  crash(): void;
}

const later = (fn: () => void) => void Promise.resolve().then(fn);

/** A worker whose answers the test scripts; it says nothing by itself. */
export function scriptedWorker(): FakeWorker {
  const worker: FakeWorker = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    sent: [],
    terminated: false,
    postMessage(message: unknown) {
      worker.sent.push(message);
    },
    terminate() {
      worker.terminated = true;
    },
    reply(message) {
      later(() => {
        if (!worker.terminated) worker.onmessage?.call(worker as never, { data: message } as MessageEvent);
      });
    },
    crash() {
      later(() => {
        if (!worker.terminated)
          worker.onerror?.call(
            worker as never,
            { preventDefault() {}, message: "Uncaught RangeError" } as never,
          );
      });
    },
  } as FakeWorker;
  return worker;
}

/**
 * The real worker module (populationWorker.ts's serve) on the other end of a channel that copies every
 * message with the structured clone a browser uses, and moves transferred buffers (the sender's copy is
 * detached), as postMessage does between threads.
 */
export function inProcessWorker(): FakeWorker {
  const worker = scriptedWorker();
  const scope: WorkerScope = {
    onmessage: null,
    postMessage(message) {
      worker.reply(structuredClone(message));
    },
  };
  worker.postMessage = ((message: unknown, transfer: Transferable[]) => {
    worker.sent.push(message);
    const copy = structuredClone(message, { transfer: transfer as ArrayBuffer[] });
    later(() => {
      if (!worker.terminated) scope.onmessage?.({ data: copy } as MessageEvent);
    });
  }) as WorkerLike["postMessage"];
  serve(scope);
  return worker;
}
