// ESLint (flat config) for the explorer's JavaScript: `npx eslint graph/outputs/explorer/assets`, run by `make test`.
// The files of graph/outputs/explorer/assets are classic browser scripts joined into one
// function scope in the page (graph/render.py), so names one file declares are
// used by the next: tsc (tsconfig.json) checks those names across files, and
// no-undef, which sees one file at a time, is left to it.
"use strict";

const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  js.configs.recommended,
  {
    files: ["graph/outputs/explorer/assets/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.browser, vis: "readonly" },
    },
    rules: {
      "no-undef": "off",
      // Top-level declarations are used by the other files of the page.
      "no-unused-vars": ["error", { vars: "local", args: "after-used", argsIgnorePattern: "^_" }],
      eqeqeq: "error",
      "no-var": "error",
      "prefer-const": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "no-script-url": "error",
      "no-restricted-properties": [
        "error",
        { property: "innerHTML", message: "Text from the data is never markup: use textContent." },
        { property: "outerHTML", message: "Text from the data is never markup: use textContent." },
        { property: "insertAdjacentHTML", message: "Text from the data is never markup." },
        { object: "document", property: "write", message: "Text from the data is never markup." },
      ],
    },
  },
  {
    files: ["eslint.config.js"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
  },
];
