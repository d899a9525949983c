/** One NDJSON line: the value as JSON on one line (JSON.stringify escapes every newline inside strings). */
export const ndjsonLine = (value: unknown): string => `${JSON.stringify(value)}\n`;

/**
 * A byte stream that pulls the next chunk of text only when the reader wants it, so a slow
 * download never makes the producer read ahead. Cancelling the download stops the producer.
 */
export function pullStream(chunks: AsyncIterator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return?.(undefined);
    },
  });
}
