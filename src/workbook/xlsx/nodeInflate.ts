/** The reader's inflater in Node (the command line, tests): zlib's raw inflate as a stream of 64 KB chunks. */
import { createInflateRaw } from "node:zlib";
import type { Inflate } from "./parts";

export const nodeInflate: Inflate = (packed) => {
  const stream = createInflateRaw({ chunkSize: 64 * 1024 });
  stream.end(packed);
  return stream; // a Readable is an async iterable; leaving the loop early destroys it
};
