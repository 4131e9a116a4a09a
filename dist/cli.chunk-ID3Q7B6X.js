import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  require_fs
} from "./cli.chunk-RY5DKLWW.js";
import {
  __toESM
} from "./cli.chunk-ZH76KQBC.js";

// packages/kit/src/summary.ts
var fs = __toESM(require_fs());
var SUMMARY_LIMIT_BYTES = 1024 * 1024;
function escapeCell(value) {
  return escapeHtml(value).replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}
function escapeHtml(value) {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function table(headers, rows, options = {}) {
  const cell = options.raw ? (v) => v.replace(/\r?\n/g, "<br>") : escapeCell;
  const line = (cells) => `| ${cells.map(cell).join(" | ")} |`;
  return [line(headers), `|${headers.map(() => " --- ").join("|")}|`, ...rows.map(line)].join("\n") + "\n";
}
function details(summary, body, options = {}) {
  return `<details${options.open ? " open" : ""}><summary>${escapeHtml(summary)}</summary>

${body.trimEnd()}

</details>
`;
}
function codeBlock(body, language = "") {
  const longest = Math.max(2, ...Array.from(body.matchAll(/`+/g), (m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${language}
${body.trimEnd()}
${fence}
`;
}

export {
  escapeCell,
  escapeHtml,
  table,
  details,
  codeBlock
};
