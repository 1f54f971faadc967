"use client";

/**
 * Steps 3–5: the simulated VideoID capture of a pending proofing — choose the document and
 * the identity, capture the document front and the selfie, choose the outcome, submit, see the result.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import type { PendingOperation, PersonaSummary, ProofingOutcome, ProofingRequest, ProofingResponse } from "@/lib/emulator/app-protocol";
import { fetchPersonas, personaImageUrl, submitProofing } from "@/lib/authenticator/app-client";
import { describeRequestError, type PlainError } from "@/lib/authenticator/error-messages";
import type { SigningDevice } from "@/lib/authenticator/signed-fetch";
import { validateIdentityInput, type FieldErrors } from "@/lib/authenticator/validation";
import { CaptureFrame } from "./capture-frame";
import { FaceSilhouette, GeneratedImage, TypedDocumentCard } from "./capture-pictures";
import { DocumentTypeChoice } from "./document-type-choice";
import { IdentityChoice, type IdentitySelection } from "./identity-choice";
import { EMPTY_IDENTITY, IdentityForm, type IdentityDraft } from "./identity-form";
import { OutcomeChoice } from "./outcome-choice";
import { ProofingResult } from "./proofing-result";
import type { AppStep } from "./step-indicator";
import { Button, Card, DefinitionRow, ErrorNotice, SectionTitle } from "./ui";

export type ProofingOperation = Extract<PendingOperation, { type: "proofing" }>;

type Phase = "document" | "selfie" | "outcome" | "result";

const STEP_OF_PHASE: Record<Phase, AppStep> = { document: "Document", selfie: "Selfie", outcome: "Result", result: "Result" };

type PersonasState = { state: "loading" } | { state: "error"; error: PlainError } | { state: "ok"; list: PersonaSummary[] };

export function ProofingFlow({
  serverUrl,
  device,
  operation,
  onStepChange,
  onLeave,
}: {
  serverUrl: string;
  device: SigningDevice;
  operation: ProofingOperation;
  onStepChange: (step: AppStep) => void;
  onLeave: () => void;
}) {
  const [phase, setPhase] = useState<Phase>("document");
  const [docType, setDocType] = useState<number | null>(operation.defaultId ?? operation.documentTypes[0]?.id ?? null);
  const [personas, setPersonas] = useState<PersonasState>({ state: "loading" });
  const [selection, setSelection] = useState<IdentitySelection | null>(null);
  const [draft, setDraft] = useState<IdentityDraft>(EMPTY_IDENTITY);
  const [draftErrors, setDraftErrors] = useState<FieldErrors<keyof IdentityDraft>>({});
  const [outcome, setOutcome] = useState<ProofingOutcome>("accepted");
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<PlainError | null>(null);
  const [result, setResult] = useState<ProofingResponse | null>(null);

  const loadPersonas = useCallback(async () => {
    setPersonas({ state: "loading" });
    try {
      const { personas: list } = await fetchPersonas(serverUrl);
      setPersonas({ state: "ok", list });
      // A persona holding the preselected document is the likeliest choice.
      setSelection((current) => current ?? firstPersonaFor(list, operation.defaultId));
    } catch (error) {
      setPersonas({ state: "error", error: describeRequestError(error, "personas") });
    }
  }, [serverUrl, operation.defaultId]);

  useEffect(() => void loadPersonas(), [loadPersonas]);
  useEffect(() => {
    onStepChange(STEP_OF_PHASE[phase]);
    window.scrollTo({ top: 0 });
  }, [phase, onStepChange]);

  const documentOption = operation.documentTypes.find((option) => option.id === docType) ?? null;
  const persona = selection?.kind === "persona" && personas.state === "ok" ? (personas.list.find((p) => p.id === selection.personaId) ?? null) : null;
  const typedIdentity = useMemo(() => {
    const checked = validateIdentityInput(draft);
    return checked.ok ? checked.value : null;
  }, [draft]);
  const identityName = persona ? `${persona.firstName} ${persona.lastName}` : typedIdentity ? `${typedIdentity.firstName} ${typedIdentity.lastName}` : "the typed identity";

  function validateDocumentStep(): boolean {
    if (selection?.kind !== "typed") return true;
    const checked = validateIdentityInput(draft);
    setDraftErrors(checked.ok ? {} : checked.errors);
    return checked.ok;
  }

  async function submit() {
    if (docType === null) return;
    const request: ProofingRequest = selection?.kind === "typed" && typedIdentity ? { outcome, docType, identity: typedIdentity } : { outcome, docType, persona: persona?.id };
    setSubmitting(true);
    setSubmitError(null);
    try {
      setResult(await submitProofing(serverUrl, device, operation.processId, request));
      setPhase("result");
    } catch (error) {
      setSubmitError(describeRequestError(error, "proofing"));
    } finally {
      setSubmitting(false);
    }
  }

  if (phase === "result" && result) return <ProofingResult result={result} outcome={outcome} onDone={onLeave} />;

  if (phase === "document") {
    const canCapture = docType !== null && (persona !== null || selection?.kind === "typed");
    return (
      <div className="space-y-6">
        <SectionTitle
          description={
            <>
              Simulated VideoID for the {operation.flow === "stepup" ? "step-up" : "onboarding"}. {expiryText(operation.expiresAt)}
            </>
          }
        >
          Verify your identity
        </SectionTitle>
        {operation.documentTypes.length === 0 ? (
          <ErrorNotice error={{ title: "No document allowed", message: "This flow allows no document type, so it cannot be completed here.", technical: null }} />
        ) : (
          <DocumentTypeChoice options={operation.documentTypes} value={docType} onChange={setDocType} />
        )}
        <IdentityChoice personas={personas} value={selection} onChange={setSelection} onRetry={() => void loadPersonas()}>
          <IdentityForm value={draft} errors={draftErrors} onChange={setDraft} />
        </IdentityChoice>
        <section aria-labelledby="document-capture-heading" className="space-y-2">
          <h3 id="document-capture-heading" className="text-base font-semibold text-slate-900">
            Front of the document
          </h3>
          <CaptureFrame
            shape="document"
            instruction={canCapture ? "Hold the document flat inside the frame" : "Choose a document and an identity first"}
            captureLabel="Capture document"
            disabled={!canCapture}
            validate={validateDocumentStep}
            onCaptured={() => setPhase("selfie")}
          >
            {persona ? (
              <GeneratedImage
                src={personaImageUrl(serverUrl, persona.id, "front", docType)}
                alt={`Front of ${persona.firstName} ${persona.lastName}'s ${documentOption ? `${documentOption.name} (${documentOption.country})` : "document"}`}
              />
            ) : selection?.kind === "typed" ? (
              <TypedDocumentCard identity={draftPreview(draft)} document={documentOption} />
            ) : (
              <span className="text-sm text-white/70">No document in view</span>
            )}
          </CaptureFrame>
        </section>
        <Button variant="ghost" className="w-full" onClick={onLeave}>
          Not now — back to my device
        </Button>
      </div>
    );
  }

  if (phase === "selfie") {
    return (
      <div className="space-y-6">
        <SectionTitle description="Look straight into the camera, in good light.">Take a selfie</SectionTitle>
        <CaptureFrame shape="face" instruction="Keep your face inside the oval" captureLabel="Capture selfie" onCaptured={() => setPhase("outcome")}>
          {persona ? (
            <GeneratedImage src={personaImageUrl(serverUrl, persona.id, "selfie")} alt={`Selfie of ${persona.firstName} ${persona.lastName}`} cover />
          ) : (
            <FaceSilhouette className="mt-auto w-4/5 text-slate-500" />
          )}
        </CaptureFrame>
        <Button variant="ghost" className="w-full" onClick={() => setPhase("document")}>
          Retake the document
        </Button>
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <SectionTitle description="The emulator decides nothing by itself: you choose what the checks conclude.">Choose the result</SectionTitle>
      <Card>
        <dl className="divide-y divide-slate-100">
          <DefinitionRow term="Document">{documentOption ? `${documentOption.name} (${documentOption.country})` : `Type ${docType}`}</DefinitionRow>
          <DefinitionRow term="Identity">{identityName}</DefinitionRow>
        </dl>
      </Card>
      <OutcomeChoice value={outcome} onChange={setOutcome} />
      {submitError ? <ErrorNotice error={submitError} /> : null}
      <Button className="w-full" busy={submitting} busyLabel="Submitting…" onClick={() => void submit()}>
        Submit proofing
      </Button>
      <Button variant="ghost" className="w-full" disabled={submitting} onClick={() => setPhase("selfie")}>
        Retake the selfie
      </Button>
    </div>
  );
}

function firstPersonaFor(list: PersonaSummary[], docType: number | null): IdentitySelection | null {
  const match = list.find((persona) => persona.docTypeId === docType) ?? list[0];
  return match ? { kind: "persona", personaId: match.id } : null;
}

function draftPreview(draft: IdentityDraft) {
  return {
    firstName: draft.firstName.toUpperCase() || "—",
    lastName: draft.lastName.toUpperCase() || "—",
    dateOfBirth: draft.dateOfBirth || "—",
    gender: (draft.gender || "X") as "F" | "M" | "X",
    nationality: draft.nationality.toUpperCase() || "—",
    documentNumber: draft.documentNumber.toUpperCase() || "—",
    dateOfExpiry: draft.dateOfExpiry || "—",
  };
}

function expiryText(expiresAt: string): string {
  const minutes = Math.round((new Date(expiresAt).getTime() - Date.now()) / 60_000);
  if (Number.isNaN(minutes)) return "";
  if (minutes <= 0) return "This proofing has expired.";
  return `It expires in about ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
