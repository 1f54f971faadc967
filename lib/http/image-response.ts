import type { BinaryResult } from "@/lib/signicat/client";

/** An image from the Assure API, served so that an SVG cannot run scripts in the console's origin. */
export function imageResponse(image: BinaryResult): Response {
  return new Response(image.bytes as BodyInit, {
    headers: {
      "content-type": image.contentType,
      "cache-control": "private, max-age=300",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox",
      "x-content-type-options": "nosniff",
    },
  });
}
