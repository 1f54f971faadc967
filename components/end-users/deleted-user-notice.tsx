"use client";

import { useEffect, useState } from "react";
import { Notice } from "@/components/ui/states";

const KEY = "reuseid.deletedUser";

/** Remembers, for the next page only, whom support just deleted (kept out of the URL: it is a person's name). */
export function rememberDeletedUser(who: string) {
  sessionStorage.setItem(KEY, who);
}

/** On Users, after a deletion: says plainly who was deleted, once. */
export function DeletedUserNotice() {
  const [who, setWho] = useState<string | null>(null);
  useEffect(() => {
    const value = sessionStorage.getItem(KEY);
    if (value) {
      sessionStorage.removeItem(KEY);
      setWho(value);
    }
  }, []);
  if (!who) return null;
  return (
    <div role="status" className="mb-6" data-testid="user-deleted">
      <Notice tone="success">Deleted the user {who}. Their devices and bound proofings are gone; the flows this console ran for them stay in History.</Notice>
    </div>
  );
}
