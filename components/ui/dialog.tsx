"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/**
 * A modal on the native <dialog>: the browser moves focus in, keeps it there and closes on
 * Escape; on close we hand focus back to what opened it (React may have re-rendered it, so the
 * element is looked up again by id when the original is gone).
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  className,
  closeOnBackdrop = false,
  showClose = false,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
  closeOnBackdrop?: boolean;
  showClose?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  // Set while we close the element because `open` went false: that close is ours, not the user's.
  const closingFromProps = useRef(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const openerId = opener?.id;
    if (!dialog.open) dialog.showModal();
    return () => {
      closingFromProps.current = true;
      if (dialog.open) dialog.close();
      closingFromProps.current = false;
      const target = opener?.isConnected ? opener : openerId ? document.getElementById(openerId) : null;
      target?.focus();
    };
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      // Escape and form method="dialog" close the element itself; keep React's state in step.
      onClose={() => {
        if (!closingFromProps.current) onCloseRef.current();
      }}
      onClick={(event) => {
        if (closeOnBackdrop && event.target === ref.current) onCloseRef.current();
      }}
      className={cn("m-auto w-full max-w-lg rounded-xl bg-white p-0 text-slate-900 shadow-xl ring-1 ring-slate-200 backdrop:bg-black/60", className)}
    >
      {open ? (
        <div className="p-6">
          <div className="flex items-start justify-between gap-4">
            <div className="min-w-0">
              <h2 id={titleId} className="text-lg font-semibold text-slate-900">
                {title}
              </h2>
              {description ? <div className="mt-1 text-sm text-slate-600">{description}</div> : null}
            </div>
            {showClose ? (
              <button
                type="button"
                onClick={() => onCloseRef.current()}
                className="-mr-2 -mt-1 shrink-0 rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600"
              >
                <span aria-hidden>✕</span> Close
              </button>
            ) : null}
          </div>
          <div className="mt-4">{children}</div>
        </div>
      ) : null}
    </dialog>
  );
}
