export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  (await import("@/lib/security/peer-address")).installPeerAddressHeader();
  (await import("@/lib/config")).exitOnInvalidConfig();
  const { bootstrap } = await import("@/lib/setup/bootstrap");
  await bootstrap();
  // One watcher loop per process; the database decides which process asks about which flow.
  (await import("@/lib/flows/watcher")).startFlowWatcher();
}
