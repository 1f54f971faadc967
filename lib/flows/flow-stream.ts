/**
 * A flow as Server-Sent Events: an `update` event with what changed since the browser's cursor
 * (flow-update.ts) after every change, a `ping` every 15 s so proxies keep the connection,
 * and `end` once the flow is final. A browser that reconnects sends its cursor again and misses
 * nothing.
 */
import { isFinal } from "./state-machine";
import { closeOnShutdown, subscribeFlow } from "./live";
import { getFlowUpdate } from "@/lib/data/queries/flows";
import type { FlowUpdate } from "./flow-update";
import { updateForViewer } from "./redaction";
import type { StaffSession } from "@/lib/auth/roles";

const HEARTBEAT_MS = 15_000;
const encoder = new TextEncoder();

/** The parts of an update that say something changed, beyond the flow's updatedAt. */
function newsOf(update: FlowUpdate): string {
  const { events: _e, exchanges: _x, since: _s, cursor: _c, updatedAt: _u, ...header } = update;
  return JSON.stringify(header);
}

/** Every update passes through updateForViewer: viewers and support never receive an activation code. */
export function flowEventStream(flowId: string, since: Date, signal: AbortSignal, staff: StaffSession): ReadableStream<Uint8Array> {
  let cursor = since;
  let lastHeader = "";
  let sending = false;
  let again = false;
  let closed = false;
  let unsubscribe = () => {};
  let forget = () => {};
  let heartbeat: NodeJS.Timeout | undefined;

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const close = () => {
        if (closed) return;
        closed = true;
        unsubscribe();
        forget();
        clearInterval(heartbeat);
        controller.close();
      };
      const send = async () => {
        if (sending) {
          again = true;
          return;
        }
        sending = true;
        try {
          do {
            again = false;
            const found = await getFlowUpdate(flowId, cursor);
            if (!found) return close();
            const update = updateForViewer(found, staff);
            const header = newsOf(update);
            if (update.events.length || update.exchanges.length || header !== lastHeader) {
              write(`event: update\nid: ${update.cursor}\ndata: ${JSON.stringify(update)}\n\n`);
              lastHeader = header;
            }
            cursor = new Date(update.cursor);
            if (isFinal(update.status)) {
              write("event: end\ndata: {}\n\n");
              return close();
            }
          } while (again && !closed);
        } catch {
          // The browser reconnects with its cursor (or falls back to polling).
          close();
        } finally {
          sending = false;
        }
      };
      signal.addEventListener("abort", close, { once: true });
      forget = closeOnShutdown(close);
      write("retry: 3000\n\n");
      unsubscribe = subscribeFlow(flowId, () => void send());
      // An event rather than a comment, so the browser can tell a live stream from one a proxy holds back.
      heartbeat = setInterval(() => write("event: ping\ndata: {}\n\n"), HEARTBEAT_MS);
      void send();
    },
    cancel() {
      closed = true;
      unsubscribe();
      forget();
      clearInterval(heartbeat);
    },
  });
}
