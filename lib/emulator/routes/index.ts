// The emulator's API routes in the contract's order: the table the router dispatches on and
// the OpenAPI documents are generated from.
import { APP_ROUTES } from "./app-side";
import { ASSURE_ROUTES } from "./assure";
import { AUTH_ROUTES } from "./auth";
import { EVENT_ROUTES, SIMULATOR_ROUTES } from "./emulator-own";
import { MOBILEID_ROUTES } from "./mobileid";
import { REUSEID_ROUTES } from "./reuseid";
import type { Route } from "./route";

export const API_ROUTES: Route[] = [...AUTH_ROUTES, ...REUSEID_ROUTES, ...MOBILEID_ROUTES, ...ASSURE_ROUTES, ...EVENT_ROUTES, ...APP_ROUTES, ...SIMULATOR_ROUTES];
