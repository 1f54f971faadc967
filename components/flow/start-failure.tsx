import Link from "next/link";
import { ErrorNotice } from "@/components/ui/states";

export function StartFailure({ what, failure }: { what: string; failure: { message: string; flowId?: string } | null }) {
  if (!failure) return null;
  return (
    <ErrorNotice
      title={`The ${what} could not be started`}
      action={
        failure.flowId ? (
          <Link className="font-medium underline" href={`/flows/${failure.flowId}`}>
            Open the recorded attempt
          </Link>
        ) : null
      }
    >
      {failure.message}
    </ErrorNotice>
  );
}
