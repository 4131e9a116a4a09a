/** The job summary: what was built and where, short table first, detail folded. */
import { codeBlock, details, table } from '@conveyor/kit';
import type { PlatformImage } from '@conveyor/oci';

export interface SummaryFacts {
  image: string;
  digest: string;
  tags: readonly string[];
  platforms: readonly PlatformImage[];
  seconds: number;
  builder: string;
  labels: readonly string[];
  commands: string;
  dryRun: boolean;
}

export function formatSize(bytes: number): string {
  if (bytes < 0) return 'n/a';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

export function renderSummary(f: SummaryFacts): string {
  const title = f.dryRun ? '### Image build (dry run: nothing was built)\n\n' : '### Image built\n\n';
  const total = f.platforms.every((p) => p.size >= 0) && f.platforms.length > 0 ? f.platforms.reduce((n, p) => n + p.size, 0) : -1;
  const head = table(['', ''], [
    ['Image', f.image || (f.dryRun ? '(not built)' : '(not pushed)')],
    ['Digest', f.digest || 'n/a'],
    ['Tags', f.tags.join('\n') || '(none)'],
    ['Platforms', f.platforms.map((p) => p.platform).join(', ') || 'builder default'],
    ['Size', total >= 0 ? formatSize(total) : 'n/a'],
    ['Build time', f.dryRun ? 'n/a' : `${f.seconds.toFixed(1)} s`],
    ['Builder', f.builder],
  ]);
  const perPlatform = f.platforms.some((p) => p.digest)
    ? table(['Platform', 'Digest', 'Size'], f.platforms.map((p) => [p.platform, p.digest, formatSize(p.size)]))
    : '';
  return [
    title + head,
    perPlatform ? details('Platforms', perPlatform) : '',
    details('Labels', codeBlock(f.labels.join('\n'))),
    details(f.dryRun ? 'Commands that would run' : 'Commands', codeBlock(f.commands, 'sh')),
  ].filter(Boolean).join('\n');
}
