import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Who may do what is answered in one place, src/server/policy.ts (identity
// itself lives in src/server/auth/). Anywhere else, comparing the signed-in
// user's role is a rule hiding outside the policy: ask `can(actor, "…")`.
const ROLE_CHECK = 'Role checks live in src/server/policy.ts: ask can(actor, "capability") or authorize(…) instead.';
const WHO = "/^(actor|user|viewer|me|session)$/";
const ROLE_FILTER = "Filtering users by role decides who counts as what: use a where builder from src/server/policy.ts.";
export const roleCheckSelectors = [
  { selector: `BinaryExpression[operator=/^[!=]==?$/] > MemberExpression[property.name="role"][object.name=${WHO}]`, message: ROLE_CHECK },
  {
    selector: `CallExpression[callee.property.name="includes"] > MemberExpression.arguments[property.name="role"][object.name=${WHO}]`,
    message: ROLE_CHECK,
  },
  { selector: `SwitchStatement > MemberExpression.discriminant[property.name="role"][object.name=${WHO}]`, message: ROLE_CHECK },
  // `const { role } = actor` and `({ role }: Actor) =>`: the role taken out to be compared out of sight.
  { selector: `VariableDeclarator[init.name=${WHO}] > ObjectPattern.id > Property[key.name="role"]`, message: ROLE_CHECK },
  {
    selector: `:function > ObjectPattern.params[typeAnnotation.typeAnnotation.typeName.name="Actor"] > Property[key.name="role"]`,
    message: ROLE_CHECK,
  },
  // A Prisma filter on a user's role (`db.user.findMany({ where: { role: "GOVERNOR" } })`, or `user: { role }` in
  // another model's where) decides who counts as what: the policy's where builders answer that (establishmentGovernorsWhere…).
  {
    selector: `CallExpression[callee.object.property.name="user"] > ObjectExpression > Property[key.name="where"] > ObjectExpression > Property[key.name="role"]`,
    message: ROLE_FILTER,
  },
  {
    selector: `Property[key.name="where"] Property[key.name=/^(user|users|author|createdBy|signer)$/] > ObjectExpression > Property[key.name="role"]`,
    message: ROLE_FILTER,
  },
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

// One clock: the server takes "now" from src/server/clock.ts (`now = clockNow()`
// parameters, or wallClock() for sessions, throttles and the outbox), so the
// tests can move it and a rule never reads the time behind the caller's back.
const CLOCK =
  "Time in src/server comes from src/server/clock.ts: take `now = clockNow()` as a parameter (or wallClock() for sessions and throttles).";
export const clockSelectors = [
  { selector: `NewExpression[callee.name="Date"][arguments.length=0]`, message: CLOCK },
  { selector: `CallExpression[callee.object.name="Date"][callee.property.name="now"]`, message: CLOCK },
];

// One lock: a row lock is lockRow/lockRows (src/server/locks.ts), the same SQL
// everywhere; the audit chain's head, which reads as it locks, keeps its own.
const LOCK = "Row locks are taken with lockRow/lockRows (src/server/locks.ts).";
export const lockSelectors = [{ selector: `TemplateElement[value.raw=/FOR UPDATE/i]`, message: LOCK }];
const SERVER_SYNTAX = [...roleCheckSelectors, ...tenderStatusSelectors, ...clockSelectors, ...lockSelectors];
/** src/server's rules but one (for the file that is that rule's one home). */
const except = (rule) => SERVER_SYNTAX.filter((s) => !rule.includes(s));

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
// Requests flow one way: src/app → src/server → src/domain. The server never
// reaches back into the pages or the UI, and components are handed what they
// need (data, or a server action as a prop) by the page.
const NOT_APP = {
  group: ["@/app/*", "**/app/*"],
  message: "Components and the server import nothing from src/app: the page passes it in.",
};
const SERVER = {
  patterns: [
    NOT_APP,
    {
      group: ["@/components/*", "**/components/*"],
      message: "The server imports nothing from src/components: it returns data, and the page renders it.",
    },
  ],
};
const COMPONENTS = {
  patterns: [
    ...DB_CLIENT.patterns,
    NOT_APP,
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
    rules: { "no-restricted-syntax": ["error", ...roleCheckSelectors, ...tenderStatusSelectors] },
  },
  { files: ["src/server/**/*.{ts,tsx}"], rules: { "no-restricted-syntax": ["error", ...SERVER_SYNTAX] } },
  // The exceptions, each to one rule only (a later entry replaces the rule's list for its files).
  { files: ["src/server/policy.ts"], rules: { "no-restricted-syntax": ["error", ...except(roleCheckSelectors)] } },
  { files: ["src/server/tenders/move-tender.ts"], rules: { "no-restricted-syntax": ["error", ...except(tenderStatusSelectors)] } },
  { files: ["src/server/clock.ts"], rules: { "no-restricted-syntax": ["error", ...except(clockSelectors)] } },
  {
    // The audit chain's head is locked as it is read; one-time codes read the scope's tender as they lock it.
    files: ["src/server/locks.ts", "src/server/audit.ts", "src/server/audit-trail/chain.ts", "src/server/one-time-codes/codes.ts"],
    rules: { "no-restricted-syntax": ["error", ...except(lockSelectors)] },
  },
  {
    files: ["src/app/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", DB_CLIENT] },
  },
  {
    files: ["src/server/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", SERVER] },
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
