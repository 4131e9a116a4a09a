/** The registry client promote asks whether a manifest exists and what its digest is: @conveyor/oci's. */
export { MANIFEST_TYPES, RegistryClient, RegistryError, parseChallenge, type RegistryOptions } from '@conveyor/oci';
