/**
 * Camera QR scanning: the browser's BarcodeDetector where it exists (Chrome on Android, Safari 17+
 * behind support), otherwise jsQR on frames drawn to a canvas. Needs a secure context (https or
 * localhost) for the camera. jsQR (about 40 kB gzip) is fetched only when the browser has no detector.
 */

type BarcodeDetectorLike = { detect(source: CanvasImageSource): Promise<{ rawValue: string }[]> };
type BarcodeDetectorConstructor = new (options: { formats: string[] }) => BarcodeDetectorLike;

export type QrScannerHandle = { stop(): void };

export class CameraUnavailableError extends Error {}

export function cameraSupportProblem(): string | null {
  if (typeof window === "undefined") return "No camera here.";
  if (!window.isSecureContext) return "The camera needs a secure page (https:// or localhost). Open the console over https, or type the values instead.";
  if (!navigator.mediaDevices?.getUserMedia) return "This browser does not give access to a camera. Type the values instead.";
  return null;
}

async function makeDetector(): Promise<BarcodeDetectorLike | null> {
  const Detector = (globalThis as unknown as { BarcodeDetector?: BarcodeDetectorConstructor & { getSupportedFormats?: () => Promise<string[]> } }).BarcodeDetector;
  if (!Detector) return null;
  try {
    const formats = (await Detector.getSupportedFormats?.()) ?? ["qr_code"];
    return formats.includes("qr_code") ? new Detector({ formats: ["qr_code"] }) : null;
  } catch {
    return null;
  }
}

/** Starts the rear camera in `video` and calls `onText` once with the first QR code's text. */
export async function startQrScanner(video: HTMLVideoElement, onText: (text: string) => void): Promise<QrScannerHandle> {
  const problem = cameraSupportProblem();
  if (problem) throw new CameraUnavailableError(problem);

  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: "environment" } }, audio: false });
  } catch (error) {
    const name = error instanceof DOMException ? error.name : "";
    throw new CameraUnavailableError(
      name === "NotAllowedError"
        ? "Camera access was refused. Allow the camera for this page, or type the values instead."
        : name === "NotFoundError"
          ? "No camera was found on this device. Type the values instead."
          : "The camera could not be started. Type the values instead.",
    );
  }

  video.srcObject = stream;
  video.setAttribute("playsinline", "true");
  video.muted = true;
  await video.play().catch(() => undefined);

  const detector = await makeDetector();
  const jsQR = detector ? null : (await import("jsqr")).default;
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  let stopped = false;
  let busy = false;
  let timer: ReturnType<typeof setInterval> | null = null;

  const stop = () => {
    stopped = true;
    if (timer) clearInterval(timer);
    stream.getTracks().forEach((track) => track.stop());
    video.srcObject = null;
  };

  const scanFrame = async () => {
    if (stopped || busy || video.readyState < 2 || !video.videoWidth) return;
    busy = true;
    try {
      let text: string | null = null;
      if (detector) {
        const codes = await detector.detect(video);
        text = codes[0]?.rawValue ?? null;
      } else if (context && jsQR) {
        const scale = Math.min(1, 640 / video.videoWidth);
        canvas.width = Math.round(video.videoWidth * scale);
        canvas.height = Math.round(video.videoHeight * scale);
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        const frame = context.getImageData(0, 0, canvas.width, canvas.height);
        text = jsQR(frame.data, frame.width, frame.height, { inversionAttempts: "dontInvert" })?.data ?? null;
      }
      if (text && !stopped) {
        stop();
        onText(text);
      }
    } catch {
      // A frame that cannot be read is skipped; the next one is tried.
    } finally {
      busy = false;
    }
  };

  timer = setInterval(() => void scanFrame(), 200);
  return { stop };
}
