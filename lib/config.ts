// Settings read from the environment, with the embedded defaults a fresh clone runs on.
export const emulatorClient = () => ({
  clientId: process.env.EMULATOR_CLIENT_ID || "emulator-client",
  clientSecret: process.env.EMULATOR_CLIENT_SECRET || "emulator-secret",
});

export const LOCAL_EMULATOR_NAME = "Local emulator";
