import { cookies } from "next/headers";
import { pickEnvironment } from "./index";

export const ENVIRONMENT_COOKIE = "console-environment";

/** The environment the current page acts on. */
export async function currentEnvironment() {
  const jar = await cookies();
  return pickEnvironment(jar.get(ENVIRONMENT_COOKIE)?.value);
}
