/**
 * VEX documents: OpenVEX (v0.0.x and v0.2.x) and CSAF 2.0 VEX (see csaf.ts), read into statements saying
 * a vulnerability does not affect (or was fixed in) a product. A statement covers a match when it names
 * the match's vulnerability (or one of its aliases) and the package or the scanned image:
 * - OpenVEX: it names the package's purl (as a product or a subcomponent; both compared without
 *   qualifiers or subpath) or names the scanned image (by reference, digest or `pkg:oci` purl) without
 *   narrowing to other subcomponents;
 * - CSAF: the rule of `csafCovers` (purl qualifiers of the statement must be present in the package's).
 */
import type { GrypeReport, Match } from './report.ts';
import { VEX_STATUSES, type VexStatus } from './rules.ts';
import { csafCovers, looksLikeCsaf, parsePurl, readCsaf, type CsafProduct, type ScannedImage } from './csaf.ts';

export interface VexStatement {
  /** The document it came from, as given. */
  file: string;
  index: number;
  /** Where the statement is in its document, for the ignore's rule name: `0` (OpenVEX statements[0]) or a CSAF JSON path. */
  where: string;
  vulnerabilities: string[];
  products: string[];
  subcomponents: string[];
  status: VexStatus;
  justification?: string;
  impactStatement?: string;
  /** For CSAF statements: the product, resolved through the product tree (products then holds its id). */
  csaf?: CsafProduct;
}

export class VexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VexError';
  }
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const ids = (v: unknown): string[] => (Array.isArray(v) ? v : [])
  .map((x) => (typeof x === 'string' ? x : isObject(x) ? String(x['@id'] ?? '') : ''))
  .filter((x) => x !== '');

/** Parses one VEX document, OpenVEX or CSAF 2.0 VEX. `file` names it in errors, with the JSON path of each problem. */
export function parseVex(source: string, file: string): VexStatement[] {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    throw new VexError(`The VEX document ${file} is not JSON (${(error as Error).message}); pass an OpenVEX or CSAF VEX document.`);
  }
  if (!isObject(data)) throw new VexError(`The VEX document ${file} is not a JSON object; pass an OpenVEX or CSAF VEX document.`);
  if (looksLikeCsaf(data)) {
    const { statements, problems } = readCsaf(data);
    if (problems.length > 0) throw new VexError(`The VEX document ${file} (CSAF) has problems:\n- ${problems.join('\n- ')}`);
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
      csaf: s.product,
    }));
  }
  const context = String(data['@context'] ?? '');
  if (!context.includes('openvex') || !Array.isArray(data.statements)) {
    throw new VexError(`The VEX document ${file} is neither OpenVEX (no openvex @context or no statements list) nor CSAF (no document object).`);
  }
  const problems: string[] = [];
  const out: VexStatement[] = [];
  data.statements.forEach((raw, index) => {
    const where = `statements[${index}]`;
    if (!isObject(raw)) return problems.push(`${where} is not an object`);
    const v = raw.vulnerability;
    const vulnerabilities = typeof v === 'string' ? [v]
      : isObject(v) ? [String(v.name ?? v['@id'] ?? ''), ...(Array.isArray(v.aliases) ? v.aliases.map(String) : [])].filter((x) => x !== '') : [];
    if (vulnerabilities.length === 0) problems.push(`${where} names no vulnerability`);
    const status = String(raw.status ?? '');
    if (!(VEX_STATUSES as readonly string[]).includes(status)) problems.push(`${where}.status is ${JSON.stringify(raw.status)}; accepted: ${VEX_STATUSES.join(', ')}`);
    const products = ids(raw.products);
    const subcomponents = [...ids(raw.subcomponents), ...(Array.isArray(raw.products) ? raw.products.flatMap((p) => (isObject(p) ? ids(p.subcomponents) : [])) : [])];
    if (products.length === 0) problems.push(`${where} names no product`);
    out.push({
      file,
      index,
      where: String(index),
      vulnerabilities,
      products,
      subcomponents,
      status: status as VexStatus,
      justification: typeof raw.justification === 'string' ? raw.justification : undefined,
      impactStatement: typeof raw.impact_statement === 'string' ? raw.impact_statement : undefined,
    });
    return undefined;
  });
  if (problems.length > 0) throw new VexError(`The VEX document ${file} has problems:\n- ${problems.join('\n- ')}`);
  return out;
}

/** A purl without qualifiers or subpath, percent-decoded: `pkg:deb/debian/bash@5.0-4`. */
export function purlKey(purl: string): string {
  const bare = purl.split(/[?#]/)[0]!;
  try {
    return decodeURIComponent(bare);
  } catch {
    return bare;
  }
}

/** The names a VEX product may use for the scanned image: its reference, `name@digest`, the digest, `pkg:oci/…@digest`. */
export function imageIdentities(source: GrypeReport['source']): Set<string> {
  const out = new Set<string>();
  if (source.type !== 'image') return out;
  if (source.target) out.add(source.target);
  if (source.digest) {
    out.add(source.digest);
    const name = source.target.replace(/@sha256:[0-9a-f]{64}$/, '').replace(/:[^/:]+$/, '');
    out.add(`${name}@${source.digest}`);
  }
  return out;
}

function coversImage(product: string, images: Set<string>, digest: string | undefined): boolean {
  if (images.has(product)) return true;
  const key = purlKey(product);
  return digest !== undefined && key.startsWith('pkg:oci/') && key.includes(`@${digest}`);
}

/** The statement that covers `match`, if any (the last one wins, as documents are read in order). */
export function vexStatementFor(match: Match, statements: readonly VexStatement[], source: GrypeReport['source']): VexStatement | undefined {
  const vulnIds = new Set([match.id, ...match.related.map((r) => r.id)]);
  const purl = match.artifact.purl ? purlKey(match.artifact.purl) : undefined;
  const images = imageIdentities(source);
  let scanned: ScannedImage | undefined;
  let found: VexStatement | undefined;
  for (const s of statements) {
    if (!s.vulnerabilities.some((v) => vulnIds.has(v))) continue;
    if (s.csaf) {
      scanned ??= { digest: source.digest, names: new Set([...images].filter((n) => source.digest !== undefined && n.includes(source.digest))) };
      if (csafCovers(s.csaf, match.artifact.purl ? parsePurl(match.artifact.purl) : undefined, scanned)) found = s;
      continue;
    }
    const namesPackage = purl !== undefined && [...s.products, ...s.subcomponents].some((p) => purlKey(p) === purl);
    const namesImage = s.products.some((p) => coversImage(p, images, source.digest)) && s.subcomponents.length === 0;
    if (namesPackage || namesImage) found = s;
  }
  return found;
}
