import { readSignInSettings } from "@/lib/auth/oidc";
import { firstAdminInput } from "@/lib/setup/first-run";
import { ApiError } from "@/lib/http/api-error";
import { data, publicRoute } from "@/lib/http/route";
import { countStaff, createFirstAdmin } from "@/lib/staff/accounts";

export const dynamic = "force-dynamic";

const alreadySetUp = () => new ApiError(409, "already_set_up", "The console already has staff users. Sign in instead.");

/** First run: creates the first admin, and only while no staff user exists. Public by nature. */
export const POST = publicRoute(
  {
    action: "staff.create_first_admin",
    body: firstAdminInput,
    // Public and state-changing: another site's page and a body that is not JSON are refused first.
    requireJsonBody: true,
    precondition: async () => {
      if ((await countStaff()) > 0) throw alreadySetUp();
      if (!readSignInSettings().password) {
        throw new ApiError(409, "password_sign_in_off", "Password sign-in is switched off: the first single sign-on user with an admin role becomes the admin.");
      }
    },
  },
  async ({ body, audit }) => {
    const admin = await createFirstAdmin(body);
    if (!admin) throw alreadySetUp();
    audit({ actor: { id: admin.id, email: admin.email, role: "admin" }, target: admin.email, detail: "first-run page" });
    return data({ email: admin.email }, { status: 201 });
  },
);
