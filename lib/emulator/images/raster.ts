/**
 * Raster images for the Assure API: Signicat's description declares the images as binary
 * jpg/png, so the generated SVG pictures (svg, portrait, document) are rendered to JPEG with sharp when they
 * are served. The same picture is asked for again and again while a flow page is open, so the
 * last few renderings are kept in memory under a hash of the SVG.
 */
import { createHash } from "node:crypto";
import sharp from "sharp";

const CACHE_SIZE = 64;
const cache = new Map<string, Buffer>();

export const RASTER_CONTENT_TYPE = "image/jpeg";

export async function svgToJpeg(svg: string): Promise<Buffer> {
  const key = createHash("sha256").update(svg).digest("hex");
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key); // refresh its place: the map's order is the eviction order
    cache.set(key, hit);
    return hit;
  }
  const jpeg = await sharp(Buffer.from(svg, "utf8"), { density: 144 }).flatten({ background: "#ffffff" }).jpeg({ quality: 85, mozjpeg: true }).toBuffer();
  cache.set(key, jpeg);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return jpeg;
}
