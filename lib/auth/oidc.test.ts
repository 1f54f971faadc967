import { describe, expect, it } from "vitest";
import { claimValues, oidcProvider, parseRoleMap, readSignInSettings, roleFromClaims, SignInConfigError } from "./oidc";

const SSO = {
  OIDC_ISSUER: "https://login.company.test/realms/staff/",
  OIDC_CLIENT_ID: "reuseid-console",
  OIDC_CLIENT_SECRET: "s3cret",
  OIDC_ROLE_MAP: "console-admins=admin, console-support=support,console-testers=tester",
};

const problemsOf = (env: Record<string, string>) => {
  try {
    readSignInSettings(env);
  } catch (error) {
    expect(error).toBeInstanceOf(SignInConfigError);
    return (error as Error).message;
  }
  throw new Error("expected the settings to be refused");
};

describe("sign-in settings", () => {
  it("default to the password form alone", () => {
    expect(readSignInSettings({})).toEqual({ password: true, oidc: null });
  });

  it("read single sign-on with its defaults", () => {
    const { password, oidc } = readSignInSettings(SSO);
    expect(password).toBe(true);
    expect(oidc).toMatchObject({
      issuer: "https://login.company.test/realms/staff",
      clientId: "reuseid-console",
      clientSecret: "s3cret",
      name: "company sign-in",
      scope: "openid email profile",
      roleClaim: "roles",
      defaultRole: null,
    });
    expect([...oidc!.roleMap]).toEqual([
      ["console-admins", "admin"],
      ["console-support", "support"],
      ["console-testers", "tester"],
    ]);
  });

  it("take the optional settings", () => {
    const { password, oidc } = readSignInSettings({
      ...SSO,
      PASSWORD_SIGNIN: "FALSE",
      OIDC_NAME: "Acme SSO",
      OIDC_SCOPE: "openid email profile groups",
      OIDC_ROLE_CLAIM: "groups",
      OIDC_DEFAULT_ROLE: "viewer",
    });
    expect(password).toBe(false);
    expect(oidc).toMatchObject({ name: "Acme SSO", scope: "openid email profile groups", roleClaim: "groups", defaultRole: "viewer" });
  });

  it("refuse a half configuration, naming every problem", () => {
    const message = problemsOf({ OIDC_ISSUER: "http://login.company.test", OIDC_ROLE_MAP: "admins=root", OIDC_DEFAULT_ROLE: "boss" });
    expect(message).toContain("OIDC_ISSUER must be an https URL");
    expect(message).toContain("OIDC_CLIENT_ID is required");
    expect(message).toContain("OIDC_CLIENT_SECRET is required");
    expect(message).toContain('"root", which is not a role');
    expect(message).toContain('OIDC_DEFAULT_ROLE must be one of admin, support, tester, viewer, demo, not "boss"');
  });

  it("allow http only for a provider on this machine", () => {
    expect(readSignInSettings({ ...SSO, OIDC_ISSUER: "http://127.0.0.1:4400" }).oidc?.issuer).toBe("http://127.0.0.1:4400");
    expect(readSignInSettings({ ...SSO, OIDC_ISSUER: "http://localhost:8080/realms/x" }).oidc?.issuer).toBe("http://localhost:8080/realms/x");
    expect(problemsOf({ ...SSO, OIDC_ISSUER: "not a url" })).toContain("OIDC_ISSUER must be an https URL");
  });

  it("refuse single sign-on that could let nobody in", () => {
    expect(problemsOf({ ...SSO, OIDC_ROLE_MAP: "" })).toContain("OIDC_ROLE_MAP (or OIDC_DEFAULT_ROLE) is required");
    expect(readSignInSettings({ ...SSO, OIDC_ROLE_MAP: "", OIDC_DEFAULT_ROLE: "viewer" }).oidc?.defaultRole).toBe("viewer");
  });

  it("refuse switching the password form off without single sign-on", () => {
    expect(problemsOf({ PASSWORD_SIGNIN: "false" })).toContain("PASSWORD_SIGNIN=false needs single sign-on");
    expect(problemsOf({ PASSWORD_SIGNIN: "no" })).toContain('PASSWORD_SIGNIN must be true or false, not "no"');
  });
});

describe("role map", () => {
  const parse = (text: string) => {
    const problems: string[] = [];
    return { map: Object.fromEntries(parseRoleMap(text, problems)), problems };
  };

  it("reads pairs, ignoring blanks and keeping = inside a value", () => {
    expect(parse(" a=admin ,, b = tester,cn=ops=support")).toEqual({ map: { a: "admin", b: "tester", "cn=ops": "support" }, problems: [] });
  });

  it("reads JSON for values with commas", () => {
    expect(parse('{"cn=admins,ou=groups,dc=company": "admin"}').map).toEqual({ "cn=admins,ou=groups,dc=company": "admin" });
    expect(parse("{not json").problems).toEqual(["OIDC_ROLE_MAP starts with { but is not a JSON object."]);
  });

  it("names entries without a role or with an unknown one", () => {
    expect(parse("admins,=admin,x=owner").problems).toEqual([
      'OIDC_ROLE_MAP entry "admins" needs =role (one of admin, support, tester, viewer, demo).',
      'OIDC_ROLE_MAP has an entry without a claim value ("=admin").',
      'OIDC_ROLE_MAP entry "x" names "owner", which is not a role (admin, support, tester, viewer, demo).',
    ]);
  });
});

describe("role from claims", () => {
  const config = readSignInSettings(SSO).oidc!;

  it("maps a string or an array claim", () => {
    expect(roleFromClaims({ roles: "console-testers" }, config)).toBe("tester");
    expect(roleFromClaims({ roles: ["everyone", "console-support"] }, config)).toBe("support");
  });

  it("gives the strongest role when several map", () => {
    expect(roleFromClaims({ roles: ["console-testers", "console-admins", "console-support"] }, config)).toBe("admin");
    expect(roleFromClaims({ roles: ["console-testers", "console-support"] }, config)).toBe("support");
  });

  it("refuses (null) when nothing maps and no default is set, else gives the default", () => {
    expect(roleFromClaims({ roles: ["everyone"] }, config)).toBeNull();
    expect(roleFromClaims({}, config)).toBeNull();
    expect(roleFromClaims({ roles: [42, null] }, config)).toBeNull();
    expect(roleFromClaims({ roles: "Console-Admins" }, config)).toBeNull(); // values match exactly
    expect(roleFromClaims({ roles: ["everyone"] }, { ...config, defaultRole: "viewer" })).toBe("viewer");
  });

  it("follows a dotted path only when no claim has that name", () => {
    expect(claimValues({ realm_access: { roles: ["console-admins"] } }, "realm_access.roles")).toEqual(["console-admins"]);
    expect(claimValues({ "https://company.test/roles": ["a"] }, "https://company.test/roles")).toEqual(["a"]);
    expect(roleFromClaims({ realm_access: { roles: ["console-testers"] } }, { ...config, roleClaim: "realm_access.roles" })).toBe("tester");
  });
});

describe("provider", () => {
  it("uses discovery, PKCE and state, and the ID token's claims", () => {
    const provider = oidcProvider(readSignInSettings({ ...SSO, OIDC_NAME: "Acme SSO" }).oidc!);
    expect(provider).toMatchObject({
      id: "oidc",
      name: "Acme SSO",
      type: "oauth",
      wellKnown: "https://login.company.test/realms/staff/.well-known/openid-configuration",
      idToken: true,
      checks: ["pkce", "state"],
      authorization: { params: { scope: "openid email profile" } },
    });
    expect(provider.profile({ sub: "abc", email: "a@company.test", name: "A" }, {})).toEqual({ id: "abc", email: "a@company.test", name: "A", image: null });
  });
});
