/** Announces, at the top of any screen, a request that waits on the device's home screen. */
import type { AuthenticationOperation } from "@/lib/authenticator/pending-authentication";
import { Button } from "./ui";

export function IncomingRequestBanner({ requests, accountName, onOpen }: { requests: AuthenticationOperation[]; accountName: string | null; onOpen: () => void }) {
  if (requests.length === 0) return null;
  const stepUp = requests.some((r) => r.stepUp);
  const what = requests.length > 1 ? `${requests.length} requests are waiting` : stepUp ? "A step-up request is waiting" : "A sign-in request is waiting";
  return (
    <div role="alert" className="mb-5 flex items-center gap-3 rounded-2xl border border-amber-300 bg-amber-50 p-3 text-amber-950">
      <p className="min-w-0 flex-1 text-sm">
        <strong className="block">{what}</strong>
        {accountName ?? "The service"} asks this device to confirm it is you.
      </p>
      <Button className="shrink-0" onClick={onOpen}>
        Open
      </Button>
    </div>
  );
}
