import { cookies } from "next/headers";
import { cache } from "react";
import { pickEnvironment } from "./index";

export const ENVIRONMENT_COOKIE = "console-environment";

/** The environment the current page acts on; read once per render (the layout and the page both ask). */
export const currentEnvironment = cache(async function currentEnvironment() {
  const jar = await cookies();
  return pickEnvironment(jar.get(ENVIRONMENT_COOKIE)?.value);
});
