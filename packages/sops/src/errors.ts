/** Errors a user can act on, each naming the file and what to do. */
import { ConveyorError } from '@conveyor/kit';

/** The file is not something we can read as SOPS (no metadata, unknown format, broken syntax). */
export class SopsFormatError extends ConveyorError {}

/** The MAC is missing or does not match: the file was changed after it was encrypted. */
export class SopsMacError extends ConveyorError {}

/** A value or the data key failed authenticated decryption. */
export class SopsDecryptError extends ConveyorError {}

/** No offered key could recover the data key. */
export class SopsNoKeyError extends ConveyorError {}
