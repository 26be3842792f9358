import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      ".helpers/**",
      "**/*.tmp.ts",
      "**/*.tmp.mts",
      "node_modules/**",
      // Built from lib/browsercontrole by scripts/bouw-browsercontrole.ts.
      "public/browsercontrole/**",
      "var/**",
      "lib/generated/**",
      "bench/out/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    files: ["lib/**/*.ts", "lib/**/*.tsx", "emails/**/*.tsx", "scripts/**/*.ts"],
    ignores: ["**/*.test.ts", "**/*.testhulp.ts", "**/testhulp/**", "**/__mocks__/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/*.testhulp", "**/testhulp/*"], message: "test support is for tests only" }] },
      ],
    },
  },
  ...[false, true].map((productie) => ({
    // The SWI domain stays framework-free (the CLI, the worker and the portal share it), tests
    // included; its product code also never uses test support.
    files: ["lib/swi/**/*.ts"],
    ...(productie ? { ignores: ["**/*.test.ts", "**/*.testhulp.ts", "**/testhulp/**"] } : {}),
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*", "react", "react-dom"], message: "lib/swi is framework-free" },
            {
              group: ["@prisma/*", "**/generated/prisma/**", "@/lib/db/*"],
              message: "lib/swi never touches the database",
            },
            {
              // The rest of lib/ may use lib/swi, never the other way round.
              group: ["@/*", "!@/lib/swi", "!@/lib/swi/*"],
              message: "lib/swi imports only from lib/swi and packages",
            },
            ...(productie
              ? [{ group: ["**/*.testhulp", "**/testhulp/*"], message: "test support is for tests only" }]
              : []),
          ],
        },
      ],
    },
  })),
  {
    files: ["app/**/*.ts", "app/**/*.tsx", "proxy.ts"],
    rules: {
      // app/ holds routes and screens only: every read goes through lib/, which takes the actor.
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/db/client", "@/lib/db/database.testhulp", "@prisma/*", "@/lib/generated/prisma/client"],
              message: "app/ reads through lib/ with the actor, never the database itself",
            },
            { group: ["**/*.testhulp", "**/testhulp/*"], message: "test support is for tests only" },
          ],
        },
      ],
    },
  },
];

export default config;
