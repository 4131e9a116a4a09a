/**
 * Image references and digests, from @conveyor/oci. `parseReference` here is oci's `splitReference`: the
 * manifest updaters read references out of the files they edit, where a placeholder must not stop the edit.
 */
export { DIGEST_PATTERN, formatReference, isDigest, shortDigest, splitReference as parseReference, withPrefix, type ImageReference } from '@conveyor/oci';
