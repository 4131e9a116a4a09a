import { describe, it, expect } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusPath } from '../../../test/support/corpus.ts';
import { parseReport, type GrypeReport } from './report.ts';
import { evaluate, type Policy } from './policy.ts';
import { parseIgnoreInput } from './rules.ts';
import { parseVex, VexError } from './vex.ts';
import { csafCovers, parsePurl, purlCovers } from './csaf.ts';

const NOW = Date.UTC(2025, 5, 1);
const base: Policy = { severityCutoff: 'medium', onlyFixed: false, rules: [], vex: [], vexFiles: [] };
const IMAGE_DIGEST = 'sha256:97e6d5aeed19f627205b218f45b284cd01ff658dd181416ab1d3e21aeb28d68e';
const IMAGE_NAME = 'quay.io/cloudservices/xjoin-kafka-connect-strimzi';

/** The parts every CSAF 2.0 document has; `category` is the VEX profile's. */
function csafDocument(productTree: object, vulnerabilities: unknown[], category = 'csaf_vex'): string {
  return JSON.stringify({
    document: {
      category,
      csaf_version: '2.0',
      publisher: { category: 'vendor', name: 'Example Corp', namespace: 'https://example.com' },
      title: 'Example Corp VEX for the connector image',
      tracking: {
        id: 'EXAMPLE-VEX-2025-001',
        status: 'final',
        version: '1',
        initial_release_date: '2025-05-01T00:00:00.000Z',
        current_release_date: '2025-05-01T00:00:00.000Z',
        revision_history: [{ date: '2025-05-01T00:00:00.000Z', number: '1', summary: 'First release' }],
      },
    },
    product_tree: productTree,
    vulnerabilities,
  });
}

/** Products of the connector image in the corpus report, as a vendor would describe them. */
const tree = {
  branches: [{
    category: 'vendor',
    name: 'Apache Software Foundation',
    branches: [{
      category: 'product_name',
      name: 'avro',
      branches: [
        { category: 'product_version', name: '1.9.2', product: { name: 'Apache Avro 1.9.2', product_id: 'AVRO-1.9.2', product_identification_helper: { purl: 'pkg:maven/org.apache.avro/avro@1.9.2' } } },
        { category: 'product_version', name: '1.11.1', product: { name: 'Apache Avro 1.11.1', product_id: 'AVRO-1.11.1', product_identification_helper: { purl: 'pkg:maven/org.apache.avro/avro@1.11.1' } } },
      ],
    }],
  }],
  full_product_names: [
    { name: 'Connector image', product_id: 'IMAGE', product_identification_helper: { purl: `pkg:oci/xjoin-kafka-connect-strimzi@${encodeURIComponent(IMAGE_DIGEST)}?repository_url=${encodeURIComponent(IMAGE_NAME)}` } },
    { name: `${IMAGE_NAME}@${IMAGE_DIGEST}`, product_id: 'IMAGE-BY-NAME' },
    { name: 'Another image', product_id: 'OTHER-IMAGE', product_identification_helper: { purl: `pkg:oci/other@sha256%3A${'0'.repeat(64)}` } },
    // Fewer qualifiers than grype's purl: still names the package.
    { name: 'bind-libs', product_id: 'BIND-LIBS', product_identification_helper: { purl: 'pkg:rpm/rhel/bind-libs@9.11.36-5.el8_7.2?arch=x86_64&epoch=32' } },
    { name: 'bind-libs-lite', product_id: 'BIND-LIBS-LITE', product_identification_helper: { purl: 'pkg:rpm/rhel/bind-libs-lite@9.11.36-5.el8_7.2?arch=x86_64' } },
    // A qualifier with another value than the package's (arch=noarch): does not name it.
    { name: 'bind-license', product_id: 'BIND-LICENSE-X86', product_identification_helper: { purl: 'pkg:rpm/rhel/bind-license@9.11.36-5.el8_7.2?arch=x86_64' } },
    { name: 'cups-libs', product_id: 'CUPS-LIBS', product_identification_helper: { purl: 'pkg:rpm/rhel/cups-libs@2.2.6-50.el8?arch=x86_64&epoch=1' } },
  ],
  relationships: [
    { category: 'default_component_of', product_reference: 'BIND-LIBS', relates_to_product_reference: 'IMAGE', full_product_name: { name: 'bind-libs in the connector image', product_id: 'IMAGE:BIND-LIBS' } },
    { category: 'default_component_of', product_reference: 'BIND-LIBS-LITE', relates_to_product_reference: 'OTHER-IMAGE', full_product_name: { name: 'bind-libs-lite in another image', product_id: 'OTHER-IMAGE:BIND-LIBS-LITE' } },
  ],
  product_groups: [{ group_id: 'AVRO-ALL', product_ids: ['AVRO-1.9.2', 'AVRO-1.11.1'] }],
};

const vulnerabilities = [
  {
    // Named by its GitHub advisory only: an alias of the match's CVE.
    ids: [{ system_name: 'GitHub Security Advisories', text: 'GHSA-rhrv-645h-fjfh' }],
    product_status: { known_not_affected: ['AVRO-1.9.2'], known_affected: ['AVRO-1.11.1'] },
    flags: [{ label: 'vulnerable_code_not_in_execute_path', group_ids: ['AVRO-ALL'] }],
  },
  {
    cve: 'CVE-2023-4408',
    product_status: { fixed: ['IMAGE:BIND-LIBS', 'BIND-LICENSE-X86'], known_not_affected: ['OTHER-IMAGE:BIND-LIBS-LITE'] },
    flags: [{ label: 'component_not_present', product_ids: ['OTHER-IMAGE:BIND-LIBS-LITE'] }],
  },
  { cve: 'CVE-2023-50387', product_status: { under_investigation: ['IMAGE'] } },
  {
    cve: 'CVE-2023-50868',
    product_status: { known_not_affected: ['IMAGE'] },
    flags: [{ label: 'inline_mitigations_already_exist', product_ids: ['IMAGE'] }],
    threats: [{ category: 'impact', details: 'DNSSEC validation is off in the resolver', product_ids: ['IMAGE'] }],
  },
  {
    cve: 'CVE-2023-3341',
    product_status: { known_not_affected: ['IMAGE-BY-NAME'] },
    threats: [{ category: 'impact', details: 'named is not started in the container', product_ids: ['IMAGE-BY-NAME'] }],
  },
  {
    cve: 'CVE-2023-2828',
    product_status: { known_not_affected: ['OTHER-IMAGE'] },
    flags: [{ label: 'component_not_present', product_ids: ['OTHER-IMAGE'] }],
  },
  {
    // An alias of the match's id (grype relates CVE-2023-44981 in cups-libs to it).
    cve: 'CVE-2023-32360',
    product_status: { known_not_affected: ['CUPS-LIBS'] },
    threats: [{ category: 'impact', details: 'cups is not started in the container', product_ids: ['CUPS-LIBS'] }],
  },
];

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(VexError);
    return (error as Error).message;
  }
  throw new Error('expected a VexError');
}

const grypeDir = corpusPath('grype');

(grypeDir ? describe : describe.skip)('CSAF VEX over a corpus report', () => {
  const report: GrypeReport = grypeDir ? parseReport(fs.readFileSync(path.join(grypeDir, 'defectdojo', 'issue_9618.json'), 'utf8'), 'issue_9618.json') : (undefined as unknown as GrypeReport);
  const vex = parseVex(csafDocument(tree, vulnerabilities), 'app.csaf.json');
  const run = (rules = '') => evaluate(report, { ...base, rules: parseIgnoreInput(rules), vex, vexFiles: ['app.csaf.json'] }, NOW);
  const ignoredBy = (r: ReturnType<typeof run>, id: string) => r.ignored.filter((i) => i.id === id).map((i) => `${i.package} ${i.reason} ${i.rule}`).sort();

  it('knows the report it works on', () => {
    expect(report.source.digest).toBe(IMAGE_DIGEST);
  });

  it('moves known_not_affected matches to ignored, with the flag label as the justification', () => {
    const r = run();
    expect(ignoredBy(r, 'CVE-2023-39410')).toEqual(['avro not_affected: vulnerable_code_not_in_execute_path vex:app.csaf.json#vulnerabilities[0].product_status.known_not_affected[0]']);
    expect(r.ignored.find((i) => i.id === 'CVE-2023-39410')!.version).toBe('1.9.2');
    // known_affected keeps the other avro.
    expect(r.kept.filter((m) => m.id === 'CVE-2023-39410').map((m) => m.artifact.version)).toEqual(['1.11.1']);
  });

  it('moves fixed matches to ignored; a relationship counts only in the scanned image, a purl only with its qualifiers', () => {
    const r = run();
    expect(ignoredBy(r, 'CVE-2023-4408')).toEqual(['bind-libs fixed vex:app.csaf.json#vulnerabilities[1].product_status.fixed[0]']);
    // bind-libs-lite: not affected only in another image; bind-license: the statement's arch is not the package's.
    expect(r.kept.filter((m) => m.id === 'CVE-2023-4408').map((m) => m.artifact.name).sort()).toEqual(['bind-libs-lite', 'bind-license']);
  });

  it('reads a statement about the image (by pkg:oci digest, or by a name with the digest) as one about every package in it', () => {
    const r = run();
    expect(ignoredBy(r, 'CVE-2023-50868')).toHaveLength(4);
    expect(new Set(r.ignored.filter((i) => i.id === 'CVE-2023-50868').map((i) => i.reason))).toEqual(new Set(['not_affected: inline_mitigations_already_exist: DNSSEC validation is off in the resolver']));
    expect(r.ignored.filter((i) => i.id === 'CVE-2023-3341').map((i) => i.reason)).toEqual(Array(3).fill('not_affected: named is not started in the container'));
    // Another image's statement says nothing about this one.
    expect(r.ignored.filter((i) => i.id === 'CVE-2023-2828')).toEqual([]);
    expect(r.kept.filter((m) => m.id === 'CVE-2023-2828')).toHaveLength(3);
  });

  it('follows aliases: a CVE the match relates to, with the impact threat as the reason', () => {
    expect(ignoredBy(run(), 'CVE-2023-44981')).toEqual(['cups-libs not_affected: cups is not started in the container vex:app.csaf.json#vulnerabilities[6].product_status.known_not_affected[0]']);
  });

  it('does not ignore under_investigation or known_affected, but rules with vex-status can follow them', () => {
    const r = run();
    expect(r.ignored.filter((i) => i.id === 'CVE-2023-50387')).toEqual([]);
    expect(r.kept.filter((m) => m.id === 'CVE-2023-50387')).toHaveLength(3);
    const followed = run('- vex-status: under_investigation\n  reason: vendor triage open\n- vex-status: affected\n  reason: upgrade planned');
    expect(ignoredBy(followed, 'CVE-2023-50387')).toEqual(['bind-libs vendor triage open ignore[0]', 'bind-libs-lite vendor triage open ignore[0]', 'bind-license vendor triage open ignore[0]']);
    expect(ignoredBy(followed, 'CVE-2023-39410')).toContain('avro upgrade planned ignore[1]');
  });

  it('leaves the report alone when no statement names its packages or image', () => {
    const unrelated = parseVex(csafDocument(
      { full_product_names: [{ name: 'zlib', product_id: 'Z', product_identification_helper: { purl: 'pkg:deb/debian/zlib1g@1.2.13' } }] },
      [{ cve: 'CVE-2023-4408', product_status: { known_not_affected: ['Z'] }, flags: [{ label: 'vulnerable_code_not_present', product_ids: ['Z'] }] }],
    ), 'z.json');
    expect(unrelated).toHaveLength(1);
    expect(evaluate(report, { ...base, vex: unrelated, vexFiles: ['z.json'] }, NOW).ignored).toEqual([]);
  });
});

describe('CSAF VEX documents', () => {
  it('reads every status, with vulnerability names, product and justification', () => {
    const s = parseVex(csafDocument(tree, vulnerabilities.slice(0, 3)), 'a.json');
    expect(s.map((x) => [x.where, x.vulnerabilities.join(','), x.status, x.products[0], x.justification ?? '-'])).toEqual([
      ['vulnerabilities[0].product_status.known_not_affected[0]', 'GHSA-rhrv-645h-fjfh', 'not_affected', 'AVRO-1.9.2', 'vulnerable_code_not_in_execute_path'],
      ['vulnerabilities[0].product_status.known_affected[0]', 'GHSA-rhrv-645h-fjfh', 'affected', 'AVRO-1.11.1', 'vulnerable_code_not_in_execute_path'],
      ['vulnerabilities[1].product_status.fixed[0]', 'CVE-2023-4408', 'fixed', 'IMAGE:BIND-LIBS', '-'],
      ['vulnerabilities[1].product_status.fixed[1]', 'CVE-2023-4408', 'fixed', 'BIND-LICENSE-X86', '-'],
      ['vulnerabilities[1].product_status.known_not_affected[0]', 'CVE-2023-4408', 'not_affected', 'OTHER-IMAGE:BIND-LIBS-LITE', 'component_not_present'],
      ['vulnerabilities[2].product_status.under_investigation[0]', 'CVE-2023-50387', 'under_investigation', 'IMAGE', '-'],
    ]);
    const rel = s[2]!.csaf!.relationship!;
    expect(rel.category).toBe('default_component_of');
    expect(rel.component.purls).toEqual(['pkg:rpm/rhel/bind-libs@9.11.36-5.el8_7.2?arch=x86_64&epoch=32']);
    expect(rel.platform.names).toEqual(['Connector image']);
  });

  it('does not read first_fixed or recommended as statements', () => {
    const s = parseVex(csafDocument(tree, [{ cve: 'CVE-2024-0001', product_status: { first_fixed: ['AVRO-1.11.1'], recommended: ['AVRO-1.11.1'], known_affected: ['AVRO-1.9.2'] } }]), 'a.json');
    expect(s.map((x) => x.status)).toEqual(['affected']);
  });

  it('refuses malformed documents, naming the file and the JSON path of every problem', () => {
    const bad = {
      full_product_names: [
        { name: 'a', product_id: 'A', product_identification_helper: { purl: 'maven:org.example/a@1' } },
        { name: 'b', product_id: 'A' },
      ],
      relationships: [{ category: 'bundled_with', product_reference: 'A', relates_to_product_reference: 'NOPE', full_product_name: { name: 'r', product_id: 'R' } }],
    };
    const text = message(() => parseVex(csafDocument(bad, [
      { cve: 'CVE-2024-0001', product_status: { known_not_affected: ['A', 'MISSING'], known_affected: ['A'], not_affected: ['A'] }, flags: [{ label: 'not_my_problem', product_ids: ['A'] }] },
      { cve: 'CVE-24', product_status: { fixed: ['R'] } },
      'x',
    ]), 'bad.csaf.json'));
    expect(text).toBe([
      'The VEX document bad.csaf.json (CSAF) has problems:',
      '- product_tree.full_product_names[0].product_identification_helper.purl is "maven:org.example/a@1", which is not a package URL (pkg:type/namespace/name@version)',
      '- product_tree.full_product_names[1].product_id "A" is already defined at product_tree.full_product_names[0].product_id',
      '- product_tree.relationships[0].category is "bundled_with"; accepted: default_component_of, external_component_of, installed_on, installed_with, optional_component_of',
      '- product_tree.relationships[0].relates_to_product_reference is "NOPE", which product_tree does not define (for R)',
      '- vulnerabilities[0].flags[0].label is "not_my_problem"; accepted: component_not_present, inline_mitigations_already_exist, vulnerable_code_cannot_be_controlled_by_adversary, vulnerable_code_not_in_execute_path, vulnerable_code_not_present',
      '- vulnerabilities[0].product_status.known_not_affected[0] "A" has no impact statement; add a flag (vulnerabilities[0].flags) with a label, or an impact threat (vulnerabilities[0].threats), naming it',
      '- vulnerabilities[0].product_status.known_not_affected[1] is "MISSING", which product_tree does not define',
      '- vulnerabilities[0].product_status.known_affected[0] "A" is affected, but vulnerabilities[0].product_status also lists it as not affected',
      '- vulnerabilities[0].product_status has an unknown field "not_affected" (known: known_not_affected, fixed, known_affected, first_affected, last_affected, under_investigation, first_fixed, recommended)',
      '- vulnerabilities[1].cve is "CVE-24"; write it as CVE-YYYY-NNNN',
      '- vulnerabilities[2] is not an object',
    ].join('\n'));
  });

  it('refuses circular relationships and groups of undefined products', () => {
    const loop = {
      full_product_names: [{ name: 'os', product_id: 'OS' }],
      relationships: [
        { category: 'installed_on', product_reference: 'B', relates_to_product_reference: 'OS', full_product_name: { name: 'a', product_id: 'A' } },
        { category: 'installed_on', product_reference: 'A', relates_to_product_reference: 'OS', full_product_name: { name: 'b', product_id: 'B' } },
      ],
      product_groups: [{ group_id: 'G', product_ids: ['OS', 'NOPE'] }],
    };
    expect(message(() => parseVex(csafDocument(loop, [{ cve: 'CVE-2024-0001', product_status: { known_affected: ['A'] } }]), 'loop.json'))).toBe([
      'The VEX document loop.json (CSAF) has problems:',
      '- product_tree.product_groups[0].product_ids[1] is "NOPE", which product_tree does not define',
      '- product_tree.relationships[0].full_product_name "A" is defined through itself (a circular relationship)',
      '- product_tree.relationships[1].full_product_name "B" is defined through itself (a circular relationship)',
    ].join('\n'));
  });

  it('refuses CSAF documents that are not VEX or not CSAF 2.0', () => {
    expect(message(() => parseVex(csafDocument(tree, [], 'csaf_security_advisory'), 'adv.json')))
      .toBe('The VEX document adv.json (CSAF) has problems:\n- document.category is "csaf_security_advisory"; only CSAF VEX documents (category "csaf_vex") are read as VEX');
    expect(message(() => parseVex(JSON.stringify({ document: { category: 'csaf_vex', csaf_version: '1.2' }, vulnerabilities: [] }), 'old.json'))).toContain('document.csaf_version is "1.2"; CSAF 2.0 is read');
    expect(message(() => parseVex(JSON.stringify({ document: { category: 'csaf_vex', csaf_version: '2.0' } }), 'empty.json'))).toContain('- vulnerabilities is missing or not a list');
  });
});

describe('the CSAF purl rule', () => {
  const covers = (statement: string, pkg: string) => purlCovers(parsePurl(statement)!, parsePurl(pkg)!);
  it('needs type, namespace, name and version equal (after purl normalization) and the statement\'s qualifiers present', () => {
    const pkg = 'pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12';
    expect(covers('pkg:deb/debian/openssl@3.0.11-1~deb12u2', pkg)).toBe(true);
    expect(covers('pkg:deb/debian/openssl@3.0.11-1~deb12u2?distro=debian-12', pkg)).toBe(true);
    expect(covers('pkg:deb/debian/openssl@3.0.11-1~deb12u2?distro=debian-11', pkg)).toBe(false);
    expect(covers('pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12&epoch=1', pkg)).toBe(false);
    expect(covers('pkg:deb/debian/openssl@3.0.11-1~deb12u1', pkg)).toBe(false);
    expect(covers('pkg:deb/ubuntu/openssl@3.0.11-1~deb12u2', pkg)).toBe(false);
    // No version in the statement: it names no versioned package.
    expect(covers('pkg:deb/debian/openssl', pkg)).toBe(false);
    // npm names are case-insensitive in the purl spec; the namespace is percent-decoded.
    expect(covers('pkg:npm/%40Acme/Left-Pad@1.0.0', 'pkg:npm/@acme/left-pad@1.0.0')).toBe(true);
    expect(covers('pkg:golang/github.com/acme/lib@v1.2.3#sub/dir', 'pkg:golang/github.com/acme/lib@v1.2.3')).toBe(false);
  });

  it('checks the platform of a relationship: the scanned image, or not an image', () => {
    const pkg = parsePurl('pkg:rpm/rhel/openssl@3.0.7-27.el9?arch=x86_64')!;
    const component = { id: 'C', names: ['openssl'], purls: ['pkg:rpm/rhel/openssl@3.0.7-27.el9'] };
    const image = { digest: `sha256:${'a'.repeat(64)}`, names: new Set<string>() };
    const within = (platform: { id: string; names: string[]; purls: string[] }) => csafCovers({ id: 'R', names: [], purls: [], relationship: { category: 'installed_on', component, platform } }, pkg, image);
    expect(within({ id: 'OS', names: ['Red Hat Enterprise Linux 9'], purls: [] })).toBe(true);
    expect(within({ id: 'IMG', names: [], purls: [`pkg:oci/app@sha256%3A${'a'.repeat(64)}`] })).toBe(true);
    expect(within({ id: 'IMG2', names: [], purls: [`pkg:oci/app@sha256%3A${'b'.repeat(64)}`] })).toBe(false);
    // A relationship whose component is the image does not stand for every package in it.
    const imageAsComponent = { id: 'IMG', names: [], purls: [`pkg:oci/app@sha256%3A${'a'.repeat(64)}`] };
    expect(csafCovers({ id: 'R', names: [], purls: [], relationship: { category: 'installed_on', component: imageAsComponent, platform: { id: 'OS', names: [], purls: [] } } }, pkg, image)).toBe(false);
    expect(csafCovers(imageAsComponent, pkg, image)).toBe(true);
  });
});
