/**
 * Code scanning's SARIF upload. Like GitHub: the body's `sarif` is gzip-compressed, base64-encoded SARIF
 * (anything else is 400 `Invalid SARIF`); a repository without code scanning (a private one without
 * GitHub Advanced Security) answers 403 with GitHub's sentence. Accepted uploads are kept, decoded.
 */
import { gunzipSync } from 'node:zlib';
import { ApiError, str, type Handler } from '../handler.ts';

const upload: Handler = (c) => {
  if (c.repository.codeScanning === false) {
    throw new ApiError(403, 'Advanced Security must be enabled for this repository to use code scanning.');
  }
  let sarif: unknown;
  try {
    sarif = JSON.parse(gunzipSync(Buffer.from(String(c.body.sarif), 'base64')).toString('utf8'));
  } catch {
    throw new ApiError(400, 'Invalid SARIF: the sarif field must be gzip-compressed, base64-encoded SARIF JSON.');
  }
  if (typeof sarif !== 'object' || sarif === null || !Array.isArray((sarif as { runs?: unknown }).runs)) {
    throw new ApiError(400, 'Invalid SARIF: no runs array.');
  }
  const id = `upload-${c.state.nextId('sarif')}`;
  c.state.sarifUploads.push({
    owner: c.repository.owner,
    repo: c.repository.repo,
    id,
    commitSha: String(c.body.commit_sha),
    ref: String(c.body.ref),
    category: str((sarif as { runs: { automationDetails?: { id?: unknown } }[] }).runs[0]?.automationDetails?.id) ?? null,
    sarif,
  });
  return { status: 202, body: { id, url: `${c.urls.api}/repos/${c.repository.owner}/${c.repository.repo}/code-scanning/sarifs/${id}` } };
};

export const codeScanningEndpoints: Record<string, Handler> = {
  'code-scanning/upload-sarif': upload,
};
