// 4. MobileID core: users, device registrations, devices, authentications, transactions, proofings.
import { z } from "zod";
import { authenticationBody, authenticationView, findAuthentication, startAuthentication } from "../authentications";
import {
  authenticationResponse,
  authenticationStarted,
  deviceListResponse,
  deviceResponse,
  proofingsResponse,
  registrationResponse,
  registrationStarted,
  transactionsResponse,
  userResponse,
} from "../contract/responses";
import { json, noContent } from "../http";
import { deviceView, findUser, findUserByExternalRef, findUserDevice, listUserDevices, listUserProofings, userView } from "../mobileid";
import { deleteDevice, devicePatch, updateDevice } from "../mobileid-devices";
import { createUser, createUserBody, deleteUser, patchUserBody, updateUser } from "../mobileid-users";
import { findRegistration, registrationBody, registrationView, startRegistration } from "../registrations";
import { listUserTransactions, transactionsQuery } from "../transactions";
import { defineRoute, type Route } from "./route";

const users = "/mobileid/core/users";
const user = `${users}/:userId`;
const device = `${user}/devices/:deviceId`;
const doc = (tag: string, operationId: string, summary: string, description?: string) => ({ api: "mobileid" as const, tag, operationId, summary, description });
const flag = z.enum(["true", "false"], "must be true or false").optional();

export const MOBILEID_ROUTES: Route[] = [
  defineRoute({
    method: "POST",
    path: users,
    auth: "bearer",
    doc: {
      ...doc("Users", "createUser", "Create a user", "An externalRef names at most one user of the account (409 otherwise)."),
      examples: { user: { summary: "A user with a reference", value: { externalRef: "customer-1" } } },
    },
    body: createUserBody,
    answer: { status: 201, description: "The user.", schema: userResponse },
    errors: [409],
    handle: async (ctx, { body }) => json(userView(await createUser(ctx.accountId, body)), ctx.traceId, 201),
  }),
  defineRoute({
    method: "GET",
    path: users,
    auth: "bearer",
    doc: doc("Users", "resolveExternalRef", "Find the user with an external reference"),
    query: z.object({ externalRef: z.string("cannot be null or empty").min(1, "cannot be null or empty") }),
    answer: { status: 200, description: "The user.", schema: userResponse },
    errors: [404],
    handle: async (ctx, { query }) => userView(await findUserByExternalRef(ctx.accountId, query.externalRef)),
  }),
  defineRoute({
    method: "GET",
    path: user,
    auth: "bearer",
    doc: doc("Users", "getUser", "Get a user"),
    answer: { status: 200, description: "The user.", schema: userResponse },
    errors: [404],
    handle: async (ctx) => userView(await findUser(ctx.accountId, ctx.params.userId)),
  }),
  defineRoute({
    method: "PATCH",
    path: user,
    auth: "bearer",
    doc: {
      ...doc("Users", "updateUser", "Update a user", "Attributes are merged; a null value removes a key. state ACTIVE or LOCKED."),
      examples: { lock: { summary: "Lock the user", value: { state: "LOCKED" } } },
    },
    body: patchUserBody,
    answer: { status: 200, description: "The user.", schema: userResponse },
    errors: [404, 409],
    handle: async (ctx, { body }) => userView(await updateUser(ctx.accountId, ctx.params.userId, body)),
  }),
  defineRoute({
    method: "DELETE",
    path: user,
    auth: "bearer",
    doc: doc("Users", "deleteUser", "Delete a user", "Deletes its devices, registrations and authentications and fails its pending flows."),
    answer: { status: 204, description: "Deleted." },
    errors: [404],
    handle: async (ctx) => {
      await deleteUser(ctx.accountId, ctx.params.userId);
      return noContent(ctx.traceId);
    },
  }),
  defineRoute({
    method: "POST",
    path: `${user}/registrations`,
    auth: "bearer",
    doc: { ...doc("Registrations", "startRegistration", "Start a device registration"), examples: { named: { summary: "Name the device", value: { deviceName: "Jane's phone" } } } },
    body: registrationBody,
    answer: { status: 201, description: "The activation code the app redeems.", schema: registrationStarted },
    errors: [404, 422],
    handle: async (ctx, { body }) => json(await startRegistration(ctx.accountId, ctx.params.userId, body), ctx.traceId, 201),
  }),
  defineRoute({
    method: "GET",
    path: `${user}/registrations/:registrationId`,
    auth: "bearer",
    doc: doc("Registrations", "getRegistration", "Get a device registration"),
    answer: { status: 200, description: "The registration.", schema: registrationResponse },
    errors: [404],
    handle: async (ctx) => registrationView(await findRegistration(ctx.accountId, ctx.params.userId, ctx.params.registrationId)),
  }),
  defineRoute({
    method: "GET",
    path: `${user}/transactions`,
    auth: "bearer",
    doc: doc("Users", "listTransactions", "The user's registrations and authentications, newest first"),
    query: transactionsQuery,
    answer: { status: 200, description: "A page of transactions.", schema: transactionsResponse },
    errors: [404],
    handle: (ctx, { query }) => listUserTransactions(ctx.accountId, ctx.params.userId, query),
  }),
  defineRoute({
    method: "GET",
    path: `${user}/devices`,
    auth: "bearer",
    doc: doc("Devices", "listDevices", "List the user's devices"),
    answer: { status: 200, description: "The devices.", schema: deviceListResponse },
    errors: [404],
    handle: async (ctx) => (await listUserDevices(ctx.accountId, ctx.params.userId)).map((d) => deviceView(d)),
  }),
  defineRoute({
    method: "GET",
    path: device,
    auth: "bearer",
    doc: doc("Devices", "getDevice", "Get a device", "?detailed=true adds deviceDetails with lockReason."),
    query: z.object({ detailed: flag }),
    answer: { status: 200, description: "The device.", schema: deviceResponse },
    errors: [404],
    handle: async (ctx, { query }) => deviceView(await findUserDevice(ctx.accountId, ctx.params.userId, ctx.params.deviceId), query.detailed === "true"),
  }),
  defineRoute({
    method: "PATCH",
    path: device,
    auth: "bearer",
    doc: {
      ...doc("Devices", "updateDevice", "Rename, lock, unlock or deactivate a device", "DEACTIVATED is final. ?generateEvent=true emits device.state.change when the state changed."),
      examples: { lock: { summary: "Lock the device", value: { state: "LOCKED", lockReason: "Lost phone" } } },
    },
    body: devicePatch,
    query: z.object({ generateEvent: flag }),
    answer: { status: 200, description: "The device (detailed).", schema: deviceResponse },
    errors: [404, 422],
    handle: async (ctx, { body, query }) => {
      const found = await findUserDevice(ctx.accountId, ctx.params.userId, ctx.params.deviceId);
      return deviceView(await updateDevice(found, body, query.generateEvent === "true"), true);
    },
  }),
  defineRoute({
    method: "DELETE",
    path: device,
    auth: "bearer",
    doc: doc("Devices", "deleteDevice", "Delete a device", "Its pending authentications are CANCELED."),
    answer: { status: 204, description: "Deleted." },
    errors: [404],
    handle: async (ctx) => {
      await deleteDevice(await findUserDevice(ctx.accountId, ctx.params.userId, ctx.params.deviceId));
      return noContent(ctx.traceId);
    },
  }),
  defineRoute({
    method: "POST",
    path: `${device}/authentications`,
    auth: "bearer",
    doc: {
      ...doc("Authentications", "startAuthentication", "Start an authentication on a device", "The app shows the request; when the user approves, the answer carries the requestedUserAttributes."),
      examples: { attributes: { summary: "Ask for two attributes", value: { requestedUserAttributes: ["firstName", "nationality"] } } },
    },
    body: authenticationBody,
    answer: { status: 201, description: "The pending authentication.", schema: authenticationStarted },
    errors: [404, 422],
    handle: async (ctx, { body }) => json(await startAuthentication(ctx.accountId, ctx.params.userId, ctx.params.deviceId, body), ctx.traceId, 201),
  }),
  defineRoute({
    method: "GET",
    path: `${device}/authentications/:authenticationId`,
    auth: "bearer",
    doc: doc("Authentications", "getAuthentication", "Get an authentication"),
    answer: { status: 200, description: "The authentication.", schema: authenticationResponse },
    errors: [404],
    handle: async (ctx) => authenticationView(await findAuthentication(ctx.accountId, ctx.params.userId, ctx.params.deviceId, ctx.params.authenticationId)),
  }),
  defineRoute({
    method: "GET",
    path: `${user}/proofings`,
    auth: "bearer",
    doc: doc("Users", "listProofings", "The user's identity proofings"),
    answer: { status: 200, description: "The proofings bound to the user, newest first.", schema: proofingsResponse },
    errors: [404],
    handle: (ctx) => listUserProofings(ctx.accountId, ctx.params.userId),
  }),
];
