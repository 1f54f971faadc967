/**
 * The device's key: a P-256 ECDSA key pair made with WebCrypto. The private key is created
 * non-extractable and lives only in this browser's IndexedDB (CryptoKey objects survive
 * structured cloning), so even this page's own code cannot read it out. Each device profile
 * has its own pair, stored under the profile's id.
 */
import type { DeviceJwk } from "@/lib/emulator/app-protocol";
import { bytesToBase64Url } from "./base64url";

const ALGORITHM = { name: "ECDSA", namedCurve: "P-256" } as const;
const SIGNATURE = { name: "ECDSA", hash: "SHA-256" } as const;

const DB_NAME = "reuseid-authenticator";
const STORE = "device-keys";

/** Browsers offer WebCrypto only to secure pages: https, or localhost. */
export class InsecureContextError extends Error {
  constructor() {
    super(
      "This page needs a secure connection to make the device key: open it over https, or on localhost. On a phone reaching the console by its network address over plain http, the browser withholds the crypto it needs — serve the console over https (see the deployment guide).",
    );
    this.name = "InsecureContextError";
  }
}

function subtle(): SubtleCrypto {
  if (!globalThis.crypto?.subtle) throw new InsecureContextError();
  return globalThis.crypto.subtle;
}

export async function generateDeviceKeyPair(): Promise<CryptoKeyPair> {
  return subtle().generateKey(ALGORITHM, false, ["sign", "verify"]);
}

/** Signs UTF-8 text; WebCrypto's ECDSA output is already raw r||s (64 bytes). */
export async function signText(privateKey: CryptoKey, text: string): Promise<string> {
  const signature = await subtle().sign(SIGNATURE, privateKey, new TextEncoder().encode(text));
  return bytesToBase64Url(new Uint8Array(signature));
}

/** Public keys stay exportable whatever `extractable` says; only the four fields the protocol names are sent. */
export async function exportPublicJwk(publicKey: CryptoKey): Promise<DeviceJwk> {
  const jwk = await subtle().exportKey("jwk", publicKey);
  if (jwk.kty !== "EC" || jwk.crv !== "P-256" || !jwk.x || !jwk.y) throw new Error("Unexpected public key format");
  return { kty: "EC", crv: "P-256", x: jwk.x, y: jwk.y };
}

/** A device profile's id, which is also the IndexedDB key of its key pair. */
export function newProfileId(): string {
  return crypto.randomUUID();
}

function openKeyDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === "undefined") return reject(new Error("This browser cannot store keys (IndexedDB is unavailable)."));
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("Cannot open the key store."));
  });
}

async function withStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  const db = await openKeyDatabase();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = run(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result as T);
      transaction.onerror = () => reject(transaction.error ?? new Error("Key store error."));
      transaction.onabort = () => reject(transaction.error ?? new Error("Key store transaction aborted."));
    });
  } finally {
    db.close();
  }
}

export async function saveDeviceKeyPair(profileId: string, keyPair: CryptoKeyPair): Promise<void> {
  await withStore("readwrite", (store) => store.put(keyPair, profileId));
}

export async function loadDeviceKeyPair(profileId: string): Promise<CryptoKeyPair | null> {
  const found = await withStore<CryptoKeyPair | undefined>("readonly", (store) => store.get(profileId));
  return found ?? null;
}

export async function deleteDeviceKeyPair(profileId: string): Promise<void> {
  await withStore("readwrite", (store) => store.delete(profileId));
}
