import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Who may do what is answered in one place, src/server/policy.ts (identity
// itself lives in src/server/auth/). Anywhere else, comparing the signed-in
// user's role is a rule hiding outside the policy: ask `can(actor, "…")`.
const ROLE_CHECK = 'Role checks live in src/server/policy.ts: ask can(actor, "capability") or authorize(…) instead.';
const WHO = "/^(actor|user|viewer|me|session)$/";
export const roleCheckSelectors = [
  { selector: `BinaryExpression[operator=/^[!=]==?$/] > MemberExpression[property.name="role"][object.name=${WHO}]`, message: ROLE_CHECK },
  {
    selector: `CallExpression[callee.property.name="includes"] > MemberExpression.arguments[property.name="role"][object.name=${WHO}]`,
    message: ROLE_CHECK,
  },
  { selector: `SwitchStatement > MemberExpression.discriminant[property.name="role"][object.name=${WHO}]`, message: ROLE_CHECK },
];

// A tender changes state one way: moveTender (src/server/tenders/move-tender.ts)
// locks the row, asks the transition table and writes the state it returns.
// Writing `status` in a tender update anywhere else skips the table.
const MOVE_TENDER = "A tender changes state only through moveTender (src/server/tenders/move-tender.ts), which asks the transition table.";
export const tenderStatusSelectors = [
  {
    selector: `CallExpression[callee.object.property.name="tender"][callee.property.name=/^(update|updateMany|upsert)$/] Property[key.name=/^(data|update)$/] > ObjectExpression > Property[key.name="status"]`,
    message: MOVE_TENDER,
  },
];

// The database client and the generated Prisma client belong to src/server:
// pages, components and the pure domain read through src/server/*/queries.ts.
const DB_CLIENT = {
  patterns: [
    {
      group: ["@/server/db", "**/server/db"],
      message: "Only src/server touches the database: read through src/server/<module>/queries.ts.",
    },
    { group: ["@/generated/prisma/*", "@prisma/*", "pg"], message: "Only src/server uses the Prisma client." },
  ],
};

// Layer boundaries (docs/architecture.md): the pure domain knows nothing of
// the server, the pages or React/Next; components render what the server hands
// them and may name its types (type-only imports are erased at build time),
// never call it.
const NOT_SERVER = { group: ["@/server/*", "**/server/*"], message: "The domain is pure: it imports nothing from src/server." };
const DOMAIN = {
  patterns: [
    ...DB_CLIENT.patterns,
    NOT_SERVER,
    { group: ["@/app/*", "**/app/*"], message: "The domain is pure: it imports nothing from src/app." },
    {
      group: ["react", "react/*", "react-dom", "react-dom/*", "next", "next/*", "next-auth", "next-auth/*"],
      message: "The domain is pure: no React or Next.js.",
    },
  ],
};
const COMPONENTS = {
  patterns: [
    ...DB_CLIENT.patterns,
    {
      group: ["@/server/*", "**/server/*"],
      allowTypeImports: true,
      message: "Components import only types from src/server; the page or action calls the server and passes the data in.",
    },
  ],
};

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "node_modules/**", "src/generated/**", ".data/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/server/policy.ts", "src/server/auth/**"],
    rules: { "no-restricted-syntax": ["error", ...roleCheckSelectors, ...tenderStatusSelectors] },
  },
  // The two exceptions, each to one rule only (a later entry replaces the rule's list for its files).
  { files: ["src/server/policy.ts", "src/server/auth/**"], rules: { "no-restricted-syntax": ["error", ...tenderStatusSelectors] } },
  { files: ["src/server/tenders/move-tender.ts"], rules: { "no-restricted-syntax": ["error", ...roleCheckSelectors] } },
  {
    files: ["src/app/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", DB_CLIENT] },
  },
  {
    files: ["src/components/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", COMPONENTS] },
  },
  {
    files: ["src/domain/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", DOMAIN] },
  },
];

export default config;
