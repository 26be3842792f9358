import { headers } from "next/headers";
import { herkomst, MAX_USER_AGENT } from "@/lib/client-adres";
import { getDb } from "@/lib/db/client";

export interface AuditActor {
  userId?: string | null;
  email?: string | null;
  rol?: "CBS" | "CONTACTPERSOON" | "BACKUP" | null;
}

export interface AuditEntry {
  actor: AuditActor | null;
  actie: string;
  doelType?: string;
  doelId?: string;
  berichtgeverId?: string | null;
  details?: Record<string, unknown>;
  /** Where the request came from; read from the current request when omitted. */
  ip?: string | null;
  userAgent?: string | null;
}

async function requestOrigin(): Promise<{ ip: string | null; userAgent: string | null }> {
  try {
    return herkomst(await headers());
  } catch {
    // Outside a request (worker, scripts) there is no origin to record.
    return { ip: null, userAgent: null };
  }
}

/**
 * Appends one entry to the audit log. The table refuses UPDATE and DELETE (a database
 * trigger), so what is written here stays. Details must never hold BSNs.
 */
export async function schrijfAudit(entry: AuditEntry): Promise<void> {
  const origin = entry.ip !== undefined ? { ip: entry.ip, userAgent: entry.userAgent ?? null } : await requestOrigin();
  await getDb().auditLog.create({
    data: {
      actorUserId: entry.actor?.userId ?? null,
      actorEmail: entry.actor?.email ?? null,
      actorRol: entry.actor?.rol ?? null,
      actie: entry.actie,
      doelType: entry.doelType ?? null,
      doelId: entry.doelId ?? null,
      berichtgeverId: entry.berichtgeverId ?? null,
      ip: origin.ip,
      userAgent: origin.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
      details: (entry.details ?? undefined) as never,
    },
  });
}
