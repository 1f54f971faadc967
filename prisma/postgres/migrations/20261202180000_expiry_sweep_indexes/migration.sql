-- The emulator's expiry sweep (every 5 s in each process) asks for the pending codes and
-- authentications, and the started proofings, whose time ran out: without these it read every
-- row of the three tables, 3.6 ms at 28k onboardings on SQLite and growing with every one a
-- team's CI leaves behind, with the event loop blocked meanwhile.
-- CreateIndex
CREATE INDEX "EmuRegistration_state_expiresAt_idx" ON "EmuRegistration"("state", "expiresAt");

-- CreateIndex
CREATE INDEX "EmuAuthentication_state_expiresAt_idx" ON "EmuAuthentication"("state", "expiresAt");

-- CreateIndex
CREATE INDEX "EmuProcess_status_expiresAt_idx" ON "EmuProcess"("status", "expiresAt");
