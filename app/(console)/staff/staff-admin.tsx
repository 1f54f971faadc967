"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { StaffListItem } from "@/lib/staff";
import { AddStaffForm } from "./add-staff-form";
import { StaffChangeDialog, type StaffChange } from "./staff-change-dialog";
import { formatDay, roleLabel } from "./staff-format";

export function StaffAdmin({ users, currentStaffId }: { users: StaffListItem[]; currentStaffId: string }) {
  const [adding, setAdding] = useState(false);
  const [change, setChange] = useState<StaffChange | null>(null);
  return (
    <div className="space-y-6">
      {adding ? <AddStaffForm onDone={() => setAdding(false)} /> : <Button onClick={() => setAdding(true)}>Add staff user</Button>}
      <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-3">Name</th>
              <th className="px-4 py-3">Email</th>
              <th className="px-4 py-3">Role</th>
              <th className="px-4 py-3">Status</th>
              <th className="px-4 py-3">Created</th>
              <th className="px-4 py-3 text-right">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.map((user) => (
              <tr key={user.id} className={user.active ? "" : "bg-slate-50 text-slate-500"}>
                <td className="px-4 py-3 font-medium text-slate-900">
                  {user.name}
                  {user.id === currentStaffId ? <span className="ml-2 text-xs font-normal text-slate-500">(you)</span> : null}
                </td>
                <td className="px-4 py-3">{user.email}</td>
                <td className="px-4 py-3">
                  <span className="rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-700 ring-1 ring-inset ring-indigo-200">{roleLabel(user.role)}</span>
                </td>
                <td className="px-4 py-3">
                  {user.active ? (
                    <span className="text-emerald-700">Active</span>
                  ) : (
                    <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700">Deactivated</span>
                  )}
                </td>
                <td className="whitespace-nowrap px-4 py-3 text-slate-600">{formatDay(user.createdAt)}</td>
                <td className="whitespace-nowrap px-4 py-3 text-right">
                  <div className="flex justify-end gap-2">
                    <Button variant="secondary" className="px-2.5 py-1.5" onClick={() => setChange({ kind: "role", user })} aria-label={`Change role of ${user.email}`}>
                      Change role
                    </Button>
                    {user.active && user.id !== currentStaffId ? (
                      <Button variant="secondary" className="px-2.5 py-1.5" onClick={() => setChange({ kind: "password", user })} aria-label={`Reset password of ${user.email}`}>
                        Reset password
                      </Button>
                    ) : null}
                    {user.active ? (
                      <Button variant="secondary" className="px-2.5 py-1.5 text-rose-700" onClick={() => setChange({ kind: "deactivate", user })} aria-label={`Deactivate ${user.email}`}>
                        Deactivate
                      </Button>
                    ) : (
                      <Button variant="secondary" className="px-2.5 py-1.5" onClick={() => setChange({ kind: "reactivate", user })} aria-label={`Reactivate ${user.email}`}>
                        Reactivate
                      </Button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <StaffChangeDialog change={change} onClose={() => setChange(null)} />
    </div>
  );
}
