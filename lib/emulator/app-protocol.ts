/**
 * The app side of the emulator (contract section 7): the protocol between the virtual
 * Authenticator App (app/authenticator) and the emulator, under `{base}/encore/encap`
 * where `{base}` is `<console origin>/emulator`. It is the project's own design; the real
 * app speaks Signicat's proprietary protocol to https://api.signicat.com/encore/encap.
 *
 * Configuration ("Quick configuration"), shown by the console as a QR code whose text is
 * JSON `AppConfiguration`. The app checks it with GET /encore/encap/configuration.
 *
 * Device keys: the app makes a P-256 ECDSA key pair with WebCrypto, keeps the private key
 * (non-extractable) in the browser, and sends the public key as a JWK at activation.
 * Signatures are WebCrypto's ECDSA with SHA-256, raw r||s (64 bytes), base64url.
 *
 * Requests after activation are signed: headers
 *   X-Device-Id: <deviceId>
 *   X-Device-Timestamp: <ms since epoch>   (refused when more than 5 minutes off)
 *   X-Device-Signature: sign(`${METHOD}\n${pathname}\n${timestamp}\n${sha256hex(body or "")}`)
 * where pathname is the request's URL path (e.g. /emulator/encore/encap/proofings/<id>).
 * A missing or wrong signature is 401 `invalid_signature`; a device that is not ACTIVE is 403 `device_not_active`.
 *
 * Errors use the contract's product error shape (section 2).
 */

export const APP_PROTOCOL_PATH = "/encore/encap";

export type AppConfiguration = {
  applicationId: string;
  publicKey: string; // base64 SPKI of the account's E2E key
  serverUrl: string; // e.g. http://localhost:3000/emulator/encore/encap
};

/** GET /configuration?applicationId=... → 200, or 404 not_found for an unknown applicationId. */
export type ConfigurationResponse = { applicationId: string; accountName: string; serverTime: string };

export type DeviceJwk = { kty: "EC"; crv: "P-256"; x: string; y: string };

/**
 * POST /activations (unsigned: the device has no id yet; possession of the key is shown by `signature`
 * over the UTF-8 text `activate:${activationCode}`).
 * 400 invalid_request_parameter for malformed fields, 404 not_found for an unknown or used code,
 * 422 unprocessable_entity (detail says expired) for an expired code, 401 invalid_signature.
 */
export type ActivationRequest = {
  applicationId: string;
  activationCode: string;
  deviceName: string;
  platform: "WEB";
  appVersion: string;
  publicKey: DeviceJwk;
  signature: string;
};

export type ActivationResponse = { userId: string; deviceId: string; deviceName: string; operations: PendingOperation[] };

export type DocumentTypeOption = { id: number; country: string; countryName: string; type: string; name: string; icao: string };

/** What the device must do next. A proofing follows an onboarding's activation or a step-up's authentication. */
export type PendingOperation =
  | {
      type: "proofing";
      transactionId: string;
      flow: "onboarding" | "stepup";
      processId: string;
      dossierId: string;
      provider: "videoid" | "readid";
      documentTypes: DocumentTypeOption[];
      defaultId: number | null;
      expiresAt: string;
    }
  | {
      type: "authentication";
      authenticationId: string;
      challenge: string; // base64url; approving signs `authenticate:${authenticationId}:${challenge}`
      preOperationContext: { content: string; mimeType: string } | null;
      stepUp: boolean;
      expiresAt: string;
    };

/** GET /devices/{deviceId} (signed) → the device and what is waiting for it. */
export type DeviceResponse = {
  device: { deviceId: string; userId: string; deviceName: string; state: string; platform: string; createdAt: string; lastUsedAt: string | null };
  operations: PendingOperation[];
};

export type DeviceSummary = DeviceResponse["device"];

/**
 * PATCH /devices/{deviceId} (signed by that device) → 200 DeviceSummary: the device renames itself.
 * 400 for a name that is empty, longer than 64 characters or holds control characters or < >.
 * DELETE /devices/{deviceId} (signed by that device) → 204: the device removes itself (its pending
 * authentications are CANCELED). A device acting on another device's id → 403 forbidden.
 */
export type DevicePatchRequest = { deviceName: string };

export type PersonaSummary = {
  id: string;
  label: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  gender: "F" | "M" | "X";
  nationality: string;
  documentNumber: string;
  dateOfExpiry: string;
  docTypeId: number;
  note?: string;
};

/** GET /personas (unsigned) → the test personas; GET /personas/{id}/images/{front|selfie} → image/svg+xml. */
export type PersonasResponse = { personas: PersonaSummary[] };

export type ProofingOutcome = "accepted" | "rejected" | "failed" | "inconclusive" | "canceled";

export type IdentityInput = {
  firstName: string;
  lastName: string;
  dateOfBirth: string; // YYYY-MM-DD
  gender: "F" | "M" | "X";
  nationality: string; // ISO 3166 alpha-3
  documentNumber: string;
  dateOfExpiry: string; // YYYY-MM-DD
};

/**
 * POST /proofings/{processId} (signed by the flow's device): the VideoID capture result.
 * Exactly one of persona or identity. docType must be one of the operation's documentTypes.
 * 409 conflict when the process is already final; 422 when the flow expired.
 */
export type ProofingRequest = { outcome: ProofingOutcome; docType: number; persona?: string; identity?: IdentityInput };

export type ProofingResponse = {
  processId: string;
  status: string; // the Assure process status
  flowStatus: string; // the ReuseID flow status after it
  failReason?: { type: string; message: string } | null;
  securityChecks: Record<string, { valid: boolean }>;
};

/**
 * POST /authentications/{authenticationId} (signed by the authentication's device): { decision, signature }.
 * Approving needs `signature` = ECDSA P-256 (raw r||s, base64url) over `authenticate:${authenticationId}:${challenge}`
 * with the device's key; a missing or wrong one is 401 invalid_signature and changes nothing. Rejecting needs none.
 * 404 not_found for an unknown id or another device's authentication, 409 conflict when already answered
 * (or canceled), 422 unprocessable_entity when it expired. Approving a step-up's authentication makes its
 * proofing the device's next operation (in `operations`).
 */
export type AuthenticationAnswer = { decision: "approve" | "reject"; signature?: string };

/** `postOperationContext`: what the service asked to show after approval (finishAuthenticationResult), only when approved. */
export type AuthenticationAnswerResponse = {
  authenticationId: string;
  state: "COMPLETED" | "FAILED";
  operations: PendingOperation[];
  postOperationContext?: { content: string; mimeType: string } | null;
};
