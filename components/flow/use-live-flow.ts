"use client";

// The flow page's data: react-query's cache for the flow, fed by the server's live stream
// (Server-Sent Events, app/api/flows/[id]/stream) while the flow is pending. When no stream
// gets through (a proxy that blocks or buffers it), the page polls for what is new since its
// cursor instead; either way it receives only changes, merged by mergeFlowUpdate.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { mergeFlowUpdate, type FlowUpdate, type LiveFlow } from "@/lib/flows/flow-update";
import { fetchJson } from "@/lib/http/fetch-json";

const POLL_MS = 1_500;
/** The server pings every 15 s: silence longer than this means the stream is held back. */
const STREAM_SILENCE_MS = 20_000;

export function useLiveFlow(initial: LiveFlow) {
  const queryClient = useQueryClient();
  const key = ["flow", initial.id];
  const [streaming, setStreaming] = useState(false);

  const query = useQuery({
    queryKey: key,
    queryFn: async () => {
      const current = queryClient.getQueryData<LiveFlow>(key) ?? initial;
      const update = await fetchJson<FlowUpdate>(`/api/flows/${initial.id}?since=${encodeURIComponent(current.cursor)}`, { timeoutMs: 20_000 });
      return mergeFlowUpdate(queryClient.getQueryData<LiveFlow>(key) ?? current, update);
    },
    initialData: initial,
    initialDataUpdatedAt: 0,
    refetchOnWindowFocus: !streaming,
    refetchInterval: (q) => (!streaming && q.state.data?.status === "Pending" ? POLL_MS : false),
    refetchIntervalInBackground: false,
  });

  const pending = query.data.status === "Pending";
  useEffect(() => {
    if (!pending || typeof EventSource === "undefined") return;
    const current = queryClient.getQueryData<LiveFlow>(key) ?? initial;
    const source = new EventSource(`/api/flows/${initial.id}/stream?since=${encodeURIComponent(current.cursor)}`);
    let lastHeard = 0;
    const heard = () => {
      lastHeard = Date.now();
      setStreaming(true);
    };
    source.addEventListener("update", (event) => {
      const update = JSON.parse((event as MessageEvent<string>).data) as FlowUpdate;
      queryClient.setQueryData<LiveFlow>(key, (held) => mergeFlowUpdate(held ?? initial, update));
      heard();
    });
    source.addEventListener("ping", heard);
    source.addEventListener("end", () => {
      source.close();
      setStreaming(false);
    });
    // EventSource reconnects by itself (sending its cursor); the page polls until it is back.
    source.addEventListener("error", () => setStreaming(false));
    const watchdog = setInterval(() => {
      if (lastHeard && Date.now() - lastHeard > STREAM_SILENCE_MS) setStreaming(false);
    }, 5_000);
    return () => {
      clearInterval(watchdog);
      source.close();
      setStreaming(false);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one stream per flow while it is pending
  }, [initial.id, pending]);

  return { ...query, streaming };
}
