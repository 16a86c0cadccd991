/** The reader's inflater in the browser (the pane): DecompressionStream, read chunk by chunk. */
import type { Inflate } from "./parts";

export const webInflate: Inflate = (packed) => ({
  [Symbol.asyncIterator]() {
    const reader = new Blob([packed as BlobPart])
      .stream()
      .pipeThrough(new DecompressionStream("deflate-raw"))
      .getReader();
    return {
      next: () => reader.read() as Promise<IteratorResult<Uint8Array>>,
      return: async () => {
        await reader.cancel().catch(() => undefined);
        return { done: true as const, value: undefined };
      },
    };
  },
});
