// Fault settings per account (EmuFaultSetting). Read on every bearer request through access.ts.
import { db } from "@/lib/data/db";

export async function saveFaultSetting(accountId: string, data: { latencyMs: number; errorRate: number; paths: string[] }): Promise<void> {
  const row = { latencyMs: data.latencyMs, errorRate: data.errorRate, paths: data.paths };
  await db.emuFaultSetting.upsert({ where: { accountId }, create: { accountId, ...row }, update: row });
}

export async function deleteFaultSetting(accountId: string): Promise<void> {
  await db.emuFaultSetting.deleteMany({ where: { accountId } });
}
