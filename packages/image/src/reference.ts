/** Image references, from @conveyor/oci (the builders read a tag's registry with it). */
export { DOCKER_HUB, isInsecureRegistry, parseReference, type ImageReference } from '@conveyor/oci';
