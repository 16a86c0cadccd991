/** What jsdom lacks and Fluent UI uses: a ResizeObserver that observes nothing (layout does not exist here). */
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const w = globalThis as unknown as { ResizeObserver?: unknown };
w.ResizeObserver ??= NoResizeObserver;
export {};
