import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  addPath,
  debug,
  group,
  info,
  warning
} from "./chunk-VEUO7CZG.js";

// packages/kit/src/outputs.ts
function formatOutput(value) {
  if (value === void 0) return "";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}
function addPath2(folder) {
  addPath(folder);
}

// packages/kit/src/summary.ts
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

// packages/kit/src/log.ts
async function group2(name, fn) {
  return group(name, fn);
}
var info2 = (message) => info(message);
var debug2 = (message) => debug(message);
var warning2 = (message) => warning(message);

export {
  formatOutput,
  addPath2 as addPath,
  escapeCell,
  escapeHtml,
  table,
  details,
  codeBlock,
  group2 as group,
  info2 as info,
  debug2 as debug,
  warning2 as warning
};
