import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  readInputs,
  releaseInputs,
  secret
} from "./index.chunk-46EONWDJ.js";
import {
  ConveyorError,
  InputError,
  ToolNotFoundError,
  __commonJS,
  __require,
  __toESM,
  debug,
  group,
  info,
  maskSecret,
  require_crypto,
  require_fs,
  setOutput,
  warning
} from "./index.chunk-O3EFGC7Y.js";

// conveyor-builtin:child_process
var require_child_process = __commonJS({
  "conveyor-builtin:child_process"(exports, module) {
    var real;
    var load = () => real ??= __require("node:child_process");
    for (const key of ["_forkChild", "ChildProcess", "exec", "execFile", "execFileSync", "execSync", "fork", "spawn", "spawnSync"]) Object.defineProperty(module.exports, key, { enumerable: true, get: () => load()[key], set: (value) => {
      load()[key] = value;
    } });
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/internal/constants.js
var require_constants = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/internal/constants.js"(exports, module) {
    "use strict";
    var SEMVER_SPEC_VERSION = "2.0.0";
    var MAX_LENGTH = 256;
    var MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER || /* istanbul ignore next */
    9007199254740991;
    var MAX_SAFE_COMPONENT_LENGTH = 16;
    var MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6;
    var WHITESPACE_CHARACTERS = [
      "	",
      "\n",
      "\v",
      "\f",
      "\r",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      "\u2028",
      "\u2029",
      " ",
      " ",
      "　",
      "\uFEFF"
    ];
    var RELEASE_TYPES = [
      "major",
      "premajor",
      "minor",
      "preminor",
      "patch",
      "prepatch",
      "prerelease"
    ];
    module.exports = {
      MAX_LENGTH,
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_SAFE_INTEGER,
      WHITESPACE_CHARACTERS,
      RELEASE_TYPES,
      SEMVER_SPEC_VERSION,
      FLAG_INCLUDE_PRERELEASE: 1,
      FLAG_LOOSE: 2
    };
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/internal/debug.js
var require_debug = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/internal/debug.js"(exports, module) {
    "use strict";
    var debug3 = typeof process === "object" && process.env && process.env.NODE_DEBUG && /\bsemver\b/i.test(process.env.NODE_DEBUG) ? (...args) => console.error("SEMVER", ...args) : () => {
    };
    module.exports = debug3;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/internal/re.js
var require_re = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/internal/re.js"(exports, module) {
    "use strict";
    var {
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_LENGTH
    } = require_constants();
    var debug3 = require_debug();
    exports = module.exports = {};
    var re = exports.re = [];
    var safeRe = exports.safeRe = [];
    var src = exports.src = [];
    var safeSrc = exports.safeSrc = [];
    var t = exports.t = {};
    var R = 0;
    var LETTERDASHNUMBER = "[a-zA-Z0-9-]";
    var safeRegexReplacements = [
      ["\\s", 1],
      ["\\d", MAX_LENGTH],
      [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH]
    ];
    var makeSafeRegex = (value) => {
      for (const [token, max] of safeRegexReplacements) {
        value = value.split(`${token}*`).join(`${token}{0,${max}}`).split(`${token}+`).join(`${token}{1,${max}}`);
      }
      return value;
    };
    var createToken = (name, value, isGlobal) => {
      const safe = makeSafeRegex(value);
      const index = R++;
      debug3(name, index, value);
      t[name] = index;
      src[index] = value;
      safeSrc[index] = safe;
      re[index] = new RegExp(value, isGlobal ? "g" : void 0);
      safeRe[index] = new RegExp(safe, isGlobal ? "g" : void 0);
    };
    createToken("NUMERICIDENTIFIER", "0|[1-9]\\d*");
    createToken("NUMERICIDENTIFIERLOOSE", "\\d+");
    createToken("NONNUMERICIDENTIFIER", `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`);
    createToken("MAINVERSION", `(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})`);
    createToken("MAINVERSIONLOOSE", `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASEIDENTIFIER", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIER]})`);
    createToken("PRERELEASEIDENTIFIERLOOSE", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASE", `(?:-(${src[t.PRERELEASEIDENTIFIER]}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`);
    createToken("PRERELEASELOOSE", `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`);
    createToken("BUILDIDENTIFIER", `${LETTERDASHNUMBER}+`);
    createToken("BUILD", `(?:\\+(${src[t.BUILDIDENTIFIER]}(?:\\.${src[t.BUILDIDENTIFIER]})*))`);
    createToken("FULLPLAIN", `v?${src[t.MAINVERSION]}${src[t.PRERELEASE]}?${src[t.BUILD]}?`);
    createToken("FULL", `^${src[t.FULLPLAIN]}$`);
    createToken("LOOSEPLAIN", `[v=\\s]*${src[t.MAINVERSIONLOOSE]}${src[t.PRERELEASELOOSE]}?${src[t.BUILD]}?`);
    createToken("LOOSE", `^${src[t.LOOSEPLAIN]}$`);
    createToken("GTLT", "((?:<|>)?=?)");
    createToken("XRANGEIDENTIFIERLOOSE", `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`);
    createToken("XRANGEIDENTIFIER", `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`);
    createToken("XRANGEPLAIN", `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:${src[t.PRERELEASE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGEPLAINLOOSE", `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:${src[t.PRERELEASELOOSE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`);
    createToken("XRANGELOOSE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COERCEPLAIN", `${"(^|[^\\d])(\\d{1,"}${MAX_SAFE_COMPONENT_LENGTH}})(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`);
    createToken("COERCE", `${src[t.COERCEPLAIN]}(?:$|[^\\d])`);
    createToken("COERCEFULL", src[t.COERCEPLAIN] + `(?:${src[t.PRERELEASE]})?(?:${src[t.BUILD]})?(?:$|[^\\d])`);
    createToken("COERCERTL", src[t.COERCE], true);
    createToken("COERCERTLFULL", src[t.COERCEFULL], true);
    createToken("LONETILDE", "(?:~>?)");
    createToken("TILDETRIM", `(\\s*)${src[t.LONETILDE]}\\s+`, true);
    exports.tildeTrimReplace = "$1~";
    createToken("TILDE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`);
    createToken("TILDELOOSE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("LONECARET", "(?:\\^)");
    createToken("CARETTRIM", `(\\s*)${src[t.LONECARET]}\\s+`, true);
    exports.caretTrimReplace = "$1^";
    createToken("CARET", `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`);
    createToken("CARETLOOSE", `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COMPARATORLOOSE", `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`);
    createToken("COMPARATOR", `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`);
    createToken("COMPARATORTRIM", `(\\s*)${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true);
    exports.comparatorTrimReplace = "$1$2$3";
    createToken("HYPHENRANGE", `^\\s*(${src[t.XRANGEPLAIN]})\\s+-\\s+(${src[t.XRANGEPLAIN]})\\s*$`);
    createToken("HYPHENRANGELOOSE", `^\\s*(${src[t.XRANGEPLAINLOOSE]})\\s+-\\s+(${src[t.XRANGEPLAINLOOSE]})\\s*$`);
    createToken("STAR", "(<|>)?=?\\s*\\*");
    createToken("GTE0", "^\\s*>=\\s*0\\.0\\.0\\s*$");
    createToken("GTE0PRE", "^\\s*>=\\s*0\\.0\\.0-0\\s*$");
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/internal/parse-options.js
var require_parse_options = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/internal/parse-options.js"(exports, module) {
    "use strict";
    var looseOption = Object.freeze({ loose: true });
    var emptyOpts = Object.freeze({});
    var parseOptions = (options) => {
      if (!options) {
        return emptyOpts;
      }
      if (typeof options !== "object") {
        return looseOption;
      }
      return options;
    };
    module.exports = parseOptions;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/internal/identifiers.js
var require_identifiers = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/internal/identifiers.js"(exports, module) {
    "use strict";
    var numeric = /^[0-9]+$/;
    var compareIdentifiers = (a, b) => {
      if (typeof a === "number" && typeof b === "number") {
        return a === b ? 0 : a < b ? -1 : 1;
      }
      const anum = numeric.test(a);
      const bnum = numeric.test(b);
      if (anum && bnum) {
        a = +a;
        b = +b;
      }
      return a === b ? 0 : anum && !bnum ? -1 : bnum && !anum ? 1 : a < b ? -1 : 1;
    };
    var rcompareIdentifiers = (a, b) => compareIdentifiers(b, a);
    module.exports = {
      compareIdentifiers,
      rcompareIdentifiers
    };
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/classes/semver.js
var require_semver = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/classes/semver.js"(exports, module) {
    "use strict";
    var debug3 = require_debug();
    var { MAX_LENGTH, MAX_SAFE_INTEGER } = require_constants();
    var { safeRe: re, t } = require_re();
    var parseOptions = require_parse_options();
    var { compareIdentifiers } = require_identifiers();
    var isPrereleaseIdentifier = (prerelease, identifier) => {
      const identifiers = identifier.split(".");
      if (identifiers.length > prerelease.length) {
        return false;
      }
      for (let i = 0; i < identifiers.length; i++) {
        if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
          return false;
        }
      }
      return true;
    };
    var SemVer = class _SemVer {
      constructor(version, options) {
        options = parseOptions(options);
        if (version instanceof _SemVer) {
          if (version.loose === !!options.loose && version.includePrerelease === !!options.includePrerelease) {
            return version;
          } else {
            version = version.version;
          }
        } else if (typeof version !== "string") {
          throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`);
        }
        if (version.length > MAX_LENGTH) {
          throw new TypeError(
            `version is longer than ${MAX_LENGTH} characters`
          );
        }
        debug3("SemVer", version, options);
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL]);
        if (!m) {
          throw new TypeError(`Invalid Version: ${version}`);
        }
        this.raw = version;
        this.major = +m[1];
        this.minor = +m[2];
        this.patch = +m[3];
        if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
          throw new TypeError("Invalid major version");
        }
        if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
          throw new TypeError("Invalid minor version");
        }
        if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
          throw new TypeError("Invalid patch version");
        }
        if (!m[4]) {
          this.prerelease = [];
        } else {
          this.prerelease = m[4].split(".").map((id) => {
            if (/^[0-9]+$/.test(id)) {
              const num = +id;
              if (num >= 0 && num < MAX_SAFE_INTEGER) {
                return num;
              }
            }
            return id;
          });
        }
        this.build = m[5] ? m[5].split(".") : [];
        this.format();
      }
      format() {
        this.version = `${this.major}.${this.minor}.${this.patch}`;
        if (this.prerelease.length) {
          this.version += `-${this.prerelease.join(".")}`;
        }
        return this.version;
      }
      toString() {
        return this.version;
      }
      compare(other) {
        debug3("SemVer.compare", this.version, this.options, other);
        if (!(other instanceof _SemVer)) {
          if (typeof other === "string" && other === this.version) {
            return 0;
          }
          other = new _SemVer(other, this.options);
        }
        if (other.version === this.version) {
          return 0;
        }
        return this.compareMain(other) || this.comparePre(other);
      }
      compareMain(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.major < other.major) {
          return -1;
        }
        if (this.major > other.major) {
          return 1;
        }
        if (this.minor < other.minor) {
          return -1;
        }
        if (this.minor > other.minor) {
          return 1;
        }
        if (this.patch < other.patch) {
          return -1;
        }
        if (this.patch > other.patch) {
          return 1;
        }
        return 0;
      }
      comparePre(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.prerelease.length && !other.prerelease.length) {
          return -1;
        } else if (!this.prerelease.length && other.prerelease.length) {
          return 1;
        } else if (!this.prerelease.length && !other.prerelease.length) {
          return 0;
        }
        let i = 0;
        do {
          const a = this.prerelease[i];
          const b = other.prerelease[i];
          debug3("prerelease compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      compareBuild(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        let i = 0;
        do {
          const a = this.build[i];
          const b = other.build[i];
          debug3("build compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      // preminor will bump the version up to the next minor release, and immediately
      // down to pre-release. premajor and prepatch work the same way.
      inc(release, identifier, identifierBase) {
        if (release.startsWith("pre")) {
          if (!identifier && identifierBase === false) {
            throw new Error("invalid increment argument: identifier is empty");
          }
          if (identifier) {
            const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE]);
            if (!match || match[1] !== identifier) {
              throw new Error(`invalid identifier: ${identifier}`);
            }
          }
        }
        switch (release) {
          case "premajor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor = 0;
            this.major++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "preminor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "prepatch":
            this.prerelease.length = 0;
            this.inc("patch", identifier, identifierBase);
            this.inc("pre", identifier, identifierBase);
            break;
          // If the input is a non-prerelease version, this acts the same as
          // prepatch.
          case "prerelease":
            if (this.prerelease.length === 0) {
              this.inc("patch", identifier, identifierBase);
            }
            this.inc("pre", identifier, identifierBase);
            break;
          case "release":
            if (this.prerelease.length === 0) {
              throw new Error(`version ${this.raw} is not a prerelease`);
            }
            this.prerelease.length = 0;
            break;
          case "major":
            if (this.minor !== 0 || this.patch !== 0 || this.prerelease.length === 0) {
              this.major++;
            }
            this.minor = 0;
            this.patch = 0;
            this.prerelease = [];
            break;
          case "minor":
            if (this.patch !== 0 || this.prerelease.length === 0) {
              this.minor++;
            }
            this.patch = 0;
            this.prerelease = [];
            break;
          case "patch":
            if (this.prerelease.length === 0) {
              this.patch++;
            }
            this.prerelease = [];
            break;
          // This probably shouldn't be used publicly.
          // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
          case "pre": {
            const base = Number(identifierBase) ? 1 : 0;
            if (this.prerelease.length === 0) {
              this.prerelease = [base];
            } else {
              let i = this.prerelease.length;
              while (--i >= 0) {
                if (typeof this.prerelease[i] === "number") {
                  this.prerelease[i]++;
                  i = -2;
                }
              }
              if (i === -1) {
                if (identifier === this.prerelease.join(".") && identifierBase === false) {
                  throw new Error("invalid increment argument: identifier already exists");
                }
                this.prerelease.push(base);
              }
            }
            if (identifier) {
              let prerelease = [identifier, base];
              if (identifierBase === false) {
                prerelease = [identifier];
              }
              if (isPrereleaseIdentifier(this.prerelease, identifier)) {
                const prereleaseBase = this.prerelease[identifier.split(".").length];
                if (isNaN(prereleaseBase)) {
                  this.prerelease = prerelease;
                }
              } else {
                this.prerelease = prerelease;
              }
            }
            break;
          }
          default:
            throw new Error(`invalid increment argument: ${release}`);
        }
        this.raw = this.format();
        if (this.build.length) {
          this.raw += `+${this.build.join(".")}`;
        }
        return this;
      }
    };
    module.exports = SemVer;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/functions/parse.js
var require_parse = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/functions/parse.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse = (version, options, throwErrors = false) => {
      if (version instanceof SemVer) {
        return version;
      }
      try {
        return new SemVer(version, options);
      } catch (er) {
        if (!throwErrors) {
          return null;
        }
        throw er;
      }
    };
    module.exports = parse;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/functions/valid.js
var require_valid = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/functions/valid.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var valid = (version, options) => {
      const v = parse(version, options);
      return v ? v.version : null;
    };
    module.exports = valid;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/functions/clean.js
var require_clean = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/functions/clean.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var clean = (version, options) => {
      const s = parse(version.trim().replace(/^[=v]+/, ""), options);
      return s ? s.version : null;
    };
    module.exports = clean;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/functions/inc.js
var require_inc = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/functions/inc.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var inc = (version, release, options, identifier, identifierBase) => {
      if (typeof options === "string") {
        identifierBase = identifier;
        identifier = options;
        options = void 0;
      }
      try {
        return new SemVer(
          version instanceof SemVer ? version.version : version,
          options
        ).inc(release, identifier, identifierBase).version;
      } catch (er) {
        return null;
      }
    };
    module.exports = inc;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/functions/diff.js
var require_diff = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/functions/diff.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var diff = (version1, version2) => {
      const v1 = parse(version1, null, true);
      const v2 = parse(version2, null, true);
      const comparison = v1.compare(v2);
      if (comparison === 0) {
        return null;
      }
      const v1Higher = comparison > 0;
      const highVersion = v1Higher ? v1 : v2;
      const lowVersion = v1Higher ? v2 : v1;
      const highHasPre = !!highVersion.prerelease.length;
      const lowHasPre = !!lowVersion.prerelease.length;
      if (lowHasPre && !highHasPre) {
        if (!lowVersion.patch && !lowVersion.minor) {
          return "major";
        }
        if (lowVersion.compareMain(highVersion) === 0) {
          if (lowVersion.minor && !lowVersion.patch) {
            return "minor";
          }
          return "patch";
        }
      }
      const prefix = highHasPre ? "pre" : "";
      if (v1.major !== v2.major) {
        return prefix + "major";
      }
      if (v1.minor !== v2.minor) {
        return prefix + "minor";
      }
      if (v1.patch !== v2.patch) {
        return prefix + "patch";
      }
      return "prerelease";
    };
    module.exports = diff;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/functions/major.js
var require_major = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/functions/major.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var major = (a, loose) => new SemVer(a, loose).major;
    module.exports = major;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/functions/minor.js
var require_minor = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/functions/minor.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var minor = (a, loose) => new SemVer(a, loose).minor;
    module.exports = minor;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/functions/patch.js
var require_patch = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/functions/patch.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var patch = (a, loose) => new SemVer(a, loose).patch;
    module.exports = patch;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/functions/prerelease.js
var require_prerelease = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/functions/prerelease.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var prerelease = (version, options) => {
      const parsed = parse(version, options);
      return parsed && parsed.prerelease.length ? parsed.prerelease : null;
    };
    module.exports = prerelease;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/functions/compare.js
var require_compare = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/functions/compare.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compare = (a, b, loose) => new SemVer(a, loose).compare(new SemVer(b, loose));
    module.exports = compare;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/functions/rcompare.js
var require_rcompare = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/functions/rcompare.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var rcompare = (a, b, loose) => compare(b, a, loose);
    module.exports = rcompare;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/functions/compare-loose.js
var require_compare_loose = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/functions/compare-loose.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var compareLoose = (a, b) => compare(a, b, true);
    module.exports = compareLoose;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/functions/compare-build.js
var require_compare_build = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/functions/compare-build.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compareBuild = (a, b, loose) => {
      const versionA = new SemVer(a, loose);
      const versionB = new SemVer(b, loose);
      return versionA.compare(versionB) || versionA.compareBuild(versionB);
    };
    module.exports = compareBuild;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/functions/sort.js
var require_sort = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/functions/sort.js"(exports, module) {
    "use strict";
    var compareBuild = require_compare_build();
    var sort = (list, loose) => list.sort((a, b) => compareBuild(a, b, loose));
    module.exports = sort;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/functions/rsort.js
var require_rsort = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/functions/rsort.js"(exports, module) {
    "use strict";
    var compareBuild = require_compare_build();
    var rsort = (list, loose) => list.sort((a, b) => compareBuild(b, a, loose));
    module.exports = rsort;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/functions/gt.js
var require_gt = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/functions/gt.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var gt = (a, b, loose) => compare(a, b, loose) > 0;
    module.exports = gt;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/functions/lt.js
var require_lt = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/functions/lt.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var lt = (a, b, loose) => compare(a, b, loose) < 0;
    module.exports = lt;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/functions/eq.js
var require_eq = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/functions/eq.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var eq = (a, b, loose) => compare(a, b, loose) === 0;
    module.exports = eq;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/functions/neq.js
var require_neq = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/functions/neq.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var neq = (a, b, loose) => compare(a, b, loose) !== 0;
    module.exports = neq;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/functions/gte.js
var require_gte = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/functions/gte.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var gte = (a, b, loose) => compare(a, b, loose) >= 0;
    module.exports = gte;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/functions/lte.js
var require_lte = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/functions/lte.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var lte = (a, b, loose) => compare(a, b, loose) <= 0;
    module.exports = lte;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/functions/cmp.js
var require_cmp = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/functions/cmp.js"(exports, module) {
    "use strict";
    var eq = require_eq();
    var neq = require_neq();
    var gt = require_gt();
    var gte = require_gte();
    var lt = require_lt();
    var lte = require_lte();
    var cmp = (a, op, b, loose) => {
      switch (op) {
        case "===":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a === b;
        case "!==":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a !== b;
        case "":
        case "=":
        case "==":
          return eq(a, b, loose);
        case "!=":
          return neq(a, b, loose);
        case ">":
          return gt(a, b, loose);
        case ">=":
          return gte(a, b, loose);
        case "<":
          return lt(a, b, loose);
        case "<=":
          return lte(a, b, loose);
        default:
          throw new TypeError(`Invalid operator: ${op}`);
      }
    };
    module.exports = cmp;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/functions/coerce.js
var require_coerce = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/functions/coerce.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse = require_parse();
    var { safeRe: re, t } = require_re();
    var coerce = (version, options) => {
      if (version instanceof SemVer) {
        return version;
      }
      if (typeof version === "number") {
        version = String(version);
      }
      if (typeof version !== "string") {
        return null;
      }
      options = options || {};
      let match = null;
      if (!options.rtl) {
        match = version.match(options.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE]);
      } else {
        const coerceRtlRegex = options.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL];
        let next;
        while ((next = coerceRtlRegex.exec(version)) && (!match || match.index + match[0].length !== version.length)) {
          if (!match || next.index + next[0].length !== match.index + match[0].length) {
            match = next;
          }
          coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length;
        }
        coerceRtlRegex.lastIndex = -1;
      }
      if (match === null) {
        return null;
      }
      const major = match[2];
      const minor = match[3] || "0";
      const patch = match[4] || "0";
      const prerelease = options.includePrerelease && match[5] ? `-${match[5]}` : "";
      const build = options.includePrerelease && match[6] ? `+${match[6]}` : "";
      return parse(`${major}.${minor}.${patch}${prerelease}${build}`, options);
    };
    module.exports = coerce;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/functions/truncate.js
var require_truncate = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/functions/truncate.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var constants = require_constants();
    var SemVer = require_semver();
    var truncate = (version, truncation, options) => {
      if (!constants.RELEASE_TYPES.includes(truncation)) {
        return null;
      }
      const clonedVersion = cloneInputVersion(version, options);
      return clonedVersion && doTruncation(clonedVersion, truncation);
    };
    var cloneInputVersion = (version, options) => {
      const versionStringToParse = version instanceof SemVer ? version.version : version;
      return parse(versionStringToParse, options);
    };
    var doTruncation = (version, truncation) => {
      if (isPrerelease2(truncation)) {
        return version.version;
      }
      version.prerelease = [];
      switch (truncation) {
        case "major":
          version.minor = 0;
          version.patch = 0;
          break;
        case "minor":
          version.patch = 0;
          break;
      }
      return version.format();
    };
    var isPrerelease2 = (type) => {
      return type.startsWith("pre");
    };
    module.exports = truncate;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/internal/lrucache.js
var require_lrucache = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/internal/lrucache.js"(exports, module) {
    "use strict";
    var LRUCache = class {
      constructor() {
        this.max = 1e3;
        this.map = /* @__PURE__ */ new Map();
      }
      get(key) {
        const value = this.map.get(key);
        if (value === void 0) {
          return void 0;
        } else {
          this.map.delete(key);
          this.map.set(key, value);
          return value;
        }
      }
      delete(key) {
        return this.map.delete(key);
      }
      set(key, value) {
        const deleted = this.delete(key);
        if (!deleted && value !== void 0) {
          if (this.map.size >= this.max) {
            const firstKey = this.map.keys().next().value;
            this.delete(firstKey);
          }
          this.map.set(key, value);
        }
        return this;
      }
    };
    module.exports = LRUCache;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/internal/trim-comparator-whitespace.js
var require_trim_comparator_whitespace = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/internal/trim-comparator-whitespace.js"(exports, module) {
    "use strict";
    var {
      MAX_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      WHITESPACE_CHARACTERS
    } = require_constants();
    var whitespace = new Uint8Array(65536);
    for (const char of WHITESPACE_CHARACTERS) {
      whitespace[char.charCodeAt(0)] = 1;
    }
    var isWhitespace = (char) => char !== void 0 && whitespace[char.charCodeAt(0)] === 1;
    var isVersionPrefix = (char) => char === "v" || char === "=" || isWhitespace(char);
    var isDigit = (char) => char !== void 0 && char >= "0" && char <= "9";
    var isLetter = (char) => char !== void 0 && (char >= "a" && char <= "z" || char >= "A" && char <= "Z");
    var isIdentifierCharacter = (char) => isDigit(char) || isLetter(char) || char === "-";
    var isVersionStart = (char) => isDigit(char) || char === "x" || char === "X" || char === "*";
    var findDigitsEndIndex = (range, start, limit, digitRuns) => {
      if (!isDigit(range[start])) {
        return start;
      }
      if (start >= digitRuns.start && start < digitRuns.end) {
        return Math.min(start + limit, digitRuns.end);
      }
      if (start >= digitRuns.previousStart && start < digitRuns.previousEnd) {
        return Math.min(start + limit, digitRuns.previousEnd);
      }
      let end = start + 1;
      while (isDigit(range[end])) {
        end++;
      }
      digitRuns.previousStart = digitRuns.start;
      digitRuns.previousEnd = digitRuns.end;
      digitRuns.start = start;
      digitRuns.end = end;
      return Math.min(start + limit, end);
    };
    var findVersionNumberEndIndex = (range, start, loose, digitRuns) => {
      if (!loose && range[start] === "0") {
        return start + 1;
      }
      return findDigitsEndIndex(range, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns);
    };
    var findPrereleaseIdentifierEndIndex = (range, start, loose, digitRuns) => {
      const digitsEnd = findDigitsEndIndex(range, start, MAX_LENGTH, digitRuns);
      if (isLetter(range[digitsEnd]) || range[digitsEnd] === "-") {
        let end = digitsEnd + 1;
        const limit = end + MAX_SAFE_BUILD_LENGTH;
        while (end < limit && isIdentifierCharacter(range[end])) {
          end++;
        }
        return end;
      }
      return findVersionNumberEndIndex(range, start, loose, digitRuns);
    };
    var findPrereleaseEndIndex = (range, start, loose, digitRuns) => {
      const hyphen = range[start] === "-";
      if (!loose && !hyphen) {
        return start;
      }
      const identifierStart = start + (hyphen ? 1 : 0);
      let end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns);
      if (end === identifierStart) {
        if (!loose || !hyphen) {
          return start;
        }
        end = findPrereleaseIdentifierEndIndex(range, start, loose, digitRuns);
      }
      while (range[end] === ".") {
        const next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findBuildIdentifierEndIndex = (range, start) => {
      let end = start;
      while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(range[end])) {
        end++;
      }
      return end;
    };
    var findBuildEndIndex = (range, start) => {
      if (range[start] !== "+") {
        return start;
      }
      let end = findBuildIdentifierEndIndex(range, start + 1);
      if (end === start + 1) {
        return start;
      }
      while (range[end] === ".") {
        const next = findBuildIdentifierEndIndex(range, end + 1);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findLooseFullVersionEndIndex = (range, start, digitRuns) => {
      let end = start;
      for (let component = 0; component < 3; component++) {
        const next = findVersionNumberEndIndex(range, end, true, digitRuns);
        if (next === end) {
          return start;
        }
        end = next;
        if (component < 2) {
          if (range[end] !== ".") {
            return start;
          }
          end++;
        }
      }
      const prereleaseEnd = findPrereleaseEndIndex(range, end, true, digitRuns);
      return findBuildEndIndex(range, prereleaseEnd);
    };
    var findPartialVersionComponentEndIndex = (range, start, digitRuns) => {
      if (isDigit(range[start])) {
        return findVersionNumberEndIndex(range, start, false, digitRuns);
      }
      return isVersionStart(range[start]) ? start + 1 : start;
    };
    var findPartialVersionEndIndex = (range, start, digitRuns) => {
      let end = findPartialVersionComponentEndIndex(range, start, digitRuns);
      for (let component = 0; component < 2; component++) {
        if (range[end] !== ".") {
          return end;
        }
        const next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns);
        if (next === end + 1) {
          return end;
        }
        end = next;
      }
      const prereleaseEnd = findPrereleaseEndIndex(range, end, false, digitRuns);
      return findBuildEndIndex(range, prereleaseEnd);
    };
    var findVersionEndIndex = (range, start, digitRuns) => {
      const fullVersionEnd = findLooseFullVersionEndIndex(range, start, digitRuns);
      return fullVersionEnd !== start ? fullVersionEnd : findPartialVersionEndIndex(range, start, digitRuns);
    };
    var findRemovableWhitespaceIndex = (range, matchStart) => {
      let position = matchStart;
      if (isWhitespace(range[position])) {
        position++;
      }
      if (range[position] === "<" || range[position] === ">") {
        position++;
      }
      if (range[position] === "=") {
        position++;
      }
      return isWhitespace(range[position]) ? position : -1;
    };
    var trimComparatorWhitespace = (range) => {
      let result = "";
      let copyFrom = 0;
      let cursor = 0;
      const digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 };
      while (cursor < range.length) {
        const matchStart = cursor;
        if (range[cursor] === "<" || range[cursor] === ">") {
          cursor++;
        } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
          cursor++;
          continue;
        }
        while (cursor < range.length && isVersionPrefix(range[cursor])) {
          cursor++;
        }
        if (!isVersionStart(range[cursor])) {
          continue;
        }
        const whitespacePosition = findRemovableWhitespaceIndex(range, matchStart);
        if (whitespacePosition !== -1) {
          result += range.slice(copyFrom, whitespacePosition);
          copyFrom = whitespacePosition + 1;
        }
        cursor = findVersionEndIndex(range, cursor, digitRuns);
      }
      return result + range.slice(copyFrom);
    };
    module.exports = trimComparatorWhitespace;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/classes/range.js
var require_range = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/classes/range.js"(exports, module) {
    "use strict";
    var SPACE_CHARACTERS = /\s+/g;
    var Range = class _Range {
      constructor(range, options) {
        options = parseOptions(options);
        if (range instanceof _Range) {
          if (range.loose === !!options.loose && range.includePrerelease === !!options.includePrerelease) {
            return range;
          } else {
            return new _Range(range.raw, options);
          }
        }
        if (range instanceof Comparator) {
          this.raw = range.value;
          this.set = [[range]];
          this.formatted = void 0;
          return this;
        }
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        this.raw = range.trim().replace(SPACE_CHARACTERS, " ");
        this.set = this.raw.split("||").map((r) => this.parseRange(r.trim())).filter((c) => c.length);
        if (!this.set.length) {
          throw new TypeError(`Invalid SemVer Range: ${this.raw}`);
        }
        if (this.set.length > 1) {
          const first = this.set[0];
          this.set = this.set.filter((c) => !isNullSet(c[0]));
          if (this.set.length === 0) {
            this.set = [first];
          } else if (this.set.length > 1) {
            for (const c of this.set) {
              if (c.length === 1 && isAny(c[0])) {
                this.set = [c];
                break;
              }
            }
          }
        }
        this.formatted = void 0;
      }
      get range() {
        if (this.formatted === void 0) {
          this.formatted = "";
          for (let i = 0; i < this.set.length; i++) {
            if (i > 0) {
              this.formatted += "||";
            }
            const comps = this.set[i];
            for (let k = 0; k < comps.length; k++) {
              if (k > 0) {
                this.formatted += " ";
              }
              this.formatted += comps[k].toString().trim();
            }
          }
        }
        return this.formatted;
      }
      format() {
        return this.range;
      }
      toString() {
        return this.range;
      }
      parseRange(range) {
        range = range.replace(BUILDSTRIPRE, "");
        const memoOpts = (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) | (this.options.loose && FLAG_LOOSE);
        const memoKey = memoOpts + ":" + range;
        const cached = cache.get(memoKey);
        if (cached) {
          return cached;
        }
        const loose = this.options.loose;
        const hr = loose ? re[t.HYPHENRANGELOOSE] : re[t.HYPHENRANGE];
        range = range.replace(hr, hyphenReplace(this.options.includePrerelease));
        debug3("hyphen replace", range);
        range = trimComparatorWhitespace(range);
        debug3("comparator trim", range);
        range = range.replace(re[t.TILDETRIM], tildeTrimReplace);
        debug3("tilde trim", range);
        range = range.replace(re[t.CARETTRIM], caretTrimReplace);
        debug3("caret trim", range);
        let rangeList = range.split(" ").map((comp) => parseComparator(comp, this.options)).join(" ").split(/\s+/).map((comp) => replaceGTE0(comp, this.options));
        if (loose) {
          rangeList = rangeList.filter((comp) => {
            debug3("loose invalid filter", comp, this.options);
            return !!comp.match(re[t.COMPARATORLOOSE]);
          });
        }
        debug3("range list", rangeList);
        const rangeMap = /* @__PURE__ */ new Map();
        const comparators = rangeList.map((comp) => new Comparator(comp, this.options));
        for (const comp of comparators) {
          if (isNullSet(comp)) {
            return [comp];
          }
          rangeMap.set(comp.value, comp);
        }
        if (rangeMap.size > 1 && rangeMap.has("")) {
          rangeMap.delete("");
        }
        const result = [...rangeMap.values()];
        cache.set(memoKey, result);
        return result;
      }
      intersects(range, options) {
        if (!(range instanceof _Range)) {
          throw new TypeError("a Range is required");
        }
        return this.set.some((thisComparators) => {
          return isSatisfiable(thisComparators, options) && range.set.some((rangeComparators) => {
            return isSatisfiable(rangeComparators, options) && thisComparators.every((thisComparator) => {
              return rangeComparators.every((rangeComparator) => {
                return thisComparator.intersects(rangeComparator, options);
              });
            });
          });
        });
      }
      // if ANY of the sets match ALL of its comparators, then pass
      test(version) {
        if (!version) {
          return false;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        for (let i = 0; i < this.set.length; i++) {
          if (testSet(this.set[i], version, this.options)) {
            return true;
          }
        }
        return false;
      }
    };
    module.exports = Range;
    var LRU = require_lrucache();
    var cache = new LRU();
    var parseOptions = require_parse_options();
    var Comparator = require_comparator();
    var debug3 = require_debug();
    var SemVer = require_semver();
    var trimComparatorWhitespace = require_trim_comparator_whitespace();
    var {
      safeRe: re,
      src,
      t,
      tildeTrimReplace,
      caretTrimReplace
    } = require_re();
    var { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = require_constants();
    var BUILDSTRIPRE = new RegExp(src[t.BUILD], "g");
    var isNullSet = (c) => c.value === "<0.0.0-0";
    var isAny = (c) => c.value === "";
    var isSatisfiable = (comparators, options) => {
      let result = true;
      const remainingComparators = comparators.slice();
      let testComparator = remainingComparators.pop();
      while (result && remainingComparators.length) {
        result = remainingComparators.every((otherComparator) => {
          return testComparator.intersects(otherComparator, options);
        });
        testComparator = remainingComparators.pop();
      }
      return result;
    };
    var parseComparator = (comp, options) => {
      comp = comp.replace(re[t.BUILD], "");
      debug3("comp", comp, options);
      comp = replaceCarets(comp, options);
      debug3("caret", comp);
      comp = replaceTildes(comp, options);
      debug3("tildes", comp);
      comp = replaceXRanges(comp, options);
      debug3("xrange", comp);
      comp = replaceStars(comp, options);
      debug3("stars", comp);
      return comp;
    };
    var isX = (id) => !id || id.toLowerCase() === "x" || id === "*";
    var invalidXRangeOrder = (M, m, p) => isX(M) && !isX(m) || isX(m) && p && !isX(p);
    var replaceTildes = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceTilde(c, options)).join(" ");
    };
    var replaceTilde = (comp, options) => {
      const r = options.loose ? re[t.TILDELOOSE] : re[t.TILDE];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M, m, p, pr) => {
        debug3("tilde", comp, _, M, m, p, pr);
        let ret;
        if (isX(M)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
        } else if (isX(p)) {
          ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
        } else if (pr) {
          debug3("replaceTilde pr", pr);
          ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
        } else {
          ret = `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
        }
        debug3("tilde return", ret);
        return ret;
      });
    };
    var replaceCarets = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceCaret(c, options)).join(" ");
    };
    var replaceCaret = (comp, options) => {
      debug3("caret", comp, options);
      const r = options.loose ? re[t.CARETLOOSE] : re[t.CARET];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M, m, p, pr) => {
        debug3("caret", comp, _, M, m, p, pr);
        let ret;
        if (isX(M)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
        } else if (isX(p)) {
          if (M === "0") {
            ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
          } else {
            ret = `>=${M}.${m}.0${z} <${+M + 1}.0.0-0`;
          }
        } else if (pr) {
          debug3("replaceCaret pr", pr);
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p}-${pr} <${+M + 1}.0.0-0`;
          }
        } else {
          debug3("no pr");
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p} <${+M + 1}.0.0-0`;
          }
        }
        debug3("caret return", ret);
        return ret;
      });
    };
    var replaceXRanges = (comp, options) => {
      debug3("replaceXRanges", comp, options);
      return comp.split(/\s+/).map((c) => replaceXRange(c, options)).join(" ");
    };
    var replaceXRange = (comp, options) => {
      comp = comp.trim();
      const r = options.loose ? re[t.XRANGELOOSE] : re[t.XRANGE];
      return comp.replace(r, (ret, gtlt, M, m, p, pr) => {
        debug3("xRange", comp, ret, gtlt, M, m, p, pr);
        if (invalidXRangeOrder(M, m, p)) {
          return comp;
        }
        const xM = isX(M);
        const xm = xM || isX(m);
        const xp = xm || isX(p);
        const anyX = xp;
        if (gtlt === "=" && anyX) {
          gtlt = "";
        }
        pr = options.includePrerelease ? "-0" : "";
        if (xM) {
          if (gtlt === ">" || gtlt === "<") {
            ret = "<0.0.0-0";
          } else {
            ret = "*";
          }
        } else if (gtlt && anyX) {
          if (xm) {
            m = 0;
          }
          p = 0;
          if (gtlt === ">") {
            gtlt = ">=";
            if (xm) {
              M = +M + 1;
              m = 0;
              p = 0;
            } else {
              m = +m + 1;
              p = 0;
            }
          } else if (gtlt === "<=") {
            gtlt = "<";
            if (xm) {
              M = +M + 1;
            } else {
              m = +m + 1;
            }
          }
          if (gtlt === "<") {
            pr = "-0";
          }
          ret = `${gtlt + M}.${m}.${p}${pr}`;
        } else if (xm) {
          ret = `>=${M}.0.0${pr} <${+M + 1}.0.0-0`;
        } else if (xp) {
          ret = `>=${M}.${m}.0${pr} <${M}.${+m + 1}.0-0`;
        }
        debug3("xRange return", ret);
        return ret;
      });
    };
    var replaceStars = (comp, options) => {
      debug3("replaceStars", comp, options);
      return comp.trim().replace(re[t.STAR], "");
    };
    var replaceGTE0 = (comp, options) => {
      debug3("replaceGTE0", comp, options);
      return comp.trim().replace(re[options.includePrerelease ? t.GTE0PRE : t.GTE0], "");
    };
    var hyphenReplace = (incPr) => ($0, from, fM, fm, fp, fpr, fb, to, tM, tm, tp, tpr) => {
      if (isX(fM)) {
        from = "";
      } else if (isX(fm)) {
        from = `>=${fM}.0.0${incPr ? "-0" : ""}`;
      } else if (isX(fp)) {
        from = `>=${fM}.${fm}.0${incPr ? "-0" : ""}`;
      } else if (fpr) {
        from = `>=${from}`;
      } else {
        from = `>=${from}${incPr ? "-0" : ""}`;
      }
      if (isX(tM)) {
        to = "";
      } else if (isX(tm)) {
        to = `<${+tM + 1}.0.0-0`;
      } else if (isX(tp)) {
        to = `<${tM}.${+tm + 1}.0-0`;
      } else if (tpr) {
        to = `<=${tM}.${tm}.${tp}-${tpr}`;
      } else if (incPr) {
        to = `<${tM}.${tm}.${+tp + 1}-0`;
      } else {
        to = `<=${to}`;
      }
      return `${from} ${to}`.trim();
    };
    var testSet = (set, version, options) => {
      for (let i = 0; i < set.length; i++) {
        if (!set[i].test(version)) {
          return false;
        }
      }
      if (version.prerelease.length && !options.includePrerelease) {
        for (let i = 0; i < set.length; i++) {
          debug3(set[i].semver);
          if (set[i].semver === Comparator.ANY) {
            continue;
          }
          if (set[i].semver.prerelease.length > 0) {
            const allowed = set[i].semver;
            if (allowed.major === version.major && allowed.minor === version.minor && allowed.patch === version.patch) {
              return true;
            }
          }
        }
        return false;
      }
      return true;
    };
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/classes/comparator.js
var require_comparator = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/classes/comparator.js"(exports, module) {
    "use strict";
    var ANY = /* @__PURE__ */ Symbol("SemVer ANY");
    var Comparator = class _Comparator {
      static get ANY() {
        return ANY;
      }
      constructor(comp, options) {
        options = parseOptions(options);
        if (comp instanceof _Comparator) {
          if (comp.loose === !!options.loose) {
            return comp;
          } else {
            comp = comp.value;
          }
        }
        comp = comp.trim().split(/\s+/).join(" ");
        debug3("comparator", comp, options);
        this.options = options;
        this.loose = !!options.loose;
        this.parse(comp);
        if (this.semver === ANY) {
          this.value = "";
        } else {
          this.value = this.operator + this.semver.version;
        }
        debug3("comp", this);
      }
      parse(comp) {
        const r = this.options.loose ? re[t.COMPARATORLOOSE] : re[t.COMPARATOR];
        const m = comp.match(r);
        if (!m) {
          throw new TypeError(`Invalid comparator: ${comp}`);
        }
        this.operator = m[1] !== void 0 ? m[1] : "";
        if (this.operator === "=") {
          this.operator = "";
        }
        if (!m[2]) {
          this.semver = ANY;
        } else {
          this.semver = new SemVer(m[2], this.options.loose);
        }
      }
      toString() {
        return this.value;
      }
      test(version) {
        debug3("Comparator.test", version, this.options.loose);
        if (this.semver === ANY || version === ANY) {
          return true;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        return cmp(version, this.operator, this.semver, this.options);
      }
      intersects(comp, options) {
        if (!(comp instanceof _Comparator)) {
          throw new TypeError("a Comparator is required");
        }
        if (this.operator === "") {
          if (this.value === "") {
            return true;
          }
          return new Range(comp.value, options).test(this.value);
        } else if (comp.operator === "") {
          if (comp.value === "") {
            return true;
          }
          return new Range(this.value, options).test(comp.semver);
        }
        options = parseOptions(options);
        if (options.includePrerelease && (this.value === "<0.0.0-0" || comp.value === "<0.0.0-0")) {
          return false;
        }
        if (!options.includePrerelease && (this.value.startsWith("<0.0.0") || comp.value.startsWith("<0.0.0"))) {
          return false;
        }
        if (this.operator.startsWith(">") && comp.operator.startsWith(">")) {
          return true;
        }
        if (this.operator.startsWith("<") && comp.operator.startsWith("<")) {
          return true;
        }
        if (this.semver.version === comp.semver.version && this.operator.includes("=") && comp.operator.includes("=")) {
          return true;
        }
        if (cmp(this.semver, "<", comp.semver, options) && this.operator.startsWith(">") && comp.operator.startsWith("<")) {
          return true;
        }
        if (cmp(this.semver, ">", comp.semver, options) && this.operator.startsWith("<") && comp.operator.startsWith(">")) {
          return true;
        }
        return false;
      }
    };
    module.exports = Comparator;
    var parseOptions = require_parse_options();
    var { safeRe: re, t } = require_re();
    var cmp = require_cmp();
    var debug3 = require_debug();
    var SemVer = require_semver();
    var Range = require_range();
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/functions/satisfies.js
var require_satisfies = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/functions/satisfies.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var satisfies = (version, range, options) => {
      try {
        range = new Range(range, options);
      } catch (er) {
        return false;
      }
      return range.test(version);
    };
    module.exports = satisfies;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/ranges/to-comparators.js
var require_to_comparators = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/ranges/to-comparators.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var toComparators = (range, options) => new Range(range, options).set.map((comp) => comp.map((c) => c.value).join(" ").trim().split(" "));
    module.exports = toComparators;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/ranges/max-satisfying.js
var require_max_satisfying = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/ranges/max-satisfying.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var maxSatisfying = (versions, range, options) => {
      let max = null;
      let maxSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range, options);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!max || maxSV.compare(v) === -1) {
            max = v;
            maxSV = new SemVer(max, options);
          }
        }
      });
      return max;
    };
    module.exports = maxSatisfying;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/ranges/min-satisfying.js
var require_min_satisfying = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/ranges/min-satisfying.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var minSatisfying = (versions, range, options) => {
      let min = null;
      let minSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range, options);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!min || minSV.compare(v) === 1) {
            min = v;
            minSV = new SemVer(min, options);
          }
        }
      });
      return min;
    };
    module.exports = minSatisfying;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/ranges/min-version.js
var require_min_version = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/ranges/min-version.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var gt = require_gt();
    var minVersion = (range, loose) => {
      range = new Range(range, loose);
      let minver = new SemVer("0.0.0");
      if (range.test(minver)) {
        return minver;
      }
      minver = new SemVer("0.0.0-0");
      if (range.test(minver)) {
        return minver;
      }
      minver = null;
      for (let i = 0; i < range.set.length; ++i) {
        const comparators = range.set[i];
        let setMin = null;
        comparators.forEach((comparator) => {
          const compver = new SemVer(comparator.semver.version);
          switch (comparator.operator) {
            case ">":
              if (compver.prerelease.length === 0) {
                compver.patch++;
              } else {
                compver.prerelease.push(0);
              }
              compver.raw = compver.format();
            /* fallthrough */
            case "":
            case ">=":
              if (!setMin || gt(compver, setMin)) {
                setMin = compver;
              }
              break;
            case "<":
            case "<=":
              break;
            /* istanbul ignore next */
            default:
              throw new Error(`Unexpected operation: ${comparator.operator}`);
          }
        });
        if (setMin && (!minver || gt(minver, setMin))) {
          minver = setMin;
        }
      }
      if (minver && range.test(minver)) {
        return minver;
      }
      return null;
    };
    module.exports = minVersion;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/ranges/valid.js
var require_valid2 = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/ranges/valid.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var validRange = (range, options) => {
      try {
        return new Range(range, options).range || "*";
      } catch (er) {
        return null;
      }
    };
    module.exports = validRange;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/ranges/outside.js
var require_outside = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/ranges/outside.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var Range = require_range();
    var satisfies = require_satisfies();
    var gt = require_gt();
    var lt = require_lt();
    var lte = require_lte();
    var gte = require_gte();
    var outside = (version, range, hilo, options) => {
      version = new SemVer(version, options);
      range = new Range(range, options);
      let gtfn, ltefn, ltfn, comp, ecomp;
      switch (hilo) {
        case ">":
          gtfn = gt;
          ltefn = lte;
          ltfn = lt;
          comp = ">";
          ecomp = ">=";
          break;
        case "<":
          gtfn = lt;
          ltefn = gte;
          ltfn = gt;
          comp = "<";
          ecomp = "<=";
          break;
        default:
          throw new TypeError('Must provide a hilo val of "<" or ">"');
      }
      if (satisfies(version, range, options)) {
        return false;
      }
      for (let i = 0; i < range.set.length; ++i) {
        const comparators = range.set[i];
        let high = null;
        let low = null;
        comparators.forEach((comparator) => {
          if (comparator.semver === ANY) {
            comparator = new Comparator(">=0.0.0");
          }
          high = high || comparator;
          low = low || comparator;
          if (gtfn(comparator.semver, high.semver, options)) {
            high = comparator;
          } else if (ltfn(comparator.semver, low.semver, options)) {
            low = comparator;
          }
        });
        if (high.operator === comp || high.operator === ecomp) {
          return false;
        }
        if ((!low.operator || low.operator === comp) && ltefn(version, low.semver)) {
          return false;
        } else if (low.operator === ecomp && ltfn(version, low.semver)) {
          return false;
        }
      }
      return true;
    };
    module.exports = outside;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/ranges/gtr.js
var require_gtr = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/ranges/gtr.js"(exports, module) {
    "use strict";
    var outside = require_outside();
    var gtr = (version, range, options) => outside(version, range, ">", options);
    module.exports = gtr;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/ranges/ltr.js
var require_ltr = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/ranges/ltr.js"(exports, module) {
    "use strict";
    var outside = require_outside();
    var ltr = (version, range, options) => outside(version, range, "<", options);
    module.exports = ltr;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/ranges/intersects.js
var require_intersects = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/ranges/intersects.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var intersects = (r1, r2, options) => {
      r1 = new Range(r1, options);
      r2 = new Range(r2, options);
      return r1.intersects(r2, options);
    };
    module.exports = intersects;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/ranges/simplify.js
var require_simplify = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/ranges/simplify.js"(exports, module) {
    "use strict";
    var satisfies = require_satisfies();
    var compare = require_compare();
    module.exports = (versions, range, options) => {
      const set = [];
      let first = null;
      let prev = null;
      const v = versions.sort((a, b) => compare(a, b, options));
      for (const version of v) {
        const included = satisfies(version, range, options);
        if (included) {
          prev = version;
          if (!first) {
            first = version;
          }
        } else {
          if (prev) {
            set.push([first, prev]);
          }
          prev = null;
          first = null;
        }
      }
      if (first) {
        set.push([first, null]);
      }
      const ranges = [];
      for (const [min, max] of set) {
        if (min === max) {
          ranges.push(min);
        } else if (!max && min === v[0]) {
          ranges.push("*");
        } else if (!max) {
          ranges.push(`>=${min}`);
        } else if (min === v[0]) {
          ranges.push(`<=${max}`);
        } else {
          ranges.push(`${min} - ${max}`);
        }
      }
      const simplified = ranges.join(" || ");
      const original = typeof range.raw === "string" ? range.raw : String(range);
      return simplified.length < original.length ? simplified : range;
    };
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/ranges/subset.js
var require_subset = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/ranges/subset.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var satisfies = require_satisfies();
    var compare = require_compare();
    var subset = (sub, dom, options = {}) => {
      if (sub === dom) {
        return true;
      }
      sub = new Range(sub, options);
      dom = new Range(dom, options);
      let sawNonNull = false;
      OUTER: for (const simpleSub of sub.set) {
        for (const simpleDom of dom.set) {
          const isSub = simpleSubset(simpleSub, simpleDom, options);
          sawNonNull = sawNonNull || isSub !== null;
          if (isSub) {
            continue OUTER;
          }
        }
        if (sawNonNull) {
          return false;
        }
      }
      return true;
    };
    var minimumVersionWithPreRelease = [new Comparator(">=0.0.0-0")];
    var minimumVersion = [new Comparator(">=0.0.0")];
    var simpleSubset = (sub, dom, options) => {
      if (sub === dom) {
        return true;
      }
      if (sub.length === 1 && sub[0].semver === ANY) {
        if (dom.length === 1 && dom[0].semver === ANY) {
          return true;
        } else if (options.includePrerelease) {
          sub = minimumVersionWithPreRelease;
        } else {
          sub = minimumVersion;
        }
      }
      if (dom.length === 1 && dom[0].semver === ANY) {
        if (options.includePrerelease) {
          return true;
        } else {
          dom = minimumVersion;
        }
      }
      const eqSet = /* @__PURE__ */ new Set();
      let gt, lt;
      for (const c of sub) {
        if (c.operator === ">" || c.operator === ">=") {
          gt = higherGT(gt, c, options);
        } else if (c.operator === "<" || c.operator === "<=") {
          lt = lowerLT(lt, c, options);
        } else {
          eqSet.add(c.semver);
        }
      }
      if (eqSet.size > 1) {
        return null;
      }
      let gtltComp;
      if (gt && lt) {
        gtltComp = compare(gt.semver, lt.semver, options);
        if (gtltComp > 0) {
          return null;
        } else if (gtltComp === 0 && (gt.operator !== ">=" || lt.operator !== "<=")) {
          return null;
        }
      }
      for (const eq of eqSet) {
        if (gt && !satisfies(eq, String(gt), options)) {
          return null;
        }
        if (lt && !satisfies(eq, String(lt), options)) {
          return null;
        }
        for (const c of dom) {
          if (!satisfies(eq, String(c), options)) {
            return false;
          }
        }
        return true;
      }
      let higher, lower;
      let hasDomLT, hasDomGT;
      let needDomLTPre = lt && !options.includePrerelease && lt.semver.prerelease.length ? lt.semver : false;
      let needDomGTPre = gt && !options.includePrerelease && gt.semver.prerelease.length ? gt.semver : false;
      if (needDomLTPre && needDomLTPre.prerelease.length === 1 && lt.operator === "<" && needDomLTPre.prerelease[0] === 0) {
        needDomLTPre = false;
      }
      for (const c of dom) {
        hasDomGT = hasDomGT || c.operator === ">" || c.operator === ">=";
        hasDomLT = hasDomLT || c.operator === "<" || c.operator === "<=";
        if (gt) {
          if (needDomGTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomGTPre.major && c.semver.minor === needDomGTPre.minor && c.semver.patch === needDomGTPre.patch) {
              needDomGTPre = false;
            }
          }
          if (c.operator === ">" || c.operator === ">=") {
            higher = higherGT(gt, c, options);
            if (higher === c && higher !== gt) {
              return false;
            }
          } else if (gt.operator === ">=" && !c.test(gt.semver)) {
            return false;
          }
        }
        if (lt) {
          if (needDomLTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomLTPre.major && c.semver.minor === needDomLTPre.minor && c.semver.patch === needDomLTPre.patch) {
              needDomLTPre = false;
            }
          }
          if (c.operator === "<" || c.operator === "<=") {
            lower = lowerLT(lt, c, options);
            if (lower === c && lower !== lt) {
              return false;
            }
          } else if (lt.operator === "<=" && !c.test(lt.semver)) {
            return false;
          }
        }
        if (!c.operator && (lt || gt) && gtltComp !== 0) {
          return false;
        }
      }
      if (gt && hasDomLT && !lt && gtltComp !== 0) {
        return false;
      }
      if (lt && hasDomGT && !gt && gtltComp !== 0) {
        return false;
      }
      if (needDomGTPre || needDomLTPre) {
        return false;
      }
      return true;
    };
    var higherGT = (a, b, options) => {
      if (!a) {
        return b;
      }
      const comp = compare(a.semver, b.semver, options);
      return comp > 0 ? a : comp < 0 ? b : b.operator === ">" && a.operator === ">=" ? b : a;
    };
    var lowerLT = (a, b, options) => {
      if (!a) {
        return b;
      }
      const comp = compare(a.semver, b.semver, options);
      return comp < 0 ? a : comp > 0 ? b : b.operator === "<" && a.operator === "<=" ? b : a;
    };
    module.exports = subset;
  }
});

// node_modules/@actions/tool-cache/node_modules/semver/index.js
var require_semver2 = __commonJS({
  "node_modules/@actions/tool-cache/node_modules/semver/index.js"(exports, module) {
    "use strict";
    var internalRe = require_re();
    var constants = require_constants();
    var SemVer = require_semver();
    var identifiers = require_identifiers();
    var parse = require_parse();
    var valid = require_valid();
    var clean = require_clean();
    var inc = require_inc();
    var diff = require_diff();
    var major = require_major();
    var minor = require_minor();
    var patch = require_patch();
    var prerelease = require_prerelease();
    var compare = require_compare();
    var rcompare = require_rcompare();
    var compareLoose = require_compare_loose();
    var compareBuild = require_compare_build();
    var sort = require_sort();
    var rsort = require_rsort();
    var gt = require_gt();
    var lt = require_lt();
    var eq = require_eq();
    var neq = require_neq();
    var gte = require_gte();
    var lte = require_lte();
    var cmp = require_cmp();
    var coerce = require_coerce();
    var truncate = require_truncate();
    var Comparator = require_comparator();
    var Range = require_range();
    var satisfies = require_satisfies();
    var toComparators = require_to_comparators();
    var maxSatisfying = require_max_satisfying();
    var minSatisfying = require_min_satisfying();
    var minVersion = require_min_version();
    var validRange = require_valid2();
    var outside = require_outside();
    var gtr = require_gtr();
    var ltr = require_ltr();
    var intersects = require_intersects();
    var simplifyRange = require_simplify();
    var subset = require_subset();
    module.exports = {
      parse,
      valid,
      clean,
      inc,
      diff,
      major,
      minor,
      patch,
      prerelease,
      compare,
      rcompare,
      compareLoose,
      compareBuild,
      sort,
      rsort,
      gt,
      lt,
      eq,
      neq,
      gte,
      lte,
      cmp,
      coerce,
      truncate,
      Comparator,
      Range,
      satisfies,
      toComparators,
      maxSatisfying,
      minSatisfying,
      minVersion,
      validRange,
      outside,
      gtr,
      ltr,
      intersects,
      simplifyRange,
      subset,
      SemVer,
      re: internalRe.re,
      src: internalRe.src,
      tokens: internalRe.t,
      SEMVER_SPEC_VERSION: constants.SEMVER_SPEC_VERSION,
      RELEASE_TYPES: constants.RELEASE_TYPES,
      compareIdentifiers: identifiers.compareIdentifiers,
      rcompareIdentifiers: identifiers.rcompareIdentifiers
    };
  }
});

// conveyor-builtin:stream
var require_stream = __commonJS({
  "conveyor-builtin:stream"(exports, module) {
    module.exports = __require("node:stream");
  }
});

// packages/release/src/action.ts
var fs4 = __toESM(require_fs(), 1);

// packages/kit/src/outputs.ts
function setOutputs(outputs) {
  for (const [name, value] of Object.entries(outputs)) setOutput(name, formatOutput(value));
}
function formatOutput(value) {
  if (value === void 0) return "";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

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
  const line2 = (cells) => `| ${cells.map(cell).join(" | ")} |`;
  return [line2(headers), `|${headers.map(() => " --- ").join("|")}|`, ...rows.map(line2)].join("\n") + "\n";
}
function details(summary2, body, options = {}) {
  return `<details${options.open ? " open" : ""}><summary>${escapeHtml(summary2)}</summary>

${body.trimEnd()}

</details>
`;
}
function fitMarkdown(markdown, limitBytes, notice = "The rest was cut to fit GitHub's size limit.") {
  if (Buffer.byteLength(markdown) <= limitBytes) return markdown;
  const tail = `

> [!NOTE]
> ${notice}
`;
  const budget = Math.max(0, limitBytes - Buffer.byteLength(tail) - 64);
  let cut = Buffer.from(markdown).subarray(0, budget).toString("utf8");
  if (cut.endsWith("�")) cut = cut.slice(0, -1);
  const lastNewline = cut.lastIndexOf("\n");
  if (lastNewline > 0) cut = cut.slice(0, lastNewline + 1);
  let closers = "";
  const fences = cut.match(/^(`{3,})/gm) ?? [];
  if (fences.length % 2 === 1) closers += `${fences[fences.length - 1]}
`;
  const opened = (cut.match(/<details/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length;
  for (let i = 0; i < opened; i++) closers += "\n</details>\n";
  return cut + closers + tail;
}
function writeSummary(markdown, env = process.env) {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  const used = fs.existsSync(file) ? fs.statSync(file).size : 0;
  const room = SUMMARY_LIMIT_BYTES - used;
  if (room <= 256) return false;
  fs.appendFileSync(file, fitMarkdown(markdown.endsWith("\n") ? markdown : `${markdown}
`, room));
  return true;
}

// packages/kit/src/log.ts
async function group2(name, fn) {
  return group(name, fn);
}
var info2 = (message) => info(message);
var debug2 = (message) => debug(message);
var warning2 = (message) => warning(message);

// packages/kit/src/context.ts
var fs2 = __toESM(require_fs());
function readContext(env = process.env) {
  const [owner = "", repo = ""] = (env.GITHUB_REPOSITORY ?? "").split("/");
  let payload = {};
  const eventPath = env.GITHUB_EVENT_PATH;
  if (eventPath && fs2.existsSync(eventPath)) {
    try {
      payload = JSON.parse(fs2.readFileSync(eventPath, "utf8"));
    } catch (error) {
      throw new ConveyorError(`The event payload ${eventPath} (GITHUB_EVENT_PATH) is not valid JSON.`, { cause: error });
    }
  }
  return {
    eventName: env.GITHUB_EVENT_NAME ?? "",
    ref: env.GITHUB_REF ?? "",
    refName: env.GITHUB_REF_NAME ?? "",
    refType: env.GITHUB_REF_TYPE ?? "",
    sha: env.GITHUB_SHA ?? "",
    baseRef: env.GITHUB_BASE_REF ?? "",
    headRef: env.GITHUB_HEAD_REF ?? "",
    owner,
    repo,
    serverUrl: (env.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/$/, ""),
    apiUrl: (env.GITHUB_API_URL ?? "https://api.github.com").replace(/\/$/, ""),
    runId: env.GITHUB_RUN_ID ?? "",
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? "",
    actor: env.GITHUB_ACTOR ?? "",
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    payload
  };
}

// packages/kit/src/app-credentials.ts
var crypto = __toESM(require_crypto());
var APP_ID = /^(\d+|Iv[0-9A-Za-z.]+)$/;
var KEY_HELP = `paste the whole .pem file that the App's settings page ("Private keys", Generate a private key) downloads, from its -----BEGIN line to its -----END line, into a secret and pass that secret`;
function checkAppPrivateKey(raw, name = "app-private-key") {
  let key = raw.trim();
  if (!key.includes("\n") && key.includes("\\n")) key = key.replace(/\\n/g, "\n");
  if (key !== raw) maskSecret(key, { name, warnShort: false });
  if (/-----BEGIN (RSA )?PUBLIC KEY-----/.test(key) || /-----BEGIN CERTIFICATE-----/.test(key)) {
    return { problem: `Input '${name}' holds a public key or certificate, not the App's private key: ${KEY_HELP}.` };
  }
  if (!/-----BEGIN ([A-Z]+ )?PRIVATE KEY-----/.test(key)) {
    return { problem: `Input '${name}' is not a PEM private key (no -----BEGIN … PRIVATE KEY----- line): ${KEY_HELP}.` };
  }
  let parsed;
  try {
    parsed = crypto.createPrivateKey({ key, format: "pem" });
  } catch {
    return { problem: `Input '${name}' looks like a PEM private key but cannot be read (cut short, or lines lost when it was copied; a key with a passphrase is not accepted): ${KEY_HELP}.` };
  }
  if (parsed.asymmetricKeyType !== "rsa") {
    return { problem: `Input '${name}' is a${parsed.asymmetricKeyType === "ec" ? "n" : ""} ${parsed.asymmetricKeyType ?? "unknown"} key, but GitHub App keys are RSA (their JWTs are signed RS256): ${KEY_HELP}.` };
  }
  return { key };
}
function appCredentials(inputs) {
  const appId = inputs["app-id"].trim();
  const rawKey = inputs["app-private-key"];
  const installationId = inputs["app-installation-id"];
  const hasKey = rawKey.trim() !== "";
  if (!appId && !hasKey) {
    return {
      problems: installationId === void 0 ? [] : ["Input 'app-installation-id' is set, but 'app-id' and 'app-private-key' are empty: give the App's ID and private key too, or drop app-installation-id."]
    };
  }
  const problems = [];
  if (!appId) problems.push("Input 'app-id' is empty but 'app-private-key' is set: a GitHub App credential needs both; give the App ID shown on the App's settings page (an `app-id` input, often from a variable such as `vars.RELEASE_APP_ID`).");
  else if (!APP_ID.test(appId)) problems.push(`Input 'app-id' is ${JSON.stringify(appId.slice(0, 40))}; accepted: the App's numeric App ID (e.g. 123456) or its client ID (Iv…), from the App's settings page.`);
  let key;
  if (!hasKey) problems.push("Input 'app-private-key' is empty but 'app-id' is set: a GitHub App credential needs both; pass the App's private key from a secret (`${{ secrets.RELEASE_APP_KEY }}`). A secret that is not available to this workflow (a fork's pull request, a missing `secrets:` line on a reusable workflow) is empty too.");
  else {
    const checked = checkAppPrivateKey(rawKey);
    if ("problem" in checked) problems.push(checked.problem);
    else key = checked.key;
  }
  if (problems.length > 0 || key === void 0) return { problems };
  return { credentials: { appId, privateKey: key, ...installationId === void 0 ? {} : { installationId } }, problems };
}

// packages/git/src/errors.ts
var GitError = class extends ConveyorError {
  command;
  exitCode;
  stderr;
  hint;
  constructor(command, exitCode, stderr, hint, options) {
    const tail = stderr.trimEnd().split(/\r?\n/).slice(-20).join("\n");
    super(`\`${command}\` failed with exit code ${exitCode}${tail ? `:
${tail}` : ""}${hint ? `
${hint}` : ""}`, options);
    this.command = command;
    this.exitCode = exitCode;
    this.stderr = stderr;
    this.hint = hint;
  }
};
var HINTS = [
  {
    test: /not a git repository/i,
    hint: "Run actions/checkout before this step, or point the working directory at the repository."
  },
  {
    test: /shallow|unknown revision|bad revision|ambiguous argument|invalid object name|no merge base/i,
    hint: "If this is a shallow clone, fetch the full history: set `fetch-depth: 0` on actions/checkout. Otherwise check that the revision exists."
  },
  {
    test: /does not have any commits yet/i,
    hint: "The branch has no commits yet; make a first commit before running this step."
  },
  {
    test: /protected branch|GH006|GH013|push declined due to repository rule/i,
    hint: "The branch is protected: let this workflow push through a pull request instead, or allow its token to bypass the rule."
  },
  {
    test: /Authentication failed|could not read Username|Permission to .* denied|\b403\b/i,
    hint: "The token cannot push: give the job `permissions: contents: write` and let actions/checkout persist its credentials (the default), or pass a token that can write to the repository."
  },
  {
    test: /Please tell me who you are|empty ident name|unable to auto-detect email/i,
    hint: "git has no committer identity: pass an author, or set user.name and user.email with `git config` in an earlier step."
  },
  {
    test: /already exists/i,
    hint: "The tag already exists on the remote with another commit; delete it there first or choose another version."
  },
  {
    test: /CONFLICT|could not apply|Resolve all conflicts/i,
    hint: "The remote branch changed the same lines; the rebase was aborted and nothing was pushed. Re-run the job on the latest commit."
  }
];
function hintFor(stderr) {
  return HINTS.find((rule) => rule.test.test(stderr))?.hint;
}

// packages/git/src/command.ts
var import_node_child_process = __toESM(require_child_process(), 1);
var fs3 = __toESM(require_fs(), 1);
var GLOBAL_ARGS = ["-c", "core.quotepath=off", "--no-pager"];
function gitEnv(extra, config) {
  const env = { ...process.env, ...extra, LC_ALL: "C", LANGUAGE: "C", GIT_PAGER: "cat", PAGER: "cat", GIT_TERMINAL_PROMPT: "0" };
  const entries = Object.entries(config ?? {});
  if (entries.length > 0) {
    const start = Math.max(0, Number.parseInt(env.GIT_CONFIG_COUNT ?? "0", 10) || 0);
    entries.forEach(([name, value], i) => {
      env[`GIT_CONFIG_KEY_${start + i}`] = name;
      env[`GIT_CONFIG_VALUE_${start + i}`] = value;
    });
    env.GIT_CONFIG_COUNT = String(start + entries.length);
  }
  return env;
}
function display(args) {
  return ["git", ...args].map((a) => /^[\w@%+=:,./^~-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`).join(" ");
}
function spawnGit(dir, args, config, env) {
  debug2(`[git] ${display(args)} (in ${dir})`);
  return (0, import_node_child_process.spawn)("git", [...GLOBAL_ARGS, ...args], { cwd: dir, env: gitEnv(env, config), stdio: ["pipe", "pipe", "pipe"] });
}
function failure(args, exitCode, stderr, hint) {
  return new GitError(display(args), exitCode, stderr, hintFor(stderr) ?? hint);
}
function spawnError(dir, args, error) {
  if (!fs3.existsSync(dir)) {
    return new GitError(display(args), -1, "", `The repository folder ${dir} does not exist; check the path (and run actions/checkout first).`);
  }
  if (error.code === "ENOENT") return new ToolNotFoundError("git", "Install git on the runner (it is on every GitHub-hosted runner).");
  return new GitError(display(args), -1, error.message);
}
function gitBytes(dir, args, options = {}) {
  const okCodes = options.okCodes ?? [0];
  return new Promise((resolve, reject) => {
    let child;
    try {
      child = spawnGit(dir, args, options.config, options.env);
    } catch (error) {
      reject(spawnError(dir, args, error));
      return;
    }
    const out = [];
    const err = [];
    child.stdout.on("data", (chunk) => out.push(chunk));
    child.stderr.on("data", (chunk) => err.push(chunk));
    child.on("error", (error) => reject(spawnError(dir, args, error)));
    child.on("close", (code) => {
      const result = { exitCode: code ?? 128, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString("utf8") };
      if (okCodes.includes(result.exitCode)) resolve(result);
      else reject(failure(args, result.exitCode, result.stderr, options.hint));
    });
    child.stdin.on("error", () => {
    });
    child.stdin.end(options.input ?? "");
  });
}
async function git(dir, args, options = {}) {
  const result = await gitBytes(dir, args, options);
  return { exitCode: result.exitCode, stdout: result.stdout.toString("utf8"), stderr: result.stderr };
}
async function* streamGit(dir, args, options = {}) {
  const child = spawnGit(dir, args, options.config, options.env);
  child.stdin.end();
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk) => {
    if (stderr.length < 64 * 1024) stderr += chunk;
  });
  let spawnFailure;
  const exited = new Promise((resolve) => {
    child.on("error", (error) => {
      spawnFailure = spawnError(dir, args, error);
      resolve(-1);
    });
    child.on("close", (code) => resolve(code ?? 128));
  });
  let finished = false;
  try {
    for await (const chunk of child.stdout) yield chunk;
    const code = await exited;
    finished = true;
    if (spawnFailure) throw spawnFailure;
    if (code !== 0) throw failure(args, code, stderr, options.hint);
  } finally {
    if (!finished && child.exitCode === null) child.kill();
  }
}

// packages/git/src/records.ts
var NulRecordSplitter = class {
  #pending = [];
  #pendingBytes = 0;
  /** Feeds one chunk; returns the records it completed (possibly none). */
  push(chunk) {
    const records = [];
    let start = 0;
    for (let nul = chunk.indexOf(0, start); nul !== -1; nul = chunk.indexOf(0, start)) {
      const piece = chunk.subarray(start, nul);
      if (this.#pendingBytes > 0) {
        this.#pending.push(piece);
        records.push(Buffer.concat(this.#pending, this.#pendingBytes + piece.length).toString("utf8"));
        this.#pending = [];
        this.#pendingBytes = 0;
      } else {
        records.push(piece.toString("utf8"));
      }
      start = nul + 1;
    }
    if (start < chunk.length) {
      this.#pending.push(Buffer.from(chunk.subarray(start)));
      this.#pendingBytes += chunk.length - start;
    }
    return records;
  }
  /** Ends the stream; returns the last record when it had no terminating NUL. */
  end() {
    if (this.#pendingBytes === 0) return [];
    const last = Buffer.concat(this.#pending, this.#pendingBytes).toString("utf8");
    this.#pending = [];
    this.#pendingBytes = 0;
    return [last];
  }
  /** Bytes held for the record in progress. */
  get pendingBytes() {
    return this.#pendingBytes;
  }
};

// packages/git/src/log.ts
var US = "";
var FORMAT = ["%H", "%P", "%an", "%ae", "%aI", "%B"].join("%x1f");
function checkRev(rev, what = "revision") {
  if (rev === "" || rev.startsWith("-") || /[\0\n]/.test(rev)) {
    throw new TypeError(`Invalid git ${what} ${JSON.stringify(rev)}: it must be a branch, tag, commit or range and must not start with '-'.`);
  }
  return rev;
}
function logArgs(options = {}) {
  const args = ["log", "-z", `--format=${FORMAT}`];
  if (options.firstParent) args.push("--first-parent");
  if (options.follow) {
    if (options.paths?.length !== 1) throw new TypeError("readLog: `follow` needs exactly one path.");
    args.push("--follow");
  }
  if (options.maxCount !== void 0) args.push(`--max-count=${options.maxCount}`);
  args.push(checkRev(options.range ?? "HEAD", "range"));
  args.push("--", ...options.paths ?? []);
  return args;
}
function splitMessage(message) {
  const text = message.replace(/^\s*\n/, "");
  const blank = /\n[ \t]*\n/.exec(text);
  const first = blank ? text.slice(0, blank.index) : text;
  const rest = blank ? text.slice(blank.index + blank[0].length) : "";
  return {
    subject: first.split("\n").map((line2) => line2.trim()).join(" ").trim(),
    body: rest.replace(/^\s*\n/, "").trimEnd()
  };
}
function parseCommitRecord(record) {
  const text = record.startsWith("\n") ? record.slice(1) : record;
  const fields = [];
  let start = 0;
  for (let i = 0; i < 5; i++) {
    const at = text.indexOf(US, start);
    if (at === -1) throw new Error(`Unexpected git log record (${fields.length} fields): ${JSON.stringify(text.slice(0, 200))}`);
    fields.push(text.slice(start, at));
    start = at + 1;
  }
  const [sha, parents, authorName, authorEmail, date] = fields;
  const message = text.slice(start).trimEnd();
  const { subject, body } = splitMessage(message);
  return {
    sha,
    parents: parents === "" ? [] : parents.split(" "),
    authorName,
    authorEmail,
    date,
    subject,
    body,
    message
  };
}
async function* readLog(dir, options = {}) {
  const splitter = new NulRecordSplitter();
  for await (const chunk of streamGit(dir, logArgs(options))) {
    for (const record of splitter.push(chunk)) yield parseCommitRecord(record);
  }
  for (const record of splitter.end()) {
    if (record.trim() !== "") yield parseCommitRecord(record);
  }
}

// packages/git/src/refs.ts
async function revParse(dir, rev) {
  const result = await git(dir, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${checkRev(rev)}^{commit}`], { okCodes: [0, 1, 128] });
  const sha = result.stdout.trim();
  return result.exitCode === 0 && sha !== "" ? sha : void 0;
}
async function currentBranch(dir) {
  const result = await git(dir, ["symbolic-ref", "--quiet", "--short", "HEAD"], { okCodes: [0, 1] });
  const name = result.stdout.trim();
  return result.exitCode === 0 && name !== "" ? name : void 0;
}
async function isShallow(dir) {
  const result = await git(dir, ["rev-parse", "--is-shallow-repository"]);
  return result.stdout.trim() === "true";
}
async function headState(dir) {
  const result = await git(dir, ["rev-parse", "--is-shallow-repository", "HEAD^{commit}", "--symbolic-full-name", "HEAD", "--"], { okCodes: [0, 128] });
  const [shallow, commit, ref] = result.stdout.split("\n");
  if (result.exitCode === 0 && (shallow === "true" || shallow === "false") && /^[0-9a-f]{40,64}$/.test(commit ?? "") && ref) {
    return { shallow: shallow === "true", commit, branch: ref.startsWith("refs/heads/") ? ref.slice("refs/heads/".length) : void 0 };
  }
  const [isShallowClone, head, branch] = await Promise.all([isShallow(dir), revParse(dir, "HEAD"), currentBranch(dir)]);
  return { shallow: isShallowClone, commit: head, branch };
}
var TAG_FORMAT = "--format=%(refname)%00%(objectname)%00%(objecttype)%00%(*objectname)%00%(*objecttype)";
function parseTagLines(output) {
  const tags = [];
  const nested = [];
  for (const line2 of output.split("\n")) {
    if (line2 === "") continue;
    const [ref = "", object = "", type = "", peeled = "", peeledType = ""] = line2.split("\0");
    const name = ref.replace(/^refs\/tags\//, "");
    if (type === "commit") tags.push({ name, commit: object, object, annotated: false });
    else if (type === "tag" && peeledType === "commit") tags.push({ name, commit: peeled, object, annotated: true });
    else if (type === "tag" && peeledType === "tag") nested.push(name);
  }
  return { tags, nested };
}
async function tagsFrom(dir, filter, pattern) {
  const patterns = pattern === void 0 ? ["refs/tags"] : [`refs/tags/${pattern}`];
  const result = await git(dir, ["for-each-ref", TAG_FORMAT, ...filter, "--", ...patterns]);
  const { tags, nested } = parseTagLines(result.stdout);
  for (const name of nested) {
    const object = (await git(dir, ["rev-parse", "--verify", `refs/tags/${name}`])).stdout.trim();
    const commit = await revParse(dir, `refs/tags/${name}`);
    if (commit) tags.push({ name, commit, object, annotated: true });
  }
  return tags.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
function listTags(dir, options = {}) {
  return tagsFrom(dir, [], options.pattern);
}
function tagsReachableFrom(dir, rev, options = {}) {
  return tagsFrom(dir, ["--merged", checkRev(rev)], options.pattern);
}

// packages/git/src/remote.ts
function checkName(value, what) {
  if (value === "" || value.startsWith("-") || /[\0\n\s:]/.test(value)) {
    throw new TypeError(`Invalid ${what} ${JSON.stringify(value)}: it must be a plain name without spaces or ':' that does not start with '-'.`);
  }
  return value;
}
async function fetch(dir, options = {}) {
  const remote = checkName(options.remote ?? "origin", "remote");
  const args = ["fetch", "--quiet", "--no-recurse-submodules"];
  if (options.unshallow && await isShallow(dir)) args.push("--unshallow");
  if (options.tags) args.push("--tags", "--force");
  args.push("--", remote, ...(options.refspecs ?? []).map((r) => checkRev(r, "refspec")));
  await git(dir, args);
}
async function remoteUrl(dir, remote = "origin") {
  const result = await git(dir, ["config", "--get", `remote.${checkName(remote, "remote")}.url`], { okCodes: [0, 1] });
  const url = result.stdout.trim();
  return result.exitCode === 0 && url !== "" ? url : void 0;
}
function githubRepositoryOf(url, serverUrl = "https://github.com") {
  const server = new URL(serverUrl).hostname.toLowerCase();
  const hosts = /* @__PURE__ */ new Set([server, ...server === "github.com" ? ["www.github.com", "ssh.github.com"] : []]);
  let host;
  let pathname;
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/\/)(.+)$/.exec(url);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      return void 0;
    }
    if (!["https:", "http:", "ssh:", "git:", "git+ssh:", "ssh+git:"].includes(parsed.protocol)) return void 0;
    host = parsed.hostname;
    pathname = decodeURIComponent(parsed.pathname);
  } else if (scp) {
    host = scp[1];
    pathname = scp[2];
  } else {
    return void 0;
  }
  if (!hosts.has(host.toLowerCase())) return void 0;
  const match = /^\/?([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([\w.-]+?)(?:\.git)?\/?$/.exec(pathname);
  if (!match || match[2] === "." || match[2] === "..") return void 0;
  return { owner: match[1], repo: match[2] };
}

// packages/release/src/action.ts
var import_semver4 = __toESM(require_semver2(), 1);

// node_modules/conventional-commits-parser/dist/regex.js
var nomatchRegex = /(?!.*)/;
function escape(string) {
  return string.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function joinOr(parts) {
  return parts.map((val) => typeof val === "string" ? escape(val.trim()) : val.source).filter(Boolean).join("|");
}
function getNotesRegex(noteKeywords, notesPattern) {
  if (!noteKeywords) {
    return nomatchRegex;
  }
  const noteKeywordsSelection = joinOr(noteKeywords);
  if (!notesPattern) {
    return new RegExp(`^[\\s|*]*(${noteKeywordsSelection})[:\\s]+(.*)`, "i");
  }
  return notesPattern(noteKeywordsSelection);
}
function getReferencePartsRegex(issuePrefixes, issuePrefixesCaseSensitive) {
  if (!issuePrefixes) {
    return nomatchRegex;
  }
  const flags = issuePrefixesCaseSensitive ? "g" : "gi";
  return new RegExp(`(?:.*?)??\\s*([\\w-\\.\\/]*?)??(${joinOr(issuePrefixes)})([\\w-]+)(?=\\s|$|[,;)\\]])`, flags);
}
function getReferencesRegex(referenceActions) {
  if (!referenceActions) {
    return /()(.+)/gi;
  }
  const joinedKeywords = joinOr(referenceActions);
  return new RegExp(`(${joinedKeywords})(?:\\s+(.*?))(?=(?:${joinedKeywords})|$)`, "gi");
}
function getParserRegexes(options = {}) {
  const notes = getNotesRegex(options.noteKeywords, options.notesPattern);
  const referenceParts = getReferencePartsRegex(options.issuePrefixes, options.issuePrefixesCaseSensitive);
  const references = getReferencesRegex(options.referenceActions);
  return {
    notes,
    referenceParts,
    references,
    mentions: /@([\w-]+)/g,
    url: /\b(?:https?):\/\/(?:www\.)?([-a-zA-Z0-9@:%_+.~#?&//=])+\b/
  };
}

// node_modules/conventional-commits-parser/dist/utils.js
var SCISSOR = "------------------------ >8 ------------------------";
function trimNewLines(input) {
  const matches = input.match(/[^\r\n]/);
  if (typeof matches?.index !== "number") {
    return "";
  }
  const firstIndex = matches.index;
  let lastIndex = input.length - 1;
  while (input[lastIndex] === "\r" || input[lastIndex] === "\n") {
    lastIndex--;
  }
  return input.substring(firstIndex, lastIndex + 1);
}
function appendLine(src, line2) {
  return src ? `${src}
${line2 || ""}` : line2 || "";
}
function getCommentFilter(char) {
  return char ? (line2) => !line2.startsWith(char) : () => true;
}
function truncateToScissor(lines, commentChar) {
  const scissorIndex = lines.indexOf(`${commentChar} ${SCISSOR}`);
  if (scissorIndex === -1) {
    return lines;
  }
  return lines.slice(0, scissorIndex);
}
function gpgFilter(line2) {
  return !line2.match(/^\s*gpg:/);
}
function assignMatchedCorrespondence(target, matches, correspondence) {
  const { groups } = matches;
  for (let i = 0, len = correspondence.length, key; i < len; i++) {
    key = correspondence[i];
    target[key] = (groups ? groups[key] : matches[i + 1]) || null;
  }
  return target;
}

// node_modules/conventional-commits-parser/dist/options.js
var defaultOptions = {
  noteKeywords: ["BREAKING CHANGE", "BREAKING-CHANGE"],
  issuePrefixes: ["#"],
  referenceActions: [
    "close",
    "closes",
    "closed",
    "fix",
    "fixes",
    "fixed",
    "resolve",
    "resolves",
    "resolved"
  ],
  headerPattern: /^(\w*)(?:\(([\w$@.\-*/ ]*)\))?: (.*)$/,
  headerCorrespondence: [
    "type",
    "scope",
    "subject"
  ],
  revertPattern: /^Revert\s"([\s\S]*)"\s*This reverts commit (\w*)\.?/,
  revertCorrespondence: ["header", "hash"],
  fieldPattern: /^-(.*?)-$/
};

// node_modules/conventional-commits-parser/dist/CommitParser.js
function createCommitObject(initialData = {}) {
  return {
    merge: null,
    revert: null,
    header: null,
    body: null,
    footer: null,
    notes: [],
    mentions: [],
    references: [],
    ...initialData
  };
}
var CommitParser = class {
  options;
  regexes;
  lines = [];
  lineIndex = 0;
  commit = createCommitObject();
  constructor(options = {}) {
    this.options = {
      ...defaultOptions,
      ...options
    };
    this.regexes = getParserRegexes(this.options);
  }
  currentLine() {
    return this.lines[this.lineIndex];
  }
  nextLine() {
    return this.lines[this.lineIndex++];
  }
  isLineAvailable() {
    return this.lineIndex < this.lines.length;
  }
  parseReference(input, action) {
    const { regexes } = this;
    if (regexes.url.test(input)) {
      return null;
    }
    const matches = regexes.referenceParts.exec(input);
    if (!matches) {
      return null;
    }
    let [raw, repository = null, prefix, issue] = matches;
    let owner = null;
    if (repository) {
      const slashIndex = repository.indexOf("/");
      if (slashIndex !== -1) {
        owner = repository.slice(0, slashIndex);
        repository = repository.slice(slashIndex + 1);
      }
    }
    return {
      raw,
      action,
      owner,
      repository,
      prefix,
      issue
    };
  }
  parseReferences(input) {
    const { regexes } = this;
    const regex = input.match(regexes.references) ? regexes.references : /()(.+)/gi;
    const references = [];
    let matches;
    let action;
    let sentence;
    let reference;
    while (true) {
      matches = regex.exec(input);
      if (!matches) {
        break;
      }
      action = matches[1] || null;
      sentence = matches[2] || "";
      while (true) {
        reference = this.parseReference(sentence, action);
        if (!reference) {
          break;
        }
        references.push(reference);
      }
    }
    return references;
  }
  skipEmptyLines() {
    let line2 = this.currentLine();
    while (line2 !== void 0 && !line2.trim()) {
      this.nextLine();
      line2 = this.currentLine();
    }
  }
  parseMerge() {
    const { commit, options } = this;
    const correspondence = options.mergeCorrespondence || [];
    const merge = this.currentLine();
    const matches = merge && options.mergePattern ? merge.match(options.mergePattern) : null;
    if (matches) {
      this.nextLine();
      commit.merge = matches[0] || null;
      assignMatchedCorrespondence(commit, matches, correspondence);
      return true;
    }
    return false;
  }
  parseHeader(isMergeCommit) {
    if (isMergeCommit) {
      this.skipEmptyLines();
    }
    const { commit, options } = this;
    const correspondence = options.headerCorrespondence || [];
    const header = commit.header ?? this.nextLine();
    let matches = null;
    if (header) {
      if (options.breakingHeaderPattern) {
        matches = header.match(options.breakingHeaderPattern);
      }
      if (!matches && options.headerPattern) {
        matches = header.match(options.headerPattern);
      }
    }
    if (header) {
      commit.header = header;
    }
    if (matches) {
      assignMatchedCorrespondence(commit, matches, correspondence);
    }
  }
  parseMeta() {
    const { options, commit } = this;
    if (!options.fieldPattern || !this.isLineAvailable()) {
      return false;
    }
    let matches;
    let field = null;
    let parsed = false;
    while (this.isLineAvailable()) {
      matches = this.currentLine().match(options.fieldPattern);
      if (matches) {
        field = matches[1] || null;
        this.nextLine();
        continue;
      }
      if (field) {
        parsed = true;
        commit[field] = appendLine(commit[field], this.currentLine());
        this.nextLine();
      } else {
        break;
      }
    }
    return parsed;
  }
  parseNotes() {
    const { regexes, commit } = this;
    if (!this.isLineAvailable()) {
      return false;
    }
    const matches = this.currentLine().match(regexes.notes);
    let references = [];
    if (matches) {
      const note = {
        title: matches[1],
        text: matches[2]
      };
      commit.notes.push(note);
      commit.footer = appendLine(commit.footer, this.currentLine());
      this.nextLine();
      while (this.isLineAvailable()) {
        if (this.parseMeta()) {
          return true;
        }
        if (this.parseNotes()) {
          return true;
        }
        references = this.parseReferences(this.currentLine());
        if (references.length) {
          commit.references.push(...references);
        } else {
          note.text = appendLine(note.text, this.currentLine());
        }
        commit.footer = appendLine(commit.footer, this.currentLine());
        this.nextLine();
        if (references.length) {
          break;
        }
      }
      return true;
    }
    return false;
  }
  parseBodyAndFooter(isBody) {
    const { commit } = this;
    if (!this.isLineAvailable()) {
      return isBody;
    }
    const references = this.parseReferences(this.currentLine());
    const isStillBody = !references.length && isBody;
    if (isStillBody) {
      commit.body = appendLine(commit.body, this.currentLine());
    } else {
      commit.references.push(...references);
      commit.footer = appendLine(commit.footer, this.currentLine());
    }
    this.nextLine();
    return isStillBody;
  }
  parseBreakingHeader() {
    const { commit, options } = this;
    if (!options.breakingHeaderPattern || commit.notes.length || !commit.header) {
      return;
    }
    const matches = commit.header.match(options.breakingHeaderPattern);
    if (matches) {
      commit.notes.push({
        title: "BREAKING CHANGE",
        text: matches[3]
      });
    }
  }
  parseMentions(input) {
    const { commit, regexes } = this;
    let matches;
    for (; ; ) {
      matches = regexes.mentions.exec(input);
      if (!matches) {
        break;
      }
      commit.mentions.push(matches[1]);
    }
  }
  parseRevert(input) {
    const { commit, options } = this;
    const correspondence = options.revertCorrespondence || [];
    const matches = options.revertPattern ? input.match(options.revertPattern) : null;
    if (matches) {
      commit.revert = assignMatchedCorrespondence({}, matches, correspondence);
    }
  }
  cleanupCommit() {
    const { commit } = this;
    if (commit.body) {
      commit.body = trimNewLines(commit.body);
    }
    if (commit.footer) {
      commit.footer = trimNewLines(commit.footer);
    }
    commit.notes.forEach((note) => {
      note.text = trimNewLines(note.text);
    });
    const referencesSet = /* @__PURE__ */ new Set();
    commit.references = commit.references.filter((reference) => {
      const uid = `${reference.action} ${reference.raw}`.toLocaleLowerCase();
      const ok = !referencesSet.has(uid);
      if (ok) {
        referencesSet.add(uid);
      }
      return ok;
    });
  }
  /**
   * Parse commit message string into an object.
   * @param input - Commit message string.
   * @returns Commit object.
   */
  parse(input) {
    if (!input.trim()) {
      throw new TypeError("Expected a raw commit");
    }
    const { commentChar } = this.options;
    const commentFilter = getCommentFilter(commentChar);
    const rawLines = trimNewLines(input).split(/\r?\n/);
    const lines = commentChar ? truncateToScissor(rawLines, commentChar).filter((line2) => commentFilter(line2) && gpgFilter(line2)) : rawLines.filter((line2) => gpgFilter(line2));
    const commit = createCommitObject();
    this.lines = lines;
    this.lineIndex = 0;
    this.commit = commit;
    const isMergeCommit = this.parseMerge();
    this.parseHeader(isMergeCommit);
    if (commit.header) {
      commit.references = this.parseReferences(commit.header);
    }
    let isBody = true;
    while (this.isLineAvailable()) {
      this.parseMeta();
      if (this.parseNotes()) {
        isBody = false;
      }
      if (!this.parseBodyAndFooter(isBody)) {
        isBody = false;
      }
    }
    this.parseBreakingHeader();
    this.parseMentions(input);
    this.parseRevert(input);
    this.cleanupCommit();
    return commit;
  }
};

// node_modules/conventional-commits-parser/dist/stream.js
var import_stream = __toESM(require_stream(), 1);

// packages/release/src/rules.ts
var BUMPS = ["none", "patch", "minor", "major"];
var DEFAULT_RULES = [
  { type: "feat", bump: "minor" },
  { type: "fix", bump: "patch" },
  { type: "perf", bump: "patch" },
  { type: "revert", bump: "patch" }
];
function maxBump(a, b) {
  return BUMPS.indexOf(a) >= BUMPS.indexOf(b) ? a : b;
}
function bumpFor(commit, custom) {
  if (commit.breaking) return { bump: "major", reason: "breaking change" };
  const type = commit.type.toLowerCase();
  const scoped = custom.find((r) => r.type === type && r.scope !== void 0 && r.scope === commit.scope);
  if (scoped) return { bump: scoped.bump, reason: `release rule ${ruleText(scoped)}` };
  const typed = custom.find((r) => r.type === type && r.scope === void 0);
  if (typed) return { bump: typed.bump, reason: `release rule ${ruleText(typed)}` };
  const fallback = DEFAULT_RULES.find((r) => r.type === type);
  if (fallback) return { bump: fallback.bump, reason: `${type} → ${fallback.bump}` };
  return { bump: "none", reason: `${type} does not release` };
}
function ruleText(rule) {
  return `${rule.type}${rule.scope !== void 0 ? `(${rule.scope})` : ""}: ${rule.bump}`;
}
var RULE = /^([\w-]+)(?:\(([^()]+)\))?\s*[:=]\s*(none|patch|minor|major)$/i;
function parseReleaseRules(items, inputName = "release-rules") {
  const rules = [];
  const problems = [];
  for (const item of items) {
    const m = RULE.exec(item.trim());
    if (!m) {
      problems.push(`Input '${inputName}' has the item ${JSON.stringify(item)}; write each rule as \`type: bump\` or \`type(scope): bump\` with bump one of none, patch, minor, major.`);
      continue;
    }
    rules.push({ type: m[1].toLowerCase(), ...m[2] !== void 0 ? { scope: m[2].trim() } : {}, bump: m[3].toLowerCase() });
  }
  if (problems.length > 0) throw new InputError(problems);
  return rules;
}

// packages/release/src/commits.ts
var parser = new CommitParser({
  headerPattern: /^(\w*)(?:\(([^()\r\n]*)\))?(!)?: (.*)$/,
  headerCorrespondence: ["type", "scope", "bang", "subject"],
  noteKeywords: ["BREAKING CHANGE", "BREAKING-CHANGE"],
  revertPattern: /^(?:Revert|revert:)\s"?([\s\S]+?)"?\s*This reverts commit (\w+)\.?/i,
  revertCorrespondence: ["header", "hash"],
  // The parser's reference regex backtracks badly on long lines without a '#' (tens of seconds on a
  // 100,000-commit history), so references are read below with a linear pattern instead.
  issuePrefixes: void 0
});
parser.parseReferences = () => [];
var ISSUE_REF = /(?<![\w/.#-])#(\d+)\b/g;
var NEEDS_BODY = /breaking[ -]change|this reverts commit/i;
var MERGE_PR = /^Merge pull request #(\d+) from /;
var TRAILING_PR = /\s\(#(\d+)\)\s*$/;
var BREAKING_NOTE = /^BREAKING[ -]CHANGE$/i;
function classifyCommit(commit, rules) {
  const message = commit.message.replace(/\r\n/g, "\n");
  const header = message.split("\n", 1)[0].trim();
  const isMerge = commit.parents.length > 1;
  let parsed;
  try {
    parsed = parser.parse(NEEDS_BODY.test(message) ? message : header);
  } catch {
    parsed = createCommitObject({ header });
  }
  const type = typeof parsed.type === "string" && parsed.type !== "" ? parsed.type : void 0;
  const scope = typeof parsed.scope === "string" && parsed.scope !== "" ? parsed.scope : void 0;
  const revertedHeader = parsed.revert?.header ?? void 0;
  const subject = typeof parsed.subject === "string" && type ? parsed.subject : !type && revertedHeader ? revertedHeader : header;
  const breakingNotes = parsed.notes.filter((n) => BREAKING_NOTE.test(n.title.trim())).map((n) => n.text.trim());
  const breaking = type !== void 0 && parsed.bang === "!" || breakingNotes.length > 0;
  const reverts = parsed.revert?.hash ?? void 0;
  const prMatch = TRAILING_PR.exec(header) ?? MERGE_PR.exec(header);
  const pr = prMatch ? Number(prMatch[1]) : void 0;
  const rest = message.slice(message.indexOf("\n") + 1 || message.length);
  const issues = [...new Set(Array.from(rest.matchAll(ISSUE_REF), (m) => Number(m[1])).filter((n) => Number.isSafeInteger(n) && n !== pr))];
  let bump = "none";
  let reason;
  if (isMerge) {
    reason = "merge commit: the commits it brings count, not the merge itself";
  } else if (reverts && !type) {
    bump = "patch";
    reason = `reverts ${reverts.slice(0, 7)}`;
  } else if (!type && breaking) {
    bump = "major";
    reason = "breaking change (footer under a non-conventional header)";
  } else if (!type) {
    reason = "not a Conventional Commit header";
  } else {
    const decided = bumpFor({ type, scope, breaking }, rules);
    bump = decided.bump;
    reason = decided.reason;
  }
  return {
    sha: commit.sha,
    type: reverts && !type ? "revert" : type,
    scope,
    subject: subject.replace(TRAILING_PR, ""),
    header,
    breaking,
    breakingNotes,
    bump,
    reason,
    isMerge,
    reverts,
    cancelledBy: void 0,
    pr,
    issues
  };
}
function settleRange(classified, links) {
  cancelReverts(classified);
  attributeMergedPulls(links, classified);
  return classified;
}
function cancelReverts(commits) {
  const bySha = new Map(commits.map((c) => [c.sha, c]));
  const findTarget = (ref) => {
    const exact = bySha.get(ref);
    if (exact) return exact;
    if (ref.length < 7) return void 0;
    return commits.find((c) => c.sha.startsWith(ref));
  };
  for (const commit of commits) {
    if (!commit.reverts || commit.cancelledBy) continue;
    const target = findTarget(commit.reverts);
    if (!target || target.cancelledBy || target === commit) continue;
    target.cancelledBy = commit.sha;
    commit.cancelledBy = commit.sha;
  }
}
function attributeMergedPulls(inputs, commits) {
  if (!commits.some((c) => c.isMerge && c.pr !== void 0)) return;
  const index = new Map(inputs.map((c, i) => [c.sha, i]));
  const mainline = /* @__PURE__ */ new Set();
  for (let sha = inputs[0]?.sha; sha !== void 0 && index.has(sha) && !mainline.has(sha); ) {
    mainline.add(sha);
    sha = inputs[index.get(sha)].parents[0];
  }
  const seen = /* @__PURE__ */ new Set();
  for (let i = commits.length - 1; i >= 0; i--) {
    const merge = commits[i];
    if (!merge.isMerge || merge.pr === void 0) continue;
    const stack = inputs[i].parents.slice(1);
    while (stack.length > 0) {
      const sha = stack.pop();
      const at = index.get(sha);
      if (at === void 0 || mainline.has(sha) || seen.has(sha)) continue;
      seen.add(sha);
      const commit = commits[at];
      commit.pr ??= merge.pr;
      stack.push(...inputs[at].parents);
    }
  }
}
function releasingCommits(commits) {
  return commits.filter((c) => !c.cancelledBy && c.bump !== "none");
}
function bumpOf(commits) {
  return releasingCommits(commits).reduce((acc, c) => maxBump(acc, c.bump), "none");
}

// packages/release/src/notes.ts
var SECTIONS = [
  { type: "feat", title: "Features" },
  { type: "fix", title: "Bug Fixes" },
  { type: "perf", title: "Performance Improvements" },
  { type: "revert", title: "Reverts" }
];
function escapeMarkdown(text) {
  return text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
}
var HTML_START = /<(?=[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$)|\/[A-Za-z]|!|\?)/g;
function listItemText(text, atStart) {
  let out = text.replace(/\s*\r?\n\s*/g, " ").replace(HTML_START, "\\<");
  if (atStart) {
    out = out.replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2").replace(/^([#>+=|]|[-*_](?=[\s\-*_]|$))/, "\\$1");
  }
  return out;
}
var SIMPLE_SCOPE = /^[a-z0-9]*$/;
function byScope(a, b) {
  if (SIMPLE_SCOPE.test(a) && SIMPLE_SCOPE.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}
function commitLink(commit, url) {
  const short = commit.sha.slice(0, 7);
  return url ? `[${short}](${url}/commit/${commit.sha})` : short;
}
function numberLink(n, kind, url) {
  return url ? `[#${n}](${url}/${kind}/${n})` : `#${n}`;
}
function line(commit, text, url) {
  const scope = commit.scope ? `**${escapeMarkdown(commit.scope)}:** ` : "";
  const pr = commit.pr !== void 0 ? ` (${numberLink(commit.pr, "pull", url)})` : "";
  const closes = commit.issues.length > 0 ? `, closes ${commit.issues.map((n) => numberLink(n, "issues", url)).join(", ")}` : "";
  return `* ${scope}${listItemText(text, scope === "")}${pr} (${commitLink(commit, url)})${closes}`;
}
function renderNotes(input) {
  const url = input.repositoryUrl?.replace(/\/$/, "");
  const commits = releasingCommits(input.commits).slice().reverse();
  const title = url && input.previousTag ? `[${input.version}](${url}/compare/${input.previousTag}...${input.tag})` : url ? `[${input.version}](${url}/releases/tag/${input.tag})` : input.version;
  const out = [`## ${title} (${input.date})`];
  const breaking = commits.filter((c) => c.breaking);
  if (breaking.length > 0) {
    out.push("", "### ⚠ BREAKING CHANGES", "");
    for (const c of breaking) {
      const texts = c.breakingNotes.length > 0 ? c.breakingNotes : [c.subject];
      for (const text of texts) out.push(line(c, text.replace(/\s*\n\s*/g, " "), url));
    }
  }
  const known = new Set(SECTIONS.map((s) => s.type));
  const others = [...new Set(commits.map((c) => c.type ?? "").filter((t) => t !== "" && !known.has(t)))];
  const sections = [...SECTIONS, ...others.map((type) => ({ type, title: type.charAt(0).toUpperCase() + type.slice(1) }))];
  for (const section of sections) {
    const inSection = commits.filter((c) => c.type === section.type);
    if (inSection.length === 0) continue;
    out.push("", `### ${section.title}`, "");
    const ordered = [...inSection.filter((c) => c.scope).sort((a, b) => byScope(a.scope, b.scope)), ...inSection.filter((c) => !c.scope)];
    for (const c of ordered) out.push(line(c, c.subject, url));
  }
  return `${out.join("\n")}
`;
}
var CHANGELOG_TITLE = /^# .*\n+/;
function prependChangelog(existing, notes) {
  const body = notes.trimEnd() + "\n";
  if (existing === void 0 || existing.trim() === "") return `# Changelog

${body}`;
  const title = CHANGELOG_TITLE.exec(existing);
  const head = title ? title[0].replace(/\n+$/, "\n\n") : "";
  const rest = title ? existing.slice(title[0].length) : existing;
  if (rest.startsWith(body)) return existing;
  return `${head}${body}
${rest}`;
}

// packages/release/src/plan.ts
var import_semver2 = __toESM(require_semver2(), 1);

// packages/release/src/version.ts
var import_semver = __toESM(require_semver2(), 1);
var PLACEHOLDER = "${version}";
function checkTagFormat(format, inputName = "tag-format") {
  const count = format.split(PLACEHOLDER).length - 1;
  if (count !== 1) {
    throw new InputError([`Input '${inputName}' is ${JSON.stringify(format)}; it must contain \${version} exactly once, e.g. v\${version} or api-v\${version}.`]);
  }
  if (/[\s~^:?*[\\]/.test(format.replace(PLACEHOLDER, ""))) {
    throw new InputError([`Input '${inputName}' is ${JSON.stringify(format)}; a git tag cannot contain spaces or any of ~ ^ : ? * [ \\.`]);
  }
}
function formatTag(format, version) {
  return format.replace(PLACEHOLDER, version);
}
function parseTag(format, tag) {
  const at = format.indexOf(PLACEHOLDER);
  const prefix = format.slice(0, at);
  const suffix = format.slice(at + PLACEHOLDER.length);
  if (!tag.startsWith(prefix) || !tag.endsWith(suffix) || tag.length <= prefix.length + suffix.length) return void 0;
  const version = tag.slice(prefix.length, tag.length - suffix.length);
  return import_semver.default.valid(version) === version ? version : void 0;
}
function tagGlob(format) {
  return format.replace(PLACEHOLDER, "[0-9]*");
}
var IDENTIFIER = /^[0-9A-Za-z-]+$/;
var MAINTENANCE = /^(\d+)\.(?:(\d+)\.)?x$/;
function branchPolicy(branch, options) {
  if (options.prerelease !== void 0 && options.prerelease !== "") {
    if (!IDENTIFIER.test(options.prerelease) || /^\d+$/.test(options.prerelease)) {
      throw new InputError([`Input 'prerelease' is ${JSON.stringify(options.prerelease)}; use letters, digits and dashes, not only digits (e.g. rc, beta).`]);
    }
    return { kind: "prerelease", branch, identifier: options.prerelease, channel: options.prerelease };
  }
  if (options.releaseBranches.includes(branch)) return { kind: "release", branch, channel: "latest" };
  for (const entry of options.prereleaseBranches) {
    const [name, id = name] = entry.split("=").map((s) => s.trim());
    if (name !== branch) continue;
    if (!IDENTIFIER.test(id)) throw new InputError([`Input 'prerelease-branches' has ${JSON.stringify(entry)}; the identifier must use letters, digits and dashes.`]);
    return { kind: "prerelease", branch, identifier: id, channel: id };
  }
  const m = MAINTENANCE.exec(branch);
  if (m) {
    const major = Number(m[1]);
    const range = m[2] === void 0 ? `>=${major}.0.0 <${major + 1}.0.0` : `>=${major}.${m[2]}.0 <${major}.${Number(m[2]) + 1}.0`;
    return { kind: "maintenance", branch, range, channel: branch };
  }
  return void 0;
}
function eligible(policy, version) {
  const pre = import_semver.default.prerelease(version);
  if (policy.kind === "prerelease") return pre === null || pre[0] === policy.identifier;
  if (pre !== null) return false;
  return policy.kind === "release" || import_semver.default.satisfies(version, policy.range);
}
function highest(tags, keep) {
  let best;
  for (const tag of tags) if (keep(tag.version) && (!best || import_semver.default.gt(tag.version, best.version))) best = tag;
  return best;
}
function lastRelease(policy, tags) {
  return highest(tags, (v) => eligible(policy, v));
}
function latestStable(tags) {
  return highest(tags, (v) => import_semver.default.prerelease(v) === null);
}
function effectiveBump(bump, base, zeroMajor) {
  if (!zeroMajor || base === void 0 || import_semver.default.major(base) !== 0) return bump;
  if (bump === "major") return "minor";
  if (bump === "minor") return "patch";
  return bump;
}
function nextVersion(input) {
  const { policy, last, stable, zeroMajor } = input;
  if (input.bump === "none") return void 0;
  const first = zeroMajor ? "0.1.0" : "1.0.0";
  if (policy.kind === "prerelease") {
    const base = stable === void 0 ? first : import_semver.default.inc(stable, effectiveBump(input.bump, stable, zeroMajor));
    const fresh = `${base}-${policy.identifier}.1`;
    if (last !== void 0 && import_semver.default.prerelease(last)?.[0] === policy.identifier) {
      const counted = import_semver.default.inc(last, "prerelease", policy.identifier);
      return import_semver.default.gt(counted, fresh) ? counted : fresh;
    }
    return fresh;
  }
  if (last === void 0) {
    if (policy.kind === "maintenance") {
      throw new ConveyorError(`Branch ${policy.branch} is a maintenance branch (${policy.range}) but no release in that range is reachable from it; tag the release it maintains first.`);
    }
    return first;
  }
  const next = import_semver.default.inc(last, effectiveBump(input.bump, last, zeroMajor));
  if (policy.kind === "maintenance" && !import_semver.default.satisfies(next, policy.range)) {
    throw new ConveyorError(
      `The commits on maintenance branch ${policy.branch} ask for a ${input.bump} release, ${last} → ${next}, which is outside the branch's range ${policy.range}. Release this change from the main branch instead, or rewrite the commit so it is not a ${input.bump === "major" ? "breaking change" : "feature"}.`
    );
  }
  return next;
}
function isPrerelease(version) {
  return import_semver.default.prerelease(version) !== null;
}

// packages/release/src/plan.ts
function withVersions(tags, format) {
  const out = [];
  for (const tag of tags) {
    const version = parseTag(format, tag.name);
    if (version !== void 0) out.push({ name: tag.name, version, commit: tag.commit });
  }
  return out;
}
var PROBES = 16;
function reachableFinder(dir, sha, tags) {
  const known = /* @__PURE__ */ new Map();
  let merged;
  const candidates = tags.filter((t) => t.commit !== sha).map((tag) => ({ tag, parsed: new import_semver2.default.SemVer(tag.version) })).sort((a, b) => b.parsed.compare(a.parsed)).map((c) => c.tag);
  const isReachable = async (tag, probes) => {
    if (merged) return merged.has(tag.name);
    const cached = known.get(tag.commit);
    if (cached !== void 0) return cached;
    if (probes.left <= 0) {
      const all = await tagsReachableFrom(dir, sha);
      merged = new Set(all.map((t) => t.name));
      return merged.has(tag.name);
    }
    probes.left -= 1;
    const result = await git(dir, ["merge-base", "--is-ancestor", tag.commit, sha], { okCodes: [0, 1] });
    known.set(tag.commit, result.exitCode === 0);
    return result.exitCode === 0;
  };
  return async (keep) => {
    const probes = { left: PROBES };
    for (const tag of candidates) if (keep(tag.version) && await isReachable(tag, probes)) return tag;
    return void 0;
  };
}
async function classifyRange(dir, range, paths, rules) {
  const classified = [];
  const links = [];
  for await (const c of readLog(dir, { range, paths })) {
    classified.push(classifyCommit(c, rules));
    links.push({ sha: c.sha, parents: c.parents });
  }
  return settleRange(classified, links);
}
async function planRelease(options) {
  const { dir, tagFormat } = options;
  const head = options.head ?? "HEAD";
  const tagList = options.tags ?? listTags(dir, { pattern: tagGlob(tagFormat) });
  tagList.catch(() => void 0);
  const sha = options.head === void 0 && options.headCommit ? options.headCommit : await revParse(dir, head);
  if (sha === void 0) {
    throw new ConveyorError(`${head} does not name a commit in ${dir}. Run actions/checkout before this step (with fetch-depth: 0), or commit something first.`);
  }
  const policy = options.branch === void 0 ? void 0 : branchPolicy(options.branch, options.branches);
  const allTags = withVersions(await tagList, tagFormat);
  const highestStable = latestStable(allTags)?.version;
  const base = {
    released: false,
    reason: void 0,
    alreadyTagged: false,
    sha,
    branch: options.branch,
    policy,
    version: void 0,
    tag: void 0,
    previousVersion: void 0,
    previousTag: void 0,
    bump: "none",
    channel: policy?.channel ?? "",
    prerelease: false,
    notes: "",
    commits: [],
    highestStable,
    knownVersions: allTags.map((t) => t.version),
    tagFormat
  };
  if (!policy) {
    const which = options.branch === void 0 ? "HEAD is detached (no branch)" : `branch ${options.branch} is not a release, prerelease or maintenance branch`;
    return { ...base, reason: `${which}; set release-branches or prerelease-branches (or the branch input) to release from it.` };
  }
  const atHead = allTags.filter((t) => t.commit === sha && eligible(policy, t.version));
  const reachable = await reachableFinder(dir, sha, allTags);
  const existing = lastRelease(policy, atHead);
  const last = await reachable((v) => eligible(policy, v));
  const stable = await reachable((v) => import_semver2.default.prerelease(v) === null);
  const range = last ? `${last.commit}..${sha}` : sha;
  const commits = await classifyRange(dir, range, options.paths, options.rules);
  const bump = effectiveBump(bumpOf(commits), policy.kind === "prerelease" ? stable?.version : last?.version, options.zeroMajor);
  const previous = { previousVersion: last?.version, previousTag: last?.name };
  let version;
  if (existing) {
    version = existing.version;
  } else {
    version = nextVersion({ policy, bump: bumpOf(commits), last: last?.version, stable: stable?.version, zeroMajor: options.zeroMajor });
  }
  if (version === void 0) {
    const since = last ? `since ${last.name}` : "in the history";
    const scope = options.paths.length > 0 ? ` touching ${options.paths.join(", ")}` : "";
    return { ...base, ...previous, commits, reason: `No commit${scope} ${since} asks for a release (${commits.length} commit(s) read; feat, fix, perf, revert or a breaking change release).` };
  }
  const tag = formatTag(tagFormat, version);
  const notes = renderNotes({ version, tag, previousTag: last?.name, repositoryUrl: options.repositoryUrl, date: options.date, commits });
  return {
    ...base,
    ...previous,
    released: true,
    alreadyTagged: existing !== void 0,
    version,
    tag,
    bump,
    prerelease: isPrerelease(version),
    notes,
    commits
  };
}

// packages/release/src/publish.ts
var import_semver3 = __toESM(require_semver2(), 1);
function status(error) {
  return typeof error === "object" && error !== null && "status" in error && typeof error.status === "number" ? error.status : void 0;
}
async function remoteTagCommit(gh, owner, repo, tag) {
  let object;
  try {
    object = (await gh.rest.git.getRef({ owner, repo, ref: `tags/${tag}` })).data.object;
  } catch (error) {
    if (status(error) === 404) return void 0;
    throw error;
  }
  for (let depth = 0; object.type === "tag" && depth < 5; depth++) {
    object = (await gh.rest.git.getTag({ owner, repo, tag_sha: object.sha })).data.object;
  }
  return object.sha;
}
function wrongCommit(tag, existing, wanted) {
  return new ConveyorError(
    `Tag ${tag} already exists on commit ${existing}, but this run releases commit ${wanted}. Another commit was released under this version: fetch the tags (actions/checkout with fetch-depth: 0) so the next version is computed past it, or delete the tag ${tag} if it was made by mistake.`
  );
}
async function ensureTag(gh, input, log) {
  const { owner, repo, tag, sha } = input;
  const existing = await remoteTagCommit(gh, owner, repo, tag);
  if (existing !== void 0) {
    if (existing !== sha) throw wrongCommit(tag, existing, sha);
    log.info(`Tag ${tag} already exists on ${sha.slice(0, 7)}: keeping it.`);
    return "existed";
  }
  const object = await gh.rest.git.createTag({ owner, repo, tag, message: `Release ${tag}`, object: sha, type: "commit" });
  try {
    await gh.rest.git.createRef({ owner, repo, ref: `refs/tags/${tag}`, sha: object.data.sha });
  } catch (error) {
    if (status(error) !== 422) throw error;
    const now = await remoteTagCommit(gh, owner, repo, tag);
    if (now === void 0) throw error;
    if (now !== sha) throw wrongCommit(tag, now, sha);
    log.info(`Tag ${tag} was created by another run at the same time, on the same commit: keeping it.`);
    return "created-by-another-run";
  }
  log.info(`Created tag ${tag} on ${sha.slice(0, 7)}.`);
  return "created";
}
async function releaseByTag(gh, owner, repo, tag) {
  try {
    return (await gh.rest.repos.getReleaseByTag({ owner, repo, tag })).data;
  } catch (error) {
    if (status(error) === 404) return void 0;
    throw error;
  }
}
async function ensureRelease(gh, input, log) {
  const { owner, repo, tag } = input;
  const existing = await releaseByTag(gh, owner, repo, tag);
  if (existing) {
    if ((existing.body ?? "").trim() === input.notes.trim()) {
      log.info(`Release ${tag} already exists with these notes: leaving it.`);
      return { outcome: "existed", id: existing.id, url: existing.html_url };
    }
    await gh.rest.repos.updateRelease({ owner, repo, release_id: existing.id, body: input.notes });
    log.info(`Release ${tag} already existed: updated its notes.`);
    return { outcome: "updated", id: existing.id, url: existing.html_url };
  }
  try {
    const created = await gh.rest.repos.createRelease({
      owner,
      repo,
      tag_name: tag,
      name: tag,
      body: input.notes,
      prerelease: input.prerelease,
      make_latest: input.makeLatest ? "true" : "false"
    });
    log.info(`Created release ${tag}${input.prerelease ? " (prerelease)" : ""}${input.makeLatest ? ", marked latest" : ""}.`);
    return { outcome: "created", id: created.data.id, url: created.data.html_url };
  } catch (error) {
    if (status(error) !== 422) throw error;
    const raced = await releaseByTag(gh, owner, repo, tag);
    if (!raced) throw error;
    log.info(`Release ${tag} was created by another run at the same time: this run lost the race and leaves it as it is.`);
    return { outcome: "created-by-another-run", id: raced.id, url: raced.html_url };
  }
}
async function moveFloatingTag(gh, owner, repo, name, sha) {
  try {
    await gh.rest.git.updateRef({ owner, repo, ref: `tags/${name}`, sha, force: true });
  } catch (error) {
    if (status(error) !== 404 && status(error) !== 422) throw error;
    await gh.rest.git.createRef({ owner, repo, ref: `refs/tags/${name}`, sha });
  }
}
async function publishRelease(gh, input, log) {
  const tag = await ensureTag(gh, input, log);
  const release = await ensureRelease(gh, input, log);
  const floating = [];
  for (const name of input.floating) {
    await moveFloatingTag(gh, input.owner, input.repo, name, input.sha);
    floating.push(name);
  }
  if (floating.length > 0) log.info(`Moved ${floating.join(", ")} to ${input.sha.slice(0, 7)}.`);
  return { tag, release: release.outcome, releaseId: release.id, releaseUrl: release.url, floating };
}
function floatingTags(version, format, known) {
  if (import_semver3.default.prerelease(version) !== null) return [];
  const major = import_semver3.default.major(version);
  const minor = import_semver3.default.minor(version);
  const stable = known.filter((v) => import_semver3.default.prerelease(v) === null);
  const out = [];
  if (!stable.some((v) => import_semver3.default.major(v) === major && import_semver3.default.gt(v, version))) out.push(formatTag(format, `${major}`));
  if (!stable.some((v) => import_semver3.default.major(v) === major && import_semver3.default.minor(v) === minor && import_semver3.default.gt(v, version))) out.push(formatTag(format, `${major}.${minor}`));
  return out;
}
function shouldMakeLatest(version, highestStable) {
  return import_semver3.default.prerelease(version) === null && (highestStable === void 0 || import_semver3.default.gte(version, highestStable));
}

// packages/release/src/action.ts
var silentLog = { info: () => void 0, warning: () => void 0 };
async function ensureFullHistory(dir, fetchHistory, log, shallow) {
  if (!(shallow ?? await isShallow(dir))) return;
  const fix = "Set `fetch-depth: 0` on actions/checkout so the history and the tags are there.";
  if (!fetchHistory) {
    throw new ConveyorError(`The repository in ${dir} is a shallow clone: the commits and tags since the last release are missing, so the next version cannot be computed. ${fix}`);
  }
  log.info("Shallow clone: fetching the whole history and the tags.");
  try {
    await fetch(dir, { unshallow: true, tags: true });
  } catch (error) {
    throw new ConveyorError(`The repository in ${dir} is a shallow clone and fetching the rest of its history failed. ${fix}`, { cause: error });
  }
}
var RELEASE_TOKEN_PERMISSIONS = { contents: "write" };
function releaseAuth(inputs) {
  const { credentials, problems } = appCredentials(inputs);
  const appGiven = inputs["app-id"].trim() !== "" || inputs["app-private-key"].trim() !== "";
  if (appGiven && inputs["github-token"] !== "") {
    problems.push("Input 'github-token' is given together with 'app-id' and 'app-private-key', but a release is made with one credential: leave github-token empty to release with the App's installation token (with reusable-release: do not pass the release-token secret), or drop app-id and app-private-key to use github-token.");
  }
  if (problems.length > 0) throw new InputError(problems);
  if (credentials) return { kind: "app", app: credentials };
  return inputs["github-token"] ? { kind: "token", token: inputs["github-token"] } : { kind: "none" };
}
async function originRepository(dir, serverUrl) {
  try {
    const url = await remoteUrl(dir);
    return url ? githubRepositoryOf(url, serverUrl) : void 0;
  } catch {
    return void 0;
  }
}
async function runRelease(inputs, env, log = silentLog) {
  checkTagFormat(inputs["tag-format"]);
  const rules = parseReleaseRules(inputs["release-rules"]);
  const context = readContext(env);
  const dir = inputs["working-directory"] ?? context.workspace;
  const fromOrigin = inputs.repository || context.owner ? void 0 : await originRepository(dir, context.serverUrl);
  const [owner = context.owner || fromOrigin?.owner, repo = context.repo || fromOrigin?.repo] = inputs.repository ? inputs.repository.split("/") : [];
  const dryRun = inputs["dry-run"];
  const auth = releaseAuth(inputs);
  if (!dryRun && auth.kind === "none") {
    throw new InputError(["Input `github-token` is empty: give a token with contents: write (the default `${{ github.token }}` works) or a GitHub App's `app-id` and `app-private-key`, or set `dry-run: true` to only compute the version."]);
  }
  if (!dryRun && (!owner || !repo)) {
    throw new InputError([`The repository is unknown: GITHUB_REPOSITORY is not set and the origin remote of ${dir} is not a repository on ${context.serverUrl}; set the input repository (owner/name).`]);
  }
  const earlyTags = listTags(dir, { pattern: tagGlob(inputs["tag-format"]) });
  earlyTags.catch(() => void 0);
  const state = await headState(dir);
  await ensureFullHistory(dir, inputs["fetch-history"], log, state.shallow);
  const fromContext = context.refType === "branch" && context.refName ? context.refName : void 0;
  const branch = inputs.branch || (fromContext ?? state.branch);
  const plan = await planRelease({
    dir,
    branch,
    ...state.commit ? { headCommit: state.commit } : {},
    ...state.shallow ? {} : { tags: earlyTags },
    tagFormat: inputs["tag-format"],
    paths: inputs.path,
    rules,
    branches: { releaseBranches: inputs["release-branches"], prereleaseBranches: inputs["prerelease-branches"], prerelease: inputs.prerelease || void 0 },
    zeroMajor: inputs["zero-major"],
    repositoryUrl: owner && repo ? `${context.serverUrl}/${owner}/${repo}` : void 0,
    date: (/* @__PURE__ */ new Date()).toISOString().slice(0, 10)
  });
  if (!plan.released) return { plan, published: void 0, dryRun, message: plan.reason ?? "Nothing to release." };
  const version = plan.version;
  const floating = inputs["floating-tags"] ? floatingTags(version, inputs["tag-format"], [...plan.knownVersions, version]) : [];
  if (dryRun) {
    const what = plan.alreadyTagged ? `${plan.tag} is already tagged on this commit; a run would finish its release` : `would release ${plan.tag} (${plan.bump} from ${plan.previousTag ?? "no earlier release"})`;
    return { plan, published: void 0, dryRun, message: `Dry run: ${what}${floating.length ? ` and move ${floating.join(", ")}` : ""}.` };
  }
  const { createInstallationToken, createOctokit } = await import("./index.github-client-YAAWLFUD.js");
  const installation = auth.kind === "app" ? await createInstallationToken({ app: auth.app, owner, repo, permissions: RELEASE_TOKEN_PERMISSIONS, baseUrl: context.apiUrl }) : void 0;
  let published;
  try {
    if (installation && auth.kind === "app") {
      log.info(`Releasing with an installation token of the GitHub App ${auth.app.appId} (installation ${installation.installationId}) for ${owner}/${repo} with contents: write; it ends at ${installation.expiresAt} and is revoked at the end of this run.`);
    }
    const gh = createOctokit({ token: installation?.token ?? (auth.kind === "token" ? auth.token : ""), baseUrl: context.apiUrl });
    published = await publishRelease(gh, {
      owner,
      repo,
      tag: plan.tag,
      version,
      sha: plan.sha,
      notes: plan.notes,
      prerelease: plan.prerelease,
      makeLatest: shouldMakeLatest(version, plan.highestStable),
      floating
    }, log);
    const changelog = inputs["changelog-file"];
    if (changelog) {
      const existing = fs4.existsSync(changelog) ? fs4.readFileSync(changelog, "utf8") : void 0;
      fs4.writeFileSync(changelog, prependChangelog(existing, plan.notes));
    }
  } finally {
    if (installation) {
      const revoked = await installation.revoke();
      if (revoked.revoked) log.info(revoked.message);
      else log.warning(revoked.message);
    }
  }
  const how = published.release === "created" && published.tag === "created" ? "Released" : published.release === "created-by-another-run" ? "Another run released" : "Finished the release of";
  return { plan, published, dryRun, message: `${how} ${plan.tag} on ${plan.sha.slice(0, 7)}: ${published.releaseUrl}` };
}
function releaseOutputs(result) {
  const { plan, published } = result;
  const parsed = plan.version ? import_semver4.default.parse(plan.version) : null;
  return {
    released: published !== void 0,
    version: plan.version ?? "",
    "previous-version": plan.previousVersion ?? "",
    tag: plan.tag ?? "",
    major: parsed ? String(parsed.major) : "",
    minor: parsed ? String(parsed.minor) : "",
    patch: parsed ? String(parsed.patch) : "",
    prerelease: parsed ? parsed.prerelease.join(".") : "",
    channel: plan.channel,
    bump: plan.bump,
    notes: plan.notes,
    "release-url": published?.releaseUrl ?? "",
    "release-id": published ? String(published.releaseId) : "",
    sha: plan.sha
  };
}
function summary(result) {
  const { plan, published } = result;
  const rows = [
    ["Version", plan.version ?? "—"],
    ["Previous", plan.previousTag ?? "—"],
    ["Bump", plan.bump],
    ["Channel", plan.channel || "—"],
    ["Commit", plan.sha.slice(0, 12)],
    ["Commits read", String(plan.commits.length)]
  ];
  if (published) rows.push(["Tag", published.tag], ["Release", `${published.release}: ${published.releaseUrl}`], ["Floating tags", published.floating.join(", ") || "—"]);
  let md = `### Release${result.dryRun ? " (dry run)" : ""}

${result.message}

${table(["", ""], rows)}`;
  if (plan.notes) md += `
${details("Release notes", plan.notes)}`;
  return md;
}
var workflowTokenInput = { "workflow-token": secret() };
function withWorkflowToken(inputs, workflowToken) {
  const appGiven = inputs["app-id"].trim() !== "" || inputs["app-private-key"].trim() !== "";
  return inputs["github-token"] || appGiven ? inputs : { ...inputs, "github-token": workflowToken };
}
async function main(checked) {
  const inputs = withWorkflowToken(checked ?? readInputs(releaseInputs), readInputs(workflowTokenInput)["workflow-token"]);
  const log = { info: info2, warning: warning2 };
  const result = await group2("Release", () => runRelease(inputs, process.env, log));
  info2(result.message);
  setOutputs(releaseOutputs(result));
  writeSummary(summary(result));
}
export {
  RELEASE_TOKEN_PERMISSIONS,
  ensureFullHistory,
  main,
  releaseAuth,
  releaseOutputs,
  runRelease,
  withWorkflowToken
};
