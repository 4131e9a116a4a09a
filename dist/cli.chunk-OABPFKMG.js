import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);

// packages/scan/src/verdict.ts
var SCAN_VERDICT_SCHEMA = "conveyor.scan-verdict/v1";
var SEVERITIES = ["critical", "high", "medium", "low", "negligible", "unknown"];
var VerdictFormatError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "VerdictFormatError";
  }
};
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function counts(value, where, problems) {
  const out = {};
  if (!isObject(value)) {
    problems.push(`${where} must be an object keyed by ${SEVERITIES.join(", ")}`);
    return out;
  }
  for (const s of SEVERITIES) {
    const n = value[s];
    if (typeof n !== "number" || !Number.isInteger(n) || n < 0) problems.push(`${where}.${s} must be a whole number ≥ 0`);
    else out[s] = n;
  }
  return out;
}
function parseVerdict(json, from = "the verdict file") {
  let data = json;
  if (typeof json === "string") {
    try {
      data = JSON.parse(json);
    } catch (error) {
      throw new VerdictFormatError(`${from} is not JSON (${error.message}); pass the verdict-file output of scan-image.`);
    }
  }
  if (!isObject(data)) throw new VerdictFormatError(`${from} is not a JSON object; pass the verdict-file output of scan-image.`);
  const problems = [];
  const str = (v, where, optional = false) => {
    if (v === void 0 && optional) return;
    if (typeof v !== "string") problems.push(`${where} must be a string`);
  };
  if (data.schema !== SCAN_VERDICT_SCHEMA) problems.push(`schema must be "${SCAN_VERDICT_SCHEMA}" (found ${JSON.stringify(data.schema)})`);
  if (data.decision !== "pass" && data.decision !== "fail") problems.push(`decision must be "pass" or "fail"`);
  str(data.image, "image", true);
  str(data.digest, "digest", true);
  if (typeof data.digest === "string" && !/^sha256:[0-9a-f]{64}$/.test(data.digest)) problems.push("digest must be sha256:<64 hex digits>");
  if (!isObject(data.source)) problems.push("source must be an object {type, target}");
  else {
    str(data.source.type, "source.type");
    str(data.source.target, "source.target");
  }
  if (!isObject(data.grype)) problems.push("grype must be an object {version, db?}");
  else {
    str(data.grype.version, "grype.version");
    if (data.grype.db !== void 0 && !isObject(data.grype.db)) problems.push("grype.db must be an object");
  }
  if (!isObject(data.policy)) problems.push("policy must be an object");
  else {
    const p = data.policy;
    if (p.severityCutoff !== "none" && !SEVERITIES.includes(p.severityCutoff)) problems.push(`policy.severityCutoff must be one of none, ${SEVERITIES.join(", ")}`);
    if (typeof p.onlyFixed !== "boolean") problems.push("policy.onlyFixed must be true or false");
    if (!isObject(p.ignoreRules) || typeof p.ignoreRules.active !== "number" || typeof p.ignoreRules.expired !== "number") problems.push("policy.ignoreRules must be {active, expired}");
    if (!Array.isArray(p.vex) || p.vex.some((v) => typeof v !== "string")) problems.push("policy.vex must be a list of paths");
  }
  counts(data.counts, "counts", problems);
  counts(data.countsFixable, "countsFixable", problems);
  if (!Array.isArray(data.ignored)) problems.push("ignored must be a list");
  else {
    data.ignored.forEach((m, i) => {
      if (!isObject(m)) return problems.push(`ignored[${i}] must be an object`);
      for (const k of ["id", "package", "version", "reason", "rule"]) str(m[k], `ignored[${i}].${k}`);
    });
  }
  str(data.createdAt, "createdAt");
  if (typeof data.createdAt === "string" && Number.isNaN(Date.parse(data.createdAt))) problems.push("createdAt must be an ISO 8601 time");
  if (problems.length > 0) throw new VerdictFormatError(`${from} is not a valid scan verdict:
- ${problems.join("\n- ")}`);
  return data;
}

export {
  SCAN_VERDICT_SCHEMA,
  SEVERITIES,
  parseVerdict
};
