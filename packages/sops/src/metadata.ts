/** The `sops` metadata section: which leaves are encrypted, the MAC, and the wrapped data keys. */
import { SopsFormatError } from './errors.ts';

export interface AgeEntry { recipient: string; enc: string }
export interface PgpEntry { fp: string; enc: string }
export interface KmsEntry { arn: string; enc: string; context: Record<string, string>; role?: string; profile?: string }
export interface GcpKmsEntry { resourceId: string; enc: string }
export interface VaultEntry { address: string; enginePath: string; keyName: string; enc: string }
export interface AzureEntry { vaultUrl: string; name: string; version: string; enc: string }

/** One key group: any one of its keys recovers the group's part of the data key. */
export interface KeyGroup {
  age: AgeEntry[];
  pgp: PgpEntry[];
  kms: KmsEntry[];
  gcpKms: GcpKmsEntry[];
  hcVault: VaultEntry[];
  azureKv: AzureEntry[];
}

export interface EncryptionRules {
  unencryptedSuffix?: string;
  encryptedSuffix?: string;
  unencryptedRegex?: RegExp;
  encryptedRegex?: RegExp;
}

export interface Metadata {
  lastModified: string;
  mac: string;
  version: string;
  macOnlyEncrypted: boolean;
  rules: EncryptionRules;
  keyGroups: KeyGroup[];
  /** Parts needed when there are several groups (sops's default: all of them). */
  shamirThreshold: number;
}

type Raw = Record<string, unknown>;

function str(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : String(value);
}

function list(value: unknown): Raw[] {
  return Array.isArray(value) ? value.filter((v): v is Raw => typeof v === 'object' && v !== null) : [];
}

/** Go's regexp syntax is close to JS's; a leading `(?i)` (and similar flag groups) becomes a JS flag. */
export function goRegex(source: string, file: string, field: string): RegExp {
  let flags = '';
  let body = source;
  const m = /^\(\?([imsU]+)\)/.exec(body);
  if (m) {
    flags = [...new Set(m[1]!.replace('U', '').split(''))].join('');
    body = body.slice(m[0].length);
  }
  try {
    return new RegExp(body, flags);
  } catch (error) {
    throw new SopsFormatError(`${file}: sops.${field} ${JSON.stringify(source)} is not a regular expression this reader understands.`, { cause: error });
  }
}

function readGroup(raw: Raw): KeyGroup {
  return {
    age: list(raw.age).map((k) => ({ recipient: str(k.recipient), enc: str(k.enc) })),
    pgp: list(raw.pgp).map((k) => ({ fp: str(k.fp), enc: str(k.enc) })),
    kms: list(raw.kms).map((k) => ({
      arn: str(k.arn),
      enc: str(k.enc),
      context: Object.fromEntries(Object.entries((k.context as Raw | undefined) ?? {}).map(([a, b]) => [a, str(b)])),
      ...(k.role ? { role: str(k.role) } : {}),
      ...(k.aws_profile ? { profile: str(k.aws_profile) } : {}),
    })),
    gcpKms: list(raw.gcp_kms).map((k) => ({ resourceId: str(k.resource_id), enc: str(k.enc) })),
    hcVault: list(raw.hc_vault).map((k) => ({ address: str(k.vault_address), enginePath: str(k.engine_path), keyName: str(k.key_name), enc: str(k.enc) })),
    azureKv: list(raw.azure_kv).map((k) => ({ vaultUrl: str(k.vault_url), name: str(k.name), version: str(k.version), enc: str(k.enc) })),
  };
}

function truthy(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  return ['1', 't', 'T', 'true', 'TRUE', 'True'].includes(str(value));
}

/** Reads the metadata section (as plain data). `file` names the file in error messages. */
export function readMetadata(raw: unknown, file: string): Metadata {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new SopsFormatError(`${file} is not a SOPS file: its 'sops' section is not a map.`);
  }
  const m = raw as Raw;
  const rules: EncryptionRules = {};
  if (m.unencrypted_suffix) rules.unencryptedSuffix = str(m.unencrypted_suffix);
  if (m.encrypted_suffix) rules.encryptedSuffix = str(m.encrypted_suffix);
  if (m.unencrypted_regex) rules.unencryptedRegex = goRegex(str(m.unencrypted_regex), file, 'unencrypted_regex');
  if (m.encrypted_regex) rules.encryptedRegex = goRegex(str(m.encrypted_regex), file, 'encrypted_regex');
  if (Object.keys(rules).length === 0) rules.unencryptedSuffix = '_unencrypted';
  const groups = list(m.key_groups).map(readGroup);
  const keyGroups = groups.length > 0 ? groups : [readGroup(m)];
  const threshold = m.shamir_threshold === undefined || m.shamir_threshold === '' ? 0 : Number(m.shamir_threshold);
  if (!Number.isInteger(threshold) || threshold < 0) {
    throw new SopsFormatError(`${file}: sops.shamir_threshold is ${JSON.stringify(m.shamir_threshold)}; it must be a whole number.`);
  }
  return {
    lastModified: str(m.lastmodified),
    mac: str(m.mac),
    version: str(m.version),
    macOnlyEncrypted: truthy(m.mac_only_encrypted),
    rules,
    keyGroups,
    shamirThreshold: keyGroups.length > 1 ? threshold || keyGroups.length : 1,
  };
}

/** Whether the leaf under these map keys is encrypted, by the file's rule (a rule matches on any key). */
export function shouldEncrypt(keys: readonly string[], rules: EncryptionRules): boolean {
  let encrypted = true;
  if (rules.unencryptedSuffix !== undefined && keys.some((k) => k.endsWith(rules.unencryptedSuffix!))) encrypted = false;
  if (rules.encryptedSuffix !== undefined) encrypted = keys.some((k) => k.endsWith(rules.encryptedSuffix!));
  if (rules.unencryptedRegex !== undefined && keys.some((k) => rules.unencryptedRegex!.test(k))) encrypted = false;
  if (rules.encryptedRegex !== undefined) encrypted = keys.some((k) => rules.encryptedRegex!.test(k));
  return encrypted;
}

/**
 * The additional data of the MAC: `lastmodified` as Go's RFC 3339 layout prints it (no fractional
 * seconds; UTC as `Z`).
 */
export function macAdditionalData(lastModified: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.exec(lastModified.trim());
  if (!m) return lastModified;
  const zone = m[2]!.toUpperCase() === 'Z' || m[2] === '+00:00' || m[2] === '-00:00' ? 'Z' : m[2]!;
  return `${m[1]}${zone}`;
}
