import { recordAudit } from "@/lib/audit/record";
import { readSignInSettings } from "@/lib/auth/oidc";
import { firstAdminInput } from "@/lib/setup/first-run";
import { ApiError, errorResponse } from "@/lib/http/api-error";
import { readJsonBody } from "@/lib/http/json-input";
import { crossSiteReason } from "@/lib/security/cross-site";
import { data } from "@/lib/http/route";
import { countStaff, createFirstAdmin } from "@/lib/staff/accounts";

export const dynamic = "force-dynamic";

/** First run: creates the first admin, and only while no staff user exists. Public by nature. */
export async function POST(request: Request) {
  try {
    // Public and state-changing: refuse another site's page, a body that is not JSON, and a large one.
    const crossSite = crossSiteReason(request);
    if (crossSite) throw new ApiError(403, "cross_site", `The console refuses changes requested by another site's page (${crossSite}).`);
    if (!(request.headers.get("content-type") ?? "").includes("application/json")) throw new ApiError(415, "unsupported_media_type", "Send the first admin as JSON.");
    if ((await countStaff()) > 0) throw new ApiError(409, "already_set_up", "The console already has staff users. Sign in instead.");
    if (!readSignInSettings().password) {
      throw new ApiError(409, "password_sign_in_off", "Password sign-in is switched off: the first single sign-on user with an admin role becomes the admin.");
    }
    const raw = await readJsonBody(request);
    const input = firstAdminInput.parse(raw);
    const admin = await createFirstAdmin(input);
    if (!admin) throw new ApiError(409, "already_set_up", "The console already has staff users. Sign in instead.");
    await recordAudit({ actor: { id: admin.id, email: admin.email, role: "admin" }, action: "staff.create_first_admin", target: admin.email, outcome: "ok", detail: "first-run page" });
    return data({ email: admin.email }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
