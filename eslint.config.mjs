// ESLint (flat config): Next's Core Web Vitals and TypeScript rules, then typescript-eslint's
// type-checked recommended set over the TypeScript files. `npm run lint` allows no warning.
// Each rule turned off or tuned below says why; a single exception in code carries its reason
// on its eslint-disable line.
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["lib/generated/**", ".next/**", ".next-*/**", "node_modules/**", "test-results/**", "playwright-report/**", "public/**", ".data/**", "next-env.d.ts"],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      // vitest.config.mts sits outside tsconfig's program (tsconfig includes .ts/.tsx only).
      parserOptions: { projectService: { allowDefaultProject: ["vitest.config.mts"] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // React calls event handlers and ignores what they return; an async onClick/onSubmit is how
      // this codebase writes a handler that awaits (each catches its own errors). Promises passed
      // anywhere else (callbacks, arguments) are still checked.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      // FormData.get() is typed string | File; the console's forms have no file inputs, so their
      // values are strings. Other objects are still checked.
      "@typescript-eslint/no-base-to-string": ["error", { ignoredTypeNames: ["Error", "RegExp", "URL", "URLSearchParams", "File"] }],
    },
  },
  {
    rules: {
      // A leading underscore marks what is there only for a signature or to leave a field out of a rest object.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true }],
      // These four come from the React Compiler's checks (eslint-plugin-react-hooks 7). The project
      // does not build with the React Compiler, and the patterns they flag are deliberate here:
      // the "latest callback" ref written during render, the hydration flag set in an effect, state
      // reset when a prop changes, Date.now() for a countdown. Rules of Hooks and exhaustive-deps stay on.
      "react-hooks/set-state-in-effect": "off",
      "react-hooks/refs": "off",
      "react-hooks/purity": "off",
      "react-hooks/preserve-manual-memoization": "off",
    },
  },
  {
    // These images are data: URLs (the brand's logo) or pictures the emulator renders per request
    // behind the session (captured documents, selfies): next/image can neither fetch nor cache them.
    files: ["components/authenticator/**", "components/demo/**"],
    rules: { "@next/next/no-img-element": "off" },
  },
  {
    // Tests read JSON answers (`await res.json()`, typed any) and assert on their fields: a wrong
    // shape fails the assertion, which is the check these rules would ask for. Mocks of fetch and
    // handlers are async without awaiting to match the signatures they stand in for.
    files: ["**/*.test.ts", "**/*.test.tsx", "e2e/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/require-await": "off",
    },
  },
);
