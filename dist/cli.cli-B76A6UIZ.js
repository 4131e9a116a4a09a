import { createRequire as __conveyorCreateRequire } from 'node:module';
const require = __conveyorCreateRequire(import.meta.url);
import {
  InstallError
} from "./cli.chunk-UECWRJIV.js";
import "./cli.chunk-CO5RBNW5.js";
import "./cli.chunk-2RIXZI4R.js";
import "./cli.chunk-LGLAJCEX.js";
import "./cli.chunk-4VABOSE2.js";
import "./cli.chunk-T77JWPW4.js";
import "./cli.chunk-RSYSLNZ7.js";
import "./cli.chunk-3WQDYKPG.js";
import "./cli.chunk-BC2UW4FE.js";
import "./cli.chunk-Q4JPE233.js";
import "./cli.chunk-3VAH22HZ.js";
import "./cli.chunk-JMV5H5XF.js";
import {
  SCAN_VERDICT_SCHEMA,
  SEVERITIES
} from "./cli.chunk-OABPFKMG.js";
import {
  require_dist
} from "./cli.chunk-JDPYV75M.js";
import "./cli.chunk-RLAIYNRX.js";
import "./cli.chunk-GY2BGDKV.js";
import {
  runFolder
} from "./cli.chunk-TL3JD5DQ.js";
import {
  exec
} from "./cli.chunk-KUCLN7QB.js";
import {
  details,
  escapeCell,
  table
} from "./cli.chunk-ID3Q7B6X.js";
import {
  boolean,
  filePath,
  list,
  oneOf,
  readInputs,
  string,
  text
} from "./cli.chunk-64BINYD5.js";
import {
  group,
  info,
  warning
} from "./cli.chunk-ZY3ABXIW.js";
import "./cli.chunk-NJ27DEOS.js";
import {
  commandHelp,
  flagHelp,
  parseFlags
} from "./cli.chunk-TIGOOADU.js";
import "./cli.chunk-UAKJSIV5.js";
import {
  ConveyorError,
  InputError,
  describeError
} from "./cli.chunk-YFFPNGMU.js";
import "./cli.chunk-MYNQKUQR.js";
import {
  require_fs,
  require_path
} from "./cli.chunk-RY5DKLWW.js";
import {
  require_crypto
} from "./cli.chunk-LC5523U3.js";
import {
  __commonJS,
  __toESM
} from "./cli.chunk-ZH76KQBC.js";

// node_modules/packageurl-js/src/error.js
var require_error = __commonJS({
  "node_modules/packageurl-js/src/error.js"(exports, module) {
    "use strict";
    function formatPurlErrorMessage(message = "") {
      const { length } = message;
      let formatted = "";
      if (length) {
        const code0 = message.charCodeAt(0);
        formatted = code0 >= 65 || code0 <= 90 ? `${message[0].toLowerCase()}${message.slice(1)}` : message;
        if (length > 1 && message.charCodeAt(length - 1) === 46 && message.charCodeAt(length - 2) !== 46) {
          formatted = formatted.slice(0, -1);
        }
      }
      return `Invalid purl: ${formatted}`;
    }
    var PurlError = class extends Error {
      constructor(message) {
        super(formatPurlErrorMessage(message));
      }
    };
    module.exports = {
      formatPurlErrorMessage,
      PurlError
    };
  }
});

// node_modules/packageurl-js/src/decode.js
var require_decode = __commonJS({
  "node_modules/packageurl-js/src/decode.js"(exports, module) {
    "use strict";
    var { PurlError } = require_error();
    var { decodeURIComponent: decodeURIComponent2 } = globalThis;
    function decodePurlComponent(comp, encodedURIComponent) {
      try {
        return decodeURIComponent2(encodedURIComponent);
      } catch {
      }
      throw new PurlError(`unable to decode "${comp}" component`);
    }
    module.exports = {
      decodePurlComponent
    };
  }
});

// node_modules/packageurl-js/src/constants.js
var require_constants = __commonJS({
  "node_modules/packageurl-js/src/constants.js"(exports, module) {
    "use strict";
    var LOOP_SENTINEL = 1e6;
    var REUSED_SEARCH_PARAMS = new URLSearchParams();
    var REUSED_SEARCH_PARAMS_KEY = "_";
    var REUSED_SEARCH_PARAMS_OFFSET = 2;
    module.exports = {
      LOOP_SENTINEL,
      REUSED_SEARCH_PARAMS,
      REUSED_SEARCH_PARAMS_KEY,
      REUSED_SEARCH_PARAMS_OFFSET
    };
  }
});

// node_modules/packageurl-js/src/objects.js
var require_objects = __commonJS({
  "node_modules/packageurl-js/src/objects.js"(exports, module) {
    "use strict";
    var { LOOP_SENTINEL } = require_constants();
    function isObject4(value) {
      return value !== null && typeof value === "object";
    }
    function recursiveFreeze(value_) {
      if (value_ === null || !(typeof value_ === "object" || typeof value_ === "function") || Object.isFrozen(value_)) {
        return value_;
      }
      const queue = [value_];
      let { length: queueLength } = queue;
      let pos = 0;
      while (pos < queueLength) {
        if (pos === LOOP_SENTINEL) {
          throw new Error(
            "Detected infinite loop in object crawl of recursiveFreeze"
          );
        }
        const obj2 = queue[pos++];
        Object.freeze(obj2);
        if (Array.isArray(obj2)) {
          for (let i = 0, { length } = obj2; i < length; i += 1) {
            const item = obj2[i];
            if (item !== null && (typeof item === "object" || typeof item === "function") && !Object.isFrozen(item)) {
              queue[queueLength++] = item;
            }
          }
        } else {
          const keys = Reflect.ownKeys(obj2);
          for (let i = 0, { length } = keys; i < length; i += 1) {
            const propValue = obj2[keys[i]];
            if (propValue !== null && (typeof propValue === "object" || typeof propValue === "function") && !Object.isFrozen(propValue)) {
              queue[queueLength++] = propValue;
            }
          }
        }
      }
      return value_;
    }
    module.exports = {
      isObject: isObject4,
      recursiveFreeze
    };
  }
});

// node_modules/packageurl-js/src/strings.js
var require_strings = __commonJS({
  "node_modules/packageurl-js/src/strings.js"(exports, module) {
    "use strict";
    var { compare: localeCompare } = new Intl.Collator();
    var regexSemverNumberedGroups = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
    function isBlank(str2) {
      for (let i = 0, { length } = str2; i < length; i += 1) {
        const code = str2.charCodeAt(i);
        if (!// Whitespace characters according to ECMAScript spec:
        // https://tc39.es/ecma262/#sec-white-space
        (code === 32 || // Space
        code === 9 || // Tab
        code === 10 || // Line Feed
        code === 11 || // Vertical Tab
        code === 12 || // Form Feed
        code === 13 || // Carriage Return
        code === 160 || // No-Break Space
        code === 5760 || // Ogham Space Mark
        code === 8192 || // En Quad
        code === 8193 || // Em Quad
        code === 8194 || // En Space
        code === 8195 || // Em Space
        code === 8196 || // Three-Per-Em Space
        code === 8197 || // Four-Per-Em Space
        code === 8198 || // Six-Per-Em Space
        code === 8199 || // Figure Space
        code === 8200 || // Punctuation Space
        code === 8201 || // Thin Space
        code === 8202 || // Hair Space
        code === 8232 || // Line Separator
        code === 8233 || // Paragraph Separator
        code === 8239 || // Narrow No-Break Space
        code === 8287 || // Medium Mathematical Space
        code === 12288 || // Ideographic Space
        code === 65279)) {
          return false;
        }
      }
      return true;
    }
    function isNonEmptyString(value) {
      return typeof value === "string" && value.length > 0;
    }
    function isSemverString(value) {
      return typeof value === "string" && regexSemverNumberedGroups.test(value);
    }
    function lowerName(purl) {
      purl.name = purl.name.toLowerCase();
    }
    function lowerNamespace(purl) {
      const { namespace } = purl;
      if (typeof namespace === "string") {
        purl.namespace = namespace.toLowerCase();
      }
    }
    function lowerVersion(purl) {
      const { version } = purl;
      if (typeof version === "string") {
        purl.version = version.toLowerCase();
      }
    }
    function replaceDashesWithUnderscores(str2) {
      let result2 = "";
      let fromIndex = 0;
      let index = 0;
      while ((index = str2.indexOf("-", fromIndex)) !== -1) {
        result2 = result2 + str2.slice(fromIndex, index) + "_";
        fromIndex = index + 1;
      }
      return fromIndex ? result2 + str2.slice(fromIndex) : str2;
    }
    function replaceUnderscoresWithDashes(str2) {
      let result2 = "";
      let fromIndex = 0;
      let index = 0;
      while ((index = str2.indexOf("_", fromIndex)) !== -1) {
        result2 = result2 + str2.slice(fromIndex, index) + "-";
        fromIndex = index + 1;
      }
      return fromIndex ? result2 + str2.slice(fromIndex) : str2;
    }
    function trimLeadingSlashes(str2) {
      let start = 0;
      while (str2.charCodeAt(start) === 47) {
        start += 1;
      }
      return start === 0 ? str2 : str2.slice(start);
    }
    module.exports = {
      isBlank,
      isNonEmptyString,
      isSemverString,
      localeCompare,
      lowerName,
      lowerNamespace,
      lowerVersion,
      replaceDashesWithUnderscores,
      replaceUnderscoresWithDashes,
      trimLeadingSlashes
    };
  }
});

// node_modules/packageurl-js/src/encode.js
var require_encode = __commonJS({
  "node_modules/packageurl-js/src/encode.js"(exports, module) {
    "use strict";
    var {
      REUSED_SEARCH_PARAMS,
      REUSED_SEARCH_PARAMS_KEY,
      REUSED_SEARCH_PARAMS_OFFSET
    } = require_constants();
    var { isObject: isObject4 } = require_objects();
    var { isNonEmptyString } = require_strings();
    var { encodeURIComponent } = globalThis;
    function encodeNamespace(namespace) {
      return isNonEmptyString(namespace) ? encodeURIComponent(namespace).replace(/%3A/g, ":").replace(/%2F/g, "/") : "";
    }
    function encodeQualifierParam(param) {
      if (isNonEmptyString(param)) {
        REUSED_SEARCH_PARAMS.set(REUSED_SEARCH_PARAMS_KEY, param);
        return replacePlusSignWithPercentEncodedSpace(
          REUSED_SEARCH_PARAMS.toString().slice(REUSED_SEARCH_PARAMS_OFFSET)
        );
      }
      return "";
    }
    function encodeQualifiers(qualifiers) {
      if (isObject4(qualifiers)) {
        const qualifiersKeys = Object.keys(qualifiers).sort();
        const searchParams = new URLSearchParams();
        for (let i = 0, { length } = qualifiersKeys; i < length; i += 1) {
          const key = qualifiersKeys[i];
          searchParams.set(key, qualifiers[key]);
        }
        return replacePlusSignWithPercentEncodedSpace(searchParams.toString());
      }
      return "";
    }
    function encodeSubpath(subpath) {
      return isNonEmptyString(subpath) ? encodeURIComponent(subpath).replace(/%2F/g, "/") : "";
    }
    function encodeVersion(version) {
      return isNonEmptyString(version) ? encodeURIComponent(version).replace(/%3A/g, ":").replace(/%2B/g, "+") : "";
    }
    function replacePlusSignWithPercentEncodedSpace(str2) {
      return str2.replace(/\+/g, "%20");
    }
    module.exports = {
      encodeNamespace,
      encodeVersion,
      encodeQualifiers,
      encodeQualifierParam,
      encodeSubpath,
      encodeURIComponent
    };
  }
});

// node_modules/packageurl-js/src/helpers.js
var require_helpers = __commonJS({
  "node_modules/packageurl-js/src/helpers.js"(exports, module) {
    "use strict";
    function createHelpersNamespaceObject(helpers, options_ = {}) {
      const { comparator, ...defaults } = { __proto__: null, ...options_ };
      const helperNames = Object.keys(helpers).sort();
      const propNames = [
        ...new Set([...Object.values(helpers)].map(Object.keys).flat())
      ].sort(comparator);
      const nsObject = /* @__PURE__ */ Object.create(null);
      for (let i = 0, { length } = propNames; i < length; i += 1) {
        const propName = propNames[i];
        const helpersForProp = /* @__PURE__ */ Object.create(null);
        for (let j = 0, { length: length_j } = helperNames; j < length_j; j += 1) {
          const helperName = helperNames[j];
          const helperValue = helpers[helperName][propName] ?? defaults[helperName];
          if (helperValue !== void 0) {
            helpersForProp[helperName] = helperValue;
          }
        }
        nsObject[propName] = helpersForProp;
      }
      return nsObject;
    }
    module.exports = {
      createHelpersNamespaceObject
    };
  }
});

// node_modules/packageurl-js/src/normalize.js
var require_normalize = __commonJS({
  "node_modules/packageurl-js/src/normalize.js"(exports, module) {
    "use strict";
    var { isObject: isObject4 } = require_objects();
    var { isBlank } = require_strings();
    function normalizeName(rawName) {
      return typeof rawName === "string" ? rawName.trim() : void 0;
    }
    function normalizeNamespace(rawNamespace) {
      return typeof rawNamespace === "string" ? normalizePath(rawNamespace) : void 0;
    }
    function normalizePath(pathname, callback) {
      let collapsed = "";
      let start = 0;
      while (pathname.charCodeAt(start) === 47) {
        start += 1;
      }
      let nextIndex = pathname.indexOf("/", start);
      if (nextIndex === -1) {
        return pathname.slice(start);
      }
      while (nextIndex !== -1) {
        const segment = pathname.slice(start, nextIndex);
        if (callback === void 0 || callback(segment)) {
          collapsed = collapsed + (collapsed.length === 0 ? "" : "/") + segment;
        }
        start = nextIndex + 1;
        while (pathname.charCodeAt(start) === 47) {
          start += 1;
        }
        nextIndex = pathname.indexOf("/", start);
      }
      const lastSegment = pathname.slice(start);
      if (lastSegment.length !== 0 && (callback === void 0 || callback(lastSegment))) {
        collapsed = collapsed + "/" + lastSegment;
      }
      return collapsed;
    }
    function normalizeQualifiers(rawQualifiers) {
      let qualifiers;
      for (const { 0: key, 1: value } of qualifiersToEntries(rawQualifiers)) {
        const strValue = typeof value === "string" ? value : String(value);
        const trimmed = strValue.trim();
        if (trimmed.length === 0) {
          continue;
        }
        if (qualifiers === void 0) {
          qualifiers = { __proto__: null };
        }
        qualifiers[key.toLowerCase()] = trimmed;
      }
      return qualifiers;
    }
    function normalizeSubpath(rawSubpath) {
      return typeof rawSubpath === "string" ? normalizePath(rawSubpath, subpathFilter) : void 0;
    }
    function normalizeType(rawType) {
      return typeof rawType === "string" ? rawType.trim().toLowerCase() : void 0;
    }
    function normalizeVersion(rawVersion) {
      return typeof rawVersion === "string" ? rawVersion.trim() : void 0;
    }
    function qualifiersToEntries(rawQualifiers) {
      if (isObject4(rawQualifiers)) {
        return rawQualifiers instanceof URLSearchParams ? rawQualifiers.entries() : Object.entries(rawQualifiers);
      }
      return typeof rawQualifiers === "string" ? new URLSearchParams(rawQualifiers).entries() : Object.entries({});
    }
    function subpathFilter(segment) {
      const { length } = segment;
      if (length === 1 && segment.charCodeAt(0) === 46) return false;
      if (length === 2 && segment.charCodeAt(0) === 46 && segment.charCodeAt(1) === 46) {
        return false;
      }
      return !isBlank(segment);
    }
    module.exports = {
      normalizeName,
      normalizeNamespace,
      normalizePath,
      normalizeQualifiers,
      normalizeSubpath,
      normalizeType,
      normalizeVersion
    };
  }
});

// node_modules/packageurl-js/src/lang.js
var require_lang = __commonJS({
  "node_modules/packageurl-js/src/lang.js"(exports, module) {
    "use strict";
    function isNullishOrEmptyString(value) {
      return value === null || value === void 0 || typeof value === "string" && value.length === 0;
    }
    module.exports = {
      isNullishOrEmptyString
    };
  }
});

// node_modules/packageurl-js/src/validate.js
var require_validate = __commonJS({
  "node_modules/packageurl-js/src/validate.js"(exports, module) {
    "use strict";
    var { PurlError } = require_error();
    var { isNullishOrEmptyString } = require_lang();
    var { isNonEmptyString } = require_strings();
    function validateEmptyByType(type, name, value, throws2) {
      if (!isNullishOrEmptyString(value)) {
        if (throws2) {
          throw new PurlError(`${type} "${name}" component must be empty`);
        }
        return false;
      }
      return true;
    }
    function validateName(name, throws2) {
      return validateRequired("name", name, throws2) && validateStrings("name", name, throws2);
    }
    function validateNamespace(namespace, throws2) {
      return validateStrings("namespace", namespace, throws2);
    }
    function validateQualifiers(qualifiers, throws2) {
      if (qualifiers === null || qualifiers === void 0) {
        return true;
      }
      if (typeof qualifiers !== "object") {
        if (throws2) {
          throw new PurlError('"qualifiers" must be an object');
        }
        return false;
      }
      const keysIterable = (
        // URL searchParams have an "keys" method that returns an iterator.
        typeof qualifiers.keys === "function" ? qualifiers.keys() : Object.keys(qualifiers)
      );
      for (const key of keysIterable) {
        if (!validateQualifierKey(key, throws2)) {
          return false;
        }
      }
      return true;
    }
    function validateQualifierKey(key, throws2) {
      if (!validateStartsWithoutNumber("qualifier", key, throws2)) {
        return false;
      }
      for (let i = 0, { length } = key; i < length; i += 1) {
        const code = key.charCodeAt(i);
        if (!(code >= 48 && code <= 57 || // 0-9
        code >= 65 && code <= 90 || // A-Z
        code >= 97 && code <= 122 || // a-z
        code === 46 || // .
        code === 45 || // -
        code === 95)) {
          if (throws2) {
            throw new PurlError(
              `qualifier "${key}" contains an illegal character`
            );
          }
          return false;
        }
      }
      return true;
    }
    function validateRequired(name, value, throws2) {
      if (isNullishOrEmptyString(value)) {
        if (throws2) {
          throw new PurlError(`"${name}" is a required component`);
        }
        return false;
      }
      return true;
    }
    function validateRequiredByType(type, name, value, throws2) {
      if (isNullishOrEmptyString(value)) {
        if (throws2) {
          throw new PurlError(`${type} requires a "${name}" component`);
        }
        return false;
      }
      return true;
    }
    function validateStartsWithoutNumber(name, value, throws2) {
      if (isNonEmptyString(value)) {
        const code = value.charCodeAt(0);
        if (code >= 48 && code <= 57) {
          if (throws2) {
            throw new PurlError(
              `${name} "${value}" cannot start with a number`
            );
          }
          return false;
        }
      }
      return true;
    }
    function validateStrings(name, value, throws2) {
      if (value === null || value === void 0 || typeof value === "string") {
        return true;
      }
      if (throws2) {
        throw new PurlError(`"'${name}" must be a string`);
      }
      return false;
    }
    function validateSubpath(subpath, throws2) {
      return validateStrings("subpath", subpath, throws2);
    }
    function validateType(type, throws2) {
      if (!validateRequired("type", type, throws2) || !validateStrings("type", type, throws2) || !validateStartsWithoutNumber("type", type, throws2)) {
        return false;
      }
      for (let i = 0, { length } = type; i < length; i += 1) {
        const code = type.charCodeAt(i);
        if (!(code >= 48 && code <= 57 || // 0-9
        code >= 65 && code <= 90 || // A-Z
        code >= 97 && code <= 122 || // a-z
        code === 46 || // .
        code === 43 || // +
        code === 45)) {
          if (throws2) {
            throw new PurlError(
              `type "${type}" contains an illegal character`
            );
          }
          return false;
        }
      }
      return true;
    }
    function validateVersion(version, throws2) {
      return validateStrings("version", version, throws2);
    }
    module.exports = {
      validateEmptyByType,
      validateName,
      validateNamespace,
      validateQualifiers,
      validateQualifierKey,
      validateRequired,
      validateRequiredByType,
      validateStartsWithoutNumber,
      validateStrings,
      validateSubpath,
      validateType,
      validateVersion
    };
  }
});

// node_modules/packageurl-js/src/purl-component.js
var require_purl_component = __commonJS({
  "node_modules/packageurl-js/src/purl-component.js"(exports, module) {
    "use strict";
    var {
      encodeNamespace,
      encodeVersion,
      encodeQualifiers,
      encodeQualifierParam,
      encodeSubpath,
      encodeURIComponent
    } = require_encode();
    var { createHelpersNamespaceObject } = require_helpers();
    var {
      normalizeType,
      normalizeNamespace,
      normalizeName,
      normalizeVersion,
      normalizeQualifiers,
      normalizeSubpath
    } = require_normalize();
    var { localeCompare, isNonEmptyString } = require_strings();
    var {
      validateType,
      validateNamespace,
      validateName,
      validateVersion,
      validateQualifiers,
      validateQualifierKey,
      validateSubpath
    } = require_validate();
    var PurlComponentEncoder = (comp) => isNonEmptyString(comp) ? encodeURIComponent(comp) : "";
    var PurlComponentStringNormalizer = (comp) => typeof comp === "string" ? comp : void 0;
    var PurlComponentValidator = (_comp, _throws) => true;
    var componentSortOrderLookup = {
      __proto__: null,
      type: 0,
      namespace: 1,
      name: 2,
      version: 3,
      qualifiers: 4,
      qualifierKey: 5,
      qualifierValue: 6,
      subpath: 7
    };
    function componentSortOrder(comp) {
      return componentSortOrderLookup[comp] ?? comp;
    }
    function componentComparator(compA, compB) {
      return localeCompare(componentSortOrder(compA), componentSortOrder(compB));
    }
    module.exports = {
      // Rules for each purl component:
      // https://github.com/package-url/purl-spec/blob/master/PURL-SPECIFICATION.rst#rules-for-each-purl-component
      PurlComponent: createHelpersNamespaceObject(
        {
          encode: {
            namespace: encodeNamespace,
            version: encodeVersion,
            qualifiers: encodeQualifiers,
            qualifierKey: encodeQualifierParam,
            qualifierValue: encodeQualifierParam,
            subpath: encodeSubpath
          },
          normalize: {
            type: normalizeType,
            namespace: normalizeNamespace,
            name: normalizeName,
            version: normalizeVersion,
            qualifiers: normalizeQualifiers,
            subpath: normalizeSubpath
          },
          validate: {
            type: validateType,
            namespace: validateNamespace,
            name: validateName,
            version: validateVersion,
            qualifierKey: validateQualifierKey,
            qualifiers: validateQualifiers,
            subpath: validateSubpath
          }
        },
        {
          comparator: componentComparator,
          encode: PurlComponentEncoder,
          normalize: PurlComponentStringNormalizer,
          validate: PurlComponentValidator
        }
      )
    };
  }
});

// node_modules/packageurl-js/src/purl-qualifier-names.js
var require_purl_qualifier_names = __commonJS({
  "node_modules/packageurl-js/src/purl-qualifier-names.js"(exports, module) {
    "use strict";
    module.exports = {
      // Known qualifiers:
      // https://github.com/package-url/purl-spec/blob/master/PURL-SPECIFICATION.rst#known-qualifiers-keyvalue-pairs
      PurlQualifierNames: {
        __proto__: null,
        RepositoryUrl: "repository_url",
        DownloadUrl: "download_url",
        VcsUrl: "vcs_url",
        FileName: "file_name",
        Checksum: "checksum"
      }
    };
  }
});

// node_modules/packageurl-js/src/purl-type.js
var require_purl_type = __commonJS({
  "node_modules/packageurl-js/src/purl-type.js"(exports, module) {
    "use strict";
    var { isNullishOrEmptyString } = require_lang();
    var { createHelpersNamespaceObject } = require_helpers();
    var {
      isSemverString,
      lowerName,
      lowerNamespace,
      lowerVersion,
      replaceDashesWithUnderscores,
      replaceUnderscoresWithDashes
    } = require_strings();
    var { validateEmptyByType, validateRequiredByType } = require_validate();
    var { PurlError } = require_error();
    var PurlTypNormalizer = (purl) => purl;
    var PurlTypeValidator = (_purl, _throws) => true;
    module.exports = {
      // PURL types:
      // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst
      PurlType: createHelpersNamespaceObject(
        {
          normalize: {
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#alpm
            alpm(purl) {
              lowerNamespace(purl);
              lowerName(purl);
              return purl;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#apk
            apk(purl) {
              lowerNamespace(purl);
              lowerName(purl);
              return purl;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#bitbucket
            bitbucket(purl) {
              lowerNamespace(purl);
              lowerName(purl);
              return purl;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#bitnami
            bitnami(purl) {
              lowerName(purl);
              return purl;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#composer
            composer(purl) {
              lowerNamespace(purl);
              lowerName(purl);
              return purl;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#deb
            deb(purl) {
              lowerNamespace(purl);
              lowerName(purl);
              return purl;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#other-candidate-types-to-define
            gitlab(purl) {
              lowerNamespace(purl);
              lowerName(purl);
              return purl;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#github
            github(purl) {
              lowerNamespace(purl);
              lowerName(purl);
              return purl;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#golang
            // golang(purl) {
            //     // Ignore case-insensitive rule because go.mod are case-sensitive.
            //     // Pending spec change: https://github.com/package-url/purl-spec/pull/196
            //     lowerNamespace(purl)
            //     lowerName(purl)
            //     return purl
            // },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#hex
            hex(purl) {
              lowerNamespace(purl);
              lowerName(purl);
              return purl;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#huggingface
            huggingface(purl) {
              lowerVersion(purl);
              return purl;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#mlflow
            mlflow(purl) {
              if (purl.qualifiers?.repository_url?.includes("databricks")) {
                lowerName(purl);
              }
              return purl;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#npm
            npm(purl) {
              lowerNamespace(purl);
              lowerName(purl);
              return purl;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#luarocks
            luarocks(purl) {
              lowerVersion(purl);
              return purl;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#oci
            oci(purl) {
              lowerName(purl);
              return purl;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#pub
            pub(purl) {
              lowerName(purl);
              purl.name = replaceDashesWithUnderscores(purl.name);
              return purl;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#pypi
            pypi(purl) {
              lowerNamespace(purl);
              lowerName(purl);
              purl.name = replaceUnderscoresWithDashes(purl.name);
              return purl;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#qpkg
            qpkg(purl) {
              lowerNamespace(purl);
              return purl;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#rpm
            rpm(purl) {
              lowerNamespace(purl);
              return purl;
            }
          },
          validate: {
            // TODO: cocoapods name validation
            // TODO: cpan namespace validation
            // TODO: swid qualifier validation
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#conan
            conan(purl, throws2) {
              if (isNullishOrEmptyString(purl.namespace)) {
                if (purl.qualifiers?.channel) {
                  if (throws2) {
                    throw new PurlError(
                      'conan requires a "namespace" component when a "channel" qualifier is present'
                    );
                  }
                  return false;
                }
              } else if (isNullishOrEmptyString(purl.qualifiers)) {
                if (throws2) {
                  throw new PurlError(
                    'conan requires a "qualifiers" component when a namespace is present'
                  );
                }
                return false;
              }
              return true;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#cran
            cran(purl, throws2) {
              return validateRequiredByType(
                "cran",
                "version",
                purl.version,
                throws2
              );
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#golang
            golang(purl) {
              const { version } = purl;
              const length = typeof version === "string" ? version.length : 0;
              if (length && version.charCodeAt(0) === 118 && !isSemverString(version.slice(1))) {
                if (throws) {
                  throw new PurlError(
                    'golang "version" component starting with a "v" must be followed by a valid semver version'
                  );
                }
                return false;
              }
              return true;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#maven
            maven(purl, throws2) {
              return validateRequiredByType(
                "maven",
                "namespace",
                purl.namespace,
                throws2
              );
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#mlflow
            mlflow(purl, throws2) {
              return validateEmptyByType(
                "mlflow",
                "namespace",
                purl.namespace,
                throws2
              );
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#oci
            oci(purl, throws2) {
              return validateEmptyByType(
                "oci",
                "namespace",
                purl.namespace,
                throws2
              );
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#pub
            pub(purl, throws2) {
              const { name } = purl;
              for (let i = 0, { length } = name; i < length; i += 1) {
                const code = name.charCodeAt(i);
                if (!(code >= 48 && code <= 57 || // 0-9
                code >= 97 && code <= 122 || // a-z
                code === 95)) {
                  if (throws2) {
                    throw new PurlError(
                      'pub "name" component may only contain [a-z0-9_] characters'
                    );
                  }
                  return false;
                }
              }
              return true;
            },
            // https://github.com/package-url/purl-spec/blob/master/PURL-TYPES.rst#swift
            swift(purl, throws2) {
              return validateRequiredByType(
                "swift",
                "namespace",
                purl.namespace,
                throws2
              ) && validateRequiredByType(
                "swift",
                "version",
                purl.version,
                throws2
              );
            }
          }
        },
        {
          normalize: PurlTypNormalizer,
          validate: PurlTypeValidator
        }
      )
    };
  }
});

// node_modules/packageurl-js/src/package-url.js
var require_package_url = __commonJS({
  "node_modules/packageurl-js/src/package-url.js"(exports, module) {
    "use strict";
    var { decodePurlComponent } = require_decode();
    var { isObject: isObject4, recursiveFreeze } = require_objects();
    var { isBlank, isNonEmptyString, trimLeadingSlashes } = require_strings();
    var { PurlComponent } = require_purl_component();
    var { PurlQualifierNames } = require_purl_qualifier_names();
    var { PurlType } = require_purl_type();
    var { PurlError } = require_error();
    var PackageURL2 = class _PackageURL {
      static Component = recursiveFreeze(PurlComponent);
      static KnownQualifierNames = recursiveFreeze(PurlQualifierNames);
      static Type = recursiveFreeze(PurlType);
      constructor(rawType, rawNamespace, rawName, rawVersion, rawQualifiers, rawSubpath) {
        const type = isNonEmptyString(rawType) ? PurlComponent.type.normalize(rawType) : rawType;
        PurlComponent.type.validate(type, true);
        const namespace = isNonEmptyString(rawNamespace) ? PurlComponent.namespace.normalize(rawNamespace) : rawNamespace;
        PurlComponent.namespace.validate(namespace, true);
        const name = isNonEmptyString(rawName) ? PurlComponent.name.normalize(rawName) : rawName;
        PurlComponent.name.validate(name, true);
        const version = isNonEmptyString(rawVersion) ? PurlComponent.version.normalize(rawVersion) : rawVersion;
        PurlComponent.version.validate(version, true);
        const qualifiers = typeof rawQualifiers === "string" || isObject4(rawQualifiers) ? PurlComponent.qualifiers.normalize(rawQualifiers) : rawQualifiers;
        PurlComponent.qualifiers.validate(qualifiers, true);
        const subpath = isNonEmptyString(rawSubpath) ? PurlComponent.subpath.normalize(rawSubpath) : rawSubpath;
        PurlComponent.subpath.validate(subpath, true);
        this.type = type;
        this.name = name;
        this.namespace = namespace ?? void 0;
        this.version = version ?? void 0;
        this.qualifiers = qualifiers ?? void 0;
        this.subpath = subpath ?? void 0;
        const typeHelpers = PurlType[type];
        if (typeHelpers) {
          typeHelpers.normalize(this);
          typeHelpers.validate(this, true);
        }
      }
      toString() {
        const { namespace, name, version, qualifiers, subpath, type } = this;
        let purlStr = `pkg:${PurlComponent.type.encode(type)}/`;
        if (namespace) {
          purlStr = `${purlStr}${PurlComponent.namespace.encode(namespace)}/`;
        }
        purlStr = `${purlStr}${PurlComponent.name.encode(name)}`;
        if (version) {
          purlStr = `${purlStr}@${PurlComponent.version.encode(version)}`;
        }
        if (qualifiers) {
          purlStr = `${purlStr}?${PurlComponent.qualifiers.encode(qualifiers)}`;
        }
        if (subpath) {
          purlStr = `${purlStr}#${PurlComponent.subpath.encode(subpath)}`;
        }
        return purlStr;
      }
      static fromString(purlStr) {
        return new _PackageURL(..._PackageURL.parseString(purlStr));
      }
      static parseString(purlStr) {
        if (typeof purlStr !== "string") {
          throw new Error("A purl string argument is required.");
        }
        if (isBlank(purlStr)) {
          return [
            void 0,
            void 0,
            void 0,
            void 0,
            void 0,
            void 0
          ];
        }
        const colonIndex = purlStr.indexOf(":");
        let url;
        let maybeUrlWithAuth;
        if (colonIndex !== -1) {
          try {
            const beforeColon = purlStr.slice(0, colonIndex);
            const afterColon = purlStr.slice(colonIndex + 1);
            const trimmedAfterColon = trimLeadingSlashes(afterColon);
            url = new URL(`${beforeColon}:${trimmedAfterColon}`);
            maybeUrlWithAuth = afterColon.length === trimmedAfterColon.length ? url : new URL(purlStr);
          } catch (e) {
            throw new PurlError("failed to parse as URL", {
              cause: e
            });
          }
        }
        if (url?.protocol !== "pkg:") {
          throw new PurlError('missing required "pkg" scheme component');
        }
        if (maybeUrlWithAuth.username !== "" || maybeUrlWithAuth.password !== "") {
          throw new PurlError('cannot contain a "user:pass@host:port"');
        }
        const { pathname } = url;
        const firstSlashIndex = pathname.indexOf("/");
        const rawType = decodePurlComponent(
          "type",
          firstSlashIndex === -1 ? pathname : pathname.slice(0, firstSlashIndex)
        );
        if (firstSlashIndex < 1) {
          return [
            rawType,
            void 0,
            void 0,
            void 0,
            void 0,
            void 0
          ];
        }
        let rawVersion;
        let atSignIndex = pathname.lastIndexOf("@");
        if (atSignIndex !== -1 && pathname.charCodeAt(atSignIndex - 1) === 47) {
          atSignIndex = -1;
        }
        const beforeVersion = pathname.slice(
          rawType.length + 1,
          atSignIndex === -1 ? pathname.length : atSignIndex
        );
        if (atSignIndex !== -1) {
          rawVersion = decodePurlComponent(
            "version",
            pathname.slice(atSignIndex + 1)
          );
        }
        let rawNamespace;
        let rawName;
        const lastSlashIndex = beforeVersion.lastIndexOf("/");
        if (lastSlashIndex === -1) {
          rawName = decodePurlComponent("name", beforeVersion);
        } else {
          rawName = decodePurlComponent(
            "name",
            beforeVersion.slice(lastSlashIndex + 1)
          );
          rawNamespace = decodePurlComponent(
            "namespace",
            beforeVersion.slice(0, lastSlashIndex)
          );
        }
        let rawQualifiers;
        const { searchParams } = url;
        if (searchParams.size !== 0) {
          searchParams.forEach(
            (value) => decodePurlComponent("qualifiers", value)
          );
          rawQualifiers = searchParams;
        }
        let rawSubpath;
        const { hash } = url;
        if (hash.length !== 0) {
          rawSubpath = decodePurlComponent("subpath", hash.slice(1));
        }
        return [
          rawType,
          rawNamespace,
          rawName,
          rawVersion,
          rawQualifiers,
          rawSubpath
        ];
      }
    };
    for (const staticProp of ["Component", "KnownQualifierNames", "Type"]) {
      Reflect.defineProperty(PackageURL2, staticProp, {
        ...Reflect.getOwnPropertyDescriptor(PackageURL2, staticProp),
        writable: false
      });
    }
    Reflect.setPrototypeOf(PackageURL2.prototype, null);
    module.exports = {
      PackageURL: PackageURL2,
      PurlComponent,
      PurlQualifierNames,
      PurlType
    };
  }
});

// node_modules/packageurl-js/index.js
var require_packageurl_js = __commonJS({
  "node_modules/packageurl-js/index.js"(exports, module) {
    "use strict";
    var {
      PackageURL: PackageURL2,
      PurlComponent,
      PurlQualifierNames,
      PurlType
    } = require_package_url();
    module.exports = {
      PackageURL: PackageURL2,
      PurlComponent,
      PurlQualifierNames,
      PurlType
    };
  }
});

// packages/scan/src/cli.ts
var fs5 = __toESM(require_fs(), 1);
var path7 = __toESM(require_path(), 1);

// packages/scan/src/generated/scan-image.ts
var action = {
  name: "scan-image",
  inputs: {
    "image": { description: "The image to scan, preferably by digest (ghcr.io/acme/app@sha256:…). Set exactly one of image, sbom and path." },
    "sbom": { description: "An SBOM file to scan (SPDX, CycloneDX or syft JSON) instead of an image." },
    "path": { description: "A folder or file to scan instead of an image; findings are annotated on the files that declare the packages." },
    "severity-cutoff": { description: "Matches at or above this severity fail the scan: negligible, low, medium, high, critical, or none. Empty: the config file's fail-on-severity, else medium." },
    "only-fixed": { description: "Count only matches that have a fix (the others are listed as ignored). Also turned on by only-fixed in the config file.", default: "false" },
    "ignore": { description: "Ignore rules as a YAML list, with the .grype.yaml fields (vulnerability, package{name,version,type,location,language,upstream-name}, fix-state, namespace, vex-status, include-aliases, match-type); each needs a reason and may have an until date (YYYY-MM-DD)." },
    "config": { description: "A .grype.yaml whose ignore rules, fail-on-severity and only-fixed are applied. Empty: .grype.yaml in the workspace when there is one." },
    "vex": { description: "VEX documents, OpenVEX or CSAF 2.0 VEX (category csaf_vex), one path per line; not_affected (CSAF known_not_affected) and fixed statements move the matches they cover to ignored, with the justification as the reason. Checked before grype runs." },
    "fail-build": { description: "Fail the step when the verdict is fail. With false, the verdict and counts are still written.", default: "true" },
    "output-dir": { description: "Where grype.json, results.sarif and verdict.json are written. Empty: a fresh folder of this run under RUNNER_TEMP (the outputs and the summary name it)." },
    "grype-version": { description: "An exact grype version to install (sha256 checked, kept in the tool cache). Empty: grype on PATH, else 0.96.0." },
    "download-base-url": { description: "A mirror to download grype from when it is not on PATH, laid out as <url>/grype/<version>/<file> with the publisher's archive and checksums file names (as the root action's download-base-url). Empty: github.com." },
    "db-cache-dir": { description: "Where grype keeps its vulnerability database (GRYPE_DB_CACHE_DIR). Empty: RUNNER_TOOL_CACHE/grype-db. Cache this folder with actions/cache to skip the download." }
  }
};

// packages/scan/src/inputs.ts
var fs = __toESM(require_fs(), 1);
var path2 = __toESM(require_path(), 1);

// packages/scan/src/rules.ts
var path = __toESM(require_path(), 1);
var import_yaml = __toESM(require_dist(), 1);
var VEX_STATUSES = ["not_affected", "affected", "fixed", "under_investigation"];
var RuleError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "RuleError";
  }
};
var RULE_KEYS = ["vulnerability", "reason", "until", "namespace", "fix-state", "package", "vex-status", "vex-justification", "include-aliases", "match-type"];
var PACKAGE_KEYS = ["name", "version", "type", "location", "language", "upstream-name"];
var FIX_STATES = ["fixed", "not-fixed", "wont-fix", "unknown"];
var MATCH_TYPES = ["exact-direct-match", "exact-indirect-match", "cpe-match"];
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function text2(value, where, problems) {
  if (value === void 0 || value === null || value === "") return void 0;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  problems.push(`${where} must be text`);
  return void 0;
}
function anchored(pattern, where, problems) {
  if (pattern === void 0) return void 0;
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch (error) {
    problems.push(`${where} is not a valid regular expression (${error.message})`);
    return void 0;
  }
}
function expiry(value, where, problems) {
  if (value === void 0 || value === null || value === "") return {};
  const raw = value instanceof Date ? value.toISOString() : typeof value === "string" ? value.trim() : "";
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const at = day ? Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]) + 1) : /^\d{4}-\d{2}-\d{2}T/.test(raw) ? Date.parse(raw) : NaN;
  if (Number.isNaN(at)) {
    problems.push(`${where}.until is ${JSON.stringify(value)}; write a date as YYYY-MM-DD (the rule applies through that day, UTC)`);
    return {};
  }
  return { until: raw, expiresAt: at };
}
function parseRule(raw, origin, problems) {
  const before = problems.length;
  if (!isObject(raw)) {
    problems.push(`${origin} must be a mapping such as {vulnerability: CVE-…, reason: …}`);
    return void 0;
  }
  for (const key of Object.keys(raw)) {
    if (!RULE_KEYS.includes(key)) problems.push(`${origin} has an unknown field "${key}" (known: ${RULE_KEYS.join(", ")})`);
  }
  const pkgRaw = raw.package ?? {};
  if (!isObject(pkgRaw)) problems.push(`${origin}.package must be a mapping of ${PACKAGE_KEYS.join(", ")}`);
  const pkg = isObject(pkgRaw) ? pkgRaw : {};
  for (const key of Object.keys(pkg)) {
    if (!PACKAGE_KEYS.includes(key)) problems.push(`${origin}.package has an unknown field "${key}" (known: ${PACKAGE_KEYS.join(", ")})`);
  }
  const reason2 = text2(raw.reason, `${origin}.reason`, problems);
  if (!reason2 || reason2.trim() === "") problems.push(`${origin} has no reason; say why the match may be ignored (reason: …)`);
  const fixState = text2(raw["fix-state"], `${origin}.fix-state`, problems);
  if (fixState !== void 0 && !FIX_STATES.includes(fixState)) problems.push(`${origin}.fix-state is "${fixState}"; accepted: ${FIX_STATES.join(", ")}`);
  const vexStatus = text2(raw["vex-status"], `${origin}.vex-status`, problems);
  if (vexStatus !== void 0 && !VEX_STATUSES.includes(vexStatus)) problems.push(`${origin}.vex-status is "${vexStatus}"; accepted: ${VEX_STATUSES.join(", ")}`);
  const matchType = text2(raw["match-type"], `${origin}.match-type`, problems);
  if (matchType !== void 0 && !MATCH_TYPES.includes(matchType)) problems.push(`${origin}.match-type is "${matchType}"; accepted: ${MATCH_TYPES.join(", ")}`);
  const aliases = raw["include-aliases"];
  if (aliases !== void 0 && typeof aliases !== "boolean") problems.push(`${origin}.include-aliases must be true or false`);
  const rule2 = {
    origin,
    reason: reason2?.trim() ?? "",
    ...expiry(raw.until, origin, problems),
    vulnerability: text2(raw.vulnerability, `${origin}.vulnerability`, problems),
    includeAliases: aliases === true,
    namespace: text2(raw.namespace, `${origin}.namespace`, problems),
    fixState,
    vexStatus,
    vexJustification: text2(raw["vex-justification"], `${origin}.vex-justification`, problems),
    matchType,
    package: {
      name: anchored(text2(pkg.name, `${origin}.package.name`, problems), `${origin}.package.name`, problems),
      version: text2(pkg.version, `${origin}.package.version`, problems),
      type: text2(pkg.type, `${origin}.package.type`, problems),
      location: text2(pkg.location, `${origin}.package.location`, problems),
      language: text2(pkg.language, `${origin}.package.language`, problems),
      upstreamName: anchored(text2(pkg["upstream-name"], `${origin}.package.upstream-name`, problems), `${origin}.package.upstream-name`, problems)
    }
  };
  if (rule2.vexJustification !== void 0 && rule2.vexStatus === void 0) problems.push(`${origin}.vex-justification needs vex-status (it narrows which VEX statements the rule follows)`);
  const hasCondition = rule2.vulnerability || rule2.namespace || rule2.fixState || rule2.vexStatus || rule2.matchType || Object.values(rule2.package).some((v) => v !== void 0);
  if (!hasCondition) problems.push(`${origin} has no condition (vulnerability, package, fix-state, namespace, vex-status, match-type), so it would ignore nothing`);
  return problems.length === before ? rule2 : void 0;
}
function ruleList(value, label, problems) {
  if (value === void 0 || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push(`${label} must be a YAML list of rules (- vulnerability: CVE-…\\n  reason: …)`);
    return [];
  }
  return value.flatMap((raw, i) => parseRule(raw, `${label}[${i}]`, problems) ?? []);
}
function yamlOf(source, label) {
  try {
    return (0, import_yaml.parse)(source);
  } catch (error) {
    throw new RuleError(`${label} is not valid YAML: ${error.message.split("\n")[0]}`);
  }
}
function parseIgnoreInput(source, inputName = "ignore") {
  if (source.trim() === "") return [];
  const data = yamlOf(source, `Input '${inputName}'`);
  const problems = [];
  const rules = ruleList(isObject(data) && "ignore" in data ? data.ignore : data, inputName, problems);
  if (problems.length > 0) throw new RuleError(`Input '${inputName}' has invalid ignore rules:
- ${problems.join("\n- ")}`);
  return rules;
}
function parseGrypeConfig(source, file) {
  const name = path.basename(file);
  const data = yamlOf(source, `The grype config ${file}`) ?? {};
  if (!isObject(data)) throw new RuleError(`The grype config ${file} must be a YAML mapping (ignore:, fail-on-severity:, …).`);
  const problems = [];
  const rules = ruleList(data.ignore, `${name} ignore`, problems);
  let failOnSeverity;
  const fos = data["fail-on-severity"];
  if (fos !== void 0 && fos !== null && fos !== "") {
    const s = String(fos).toLowerCase();
    if (SEVERITIES.includes(s) && s !== "unknown") failOnSeverity = s;
    else problems.push(`fail-on-severity is ${JSON.stringify(fos)}; accepted: negligible, low, medium, high, critical`);
  }
  const of = data["only-fixed"];
  if (of !== void 0 && typeof of !== "boolean") problems.push("only-fixed must be true or false");
  if (problems.length > 0) throw new RuleError(`The grype config ${file} has problems:
- ${problems.join("\n- ")}`);
  return { rules, failOnSeverity, onlyFixed: typeof of === "boolean" ? of : void 0 };
}
function isExpired(rule2, now) {
  return rule2.expiresAt !== void 0 && now >= rule2.expiresAt;
}
function ruleMatches(rule2, match, vex) {
  if (rule2.vulnerability !== void 0) {
    const ids2 = rule2.includeAliases ? [match.id, ...match.related.map((r) => r.id)] : [match.id];
    if (!ids2.includes(rule2.vulnerability)) return false;
  }
  if (rule2.namespace !== void 0 && rule2.namespace !== match.namespace) return false;
  if (rule2.fixState !== void 0 && rule2.fixState !== match.fix.state) return false;
  if (rule2.vexStatus !== void 0 && rule2.vexStatus !== vex?.status) return false;
  if (rule2.vexJustification !== void 0 && rule2.vexJustification !== vex?.justification) return false;
  if (rule2.matchType !== void 0 && !match.details.some((d) => d.type === rule2.matchType)) return false;
  const p = rule2.package;
  const a = match.artifact;
  if (p.name && !p.name.test(a.name)) return false;
  if (p.version !== void 0 && p.version !== a.version) return false;
  if (p.type !== void 0 && p.type !== a.type) return false;
  if (p.language !== void 0 && p.language !== a.language) return false;
  if (p.upstreamName && !a.upstreams.some((u) => p.upstreamName.test(u))) return false;
  if (p.location !== void 0) {
    const glob = p.location;
    const hit = a.locations.some((l) => path.posix.matchesGlob(l.path, glob) || l.accessPath !== void 0 && path.posix.matchesGlob(l.accessPath, glob));
    if (!hit) return false;
  }
  return true;
}
function describeRule(rule2) {
  const parts = [];
  if (rule2.vulnerability) parts.push(rule2.vulnerability);
  if (rule2.package.name) parts.push(`package ${rule2.package.name.source.slice(4, -2)}`);
  if (rule2.package.location) parts.push(`at ${rule2.package.location}`);
  if (rule2.fixState) parts.push(`fix-state ${rule2.fixState}`);
  if (rule2.vexStatus) parts.push(`vex-status ${rule2.vexStatus}`);
  return parts.length > 0 ? `${rule2.origin} (${parts.join(", ")})` : rule2.origin;
}

// packages/scan/src/csaf.ts
var import_packageurl_js = __toESM(require_packageurl_js(), 1);
var isObject2 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var PRODUCT_STATUSES = {
  known_not_affected: "not_affected",
  fixed: "fixed",
  known_affected: "affected",
  first_affected: "affected",
  last_affected: "affected",
  under_investigation: "under_investigation",
  first_fixed: void 0,
  recommended: void 0
};
var STATUS_GROUP = {
  known_not_affected: "not affected",
  fixed: "fixed",
  first_fixed: "fixed",
  known_affected: "affected",
  first_affected: "affected",
  last_affected: "affected",
  under_investigation: "under investigation"
};
var FLAG_LABELS = ["component_not_present", "inline_mitigations_already_exist", "vulnerable_code_cannot_be_controlled_by_adversary", "vulnerable_code_not_in_execute_path", "vulnerable_code_not_present"];
var RELATIONSHIP_CATEGORIES = ["default_component_of", "external_component_of", "installed_on", "installed_with", "optional_component_of"];
function looksLikeCsaf(data) {
  return isObject2(data.document) && ("csaf_version" in data.document || "vulnerabilities" in data || "product_tree" in data);
}
var parsed = /* @__PURE__ */ new Map();
function parsePurl(purl) {
  if (parsed.has(purl)) return parsed.get(purl);
  let result2;
  try {
    result2 = import_packageurl_js.PackageURL.fromString(purl);
  } catch {
    result2 = void 0;
  }
  if (parsed.size >= 1e5) parsed.clear();
  parsed.set(purl, result2);
  return result2;
}
function readCsaf(data) {
  const problems = [];
  const doc = data.document;
  if (doc.category !== "csaf_vex") {
    problems.push(`document.category is ${JSON.stringify(doc.category)}; only CSAF VEX documents (category "csaf_vex") are read as VEX`);
  }
  if (doc.csaf_version !== "2.0") problems.push(`document.csaf_version is ${JSON.stringify(doc.csaf_version)}; CSAF 2.0 is read`);
  if (problems.length > 0) return { statements: [], problems };
  const raw = /* @__PURE__ */ new Map();
  const define = (fpn, where, relationship) => {
    if (!isObject2(fpn)) return void problems.push(`${where} is not an object`);
    const id = fpn.product_id;
    if (typeof id !== "string" || id === "") return void problems.push(`${where}.product_id is missing or not text`);
    if (typeof fpn.name !== "string") problems.push(`${where}.name is missing or not text`);
    const purls = [];
    const helper = fpn.product_identification_helper;
    if (helper !== void 0) {
      if (!isObject2(helper)) problems.push(`${where}.product_identification_helper is not an object`);
      else if (helper.purl !== void 0) {
        if (typeof helper.purl !== "string" || !parsePurl(helper.purl)) {
          problems.push(`${where}.product_identification_helper.purl is ${JSON.stringify(helper.purl)}, which is not a package URL (pkg:type/namespace/name@version)`);
        } else purls.push(helper.purl);
      }
    }
    const seen = raw.get(id);
    if (seen) return void problems.push(`${where}.product_id "${id}" is already defined at ${seen.where}`);
    raw.set(id, { names: typeof fpn.name === "string" ? [fpn.name] : [], purls, where: `${where}.product_id`, relationship });
  };
  const tree = data.product_tree;
  const groups = /* @__PURE__ */ new Map();
  if (tree !== void 0 && !isObject2(tree)) problems.push("product_tree is not an object");
  if (isObject2(tree)) {
    const list2 = (v, where) => {
      if (v === void 0) return [];
      if (Array.isArray(v)) return v;
      problems.push(`${where} is not a list`);
      return [];
    };
    const walk = (branches, where) => list2(branches, where).forEach((b, i) => {
      const at = `${where}[${i}]`;
      if (!isObject2(b)) return void problems.push(`${at} is not an object`);
      if (b.product !== void 0) define(b.product, `${at}.product`);
      walk(b.branches, `${at}.branches`);
    });
    walk(tree.branches, "product_tree.branches");
    list2(tree.full_product_names, "product_tree.full_product_names").forEach((f, i) => define(f, `product_tree.full_product_names[${i}]`));
    list2(tree.relationships, "product_tree.relationships").forEach((r, i) => {
      const at = `product_tree.relationships[${i}]`;
      if (!isObject2(r)) return void problems.push(`${at} is not an object`);
      const category = String(r.category ?? "");
      if (!RELATIONSHIP_CATEGORIES.includes(category)) problems.push(`${at}.category is ${JSON.stringify(r.category)}; accepted: ${RELATIONSHIP_CATEGORIES.join(", ")}`);
      if (typeof r.product_reference !== "string") problems.push(`${at}.product_reference is missing or not text`);
      if (typeof r.relates_to_product_reference !== "string") problems.push(`${at}.relates_to_product_reference is missing or not text`);
      define(r.full_product_name, `${at}.full_product_name`, { category, component: String(r.product_reference ?? ""), platform: String(r.relates_to_product_reference ?? "") });
    });
    list2(tree.product_groups, "product_tree.product_groups").forEach((g, i) => {
      const at = `product_tree.product_groups[${i}]`;
      if (!isObject2(g) || typeof g.group_id !== "string" || !Array.isArray(g.product_ids)) return void problems.push(`${at} needs a group_id and a product_ids list`);
      g.product_ids.forEach((id, j) => {
        if (typeof id !== "string" || !raw.has(id)) problems.push(`${at}.product_ids[${j}] is ${JSON.stringify(id)}, which product_tree does not define`);
      });
      groups.set(g.group_id, g.product_ids.map(String));
    });
    for (const [id, p] of raw) {
      if (!p.relationship) continue;
      const at = p.where.replace(/\.full_product_name\.product_id$/, "");
      for (const [key, ref] of [["product_reference", p.relationship.component], ["relates_to_product_reference", p.relationship.platform]]) {
        if (ref !== "" && !raw.has(ref)) problems.push(`${at}.${key} is "${ref}", which product_tree does not define (for ${id})`);
      }
    }
  }
  const state = /* @__PURE__ */ new Map();
  const visit = (id) => {
    if (state.get(id) === "done") return true;
    if (state.get(id) === "visiting") return false;
    state.set(id, "visiting");
    const rel = raw.get(id)?.relationship;
    const ok = !rel || visit(rel.component) && visit(rel.platform);
    state.set(id, "done");
    return ok;
  };
  for (const [id, p] of raw) {
    if (p.relationship && !visit(id)) problems.push(`${p.where.replace(/\.product_id$/, "")} "${id}" is defined through itself (a circular relationship)`);
    if (p.relationship) state.clear();
  }
  const resolved = /* @__PURE__ */ new Map();
  const resolve4 = (id, path8 = /* @__PURE__ */ new Set()) => {
    const done = resolved.get(id);
    if (done) return done;
    const p = raw.get(id) ?? { names: [], purls: [], where: "" };
    const product = { id, names: p.names, purls: p.purls };
    if (p.relationship && !path8.has(id)) {
      const inner = /* @__PURE__ */ new Set([...path8, id]);
      product.relationship = { category: p.relationship.category, component: resolve4(p.relationship.component, inner), platform: resolve4(p.relationship.platform, inner) };
    }
    if (path8.size === 0) resolved.set(id, product);
    return product;
  };
  const statements = [];
  const vulns = data.vulnerabilities;
  if (!Array.isArray(vulns)) {
    problems.push("vulnerabilities is missing or not a list; a CSAF VEX document lists its vulnerabilities there");
    return { statements, problems };
  }
  const cves = /* @__PURE__ */ new Map();
  vulns.forEach((v, vi) => {
    const at = `vulnerabilities[${vi}]`;
    if (!isObject2(v)) return void problems.push(`${at} is not an object`);
    const names = [];
    if (v.cve !== void 0) {
      if (typeof v.cve !== "string" || !/^CVE-\d{4}-\d{4,}$/.test(v.cve)) problems.push(`${at}.cve is ${JSON.stringify(v.cve)}; write it as CVE-YYYY-NNNN`);
      else {
        if (cves.has(v.cve)) problems.push(`${at}.cve ${v.cve} is already given at vulnerabilities[${cves.get(v.cve)}]`);
        cves.set(v.cve, vi);
        names.push(v.cve);
      }
    }
    if (v.ids !== void 0) {
      if (!Array.isArray(v.ids)) problems.push(`${at}.ids is not a list`);
      else v.ids.forEach((x, i) => {
        if (!isObject2(x) || typeof x.system_name !== "string" || typeof x.text !== "string") problems.push(`${at}.ids[${i}] needs system_name and text`);
        else names.push(x.text);
      });
    }
    if (names.length === 0 && typeof v.cve !== "string") problems.push(`${at} names no vulnerability (cve or ids)`);
    const productIds = (list2, where) => {
      if (list2 === void 0) return [];
      if (!Array.isArray(list2)) {
        problems.push(`${where} is not a list`);
        return [];
      }
      return list2.flatMap((id, i) => {
        if (typeof id !== "string" || !raw.has(id)) {
          problems.push(`${where}[${i}] is ${JSON.stringify(id)}, which product_tree does not define`);
          return [];
        }
        return [id];
      });
    };
    const groupIds = (list2, where) => {
      if (list2 === void 0) return [];
      if (!Array.isArray(list2)) {
        problems.push(`${where} is not a list`);
        return [];
      }
      return list2.flatMap((id, i) => {
        const members = typeof id === "string" ? groups.get(id) : void 0;
        if (!members) {
          problems.push(`${where}[${i}] is ${JSON.stringify(id)}, which product_tree.product_groups does not define`);
          return [];
        }
        return members;
      });
    };
    const labels = /* @__PURE__ */ new Map();
    const impacts = /* @__PURE__ */ new Map();
    if (v.flags !== void 0 && !Array.isArray(v.flags)) problems.push(`${at}.flags is not a list`);
    (Array.isArray(v.flags) ? v.flags : []).forEach((f, i) => {
      const fa = `${at}.flags[${i}]`;
      if (!isObject2(f)) return void problems.push(`${fa} is not an object`);
      if (typeof f.label !== "string" || !FLAG_LABELS.includes(f.label)) return void problems.push(`${fa}.label is ${JSON.stringify(f.label)}; accepted: ${FLAG_LABELS.join(", ")}`);
      for (const id of [...productIds(f.product_ids, `${fa}.product_ids`), ...groupIds(f.group_ids, `${fa}.group_ids`)]) if (!labels.has(id)) labels.set(id, f.label);
    });
    if (v.threats !== void 0 && !Array.isArray(v.threats)) problems.push(`${at}.threats is not a list`);
    (Array.isArray(v.threats) ? v.threats : []).forEach((t, i) => {
      const ta = `${at}.threats[${i}]`;
      if (!isObject2(t)) return void problems.push(`${ta} is not an object`);
      if (t.category !== "impact") return;
      if (typeof t.details !== "string") return void problems.push(`${ta}.details is missing or not text`);
      for (const id of [...productIds(t.product_ids, `${ta}.product_ids`), ...groupIds(t.group_ids, `${ta}.group_ids`)]) if (!impacts.has(id)) impacts.set(id, t.details);
    });
    const ps = v.product_status;
    if (ps === void 0) return void 0;
    if (!isObject2(ps)) return void problems.push(`${at}.product_status is not an object`);
    const groupOf = /* @__PURE__ */ new Map();
    for (const [key, ids2] of Object.entries(ps)) {
      const sa = `${at}.product_status.${key}`;
      if (!(key in PRODUCT_STATUSES)) {
        problems.push(`${at}.product_status has an unknown field "${key}" (known: ${Object.keys(PRODUCT_STATUSES).join(", ")})`);
        continue;
      }
      if (!Array.isArray(ids2)) {
        problems.push(`${sa} is not a list`);
        continue;
      }
      ids2.forEach((id, i) => {
        if (typeof id !== "string" || !raw.has(id)) return void problems.push(`${sa}[${i}] is ${JSON.stringify(id)}, which product_tree does not define`);
        const group2 = STATUS_GROUP[key];
        if (group2) {
          const other = groupOf.get(id);
          if (other && other !== group2) problems.push(`${sa}[${i}] "${id}" is ${group2}, but ${at}.product_status also lists it as ${other}`);
          groupOf.set(id, group2);
        }
        const status = PRODUCT_STATUSES[key];
        if (!status) return void 0;
        const justification = labels.get(id);
        const impactStatement = impacts.get(id);
        if (status === "not_affected" && justification === void 0 && impactStatement === void 0) {
          problems.push(`${sa}[${i}] "${id}" has no impact statement; add a flag (${at}.flags) with a label, or an impact threat (${at}.threats), naming it`);
        }
        statements.push({ vulnerabilities: names, status, where: `${sa}[${i}]`, product: resolve4(id), justification, impactStatement });
        return void 0;
      });
    }
    return void 0;
  });
  return { statements, problems };
}
function purlCovers(statement, pkg) {
  if (statement.type !== pkg.type || (statement.namespace ?? "") !== (pkg.namespace ?? "") || statement.name !== pkg.name) return false;
  if ((statement.version ?? "") !== (pkg.version ?? "")) return false;
  if (statement.subpath && statement.subpath !== pkg.subpath) return false;
  const have = pkg.qualifiers ?? {};
  return Object.entries(statement.qualifiers ?? {}).every(([k, v]) => have[k] === v);
}
function isOci(purl) {
  const p = parsePurl(purl);
  return p?.type === "oci" ? p : void 0;
}
function isScannedImage(product, image) {
  if (image.digest === void 0) return false;
  return product.purls.some((p) => isOci(p)?.version === image.digest) || product.names.some((n) => image.names.has(n));
}
function csafCovers(product, pkgPurl, image, wholeImage = true) {
  if (pkgPurl && product.purls.some((p) => {
    const s = parsePurl(p);
    return s !== void 0 && purlCovers(s, pkgPurl);
  })) return true;
  if (wholeImage && isScannedImage(product, image)) return true;
  const rel = product.relationship;
  if (!rel) return false;
  const platformAllows = isScannedImage(rel.platform, image) || !rel.platform.purls.some((p) => isOci(p) !== void 0);
  return platformAllows && csafCovers(rel.component, pkgPurl, image, false);
}

// packages/scan/src/vex.ts
var VexError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "VexError";
  }
};
var isObject3 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var ids = (v) => (Array.isArray(v) ? v : []).map((x) => typeof x === "string" ? x : isObject3(x) ? String(x["@id"] ?? "") : "").filter((x) => x !== "");
function parseVex(source, file) {
  let data;
  try {
    data = JSON.parse(source);
  } catch (error) {
    throw new VexError(`The VEX document ${file} is not JSON (${error.message}); pass an OpenVEX or CSAF VEX document.`);
  }
  if (!isObject3(data)) throw new VexError(`The VEX document ${file} is not a JSON object; pass an OpenVEX or CSAF VEX document.`);
  if (looksLikeCsaf(data)) {
    const { statements, problems: problems2 } = readCsaf(data);
    if (problems2.length > 0) throw new VexError(`The VEX document ${file} (CSAF) has problems:
- ${problems2.join("\n- ")}`);
    return statements.map((s, index) => ({
      file,
      index,
      where: s.where,
      vulnerabilities: s.vulnerabilities,
      products: [s.product.id],
      subcomponents: [],
      status: s.status,
      justification: s.justification,
      impactStatement: s.impactStatement,
      csaf: s.product
    }));
  }
  const context = String(data["@context"] ?? "");
  if (!context.includes("openvex") || !Array.isArray(data.statements)) {
    throw new VexError(`The VEX document ${file} is neither OpenVEX (no openvex @context or no statements list) nor CSAF (no document object).`);
  }
  const problems = [];
  const out = [];
  data.statements.forEach((raw, index) => {
    const where = `statements[${index}]`;
    if (!isObject3(raw)) return problems.push(`${where} is not an object`);
    const v = raw.vulnerability;
    const vulnerabilities = typeof v === "string" ? [v] : isObject3(v) ? [String(v.name ?? v["@id"] ?? ""), ...Array.isArray(v.aliases) ? v.aliases.map(String) : []].filter((x) => x !== "") : [];
    if (vulnerabilities.length === 0) problems.push(`${where} names no vulnerability`);
    const status = String(raw.status ?? "");
    if (!VEX_STATUSES.includes(status)) problems.push(`${where}.status is ${JSON.stringify(raw.status)}; accepted: ${VEX_STATUSES.join(", ")}`);
    const products = ids(raw.products);
    const subcomponents = [...ids(raw.subcomponents), ...Array.isArray(raw.products) ? raw.products.flatMap((p) => isObject3(p) ? ids(p.subcomponents) : []) : []];
    if (products.length === 0) problems.push(`${where} names no product`);
    out.push({
      file,
      index,
      where: String(index),
      vulnerabilities,
      products,
      subcomponents,
      status,
      justification: typeof raw.justification === "string" ? raw.justification : void 0,
      impactStatement: typeof raw.impact_statement === "string" ? raw.impact_statement : void 0
    });
    return void 0;
  });
  if (problems.length > 0) throw new VexError(`The VEX document ${file} has problems:
- ${problems.join("\n- ")}`);
  return out;
}
function purlKey(purl) {
  const bare = purl.split(/[?#]/)[0];
  try {
    return decodeURIComponent(bare);
  } catch {
    return bare;
  }
}
function imageIdentities(source) {
  const out = /* @__PURE__ */ new Set();
  if (source.type !== "image") return out;
  if (source.target) out.add(source.target);
  if (source.digest) {
    out.add(source.digest);
    const name = source.target.replace(/@sha256:[0-9a-f]{64}$/, "").replace(/:[^/:]+$/, "");
    out.add(`${name}@${source.digest}`);
  }
  return out;
}
function coversImage(product, images, digest) {
  if (images.has(product)) return true;
  const key = purlKey(product);
  return digest !== void 0 && key.startsWith("pkg:oci/") && key.includes(`@${digest}`);
}
function vexStatementFor(match, statements, source) {
  const vulnIds = /* @__PURE__ */ new Set([match.id, ...match.related.map((r) => r.id)]);
  const purl = match.artifact.purl ? purlKey(match.artifact.purl) : void 0;
  const images = imageIdentities(source);
  let scanned;
  let found;
  for (const s of statements) {
    if (!s.vulnerabilities.some((v) => vulnIds.has(v))) continue;
    if (s.csaf) {
      scanned ??= { digest: source.digest, names: new Set([...images].filter((n) => source.digest !== void 0 && n.includes(source.digest))) };
      if (csafCovers(s.csaf, match.artifact.purl ? parsePurl(match.artifact.purl) : void 0, scanned)) found = s;
      continue;
    }
    const namesPackage = purl !== void 0 && [...s.products, ...s.subcomponents].some((p) => purlKey(p) === purl);
    const namesImage = s.products.some((p) => coversImage(p, images, source.digest)) && s.subcomponents.length === 0;
    if (namesPackage || namesImage) found = s;
  }
  return found;
}

// packages/scan/src/severity.ts
var SEVERITY_CUTOFFS = ["negligible", "low", "medium", "high", "critical", "none"];

// packages/scan/src/input-specs.ts
var policyInputs = {
  "severity-cutoff": oneOf(SEVERITY_CUTOFFS),
  "only-fixed": boolean({ default: false }),
  ignore: text(),
  config: filePath({ mustExist: "file" }),
  vex: list({ commas: false }),
  "fail-build": boolean({ default: true }),
  "output-dir": filePath()
};
var scanInputs = {
  image: string(),
  sbom: filePath({ mustExist: "file" }),
  path: filePath({ mustExist: "any" }),
  ...policyInputs,
  "grype-version": string({ pattern: /^v?\d+\.\d+\.\d+$/, patternHint: "an exact grype version such as 0.96.0 (empty: grype on PATH, else 0.96.0)" }),
  "download-base-url": string({ pattern: /^https?:\/\/[^\s/]+(\/\S*)?$/, patternHint: "an http(s) URL of a mirror laid out as <url>/grype/<version>/<file>" }),
  "db-cache-dir": filePath()
};

// packages/scan/src/inputs.ts
function scanSource(inputs) {
  const given = [inputs.image ? "image" : "", inputs.sbom ? "sbom" : "", inputs.path ? "path" : ""].filter(Boolean);
  if (given.length !== 1) {
    throw new InputError([given.length === 0 ? "Nothing to scan: set exactly one of the inputs image (preferably name@sha256:…), sbom (an SBOM file) or path (a folder or file)." : `Inputs ${given.join(" and ")} are ${given.length === 2 ? "both" : "all"} set; set exactly one of image, sbom or path.`]);
  }
  if (inputs.image) {
    if (/\s/.test(inputs.image)) throw new InputError([`Input 'image' is ${JSON.stringify(inputs.image)}; accepted: one image reference such as ghcr.io/acme/app@sha256:… (no spaces).`]);
    const at = inputs.image.lastIndexOf("@");
    if (at !== -1 && !/^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/.test(inputs.image.slice(at + 1))) {
      throw new InputError([`Input 'image' is ${JSON.stringify(inputs.image)}; what follows @ must be a digest such as sha256:<64 hex digits>. Reference a tag with a colon: name:tag.`]);
    }
    return { kind: "image", image: inputs.image };
  }
  if (inputs.sbom) return { kind: "sbom", file: inputs.sbom };
  return { kind: "path", path: inputs.path };
}
function loadPolicy(inputs, workspace) {
  const problems = [];
  let rules = [];
  try {
    rules = parseIgnoreInput(inputs.ignore);
  } catch (error) {
    if (!(error instanceof RuleError)) throw error;
    problems.push(error.message);
  }
  let configFile = inputs.config;
  if (!configFile) {
    const implicit = path2.join(workspace, ".grype.yaml");
    if (fs.existsSync(implicit)) configFile = implicit;
  }
  let config = { rules: [] };
  if (configFile) {
    try {
      config = parseGrypeConfig(fs.readFileSync(configFile, "utf8"), configFile);
    } catch (error) {
      if (!(error instanceof RuleError)) throw error;
      problems.push(`${error.message}
  (fix the file, or point the config input at another one)`);
    }
  }
  const vex = [];
  const vexFiles = [];
  for (const file of inputs.vex) {
    const resolved = path2.resolve(workspace, file);
    if (!fs.existsSync(resolved) || !fs.statSync(resolved).isFile()) {
      problems.push(`Input 'vex' names ${JSON.stringify(file)}, but ${resolved} is not a file; list OpenVEX or CSAF VEX documents, one path per line.`);
      continue;
    }
    try {
      vex.push(...parseVex(fs.readFileSync(resolved, "utf8"), file));
      vexFiles.push(file);
    } catch (error) {
      if (!(error instanceof VexError)) throw error;
      problems.push(`Input 'vex': ${error.message}`);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  const cutoff = inputs["severity-cutoff"] ?? config.failOnSeverity ?? "medium";
  return {
    severityCutoff: cutoff,
    onlyFixed: inputs["only-fixed"] || config.onlyFixed === true,
    rules: [...rules, ...config.rules],
    vex,
    vexFiles,
    configFile
  };
}
function defaultOutputDir(env) {
  return runFolder("scan", env);
}
function dbCacheDir(input, env) {
  if (input) return input;
  return env.RUNNER_TOOL_CACHE ? path2.join(env.RUNNER_TOOL_CACHE, "grype-db") : void 0;
}

// packages/scan/src/report.ts
var ReportFormatError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "ReportFormatError";
  }
};
var obj = (v) => typeof v === "object" && v !== null && !Array.isArray(v) ? v : {};
var arr = (v) => Array.isArray(v) ? v : [];
var str = (v) => typeof v === "string" ? v : typeof v === "number" ? String(v) : "";
var num = (v) => typeof v === "number" && Number.isFinite(v) ? v : void 0;
function parseSeverity(value) {
  const s = str(value).trim().toLowerCase();
  return SEVERITIES.includes(s) ? s : "unknown";
}
function parseFixState(value) {
  const s = str(value).toLowerCase();
  return s === "fixed" || s === "not-fixed" || s === "wont-fix" ? s : "unknown";
}
function parseCvss(v) {
  const out = [];
  for (const c of arr(v.cvss)) {
    const entry = obj(c);
    const score = num(obj(entry.metrics).baseScore);
    if (score === void 0) continue;
    out.push({ source: str(entry.source) || void 0, version: str(entry.version) || void 0, vector: str(entry.vector) || void 0, baseScore: score });
  }
  for (const [key, version] of [["cvssV3", "3"], ["cvssV2", "2"]]) {
    const entry = obj(v[key]);
    const score = num(entry.baseScore);
    if (score !== void 0) out.push({ version, vector: str(entry.vector) || void 0, baseScore: score });
  }
  return out;
}
function parseRecord(v) {
  return {
    id: str(v.id),
    namespace: str(v.namespace),
    severity: parseSeverity(v.severity),
    dataSource: str(v.dataSource),
    urls: arr(v.urls ?? v.links).map(str).filter((u) => u !== ""),
    description: str(v.description),
    cvss: parseCvss(v)
  };
}
function parseMatch(raw, where) {
  const m = obj(raw);
  const v = obj(m.vulnerability);
  const record = parseRecord(v);
  if (record.id === "") throw new ReportFormatError(`${where} has no vulnerability id`);
  let fix;
  if (v.fix !== void 0) {
    const f = obj(v.fix);
    fix = { state: parseFixState(f.state), versions: arr(f.versions).map(str).filter((x) => x !== "") };
  } else {
    const old = str(v.fixedInVersion);
    fix = old ? { state: "fixed", versions: [old] } : { state: "unknown", versions: [] };
  }
  const epss2 = arr(v.epss).map(obj).find((e) => num(e.epss) !== void 0);
  const a = obj(m.artifact);
  const details2 = (Array.isArray(m.matchDetails) ? m.matchDetails : m.matchDetails ? [m.matchDetails] : []).map(obj).map((d) => ({ type: str(d.type), matcher: str(d.matcher) }));
  const match = {
    ...record,
    fix,
    related: arr(m.relatedVulnerabilities).map((r) => parseRecord(obj(r))),
    epss: epss2 ? { score: num(epss2.epss), percentile: num(epss2.percentile) ?? 0 } : void 0,
    knownExploited: arr(v.knownExploited).length > 0,
    details: details2,
    artifact: {
      id: str(a.id),
      name: str(a.name),
      version: str(a.version),
      type: str(a.type),
      language: str(a.language),
      purl: str(a.purl),
      locations: arr(a.locations).map(obj).map((l) => ({
        path: str(l.path),
        accessPath: str(l.accessPath) || void 0,
        layerID: str(l.layerID) || void 0
      })),
      upstreams: arr(a.upstreams).map((u) => str(obj(u).name)).filter((n) => n !== "")
    }
  };
  const applied = arr(m.appliedIgnoreRules);
  if (applied.length > 0 || where.startsWith("ignoredMatches")) {
    match.ignoredBy = applied.map((r) => str(obj(r).reason) || "ignored by grype").filter((x, i, all) => all.indexOf(x) === i);
    if (match.ignoredBy.length === 0) match.ignoredBy = ["ignored by grype"];
  }
  return match;
}
function digestOf(target, userInput) {
  const pinned = /@(sha256:[0-9a-f]{64})$/.exec(userInput);
  if (pinned) return pinned[1];
  for (const rd of arr(target.repoDigests)) {
    const d = /@(sha256:[0-9a-f]{64})$/.exec(str(rd));
    if (d) return d[1];
  }
  const manifest = str(target.manifestDigest);
  return /^sha256:[0-9a-f]{64}$/.test(manifest) ? manifest : void 0;
}
function parseDb(d) {
  if (Object.keys(d).length === 0) return void 0;
  const status = obj(d.status);
  const built = str(status.built ?? d.built) || void 0;
  const schemaVersion = str(status.schemaVersion ?? d.schemaVersion) || void 0;
  const db = { built, schemaVersion };
  const from = str(status.from);
  if (from) db.from = from;
  const checksum = str(d.checksum);
  if (checksum) db.checksum = checksum;
  return db;
}
function parseReport(input, from = "the grype report") {
  let data = input;
  if (typeof input === "string") {
    try {
      data = JSON.parse(input);
    } catch (error) {
      throw new ReportFormatError(`${from} is not JSON (${error.message}); pass the file grype wrote with -o json --file.`);
    }
  }
  const root = obj(data);
  if (!Array.isArray(root.matches)) {
    throw new ReportFormatError(`${from} has no "matches" list, so it is not a grype JSON report; produce it with grype -o json --file.`);
  }
  const matches = root.matches.map((m, i) => parseMatch(m, `${from}: matches[${i}]`));
  const ignoredMatches = arr(root.ignoredMatches).map((m, i) => parseMatch(m, `ignoredMatches[${i}] of ${from}`));
  const src = obj(root.source);
  const rawTarget = src.target;
  const target = obj(rawTarget);
  const userInput = typeof rawTarget === "string" ? rawTarget : str(target.userInput);
  const descriptor = obj(root.descriptor);
  const distro = obj(root.distro);
  return {
    matches,
    ignoredMatches,
    source: {
      type: str(src.type) || "unknown",
      target: userInput,
      digest: typeof rawTarget === "string" ? void 0 : digestOf(target, userInput),
      architecture: str(target.architecture),
      os: str(target.os)
    },
    distro: distro.name !== void 0 ? { name: str(distro.name), version: str(distro.version) } : void 0,
    grype: { version: str(descriptor.version) || "unknown", db: parseDb(obj(descriptor.db)) }
  };
}

// packages/scan/src/policy.ts
var RANK = { unknown: 0, negligible: 1, low: 2, medium: 3, high: 4, critical: 5 };
function zeroCounts() {
  return Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
}
function compareWorstFirst(a, b) {
  return RANK[b.severity] - RANK[a.severity] || Number(b.knownExploited) - Number(a.knownExploited) || (b.epss?.score ?? -1) - (a.epss?.score ?? -1) || maxScore(b) - maxScore(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) || (a.artifact.name < b.artifact.name ? -1 : a.artifact.name > b.artifact.name ? 1 : 0);
}
function maxScore(m) {
  let s = -1;
  for (const c of m.cvss) if (c.baseScore > s) s = c.baseScore;
  return s;
}
function finding(match, rule2, reason2) {
  return { id: match.id, package: match.artifact.name, version: match.artifact.version, reason: reason2, rule: rule2, match };
}
function evaluate(report2, policy, now) {
  const active = policy.rules.filter((r) => !isExpired(r, now));
  const expiredRules = policy.rules.filter((r) => isExpired(r, now));
  const expired = new Map(expiredRules.map((r) => [r, []]));
  const kept = [];
  const ignored = report2.ignoredMatches.map((m) => finding(m, "grype", m.ignoredBy?.join("; ") ?? "ignored by grype"));
  const counts = zeroCounts();
  const countsFixable = zeroCounts();
  const cutoff = policy.severityCutoff === "none" ? Infinity : RANK[policy.severityCutoff];
  const failing = [];
  const hasVex = policy.vex.length > 0;
  for (const m of report2.matches) {
    const statement = hasVex ? vexStatementFor(m, policy.vex, report2.source) : void 0;
    const rule2 = active.find((r) => ruleMatches(r, m, statement));
    if (rule2) {
      ignored.push(finding(m, rule2.origin, rule2.until ? `${rule2.reason} (until ${rule2.until})` : rule2.reason));
      continue;
    }
    for (const r of expiredRules) if (ruleMatches(r, m, statement)) expired.get(r).push(m);
    if (statement && (statement.status === "not_affected" || statement.status === "fixed")) {
      const why = [statement.status, statement.justification, statement.impactStatement].filter(Boolean).join(": ");
      ignored.push(finding(m, `vex:${statement.file}#${statement.where}`, why));
      continue;
    }
    if (policy.onlyFixed && m.fix.state !== "fixed") {
      ignored.push(finding(m, "only-fixed", `no fix available (fix state: ${m.fix.state})`));
      continue;
    }
    kept.push(m);
    counts[m.severity] += 1;
    if (m.fix.state === "fixed") countsFixable[m.severity] += 1;
    if (RANK[m.severity] >= cutoff) failing.push(m);
  }
  kept.sort(compareWorstFirst);
  failing.sort(compareWorstFirst);
  return {
    decision: failing.length > 0 ? "fail" : "pass",
    kept,
    failing,
    ignored,
    expired: expiredRules.map((rule2) => ({ rule: rule2, matches: expired.get(rule2) })),
    counts,
    countsFixable
  };
}

// packages/scan/src/sarif.ts
var import_node_crypto = __toESM(require_crypto(), 1);
var INFORMATION_URI = "https://github.com/anchore/grype";
var SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
var cmp = (a, b) => a < b ? -1 : a > b ? 1 : 0;
function compareMatches(a, b) {
  return cmp(a.id, b.id) || cmp(a.artifact.name, b.artifact.name) || cmp(a.artifact.version, b.artifact.version) || cmp(a.artifact.type, b.artifact.type) || cmp([...a.fix.versions].sort(cmp).join(","), [...b.fix.versions].sort(cmp).join(",")) || cmp(a.artifact.locations.map((l) => l.path).join(""), b.artifact.locations.map((l) => l.path).join(""));
}
function severityText(m) {
  return m.severity === "critical" || m.severity === "high" || m.severity === "medium" ? m.severity : "low";
}
function sarifLevel(m) {
  return m.severity === "critical" || m.severity === "high" ? "error" : m.severity === "medium" ? "warning" : "note";
}
function bestCvssScore(m) {
  const records = [m, ...m.related];
  let score = -1;
  for (const r of records) {
    if (r.namespace === "nvd:cpe") continue;
    for (const c of r.cvss) score = Math.max(score, c.baseScore);
  }
  if (score > 0) return score;
  for (const r of records) for (const c of r.cvss) score = Math.max(score, c.baseScore);
  return score;
}
var FALLBACK = { critical: "9.0", high: "7.0", medium: "4.0", low: "1.0" };
function securitySeverity(m) {
  const score = bestCvssScore(m);
  if (score > 0) return score.toFixed(1);
  return FALLBACK[m.severity] ?? "0.0";
}
function fixVersions(m) {
  return m.fix.state === "fixed" && m.fix.versions.length > 0 ? m.fix.versions.join(",") : "";
}
function ruleName(m) {
  const d = m.details[0];
  if (!d) return m.id;
  const name = [d.matcher, d.type].flatMap((segment) => segment.split("-")).filter((part) => part !== "").map((part) => part[0].toUpperCase() + part.slice(1)).join("");
  return name || m.id;
}
var Paths = class {
  input;
  kind;
  constructor(report2) {
    this.kind = report2.source.type;
    let input = this.kind === "directory" || this.kind === "file" ? report2.source.target : "";
    input = input.replace(/^\.\//, "");
    this.input = input === "." ? "" : input;
  }
  location(l) {
    const p = (l.accessPath ?? l.path).replace(/^\.\//, "");
    if (this.kind === "directory") {
      if (p.startsWith("/") || this.input === "") return p;
      return `${this.input}/${p}`;
    }
    return p;
  }
  package(m) {
    const first = m.artifact.locations[0];
    return first ? this.location(first) : this.input;
  }
};
function imageShortPathName(target) {
  const last = target.split("/").pop() ?? "";
  return last.replace(/[^a-zA-Z0-9\-_.]/g, "");
}
function rule(m, paths) {
  const link2 = m.dataSource ? `[${m.id}](${m.dataSource})` : m.urls[0] ? `[${m.id}](${m.urls[0]})` : m.id;
  const sev = severityText(m);
  const fix = fixVersions(m);
  const location = paths.package(m);
  const { name, version, type } = m.artifact;
  const properties = { "security-severity": securitySeverity(m) };
  if (m.artifact.purl) properties.purls = [m.artifact.purl];
  return {
    id: `${m.id}-${name}`,
    name: ruleName(m),
    shortDescription: { text: `${m.id} ${sev} vulnerability for ${name} package` },
    fullDescription: {
      text: m.description || (fix ? `Version ${version} is affected with an available fix in versions ${fix}` : `Version ${version} is affected with no fixes reported yet.`)
    },
    helpUri: INFORMATION_URI,
    help: {
      text: `Vulnerability ${m.id}
Severity: ${sev}
Package: ${name}
Version: ${version}
Fix Version: ${fix}
Type: ${type}
Location: ${location}
Data Namespace: ${m.namespace}
Link: ${link2}`,
      markdown: `**Vulnerability ${m.id}**
| Severity | Package | Version | Fix Version | Type | Location | Data Namespace | Link |
| --- | --- | --- | --- | --- | --- | --- | --- |
| ${[sev, name, version, fix, type, location, m.namespace, link2].join("  | ")}  |
`
    },
    properties
  };
}
function result(m, report2, paths) {
  const { name, version, type } = m.artifact;
  const path8 = paths.package(m);
  const src = report2.source;
  const where = src.type === "image" ? `in image ${src.target} at: ${path8}` : src.type === "file" || src.type === "directory" ? `at: ${path8}` : paths.input;
  let uri = path8;
  const logical = [];
  if (src.type === "image") {
    for (const l of m.artifact.locations) {
      const trimmed = paths.location(l).replace(/^\/+/, "");
      logical.push({ name: l.path, fullyQualifiedName: `${src.target}@${l.layerID ?? ""}:/${trimmed}` });
    }
    uri = `${imageShortPathName(src.target)}/${path8}`;
  } else if (src.type === "file") {
    for (const l of m.artifact.locations) logical.push({ name: l.path, fullyQualifiedName: `${src.target}:/${paths.location(l)}` });
  }
  const hash = (0, import_node_crypto.createHash)("sha256");
  if (src.type === "image") hash.update(src.target + src.architecture + src.os);
  hash.update(type + name + version + path8);
  const location = {
    physicalLocation: {
      artifactLocation: { uri },
      region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 }
    }
  };
  if (logical.length > 0) location.logicalLocations = logical;
  return {
    ruleId: `${m.id}-${name}`,
    level: sarifLevel(m),
    message: { text: `A ${severityText(m)} vulnerability in ${type} package: ${name}, version ${version} was found ${where}` },
    locations: [location],
    partialFingerprints: { primaryLocationLineHash: `${hash.digest("hex")}:1` }
  };
}
function renderSarif(report2, matches = report2.matches, options = {}) {
  const sorted = [...matches].sort(compareMatches);
  const paths = new Paths(report2);
  const rules = [];
  const seen = /* @__PURE__ */ new Set();
  for (const m of sorted) {
    const id = `${m.id}-${m.artifact.name}`;
    if (seen.has(id)) continue;
    seen.add(id);
    rules.push(rule(m, paths));
  }
  let version = options.toolVersion ?? report2.grype.version;
  if (version === "" || version === "[not provided]" || version === "unknown") version = "0.0.0-dev";
  const driver = { name: options.toolName ?? "grype", version, informationUri: INFORMATION_URI };
  if (rules.length > 0) driver.rules = rules;
  return {
    version: "2.1.0",
    $schema: SCHEMA,
    runs: [{ tool: { driver }, results: sorted.map((m) => result(m, report2, paths)) }]
  };
}

// packages/scan/src/outcome.ts
function pinnedDigest(image) {
  return image ? /@(sha256:[0-9a-f]{64})$/.exec(image)?.[1] : void 0;
}
function decide(report2, policy, options) {
  const evaluation = evaluate(report2, policy, options.now.getTime());
  const expired = policy.rules.filter((r) => r.expiresAt !== void 0 && options.now.getTime() >= r.expiresAt).length;
  const verdict = {
    schema: SCAN_VERDICT_SCHEMA,
    decision: evaluation.decision,
    image: options.image || void 0,
    digest: pinnedDigest(options.image) ?? (report2.source.type === "image" ? report2.source.digest : void 0),
    source: { type: report2.source.type, target: report2.source.target },
    grype: { version: report2.grype.version, db: report2.grype.db },
    policy: {
      severityCutoff: policy.severityCutoff,
      onlyFixed: policy.onlyFixed,
      ignoreRules: { active: policy.rules.length - expired, expired },
      vex: [...policy.vexFiles]
    },
    counts: evaluation.counts,
    countsFixable: evaluation.countsFixable,
    ignored: evaluation.ignored.map(({ id, package: pkg, version, reason: reason2, rule: rule2 }) => ({ id, package: pkg, version, reason: reason2, rule: rule2 })),
    createdAt: options.now.toISOString()
  };
  if (verdict.image === void 0) delete verdict.image;
  if (verdict.digest === void 0) delete verdict.digest;
  return { evaluation, verdict, sarif: renderSarif(report2, evaluation.kept) };
}
function outputsOf(outcome, files) {
  return {
    verdict: outcome.verdict.decision,
    counts: outcome.verdict.counts,
    "counts-fixable": outcome.verdict.countsFixable,
    sarif: files.sarif,
    json: files.json,
    "verdict-file": files.verdict
  };
}

// packages/scan/src/results.ts
var fs2 = __toESM(require_fs(), 1);
var path3 = __toESM(require_path(), 1);
function writeResults(outcome, outputDir, json) {
  fs2.mkdirSync(outputDir, { recursive: true });
  const files = { sarif: path3.join(outputDir, "results.sarif"), json, verdict: path3.join(outputDir, "verdict.json") };
  fs2.writeFileSync(files.sarif, `${JSON.stringify(outcome.sarif, null, 2)}
`);
  fs2.writeFileSync(files.verdict, `${JSON.stringify(outcome.verdict, null, 2)}
`);
  return { files, outputs: outputsOf(outcome, files) };
}
function filesLine(files) {
  return `Files: grype report \`${files.json}\`, SARIF \`${files.sarif}\`, verdict \`${files.verdict}\`
`;
}
var PolicyFailure = class extends ConveyorError {
};
function policyFailure(evaluation, cutoff, verdictFile) {
  const n = evaluation.failing.length;
  const worst = evaluation.failing.slice(0, 5).map((m) => `${m.id} (${m.severity}) in ${m.artifact.name} ${m.artifact.version}`).join(", ");
  return new PolicyFailure(`The scan found ${n} match${n === 1 ? "" : "es"} at or above the severity cutoff (${cutoff}): ${worst}${n > 5 ? ", …" : ""}. Fix or upgrade the packages, or add an ignore rule with a reason (and an until date). Verdict: ${verdictFile}`);
}

// packages/scan/src/summary.ts
var path4 = __toESM(require_path(), 1);
var FINDINGS_SHOWN = 50;
var IGNORED_SHOWN = 100;
function link(m) {
  const url = /^https?:\/\//.test(m.dataSource) ? m.dataSource : m.urls.find((u) => /^https?:\/\//.test(u));
  const id = escapeCell(m.id);
  return url ? `[${id}](${url.replace(/\)/g, "%29").replace(/ /g, "%20")})` : id;
}
function epss(m) {
  if (!m.epss) return "";
  return `${(m.epss.score * 100).toFixed(2)}% (p${Math.floor(m.epss.percentile * 100)})`;
}
function fixedIn(m) {
  if (m.fix.state === "fixed") return m.fix.versions.join(", ") || "fixed";
  return m.fix.state === "wont-fix" ? "won't fix" : m.fix.state === "not-fixed" ? "no fix yet" : "";
}
function findingRows(matches, failing) {
  return matches.map((m) => [
    `${link(m)}${m.knownExploited ? " ⚠️ KEV" : ""}`,
    `${failing.has(m) ? "**" : ""}${m.severity}${failing.has(m) ? "**" : ""}`,
    escapeCell(m.artifact.name),
    escapeCell(m.artifact.version),
    escapeCell(fixedIn(m)),
    epss(m)
  ]);
}
function renderSummary({ report: report2, evaluation, policy, subject, failBuild }) {
  const e = evaluation;
  const out = [];
  const verdict = e.decision === "pass" ? "✅ pass" : failBuild ? "❌ fail" : "⚠️ fail (fail-build is off)";
  out.push(`## Vulnerability scan: ${verdict}
`);
  const db = report2.grype.db?.built ? ` · DB built ${report2.grype.db.built}` : "";
  const cutoff = policy.severityCutoff === "none" ? "none (never fails on severity)" : `${policy.severityCutoff} and above fail`;
  out.push(`\`${subject.replace(/`/g, "'")}\` · grype ${report2.grype.version}${db} · cutoff: ${cutoff} · only fixed: ${policy.onlyFixed ? "yes" : "no"}

`);
  const rows = SEVERITIES.map((s) => [s, String(e.counts[s]), String(e.countsFixable[s])]);
  const total = (c) => String(Object.values(c).reduce((a, b) => a + b, 0));
  rows.push(["**total**", `**${total(e.counts)}**`, `**${total(e.countsFixable)}**`]);
  out.push(table(["Severity", "Matches", "With a fix"], rows, { raw: true }));
  if (e.failing.length > 0) out.push(`
${e.failing.length} match${e.failing.length === 1 ? "" : "es"} at or above the cutoff (${policy.severityCutoff}).
`);
  for (const x of e.expired) {
    const what = x.matches.length === 0 ? "it matches nothing in this report" : `it no longer ignores ${x.matches.length} match${x.matches.length === 1 ? "" : "es"}: ${x.matches.slice(0, 10).map((m) => `${m.id} in ${m.artifact.name}`).join(", ")}${x.matches.length > 10 ? ", …" : ""}`;
    out.push(`
> [!WARNING]
> Ignore rule ${escapeCell(describeRule(x.rule))} expired on ${x.rule.until} (reason was: ${escapeCell(x.rule.reason)}); ${escapeCell(what)}. Renew or remove it.
`);
  }
  if (e.kept.length > 0) {
    const failing = new Set(e.failing);
    const shown = e.kept.slice(0, FINDINGS_SHOWN);
    out.push(`
### Worst findings${e.kept.length > shown.length ? ` (${shown.length} of ${e.kept.length})` : ""}

`);
    out.push(table(["Vulnerability", "Severity", "Package", "Installed", "Fixed in", "EPSS"], findingRows(shown, failing), { raw: true }));
    if (e.kept.length > shown.length) out.push(`
${e.kept.length - shown.length} more in the SARIF and JSON reports.
`);
  }
  if (e.ignored.length > 0) {
    const shown = e.ignored.slice(0, IGNORED_SHOWN);
    const body = table(
      ["Vulnerability", "Package", "Version", "Rule", "Reason"],
      shown.map((i) => [link(i.match), escapeCell(i.package), escapeCell(i.version), escapeCell(i.rule), escapeCell(i.reason)]),
      { raw: true }
    ) + (e.ignored.length > shown.length ? `
${e.ignored.length - shown.length} more in the verdict file.
` : "");
    out.push(`
${details(`Ignored by the policy (${e.ignored.length})`, body)}`);
  }
  return out.join("");
}

// packages/scan/src/action.ts
var fs4 = __toESM(require_fs(), 1);
var path6 = __toESM(require_path(), 1);

// packages/scan/src/grype.ts
var fs3 = __toESM(require_fs(), 1);
var path5 = __toESM(require_path(), 1);
var DEFAULT_GRYPE_VERSION = "0.96.0";
function grypeInstallSpec(version, mirror = "") {
  const folder = mirror ? `${mirror.replace(/\/+$/, "")}/grype/{version}` : "https://github.com/anchore/grype/releases/download/v{version}";
  return {
    name: "grype",
    version,
    urlTemplate: `${folder}/grype_{version}_{os}_{arch}.tar.gz`,
    checksumsUrlTemplate: `${folder}/grype_{version}_checksums.txt`,
    binary: "grype"
  };
}
function sourceArgument(source) {
  if (source.kind === "image") return source.image;
  if (source.kind === "sbom") return `sbom:${source.file}`;
  return fs3.statSync(source.path).isDirectory() ? `dir:${source.path}` : `file:${source.path}`;
}
function grypeArgs(source, reportFile, configFile) {
  return [sourceArgument(source), "-o", "json", "--file", reportFile, "-c", configFile];
}
var POLICY_ENV = /^GRYPE_(FAIL_ON_SEVERITY|ONLY_FIXED|ONLY_NOTFIXED|IGNORE.*|VEX.*|CONFIG|OUTPUT|FILE|EXCLUDE|SHOW_SUPPRESSED|BY_CVE)$/;
function grypeEnv(base, dbCacheDir2) {
  const env = {};
  for (const [k, v] of Object.entries(base)) if (!POLICY_ENV.test(k)) env[k] = v;
  env.GRYPE_CHECK_FOR_APP_UPDATE = "false";
  if (dbCacheDir2) env.GRYPE_DB_CACHE_DIR = dbCacheDir2;
  return env;
}
function dbSettings(env, dbCacheDir2) {
  const home = env.HOME ?? "~";
  return {
    dir: dbCacheDir2 ?? env.GRYPE_DB_CACHE_DIR ?? path5.join(env.XDG_CACHE_HOME ?? path5.join(home, ".cache"), "grype", "db"),
    updateUrl: env.GRYPE_DB_UPDATE_URL || "https://grype.anchore.io/databases",
    autoUpdate: !/^(false|0|no|off)$/i.test(env.GRYPE_DB_AUTO_UPDATE ?? "")
  };
}
function hasDatabase(dir) {
  try {
    return fs3.readdirSync(dir).some((schema) => fs3.existsSync(path5.join(dir, schema, "vulnerability.db")));
  } catch {
    return false;
  }
}
var ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");
function explainDbFailure(output, db) {
  const text3 = output.replace(ANSI, "");
  const load = /failed to load vulnerability db: (.+)/.exec(text3)?.[1]?.trim();
  if (!load) return void 0;
  const download = /error updating db error=(.+)/.exec(text3)?.[1]?.trim();
  const offline = "For a runner without network access, put a database in that folder (restore it with actions/cache, or `grype db import <archive>`) and set GRYPE_DB_AUTO_UPDATE=false.";
  if (/database does not exist/.test(load)) {
    if (!db.autoUpdate) return `grype has no vulnerability database in ${db.dir}, and GRYPE_DB_AUTO_UPDATE=false keeps it from downloading one. Put a database there (restore the folder with actions/cache, or \`grype db import <archive>\`), or let grype download one from ${db.updateUrl}.`;
    return `grype has no vulnerability database in ${db.dir} and could not download one from ${db.updateUrl}${download ? ` (${download})` : ""}. Give the runner network access to ${db.updateUrl} (or set GRYPE_DB_UPDATE_URL to a mirror). ${offline}`;
  }
  if (/max allowed age/.test(load)) {
    return `grype's vulnerability database in ${db.dir} is older than grype accepts: ${load}${download ? `; a newer one could not be downloaded from ${db.updateUrl} (${download})` : db.autoUpdate ? "" : ", and GRYPE_DB_AUTO_UPDATE=false keeps grype from downloading a newer one"}. Let grype update it, or, to scan with an old database, raise GRYPE_DB_MAX_ALLOWED_BUILT_AGE (e.g. 720h) or set GRYPE_DB_VALIDATE_AGE=false.`;
  }
  return `grype could not load its vulnerability database in ${db.dir}: ${load}${download ? `; downloading one from ${db.updateUrl} failed (${download})` : ""}. Delete the folder to let grype download a fresh database. ${offline}`;
}
var GrypeError = class extends ConveyorError {
  exitCode;
  constructor(message, exitCode, options) {
    super(message, options);
    this.exitCode = exitCode;
  }
};
function findOnPath(name, env = process.env) {
  for (const dir of (env.PATH ?? "").split(path5.delimiter)) {
    if (!dir) continue;
    const candidate = path5.join(dir, name);
    try {
      fs3.accessSync(candidate, fs3.constants.X_OK);
      if (fs3.statSync(candidate).isFile()) return candidate;
    } catch {
    }
  }
  return void 0;
}
async function locateGrype(options) {
  if (!options.version) {
    const found = findOnPath("grype", options.env);
    if (found) return { path: found, how: `found on PATH at ${found}` };
  }
  const version = options.version || DEFAULT_GRYPE_VERSION;
  let installed;
  try {
    installed = await options.install(grypeInstallSpec(version, options.mirror));
  } catch (error) {
    if (!(error instanceof InstallError)) throw error;
    throw grypeMissing(version, options, error);
  }
  return { path: installed.path, how: `${installed.cached ? "from the tool cache" : "installed"}: grype ${installed.version}` };
}
function grypeMissing(version, options, error) {
  const onPath = options.version ? `grype ${version} was asked for` : "grype is not on PATH";
  const from = options.mirror ? `the mirror ${options.mirror}` : "github.com";
  const why = error.unreachable ? `${from} cannot be reached` : error.status === 404 ? `${from} has no grype ${version} for this platform` : `the download from ${from} failed`;
  const cause = error.message.replace(/^Could not download grype \S+ from (\S+) \((.*)\)\.$/, "$1: $2");
  return new GrypeError(`${onPath} and ${why} (${cause}): put grype on PATH, give an exact version in the input grype-version, or point the input download-base-url at a mirror that holds <url>/grype/<version>/grype_<version>_<os>_<arch>.tar.gz and its checksums file.`, -1);
}
async function runGrype(options) {
  const db = dbSettings(options.env, options.dbCacheDir);
  const config = path5.join(options.workDir, "conveyor-grype.yaml");
  fs3.writeFileSync(config, "# Written by conveyor: the policy is applied by conveyor, not grype.\n{}\n");
  fs3.rmSync(options.reportFile, { force: true });
  const args = grypeArgs(options.source, options.reportFile, config);
  const run = options.run ?? exec;
  let result2;
  try {
    result2 = await run(options.grype, args, { env: grypeEnv(options.env, options.dbCacheDir), okCodes: [0, 1, 2], stream: true });
  } catch (error) {
    throw new GrypeError(`grype could not be started (${options.grype}): ${error.message}`, -1);
  }
  const tail = (result2.stderr || result2.stdout).trimEnd().split(/\r?\n/).slice(-15).join("\n");
  const written = fs3.existsSync(options.reportFile) ? fs3.readFileSync(options.reportFile, "utf8") : "";
  if (result2.exitCode === 1 || result2.exitCode === 2 && written.trim() === "") {
    const dbProblem = explainDbFailure(`${result2.stderr}
${result2.stdout}`, db);
    if (dbProblem) throw new GrypeError(`${dbProblem} No policy was applied.`, result2.exitCode);
    throw new GrypeError(`grype failed with exit code ${result2.exitCode}; no policy was applied.${tail ? `
${tail}` : ""}
This is an error of the scan itself (image not found, registry credentials, vulnerability DB download), not a policy failure.`, result2.exitCode);
  }
  if (written.trim() === "") {
    throw new GrypeError(`grype exited with ${result2.exitCode} but wrote no report to ${options.reportFile}.${tail ? `
${tail}` : ""}`, result2.exitCode);
  }
  return written;
}

// packages/scan/src/grype-db.ts
function goDurationMs(text3) {
  if (!text3) return void 0;
  const units = { ns: 1e-6, us: 1e-3, "µs": 1e-3, ms: 1, s: 1e3, m: 6e4, h: 36e5 };
  const parts = [...text3.trim().matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== text3.trim()) return void 0;
  return parts.reduce((sum, p) => sum + Number(p[1]) * units[p[2]], 0);
}
function dbLimits(env) {
  const check = goDurationMs(env.GRYPE_DB_UPDATE_AVAILABLE_TIMEOUT) ?? 3e4;
  const download = goDurationMs(env.GRYPE_DB_UPDATE_DOWNLOAD_TIMEOUT) ?? 3e5;
  return { checkMs: check + 1e4, updateMs: check + download + 3e4 };
}
function reason(result2, limitMs) {
  if (result2.timedOut) return `no answer within ${Math.round(limitMs / 1e3)} s`;
  const text3 = `${result2.stderr}
${result2.stdout}`.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g"), "");
  const line = text3.split("\n").map((l) => l.trim()).filter((l) => /error|unable|failed/i.test(l)).pop() ?? text3.trim().split("\n").pop() ?? "";
  return line.replace(/^\[\d+\]\s+(ERROR|WARN)\s+/, "") || `exit code ${result2.exitCode}`;
}
async function prepareDatabase(grype, env, db, run) {
  if (!db.autoUpdate) {
    if (!hasDatabase(db.dir)) throw new GrypeError(explainDbFailure("failed to load vulnerability db: database does not exist", db), -1);
    return { env };
  }
  const offline = { ...env, GRYPE_DB_AUTO_UPDATE: "false" };
  const limits = dbLimits(env);
  const unavailable = (why) => {
    if (!hasDatabase(db.dir)) {
      throw new GrypeError(`grype has no vulnerability database in ${db.dir} and could not download one from ${db.updateUrl} (${why}). Give the runner network access to ${db.updateUrl} (or set GRYPE_DB_UPDATE_URL to a mirror). For a runner without network access, put a database in that folder (restore it with actions/cache, or \`grype db import <archive>\`) and set GRYPE_DB_AUTO_UPDATE=false.`, -1);
    }
    return { env: offline, warning: `The vulnerability database in ${db.dir} could not be updated from ${db.updateUrl} (${why}); scanning with the database already there (grype refuses it if it is older than GRYPE_DB_MAX_ALLOWED_BUILT_AGE, 5 days by default).` };
  };
  const check = await run(grype, ["db", "check"], { env, okCodes: [0, 1, 100, 124], stream: false, timeoutMs: limits.checkMs });
  if (check.exitCode === 0) return { env: offline };
  if (check.exitCode !== 100) return unavailable(reason(check, limits.checkMs));
  const update = await run(grype, ["db", "update"], { env, okCodes: [0, 1, 124], stream: true, timeoutMs: limits.updateMs });
  if (update.exitCode !== 0) return unavailable(reason(update, limits.updateMs));
  return { env: offline };
}

// packages/scan/src/action.ts
var installTool = async (spec) => (await import("./cli.installer-G2MUG3U3.js")).installTool(spec);
async function runScan(inputs, env, workspace, install = installTool) {
  const source = scanSource(inputs);
  const policy = loadPolicy(inputs, workspace);
  const subject = source.kind === "image" ? source.image : source.kind === "sbom" ? source.file : source.path;
  const grype = await group("Find grype", async () => {
    const found = await locateGrype({ version: inputs["grype-version"].replace(/^v/, ""), mirror: inputs["download-base-url"], env, install });
    info(`grype: ${found.how}`);
    return found.path;
  });
  const outputDir = inputs["output-dir"] ?? defaultOutputDir(env);
  fs4.mkdirSync(outputDir, { recursive: true });
  const reportFile = path6.join(outputDir, "grype.json");
  const cacheDir = dbCacheDir(inputs["db-cache-dir"], env);
  const db = await group("Vulnerability database", () => prepareDatabase(grype, grypeEnv(env, cacheDir), dbSettings(env, cacheDir), exec));
  if (db.warning) warning(db.warning);
  const report2 = parseReport(await group(`Scan ${subject}`, () => runGrype({
    grype,
    source,
    reportFile,
    workDir: outputDir,
    env: db.env,
    dbCacheDir: cacheDir
  })), reportFile);
  const outcome = decide(report2, policy, { image: source.kind === "image" ? source.image : void 0, now: /* @__PURE__ */ new Date() });
  const { files, outputs } = writeResults(outcome, outputDir, reportFile);
  return { subject, report: report2, policy, outcome, files, outputs };
}

// packages/scan/src/cli.ts
var scanOnly = Object.fromEntries(Object.entries(scanInputs).filter(([name]) => !(name in policyInputs)));
var HELP = commandHelp({
  usage: [
    "conveyor scan (or scan-image) --image <ref> | --sbom <file> | --path <dir> [flags]",
    "conveyor scan report <REPORT.json> [policy flags]"
  ],
  about: [
    "Runs grype (from PATH, else installed at --grype-version or the pinned version, from github.com or\n--download-base-url) and applies conveyor's policy: severity cutoff, only-fixed, ignore rules with reasons\nand expiry, VEX. `report` applies the policy to a grype JSON report already written.",
    "Writes grype.json, results.sarif and verdict.json into --output-dir, else a fresh folder under RUNNER_TEMP or\nthe system temp folder; the last line says where. Exit: 0 pass, 1 fail (policy) or grype error, 2 bad flags."
  ],
  arguments: [["REPORT.json", "report: a grype report written with -o json"]],
  flags: [
    ["What to scan, and grype", flagHelp(scanOnly, {}, action)],
    ["Policy flags (scan and report)", flagHelp(policyInputs, {}, action)]
  ]
});
function finish(outcome, outputs, files, text3, json, failBuild, io) {
  io.stdout(json ? `${JSON.stringify(outputs, null, 2)}
` : `${text3}
${filesLine(files)}`);
  if (outcome.verdict.decision === "fail" && failBuild) throw policyFailure(outcome.evaluation, outcome.verdict.policy.severityCutoff, files.verdict);
  return 0;
}
function readReport(file) {
  try {
    return fs5.readFileSync(file, "utf8");
  } catch (error) {
    throw new InputError([`Cannot read the report ${file} (${error.code ?? describeError(error)}); pass the file grype wrote with -o json --file.`]);
  }
}
async function report(argv, io) {
  const flags = parseFlags(argv, policyInputs, { positionals: ["REPORT.json"] });
  if (flags.help) {
    io.stdout(HELP);
    return 0;
  }
  if (flags.positionals.length !== 1) throw new InputError([`conveyor scan report takes one grype JSON report (got ${flags.positionals.length}); e.g. conveyor scan report grype.json --severity-cutoff high.`]);
  const inputs = readInputs(policyInputs, flags.source, { baseDir: io.cwd });
  const policy = loadPolicy(inputs, io.cwd);
  const file = path7.resolve(io.cwd, flags.positionals[0]);
  let parsed2;
  try {
    parsed2 = parseReport(readReport(file), file);
  } catch (error) {
    if (error instanceof ReportFormatError) throw new InputError([error.message]);
    throw error;
  }
  const outcome = decide(parsed2, policy, { now: /* @__PURE__ */ new Date() });
  const { files, outputs } = writeResults(outcome, inputs["output-dir"] ?? defaultOutputDir(io.env), file);
  const summary = renderSummary({ report: parsed2, evaluation: outcome.evaluation, policy, subject: parsed2.source.target || file, failBuild: inputs["fail-build"] });
  return finish(outcome, outputs, files, summary, flags.json, inputs["fail-build"], io);
}
async function scan(argv, io) {
  const flags = parseFlags(argv, scanInputs);
  if (flags.help) {
    io.stdout(HELP);
    return 0;
  }
  const inputs = readInputs(scanInputs, flags.source, { baseDir: io.cwd });
  const run = await runScan(inputs, io.env, io.cwd);
  const summary = renderSummary({ report: run.report, evaluation: run.outcome.evaluation, policy: run.policy, subject: run.subject, failBuild: inputs["fail-build"] });
  return finish(run.outcome, run.outputs, run.files, summary, flags.json, inputs["fail-build"], io);
}
var scanCommand = {
  name: "scan",
  summary: "Scan an image, SBOM or folder with grype, or apply the policy to an existing report.",
  flags: Object.keys(scanInputs),
  help: HELP,
  run(argv, io) {
    return argv[0] === "report" ? report(argv.slice(1), io) : scan(argv, io);
  }
};
export {
  scanCommand
};
