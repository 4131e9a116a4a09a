/** What is behind a pushed digest: its platforms and their stored sizes. */
import type { ImageName, Manifest, RegistryClient } from './registry.ts';

export interface PlatformImage {
  /** `os/architecture[/variant]`, e.g. `linux/arm64/v8`; `unknown` for an index entry without a platform. */
  platform: string;
  digest: string;
  /** Config plus layers, as stored (compressed) in the registry. */
  size: number;
}

const sizeOf = (m: Manifest) => (m.config?.size ?? 0) + (m.layers ?? []).reduce((n, l) => n + l.size, 0);

/** The platforms behind a digest (one for an image, each entry for an index) with their stored sizes. */
export async function describeImage(client: RegistryClient, image: ImageName, digest: string): Promise<PlatformImage[]> {
  const top = await client.manifest(image, digest);
  if (!top.manifest.manifests) {
    const config = top.manifest.config ? await client.blobJson<{ os?: string; architecture?: string; variant?: string }>(image, top.manifest.config.digest) : {};
    const platform = [config.os, config.architecture, config.variant].filter(Boolean).join('/');
    return [{ platform, digest: top.digest, size: sizeOf(top.manifest) }];
  }
  const out: PlatformImage[] = [];
  for (const entry of top.manifest.manifests) {
    const child = await client.manifest(image, entry.digest);
    const p = entry.platform;
    out.push({ platform: p ? [p.os, p.architecture, p.variant].filter(Boolean).join('/') : 'unknown', digest: entry.digest, size: sizeOf(child.manifest) });
  }
  return out;
}
