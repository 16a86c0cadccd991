import type { WorkerLike } from "../population/offThread";

/**
 * Starts the population worker. Webpack 5 sees `new Worker(new URL(…, import.meta.url))` and builds
 * populationWorker.ts as its own chunk (population-worker.js), loaded from the add-in's own origin: no eval, no
 * blob URL, so the pane's Content-Security-Policy (script-src 'self') allows it as it is. Kept in its own module,
 * loaded only where a worker is started, because `import.meta` does not exist in the CommonJS tests.
 */
export function spawnPopulationWorker(): WorkerLike {
  return new Worker(
    /* webpackChunkName: "population-worker" */ new URL("./populationWorker.ts", import.meta.url),
  );
}
