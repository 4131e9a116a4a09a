/**
 * CSAF 2.0 VEX documents (`document.category: csaf_vex`) read as VEX statements.
 *
 * What is read:
 * - `product_tree`: every `full_product_name` (top level, inside `branches` at any depth, and on
 *   `relationships`) gives a product id its names and its `product_identification_helper.purl`;
 *   a relationship also ties its product id to a component (`product_reference`) placed in a platform
 *   (`relates_to_product_reference`). `product_groups` give group ids for flags and threats.
 * - `vulnerabilities[]`: `cve` and `ids[].text` name the vulnerability; `product_status` lists the
 *   products per status. `known_not_affected` reads as not_affected and `fixed` as fixed (these two move
 *   matches to ignored); `known_affected`, `first_affected` and `last_affected` read as affected and
 *   `under_investigation` as itself (ignore rules with `vex-status` can follow them). `first_fixed` and
 *   `recommended` name versions other than the one scanned and are not read as statements.
 * - The justification of a product: the `label` of a flag naming it (directly or through a group); an
 *   `impact` threat naming it gives the impact statement. The VEX profile asks one of the two for every
 *   `known_not_affected` product; a product without either is an error, since an ignore needs a reason.
 *
 * When a statement covers a match: see `csafCovers`.
 */
import { PackageURL } from 'packageurl-js';
import type { VexStatus } from './rules.ts';

/** A product of the product tree, resolved: its own names and purls, and what a relationship ties together. */
export interface CsafProduct {
  id: string;
  names: string[];
  purls: string[];
  relationship?: { category: string; component: CsafProduct; platform: CsafProduct };
}

export interface CsafStatement {
  vulnerabilities: string[];
  status: VexStatus;
  /** Where it is in the document: `vulnerabilities[0].product_status.known_not_affected[1]`. */
  where: string;
  product: CsafProduct;
  justification?: string;
  impactStatement?: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** CSAF product_status keys and the VEX status each reads as (undefined: not read as a statement). */
const PRODUCT_STATUSES: Record<string, VexStatus | undefined> = {
  known_not_affected: 'not_affected',
  fixed: 'fixed',
  known_affected: 'affected',
  first_affected: 'affected',
  last_affected: 'affected',
  under_investigation: 'under_investigation',
  first_fixed: undefined,
  recommended: undefined,
};
/** The groups a product may be in only one of, per vulnerability (the spec's contradicting product status). */
const STATUS_GROUP: Record<string, string> = {
  known_not_affected: 'not affected',
  fixed: 'fixed',
  first_fixed: 'fixed',
  known_affected: 'affected',
  first_affected: 'affected',
  last_affected: 'affected',
  under_investigation: 'under investigation',
};
const FLAG_LABELS = ['component_not_present', 'inline_mitigations_already_exist', 'vulnerable_code_cannot_be_controlled_by_adversary', 'vulnerable_code_not_in_execute_path', 'vulnerable_code_not_present'];
const RELATIONSHIP_CATEGORIES = ['default_component_of', 'external_component_of', 'installed_on', 'installed_with', 'optional_component_of'];

/** Whether a parsed JSON value looks like a CSAF document (rather than OpenVEX). */
export function looksLikeCsaf(data: Json): boolean {
  return isObject(data.document) && ('csaf_version' in data.document || 'vulnerabilities' in data || 'product_tree' in data);
}

const parsed = new Map<string, PackageURL | undefined>();

/** Parses a purl, or undefined when it is not one. Remembers what it parsed: statements are checked for every match. */
export function parsePurl(purl: string): PackageURL | undefined {
  if (parsed.has(purl)) return parsed.get(purl);
  let result: PackageURL | undefined;
  try {
    result = PackageURL.fromString(purl);
  } catch {
    result = undefined;
  }
  if (parsed.size >= 100_000) parsed.clear();
  parsed.set(purl, result);
  return result;
}

interface RawProduct { names: string[]; purls: string[]; where: string; relationship?: { category: string; component: string; platform: string } }

/**
 * Reads one CSAF VEX document (already parsed JSON). Returns the statements, or the problems found, each
 * with its JSON path (`vulnerabilities[0].flags[1].label is …`).
 */
export function readCsaf(data: Json): { statements: CsafStatement[]; problems: string[] } {
  const problems: string[] = [];
  const doc = data.document as Json;
  if (doc.category !== 'csaf_vex') {
    problems.push(`document.category is ${JSON.stringify(doc.category)}; only CSAF VEX documents (category "csaf_vex") are read as VEX`);
  }
  if (doc.csaf_version !== '2.0') problems.push(`document.csaf_version is ${JSON.stringify(doc.csaf_version)}; CSAF 2.0 is read`);
  if (problems.length > 0) return { statements: [], problems };

  const raw = new Map<string, RawProduct>();
  const define = (fpn: unknown, where: string, relationship?: RawProduct['relationship']): void => {
    if (!isObject(fpn)) return void problems.push(`${where} is not an object`);
    const id = fpn.product_id;
    if (typeof id !== 'string' || id === '') return void problems.push(`${where}.product_id is missing or not text`);
    if (typeof fpn.name !== 'string') problems.push(`${where}.name is missing or not text`);
    const purls: string[] = [];
    const helper = fpn.product_identification_helper;
    if (helper !== undefined) {
      if (!isObject(helper)) problems.push(`${where}.product_identification_helper is not an object`);
      else if (helper.purl !== undefined) {
        if (typeof helper.purl !== 'string' || !parsePurl(helper.purl)) {
          problems.push(`${where}.product_identification_helper.purl is ${JSON.stringify(helper.purl)}, which is not a package URL (pkg:type/namespace/name@version)`);
        } else purls.push(helper.purl);
      }
    }
    const seen = raw.get(id);
    if (seen) return void problems.push(`${where}.product_id "${id}" is already defined at ${seen.where}`);
    raw.set(id, { names: typeof fpn.name === 'string' ? [fpn.name] : [], purls, where: `${where}.product_id`, relationship });
  };

  const tree = data.product_tree;
  const groups = new Map<string, string[]>();
  if (tree !== undefined && !isObject(tree)) problems.push('product_tree is not an object');
  if (isObject(tree)) {
    const list = (v: unknown, where: string): unknown[] => {
      if (v === undefined) return [];
      if (Array.isArray(v)) return v;
      problems.push(`${where} is not a list`);
      return [];
    };
    const walk = (branches: unknown, where: string): void => list(branches, where).forEach((b, i) => {
      const at = `${where}[${i}]`;
      if (!isObject(b)) return void problems.push(`${at} is not an object`);
      if (b.product !== undefined) define(b.product, `${at}.product`);
      walk(b.branches, `${at}.branches`);
    });
    walk(tree.branches, 'product_tree.branches');
    list(tree.full_product_names, 'product_tree.full_product_names').forEach((f, i) => define(f, `product_tree.full_product_names[${i}]`));
    list(tree.relationships, 'product_tree.relationships').forEach((r, i) => {
      const at = `product_tree.relationships[${i}]`;
      if (!isObject(r)) return void problems.push(`${at} is not an object`);
      const category = String(r.category ?? '');
      if (!RELATIONSHIP_CATEGORIES.includes(category)) problems.push(`${at}.category is ${JSON.stringify(r.category)}; accepted: ${RELATIONSHIP_CATEGORIES.join(', ')}`);
      if (typeof r.product_reference !== 'string') problems.push(`${at}.product_reference is missing or not text`);
      if (typeof r.relates_to_product_reference !== 'string') problems.push(`${at}.relates_to_product_reference is missing or not text`);
      define(r.full_product_name, `${at}.full_product_name`, { category, component: String(r.product_reference ?? ''), platform: String(r.relates_to_product_reference ?? '') });
    });
    list(tree.product_groups, 'product_tree.product_groups').forEach((g, i) => {
      const at = `product_tree.product_groups[${i}]`;
      if (!isObject(g) || typeof g.group_id !== 'string' || !Array.isArray(g.product_ids)) return void problems.push(`${at} needs a group_id and a product_ids list`);
      g.product_ids.forEach((id, j) => {
        if (typeof id !== 'string' || !raw.has(id)) problems.push(`${at}.product_ids[${j}] is ${JSON.stringify(id)}, which product_tree does not define`);
      });
      groups.set(g.group_id, g.product_ids.map(String));
    });
    // Relationships and groups may only name products the tree defines.
    for (const [id, p] of raw) {
      if (!p.relationship) continue;
      const at = p.where.replace(/\.full_product_name\.product_id$/, '');
      for (const [key, ref] of [['product_reference', p.relationship.component], ['relates_to_product_reference', p.relationship.platform]] as const) {
        if (ref !== '' && !raw.has(ref)) problems.push(`${at}.${key} is "${ref}", which product_tree does not define (for ${id})`);
      }
    }
  }

  // A relationship may not lead back to itself through the products it ties together.
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string): boolean => {
    if (state.get(id) === 'done') return true;
    if (state.get(id) === 'visiting') return false;
    state.set(id, 'visiting');
    const rel = raw.get(id)?.relationship;
    const ok = !rel || (visit(rel.component) && visit(rel.platform));
    state.set(id, 'done');
    return ok;
  };
  for (const [id, p] of raw) {
    if (p.relationship && !visit(id)) problems.push(`${p.where.replace(/\.product_id$/, '')} "${id}" is defined through itself (a circular relationship)`);
    if (p.relationship) state.clear();
  }

  const resolved = new Map<string, CsafProduct>();
  const resolve = (id: string, path: ReadonlySet<string> = new Set()): CsafProduct => {
    const done = resolved.get(id);
    if (done) return done;
    const p = raw.get(id) ?? { names: [], purls: [], where: '' };
    const product: CsafProduct = { id, names: p.names, purls: p.purls };
    if (p.relationship && !path.has(id)) {
      const inner = new Set([...path, id]);
      product.relationship = { category: p.relationship.category, component: resolve(p.relationship.component, inner), platform: resolve(p.relationship.platform, inner) };
    }
    if (path.size === 0) resolved.set(id, product);
    return product;
  };

  const statements: CsafStatement[] = [];
  const vulns = data.vulnerabilities;
  if (!Array.isArray(vulns)) {
    problems.push('vulnerabilities is missing or not a list; a CSAF VEX document lists its vulnerabilities there');
    return { statements, problems };
  }
  const cves = new Map<string, number>();
  vulns.forEach((v, vi) => {
    const at = `vulnerabilities[${vi}]`;
    if (!isObject(v)) return void problems.push(`${at} is not an object`);
    const names: string[] = [];
    if (v.cve !== undefined) {
      if (typeof v.cve !== 'string' || !/^CVE-\d{4}-\d{4,}$/.test(v.cve)) problems.push(`${at}.cve is ${JSON.stringify(v.cve)}; write it as CVE-YYYY-NNNN`);
      else {
        if (cves.has(v.cve)) problems.push(`${at}.cve ${v.cve} is already given at vulnerabilities[${cves.get(v.cve)}]`);
        cves.set(v.cve, vi);
        names.push(v.cve);
      }
    }
    if (v.ids !== undefined) {
      if (!Array.isArray(v.ids)) problems.push(`${at}.ids is not a list`);
      else v.ids.forEach((x, i) => {
        if (!isObject(x) || typeof x.system_name !== 'string' || typeof x.text !== 'string') problems.push(`${at}.ids[${i}] needs system_name and text`);
        else names.push(x.text);
      });
    }
    if (names.length === 0 && typeof v.cve !== 'string') problems.push(`${at} names no vulnerability (cve or ids)`);
    const productIds = (list: unknown, where: string): string[] => {
      if (list === undefined) return [];
      if (!Array.isArray(list)) {
        problems.push(`${where} is not a list`);
        return [];
      }
      return list.flatMap((id, i) => {
        if (typeof id !== 'string' || !raw.has(id)) {
          problems.push(`${where}[${i}] is ${JSON.stringify(id)}, which product_tree does not define`);
          return [];
        }
        return [id];
      });
    };
    const groupIds = (list: unknown, where: string): string[] => {
      if (list === undefined) return [];
      if (!Array.isArray(list)) {
        problems.push(`${where} is not a list`);
        return [];
      }
      return list.flatMap((id, i) => {
        const members = typeof id === 'string' ? groups.get(id) : undefined;
        if (!members) {
          problems.push(`${where}[${i}] is ${JSON.stringify(id)}, which product_tree.product_groups does not define`);
          return [];
        }
        return members;
      });
    };
    // Flags and impact threats, by product id.
    const labels = new Map<string, string>();
    const impacts = new Map<string, string>();
    if (v.flags !== undefined && !Array.isArray(v.flags)) problems.push(`${at}.flags is not a list`);
    (Array.isArray(v.flags) ? v.flags : []).forEach((f, i) => {
      const fa = `${at}.flags[${i}]`;
      if (!isObject(f)) return void problems.push(`${fa} is not an object`);
      if (typeof f.label !== 'string' || !FLAG_LABELS.includes(f.label)) return void problems.push(`${fa}.label is ${JSON.stringify(f.label)}; accepted: ${FLAG_LABELS.join(', ')}`);
      for (const id of [...productIds(f.product_ids, `${fa}.product_ids`), ...groupIds(f.group_ids, `${fa}.group_ids`)]) if (!labels.has(id)) labels.set(id, f.label);
    });
    if (v.threats !== undefined && !Array.isArray(v.threats)) problems.push(`${at}.threats is not a list`);
    (Array.isArray(v.threats) ? v.threats : []).forEach((t, i) => {
      const ta = `${at}.threats[${i}]`;
      if (!isObject(t)) return void problems.push(`${ta} is not an object`);
      if (t.category !== 'impact') return;
      if (typeof t.details !== 'string') return void problems.push(`${ta}.details is missing or not text`);
      for (const id of [...productIds(t.product_ids, `${ta}.product_ids`), ...groupIds(t.group_ids, `${ta}.group_ids`)]) if (!impacts.has(id)) impacts.set(id, t.details);
    });
    const ps = v.product_status;
    if (ps === undefined) return undefined;
    if (!isObject(ps)) return void problems.push(`${at}.product_status is not an object`);
    const groupOf = new Map<string, string>();
    for (const [key, ids] of Object.entries(ps)) {
      const sa = `${at}.product_status.${key}`;
      if (!(key in PRODUCT_STATUSES)) {
        problems.push(`${at}.product_status has an unknown field "${key}" (known: ${Object.keys(PRODUCT_STATUSES).join(', ')})`);
        continue;
      }
      if (!Array.isArray(ids)) {
        problems.push(`${sa} is not a list`);
        continue;
      }
      ids.forEach((id, i) => {
        if (typeof id !== 'string' || !raw.has(id)) return void problems.push(`${sa}[${i}] is ${JSON.stringify(id)}, which product_tree does not define`);
        const group = STATUS_GROUP[key];
        if (group) {
          const other = groupOf.get(id);
          if (other && other !== group) problems.push(`${sa}[${i}] "${id}" is ${group}, but ${at}.product_status also lists it as ${other}`);
          groupOf.set(id, group);
        }
        const status = PRODUCT_STATUSES[key];
        if (!status) return undefined;
        const justification = labels.get(id);
        const impactStatement = impacts.get(id);
        if (status === 'not_affected' && justification === undefined && impactStatement === undefined) {
          problems.push(`${sa}[${i}] "${id}" has no impact statement; add a flag (${at}.flags) with a label, or an impact threat (${at}.threats), naming it`);
        }
        statements.push({ vulnerabilities: names, status, where: `${sa}[${i}]`, product: resolve(id), justification, impactStatement });
        return undefined;
      });
    }
    return undefined;
  });
  return { statements, problems };
}

/** Whether a statement's purl names the package: see `csafCovers`. */
export function purlCovers(statement: PackageURL, pkg: PackageURL): boolean {
  if (statement.type !== pkg.type || (statement.namespace ?? '') !== (pkg.namespace ?? '') || statement.name !== pkg.name) return false;
  if ((statement.version ?? '') !== (pkg.version ?? '')) return false;
  if (statement.subpath && statement.subpath !== pkg.subpath) return false;
  const have = pkg.qualifiers ?? {};
  return Object.entries(statement.qualifiers ?? {}).every(([k, v]) => have[k] === v);
}

/** The scanned image, as a CSAF product may name it. */
export interface ScannedImage {
  digest?: string;
  /** Names that include the digest: `name@sha256:…`, `sha256:…`. */
  names: Set<string>;
}

function isOci(purl: string): PackageURL | undefined {
  const p = parsePurl(purl);
  return p?.type === 'oci' ? p : undefined;
}

/** Whether the product is the scanned image: a `pkg:oci` purl whose version is the image digest, or a name with the digest. */
export function isScannedImage(product: CsafProduct, image: ScannedImage): boolean {
  if (image.digest === undefined) return false;
  return product.purls.some((p) => isOci(p)?.version === image.digest) || product.names.some((n) => image.names.has(n));
}

/**
 * Whether a CSAF statement about `product` covers a package (its purl as grype reports it) in the scanned image:
 * - the product's purl names the package: same type, namespace, name and version (compared after the
 *   purl spec's normalization, e.g. npm names in lower case), its subpath if it has one, and each of its
 *   qualifiers present with the same value in the package's purl. The package's purl may carry more
 *   qualifiers (grype adds arch, distro, upstream); a statement purl without a version names no versioned package;
 * - or the product is the scanned image itself (every package in it);
 * - or the product is a relationship whose component covers the package and whose platform is the
 *   scanned image, or is not an OCI image at all (an operating system or product named by CPE or name).
 *   A platform that is another image (a `pkg:oci` purl with another digest) narrows the statement to that image.
 */
export function csafCovers(product: CsafProduct, pkgPurl: PackageURL | undefined, image: ScannedImage, wholeImage = true): boolean {
  if (pkgPurl && product.purls.some((p) => {
    const s = parsePurl(p);
    return s !== undefined && purlCovers(s, pkgPurl);
  })) return true;
  if (wholeImage && isScannedImage(product, image)) return true;
  const rel = product.relationship;
  if (!rel) return false;
  const platformAllows = isScannedImage(rel.platform, image) || !rel.platform.purls.some((p) => isOci(p) !== undefined);
  // The component must name the package itself: a component that is an image is not this package.
  return platformAllows && csafCovers(rel.component, pkgPurl, image, false);
}
