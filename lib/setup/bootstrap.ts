// What a start needs before the first request: the encryption key, the emulator's default
// account and client, a working "Local emulator" environment, and the first admin when
// ADMIN_EMAIL/ADMIN_PASSWORD are given. Idempotent, and safe when several processes start at once.
import { findEmbeddedEnvironment, insertEnvironment, updateEnvironmentRow } from "@/lib/data/queries/environments";
import { emulatorClient, emulatorEnabled, emulatorSecretIsDocumentedDefault, LOCAL_EMULATOR_NAME, settings } from "@/lib/config";
import { encryptionKey, encryptSecret, decryptSecret } from "@/lib/crypto/encryption-key";
import { ensureEmulatorDefaults } from "@/lib/emulator/bootstrap";
import { ensureEmulatorBackground } from "@/lib/emulator/background";
import { createFirstAdmin } from "@/lib/staff/accounts";
import { recordAudit } from "@/lib/audit/record";
import { log } from "@/lib/log";

export async function bootstrap(): Promise<void> {
  encryptionKey();
  // With the emulator switched off no Local emulator environment is created; one left by an
  // earlier run stays (its flows reference it) and its calls are refused as "switched off".
  if (emulatorEnabled()) {
    const { clientId, clientSecret } = emulatorClient();
    const emulator = await ensureEmulatorDefaults({ clientId, clientSecret });
    await ensureLocalEmulatorEnvironment(clientId, clientSecret, emulator);
    if (emulatorSecretIsDocumentedDefault()) {
      log.warn(`EMULATOR_CLIENT_SECRET is the documented default: the emulator accepts it only from loopback callers (this machine); set EMULATOR_CLIENT_SECRET to call it from elsewhere`, {
        clientId,
      });
    }
  }
  await ensureAdminFromEnvironment();
  // Event deliveries left pending by an earlier run go out without waiting for a request.
  if (emulatorEnabled()) ensureEmulatorBackground();
}

async function ensureLocalEmulatorEnvironment(clientId: string, clientSecret: string, app: { accountId: string; applicationId: string; appPublicKey: string }) {
  const fields = { clientId, accountId: null, appApplicationId: app.applicationId, appPublicKey: app.appPublicKey, appServerUrl: null };
  const existing = await findEmbeddedEnvironment(null);
  if (!existing) {
    try {
      await insertEnvironment({ name: LOCAL_EMULATOR_NAME, kind: "embedded", baseUrl: "", clientSecretEnc: encryptSecret(clientSecret), ...fields });
      log.info("created the Local emulator environment");
    } catch (error) {
      if (!(await findEmbeddedEnvironment(null))) throw error; // lost a race: fine
    }
    return;
  }
  let secretMatches = false;
  try {
    secretMatches = decryptSecret(existing.clientSecretEnc) === clientSecret;
  } catch {
    secretMatches = false; // a key change: take the configured secret again
  }
  await updateEnvironmentRow(existing.id, { ...fields, ...(secretMatches ? {} : { clientSecretEnc: encryptSecret(clientSecret) }) });
}

async function ensureAdminFromEnvironment() {
  const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = settings();
  if (!email || !password) return;
  if (password.length < 10) {
    log.warn("ADMIN_PASSWORD is shorter than 10 characters: no admin created from the environment");
    return;
  }
  const admin = await createFirstAdmin({ email, name: email.split("@")[0], password });
  if (admin) {
    await recordAudit({
      actor: { id: admin.id, email: admin.email, role: "admin" },
      action: "staff.create_first_admin",
      target: admin.email,
      outcome: "ok",
      detail: "from ADMIN_EMAIL/ADMIN_PASSWORD",
    });
    log.info("created the first admin from ADMIN_EMAIL", { email: admin.email });
  }
}
