/**
 * What the emulator answers, as zod schemas: the single description of every response body.
 * The OpenAPI documents are generated from these, and the contract tests parse every answer
 * with them, so the documents cannot drift from the behaviour. Objects are strict: a key the
 * schema does not name is a documentation bug. Facts from Signicat's published Assure API
 * description (rules its prose states, not only its types) are written in here as refinements.
 */
import { z } from "zod";

const isoTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, "must be an ISO 8601 UTC time");
/** Assure's own format: "ISO-8601 with UTC: YYYY-MM-DDThh:mm:ssZ", without fractions. */
const assureTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, "must be YYYY-MM-DDThh:mm:ssZ");
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD");

// --- errors (contract section 2) ---

export const productError = z
  .strictObject({
    type: z.string(),
    title: z.string(),
    detail: z.string(),
    code: z.string().describe("invalid_token, invalid_request_parameter, user_entity_does_not_exist, forbidden, not_found, conflict, unprocessable_entity, rate_limited, internal_error, …"),
    status: z.int(),
    traceId: z.string().describe("Equal to the X-TRACE-ID header."),
    invalidParams: z.array(z.strictObject({ name: z.string(), reason: z.string() })).optional(),
  })
  .meta({ description: "The error shape of the ReuseID and MobileID APIs." });

export const assureError = z
  .strictObject({
    instance: z.string(),
    method: z.string(),
    status: z.int(),
    type: z.literal("base:client-problem"),
    title: z.string(),
    detail: z.string(),
    traceId: z.string(),
    timestamp: isoTime,
  })
  .meta({ description: "The Assure API's error shape." });

export const oauthError = z.strictObject({
  error: z.enum(["invalid_client", "unsupported_grant_type", "invalid_scope", "invalid_request", "server_error"]),
  error_description: z.string(),
});

// --- authentication (contract section 1) ---

export const tokenResponse = z.strictObject({
  access_token: z.string().describe("A JWT signed with the key at jwks_uri; it names the account."),
  token_type: z.literal("Bearer"),
  expires_in: z.int().min(1).max(3600),
  scope: z.literal("signicat-api"),
});

export const discoveryResponse = z.strictObject({
  issuer: z.string(),
  token_endpoint: z.string(),
  jwks_uri: z.string(),
  grant_types_supported: z.array(z.string()),
  token_endpoint_auth_methods_supported: z.array(z.string()),
  scopes_supported: z.array(z.string()),
  id_token_signing_alg_values_supported: z.array(z.string()),
  response_types_supported: z.array(z.string()),
  claims_supported: z.array(z.string()),
});

export const jwksResponse = z.strictObject({ keys: z.array(z.record(z.string(), z.unknown())) });

// --- ReuseID (contract section 3) ---

const flowStatus = z.enum(["Pending", "Completed", "Failed", "Expired", "Cancelled"]);
const userData = z.strictObject({
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: day,
  gender: z.enum(["F", "M", "X"]),
  nationality: z.string().regex(/^[A-Z]{3}$/),
});
const flowError = z.strictObject({ code: z.string(), message: z.string() }).describe("Why a failed or expired flow ended (the emulator's decision).");

const flowFields = {
  transactionId: z.string(),
  userId: z.string(),
  status: flowStatus,
  dossierId: z.string(),
  processId: z.string(),
  proofingId: z.string().optional().describe("When Completed."),
  userData: userData.optional().describe("When Completed: the identity the proofing extracted."),
  error: flowError.optional(),
};

export const onboardingData = z.strictObject({
  ...flowFields,
  activationCode: z
    .string()
    .regex(/^\d{10}$/)
    .describe("The code the Authenticator App activates with (10 digits)."),
  deviceId: z.string().optional().describe("Once a device is activated."),
});

export const stepUpData = z.strictObject({
  ...flowFields,
  deviceId: z.string(),
  authenticationId: z.string().optional().describe("The MobileID authentication the step-up started on the device."),
});

export const onboardingResponse = z.strictObject({ data: onboardingData });
export const stepUpResponse = z.strictObject({ data: stepUpData });

// --- MobileID (contract section 4) ---

export const userResponse = z.strictObject({
  userId: z.string(),
  externalRef: z.string().nullable(),
  segment: z.string().nullable(),
  state: z.enum(["ACTIVE", "LOCKED"]),
  attributes: z.record(z.string(), z.unknown()),
  createdAt: isoTime,
  updatedAt: isoTime,
});

export const deviceResponse = z.strictObject({
  deviceId: z.string(),
  deviceName: z.string(),
  state: z.enum(["ACTIVE", "LOCKED", "DEACTIVATED"]),
  platform: z.enum(["IOS", "ANDROID", "WEB"]),
  appVersion: z.string().nullable(),
  deviceHash: z.string(),
  createdAt: isoTime,
  lastUsedAt: isoTime.nullable(),
  deviceDetails: z.strictObject({ lockReason: z.string().nullable() }).optional().describe("With ?detailed=true."),
});

export const deviceListResponse = z.array(deviceResponse);

const registrationState = z.enum(["PENDING", "COMPLETED", "FAILED", "EXPIRED"]);

export const registrationStarted = z.strictObject({ registrationId: z.string(), activationCode: z.string().regex(/^\d{10}$/), expiresAt: isoTime, state: z.literal("PENDING") });

export const registrationResponse = z.strictObject({
  registrationId: z.string(),
  userId: z.string(),
  state: registrationState,
  activationCode: z.string(),
  deviceName: z.string().nullable(),
  expiresAt: isoTime,
  createdAt: isoTime,
  deviceId: z.string().optional(),
  completedAt: isoTime.optional(),
});

const authenticationState = z.enum(["PENDING", "COMPLETED", "FAILED", "EXPIRED", "CANCELED"]);

export const authenticationStarted = z.strictObject({ authenticationId: z.string(), state: z.literal("PENDING"), expiresAt: isoTime });

export const authenticationResponse = z.strictObject({
  authenticationId: z.string(),
  userId: z.string(),
  deviceId: z.string(),
  state: authenticationState,
  createdAt: isoTime,
  expiresAt: isoTime,
  completedAt: isoTime.optional(),
  userAttributes: z.record(z.string(), z.string()).optional().describe("When COMPLETED: the requestedUserAttributes the user has."),
});

export const transactionsResponse = z.strictObject({
  items: z.array(
    z.strictObject({
      transactionId: z.string(),
      type: z.enum(["REGISTRATION", "AUTHENTICATION"]),
      state: z.string(),
      deviceId: z.string().nullable(),
      createdAt: isoTime,
      completedAt: isoTime.nullable(),
      expiresAt: isoTime,
    }),
  ),
  nextCursor: z.string().nullable().describe("Pass as ?cursor= for the next page; null on the last page."),
});

export const proofingsResponse = z.array(z.strictObject({ proofingId: z.string(), dossierId: z.string(), processId: z.string(), provider: z.string(), status: z.string(), createdAt: isoTime }));

// --- Assure (contract section 5), after Signicat's "Assure API 1.0.0" description ---

const processStatus = z.enum(["pending", "processing", "accepted", "rejected", "canceled", "failed", "inconclusive"]);
const FINAL_STATUSES = ["accepted", "rejected", "canceled", "failed", "inconclusive"];
const check = z.strictObject({ valid: z.boolean() });

export const securityChecks = z
  .strictObject({
    nonExpired: check,
    notUnderage: check,
    dataIntegrity: check,
    livenessDetected: check,
    notFaceSpoofing: check,
    notBWCopy: check,
    sidesMatch: check,
    untamperedDocument: check,
  })
  .partial()
  .describe("VideoID's security checks, each {valid}.");

const ocr = z.strictObject({
  firstName: z.string(),
  lastName: z.string(),
  gender: z.string(),
  dateOfBirth: day,
  nationality: z.string(),
  issuingCountry: z.string(),
  documentType: z.string(),
  idType: z.string(),
  documentNumber: z.string(),
  personalIdentificationNumber: z.string().optional().describe("The end-user's national identity number."),
  dateOfExpiry: day,
  similarityScore: z.enum(["high", "medium", "low", "verylow"]),
  livenessDetected: z.enum(["true", "false"]),
  securityChecks,
  features: z.array(
    z.strictObject({
      name: z.string(),
      found: z.boolean(),
      bbox: z.strictObject({ x: z.int(), y: z.int(), width: z.int(), height: z.int() }).optional(),
      side: z.string(),
    }),
  ),
});

const depictions = z.array(z.enum(["front", "back", "selfie", "portrait"]));

export const processResponse = z
  .strictObject({
    processId: z.string(),
    provider: z.enum(["signicatvideoid", "readid"]),
    processType: z.string(),
    status: processStatus,
    failReason: z.strictObject({ type: z.string(), message: z.string() }).optional().describe("Only when the status is `failed`: why the process failed."),
    depictions: depictions.optional().describe("Only for processes with a final status: the images that can be fetched (an empty array when none)."),
    providerSpecific: z.strictObject({ ocr: ocr.optional() }),
    createdAt: assureTime,
    updatedAt: assureTime,
  })
  .superRefine((process, ctx) => {
    if (process.failReason && process.status !== "failed") ctx.addIssue({ code: "custom", path: ["failReason"], message: "is only given when the status is failed" });
    const final = FINAL_STATUSES.includes(process.status);
    if (final && !process.depictions) ctx.addIssue({ code: "custom", path: ["depictions"], message: "is required for a final status" });
    if (!final && process.depictions) ctx.addIssue({ code: "custom", path: ["depictions"], message: "is only given for a final status" });
  });

export const processListResponse = z.array(processResponse);

export const dossierResponse = z.strictObject({
  dossierId: z.string(),
  externalReference: z.string().optional().describe("The customer's reference, when the flow had one."),
  createdAt: assureTime,
  updatedAt: assureTime,
  processes: z.array(z.strictObject({ processId: z.string(), provider: z.string(), processType: z.string(), status: processStatus, createdAt: assureTime, updatedAt: assureTime })),
});

export const documentTypesResponse = z.array(
  z.strictObject({
    id: z.int(),
    country: z.string(),
    countryName: z.string(),
    type: z.enum(["passport", "identityCard", "driversLicense", "residencePermit"]),
    name: z.string(),
    icao: z.string(),
  }),
);

// --- the emulator's own APIs: events (section 6) and simulator control (section 8) ---

export const subscriptionResponse = z.strictObject({ subscriptionId: z.string(), accountId: z.string(), url: z.string(), events: z.array(z.string()), createdAt: isoTime });
export const subscriptionCreated = subscriptionResponse.extend({ secret: z.string().describe("Shown once: the HMAC-SHA256 key of x-signicat-signature.") });
export const subscriptionListResponse = z.array(subscriptionResponse);

export const deliveryListResponse = z.array(
  z.strictObject({
    deliveryId: z.string(),
    accountId: z.string(),
    eventId: z.string(),
    eventName: z.string(),
    subscriptionId: z.string(),
    url: z.string(),
    state: z.enum(["pending", "delivered", "failed"]),
    attempts: z.int(),
    attemptLog: z.array(z.record(z.string(), z.unknown())),
    nextAttemptAt: isoTime.nullable(),
    body: z.string(),
    createdAt: isoTime,
    updatedAt: isoTime,
  }),
);

export const activationResponse = z.strictObject({ userId: z.string(), deviceId: z.string() });

export const simulatedProofingResponse = z.strictObject({
  transactionId: z.string(),
  processId: z.string(),
  status: processStatus,
  flowStatus,
  failReason: z.strictObject({ type: z.string(), message: z.string() }).nullable().optional(),
  securityChecks: z.record(z.string(), check),
});

export const faultsResponse = z.strictObject({ latencyMs: z.int(), errorRate: z.number(), paths: z.array(z.string()) });
