export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  (await import("@/lib/security/socket-address")).stampSocketAddresses();
  (await import("@/lib/config")).exitOnInvalidConfig();
  const { bootstrap } = await import("@/lib/bootstrap");
  await bootstrap();
}
