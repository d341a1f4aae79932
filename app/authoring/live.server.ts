/**
 * Live author pages: a stream of server-sent events that says "the content changed". The
 * server looks at the content folder's version twice a second; when it changes, it compiles
 * the course (so the check results are ready) and sends the new version. The author's open page
 * then reloads its data. A file with errors compiles into problems, never into a crash, so the
 * page shows them. In production the content never changes: the stream sends the version and ends.
 */
import { contentVersion, getCourse } from "~/content/content.server";

const encoder = new TextEncoder();
const event = (name: string, data: string) => encoder.encode(`event: ${name}\ndata: ${data}\n\n`);

export function liveContentResponse(
  signal: AbortSignal,
  options: { intervalMs?: number; heartbeatMs?: number } = {},
): Response {
  const intervalMs = options.intervalMs ?? 500;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  let timers: ReturnType<typeof setInterval>[] = [];
  const stop = () => {
    timers.forEach(clearInterval);
    timers = [];
  };

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (chunk: Uint8Array) => {
        try {
          controller.enqueue(chunk);
        } catch {
          stop(); // the reader went away
        }
      };
      // Listen before the first await: an abort during it must still close the stream.
      const onAbort = () => {
        stop();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      signal.addEventListener("abort", onAbort, { once: true });
      let known = await contentVersion();
      if (signal.aborted) return onAbort();
      // Reconnect after 2 s if the connection drops (e.g. the development server restarts).
      controller.enqueue(encoder.encode("retry: 2000\n\n"));
      send(event("version", known));
      if (process.env.NODE_ENV === "production") {
        signal.removeEventListener("abort", onAbort);
        controller.close();
        return;
      }
      let checking = false;
      timers.push(
        setInterval(async () => {
          if (checking) return;
          checking = true;
          try {
            const version = await contentVersion();
            if (version !== known) {
              known = version;
              await getCourse().catch((error: unknown) => console.error(error));
              send(event("version", version));
            }
          } catch (error) {
            // Never let a failed check reject unhandled: that would end the development server.
            console.error(error);
          } finally {
            checking = false;
          }
        }, intervalMs),
        setInterval(() => send(encoder.encode(": ping\n\n")), heartbeatMs),
      );
    },
    cancel: stop,
  });

  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
    },
  });
}
