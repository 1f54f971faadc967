"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { StaffListItem } from "@/lib/staff/accounts";
import { AddStaffForm } from "./add-staff-form";
import { StaffChangeDialog, type StaffChange } from "./staff-change-dialog";
import { roleLabel } from "./staff-format";

export function StaffAdmin({ users, currentStaffId }: { users: StaffListItem[]; currentStaffId: string }) {
  const [adding, setAdding] = useState(false);
  const [change, setChange] = useState<StaffChange | null>(null);
  return (
    <div className="space-y-6">
      {adding ? <AddStaffForm onDone={() => setAdding(false)} /> : <Button onClick={() => setAdding(true)}>Add staff user</Button>}
      <Table label="Staff users">
        <THead>
          <Th>Name</Th>
          <Th>Email</Th>
          <Th>Role</Th>
          <Th>Status</Th>
          <Th>Created</Th>
          <Th className="text-right">
            <span className="sr-only">Actions</span>
          </Th>
        </THead>
        <TBody>
          {users.map((user) => (
            <tr key={user.id} className={user.active ? "" : "bg-slate-50 text-slate-600"}>
              <Td className="font-medium text-slate-900">
                {user.name}
                {user.id === currentStaffId ? <span className="ml-2 text-xs font-normal text-slate-600">(you)</span> : null}
              </Td>
              <Td className="[overflow-wrap:anywhere]">{user.email}</Td>
              <Td>
                <span className="whitespace-nowrap rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-700 ring-1 ring-inset ring-indigo-200">{roleLabel(user.role)}</span>
              </Td>
              <Td>
                <StatusBadge status={user.active ? "active" : "deactivated"} />
              </Td>
              <Td>
                <DateTime value={user.createdAt} style="date" />
              </Td>
              <Td className="whitespace-nowrap text-right">
                <div className="flex justify-end gap-2">
                  <Button variant="secondary" className="px-2.5 py-1.5" onClick={() => setChange({ kind: "role", user })} aria-label={`Change role of ${user.email}`}>
                    Change role
                  </Button>
                  {user.active ? (
                    <Button variant="secondary" className="px-2.5 py-1.5 text-rose-700" onClick={() => setChange({ kind: "deactivate", user })} aria-label={`Deactivate ${user.email}`}>
                      Deactivate
                    </Button>
                  ) : (
                    <Button variant="secondary" className="px-2.5 py-1.5" onClick={() => setChange({ kind: "reactivate", user })} aria-label={`Reactivate ${user.email}`}>
                      Reactivate
                    </Button>
                  )}
                  {user.active && user.id !== currentStaffId ? (
                    <Button variant="secondary" className="px-2.5 py-1.5" onClick={() => setChange({ kind: "password", user })} aria-label={`Reset password of ${user.email}`}>
                      Reset password
                    </Button>
                  ) : null}
                </div>
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
      <StaffChangeDialog change={change} onClose={() => setChange(null)} />
    </div>
  );
}
