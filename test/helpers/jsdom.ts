/** What jsdom lacks and Fluent UI uses: a ResizeObserver that observes nothing (layout does not exist here). */
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const w = globalThis as unknown as { ResizeObserver?: unknown };
w.ResizeObserver ??= NoResizeObserver;

/** Every browser the pane runs in has TextDecoder; jest's jsdom does not, Node does. */
const g = globalThis as unknown as { TextDecoder?: unknown };
// eslint-disable-next-line @typescript-eslint/no-require-imports
g.TextDecoder ??= require("node:util").TextDecoder;
export {};
