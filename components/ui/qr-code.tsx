"use client";

import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import type { QRCodeSVG } from "qrcode.react";

// qrcode.react comes in its own chunk after the page has loaded: it is not in any page's first load.
const LazyQrCode = dynamic(() => import("qrcode.react").then((m) => m.QRCodeSVG), { ssr: false });

type Props = ComponentProps<typeof QRCodeSVG> & { size: number };

/**
 * A QR code as an SVG. Its box keeps the code's size while the chunk loads, so nothing moves
 * when it appears; `className` styles that box (padding, background, flex behaviour).
 */
export function QrCode({ className, size, ...props }: Props) {
  return (
    <span className={`inline-block shrink-0 leading-none ${className ?? ""}`} style={{ minWidth: size, minHeight: size }}>
      <LazyQrCode size={size} {...props} />
    </span>
  );
}
