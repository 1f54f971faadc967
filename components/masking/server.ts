import { cookies } from "next/headers";
import { MASKING_COOKIE } from "./masking-cookie";

/** Whether this browser asked for personal data to be masked (the switch's cookie). */
export async function maskingRequested(): Promise<boolean> {
  return (await cookies()).get(MASKING_COOKIE)?.value === "1";
}
