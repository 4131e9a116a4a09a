import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  InputError,
  describeError
} from "./cli.chunk-YFFPNGMU.js";

// packages/kit/src/cli-words.ts
var WORKFLOW_ADVICE = [
  [/Run actions\/checkout before this step, or point the working directory at the repository\./g, "Run conveyor inside a clone of the repository, or pass --working-directory."],
  [/Run actions\/checkout before this step \(with fetch-depth: 0\), or commit something first\./g, "Run conveyor inside a clone of the repository, or commit something first."],
  [/ \(and run actions\/checkout first\)/g, ""],
  [/check the repository out first \(actions\/checkout\)/g, "run conveyor inside a clone of the repository"],
  [/Set `fetch-depth: 0` on actions\/checkout so the history and the tags are there\./g, "Fetch the whole history and the tags first: git fetch --unshallow --tags."],
  [/If this is a shallow clone, set `fetch-depth: 0` on actions\/checkout\./g, "If this is a shallow clone, fetch the whole history: git fetch --unshallow --tags."],
  [/set `fetch-depth: 0` on actions\/checkout/g, "git fetch --unshallow --tags"],
  [/\(actions\/checkout with fetch-depth: 0\)/g, "(git fetch --tags)"],
  [
    /give the job `permissions: contents: write` and let actions\/checkout persist its credentials \(the default\), or pass a token that can write to the repository/g,
    "check that your git credentials can push to the remote, or pass a token that can write to the repository"
  ],
  [/ \(the default `\$\{\{ github\.token \}\}` works\)/g, " (or the GITHUB_TOKEN variable)"],
  [/ \(a secret; pass it with \$\{\{ secrets\.NAME \}\}\)/g, " (a secret)"],
  [/ in an earlier step/g, " first"],
  [/before this step/g, "before this command"]
];
function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function cliWords(message, flags) {
  let text = message;
  for (const [pattern, replacement] of WORKFLOW_ADVICE) text = text.replace(pattern, replacement);
  if (flags.length === 0) return text;
  const known = new Set(flags);
  const names = [...known].sort((a, b) => b.length - a.length).map(escape).join("|");
  const quoted = `['\`]?(${names})['\`]?`;
  text = text.replace(new RegExp(`Input required and not supplied: (${names})\\b`, "g"), "Flag --$1 is required");
  text = text.replace(new RegExp(`['\`]?\\b(${names}): (true|false)\\b['\`]?`, "g"), (_, name, value) => value === "true" ? `--${name}` : `--no-${name}`);
  text = text.replace(new RegExp(`\`(${names}): ([^\`]+)\``, "g"), "--$1 $2");
  text = text.replace(new RegExp(`\\b([Ii])nputs ${quoted}((?:,? (?:and|or) |, )${quoted})+`, "g"), (whole, i) => {
    const listed = whole.replace(new RegExp(`^${i}nputs `), "").replace(new RegExp(quoted, "g"), "--$1");
    return `${i === "I" ? "F" : "f"}lags ${listed}`;
  });
  text = text.replace(new RegExp(`\\bthe (?:input|inputs) ${quoted}(?![\\w-])`, "g"), "--$1");
  text = text.replace(new RegExp(`\\b([Ii])nput ${quoted}(?![\\w-])`, "g"), (_, i, name) => `${i === "I" ? "F" : "f"}lag --${name}`);
  text = text.replace(new RegExp(`['\`](${names})['\`]`, "g"), "--$1");
  const dashed = [...known].filter((n) => n.includes("-")).sort((a, b) => b.length - a.length).map(escape).join("|");
  if (dashed) text = text.replace(new RegExp(`(?<![\\w./$-])(${dashed})(?![\\w/-]|\\.\\w)`, "g"), "--$1");
  return text.replace(/\b([Ss])et (?=--[a-z])/g, (_, s) => s === "S" ? "Pass " : "pass ");
}

// packages/kit/src/cli.ts
function parseFlags(argv, specs, options = {}) {
  const values = /* @__PURE__ */ new Map();
  const extras = {};
  const positionals = [];
  let json = false;
  let help = false;
  const extraBooleans = new Set(options.extraBooleans ?? []);
  const extraValued = new Set(options.extraValued ?? []);
  let i = 0;
  const rest = [];
  let lastBoolean;
  while (i < argv.length) {
    const arg = argv[i];
    i += 1;
    if (arg === "--") {
      rest.push(...argv.slice(i));
      break;
    }
    if (!arg.startsWith("--") || arg === "-") {
      if (arg === "-h") help = true;
      else refuseExtraPositional(arg, positionals, options.positionals ?? [], lastBoolean);
      lastBoolean = void 0;
      continue;
    }
    lastBoolean = void 0;
    const eq = arg.indexOf("=");
    let name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    let value = eq === -1 ? void 0 : arg.slice(eq + 1);
    if (name === "json" && value === void 0) {
      json = true;
      continue;
    }
    if (name === "help" && value === void 0) {
      help = true;
      continue;
    }
    let negated = false;
    if (!(name in specs) && name.startsWith("no-") && specs[name.slice(3)]?.kind === "boolean") {
      name = name.slice(3);
      negated = true;
    }
    if (extraBooleans.has(name)) {
      extras[name] = value ?? "true";
      lastBoolean = value === void 0 ? name : void 0;
      continue;
    }
    const spec = specs[name];
    if (!spec && !extraValued.has(name)) {
      const known = [...Object.keys(specs), ...extraBooleans, ...extraValued].map((k) => `--${k}`).join(", ");
      throw new InputError([`Unknown flag --${name}; known flags: ${known || "(none)"}, --json, --help.`]);
    }
    if (value === void 0) {
      if (spec?.kind === "boolean") {
        value = negated ? "false" : "true";
        lastBoolean = negated ? void 0 : name;
      } else {
        if (i >= argv.length) throw new InputError([`Flag --${name} needs a value (${spec?.accepted ?? "a value"}).`]);
        value = argv[i];
        i += 1;
      }
    }
    if (!spec) {
      extras[name] = value;
      continue;
    }
    const list = values.get(name) ?? [];
    list.push(value);
    values.set(name, list);
  }
  return {
    source: (name) => values.get(name)?.join("\n"),
    positionals,
    json,
    help,
    rest,
    extras
  };
}
function refuseExtraPositional(arg, positionals, accepted, lastBoolean) {
  const any = accepted.at(-1)?.endsWith("…") ?? false;
  if (any || positionals.length < accepted.length) {
    positionals.push(arg);
    return;
  }
  if (lastBoolean && /^(true|false)$/i.test(arg)) {
    throw new InputError([`Unexpected argument ${JSON.stringify(arg)} after --${lastBoolean}: a true/false flag takes its value after '=' (--${lastBoolean}=${arg.toLowerCase()}), or write --${arg.toLowerCase() === "false" ? "no-" : ""}${lastBoolean}.`]);
  }
  const takes = accepted.length === 0 ? "takes no arguments besides flags" : `takes ${accepted.join(" ")} and no further argument`;
  throw new InputError([`Unexpected argument ${JSON.stringify(arg)}: this command ${takes}; see its --help.`]);
}
function acceptedWords(spec) {
  return spec.kind === "boolean" ? "true|false" : spec.accepted;
}
function helpDefault(value) {
  if (value === void 0 || value === "" || value.includes("${{")) return "";
  return `; default ${/[\s"]/.test(value) ? JSON.stringify(value) : value}`;
}
var COLUMN = 34;
var WIDTH = 110;
function wrap(text) {
  const lines = [];
  let line = "";
  for (const word of text.split(/ +/)) {
    if (line !== "" && COLUMN + line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines;
}
function row(flag, text) {
  const [first = "", ...more] = wrap(text);
  const head = flag.length + 2 >= COLUMN ? `  ${flag}
${" ".repeat(COLUMN)}${first}` : `  ${flag.padEnd(COLUMN - 2)}${first}`;
  return [head, ...more.map((l) => `${" ".repeat(COLUMN)}${l}`)].join("\n");
}
function flagHelp(specs, descriptions = {}, action) {
  const rows = Object.entries(specs).map(([name, spec]) => {
    const meta = action?.inputs[name];
    const description = descriptions[name] ?? meta?.description;
    if (!description) throw new TypeError(`The flag --${name} has no description: add it to the action.yml (and run npm run docs) or pass one.`);
    const flag = spec.kind === "boolean" ? `--${name}[=true|false]` : `--${name} <value>`;
    const required = spec.required ? ", required" : "";
    return row(flag, `${description.trim().replace(/\s*\n\s*/g, " ")} (${acceptedWords(spec)}${required}${helpDefault(meta?.default)})`);
  });
  return rows.join("\n");
}
function commandHelp(help) {
  const out = ["Usage:", ...help.usage.map((u) => `  ${u}`)];
  for (const paragraph of help.about ?? []) out.push("", paragraph);
  if (help.arguments && help.arguments.length > 0) {
    out.push("", "Arguments:", ...help.arguments.map(([name, text]) => row(name, text)));
  }
  for (const [heading, rows] of help.flags) if (rows) out.push("", `${heading}:`, rows);
  out.push("", "Other flags:", ...[...help.extraFlags ?? [], ["--json", "print the outputs as one JSON object on stdout"], ["--help, -h", "this text"]].map(([flag, text]) => row(flag, text)));
  return `${out.join("\n")}
`;
}
async function runCommand(command, argv, io, name = command.name) {
  try {
    return await command.run(argv, io);
  } catch (error) {
    io.stderr(`conveyor ${name}: ${cliWords(describeError(error), command.flags ?? [])}
`);
    return error instanceof InputError ? 2 : 1;
  }
}

export {
  parseFlags,
  flagHelp,
  commandHelp,
  runCommand
};
