// Every Signicat path the console calls, in one table (contract: "keep every path in one
// route table"), so a decided path can be corrected in one place when the real one is known.
const seg = encodeURIComponent;

export const signicatPaths = {
  token: () => "/auth/open/connect/token",
  startOnboarding: () => "/reuseid/id-onboardings",
  onboarding: (transactionId: string) => `/reuseid/id-onboardings/${seg(transactionId)}`,
  startStepUp: () => "/reuseid/id-stepups",
  stepUp: (transactionId: string) => `/reuseid/id-stepups/${seg(transactionId)}`,
  user: (userId: string) => `/mobileid/core/users/${seg(userId)}`,
  userDevices: (userId: string) => `/mobileid/core/users/${seg(userId)}/devices`,
  userProofings: (userId: string) => `/mobileid/core/users/${seg(userId)}/proofings`,
  dossier: (dossierId: string) => `/assure/dossiers/${seg(dossierId)}`,
  process: (dossierId: string, processId: string) => `/assure/dossiers/${seg(dossierId)}/processes/${seg(processId)}`,
  processImage: (dossierId: string, processId: string) =>
    `/assure/dossiers/${seg(dossierId)}/processes/${seg(processId)}/images`,
  documentTypes: () => "/assure/signicatvideoid/document-types",
} as const;
