// Every Signicat path the console calls, in one table (contract: "keep every path in one
// route table"), so a decided path can be corrected in one place when the real one is known.
// "." and ".." (even as %2E) would be collapsed by URL parsing into another endpoint: send them
// as the literal text "%2E", an id no user or device has, so the API answers 404.
const seg = (part: string) => encodeURIComponent(part).replace(/^\.{1,2}$/, (dots) => "%252E".repeat(dots.length));

export const signicatPaths = {
  token: () => "/auth/open/connect/token",
  startOnboarding: () => "/reuseid/id-onboardings",
  onboarding: (transactionId: string) => `/reuseid/id-onboardings/${seg(transactionId)}`,
  startStepUp: () => "/reuseid/id-stepups",
  stepUp: (transactionId: string) => `/reuseid/id-stepups/${seg(transactionId)}`,
  users: () => "/mobileid/core/users",
  user: (userId: string) => `/mobileid/core/users/${seg(userId)}`,
  userTransactions: (userId: string) => `/mobileid/core/users/${seg(userId)}/transactions`,
  device: (userId: string, deviceId: string) => `/mobileid/core/users/${seg(userId)}/devices/${seg(deviceId)}`,
  authentications: (userId: string, deviceId: string) => `/mobileid/core/users/${seg(userId)}/devices/${seg(deviceId)}/authentications`,
  authentication: (userId: string, deviceId: string, authenticationId: string) => `/mobileid/core/users/${seg(userId)}/devices/${seg(deviceId)}/authentications/${seg(authenticationId)}`,
  userDevices: (userId: string) => `/mobileid/core/users/${seg(userId)}/devices`,
  userProofings: (userId: string) => `/mobileid/core/users/${seg(userId)}/proofings`,
  dossier: (dossierId: string) => `/assure/dossiers/${seg(dossierId)}`,
  process: (dossierId: string, processId: string) => `/assure/dossiers/${seg(dossierId)}/processes/${seg(processId)}`,
  processImage: (dossierId: string, processId: string) => `/assure/dossiers/${seg(dossierId)}/processes/${seg(processId)}/images`,
  documentTypes: () => "/assure/signicatvideoid/document-types",
  // The emulator's own (contract §6): a real account configures Events in Signicat's dashboard.
  eventSubscriptions: () => "/events/subscriptions",
  eventSubscription: (subscriptionId: string) => `/events/subscriptions/${seg(subscriptionId)}`,
} as const;

/** The embedded emulator's simulator (contract section 8): what a phone would do. Real Signicat has none of it. */
export const simulatorPaths = {
  activations: () => "/simulator/activations",
  proofing: (processId: string) => `/simulator/proofings/${seg(processId)}`,
  authentication: (authenticationId: string) => `/simulator/authentications/${seg(authenticationId)}`,
} as const;
