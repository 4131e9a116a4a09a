/** Types of the generated validator (environments.validate.js). */
import type { ErrorObject } from 'ajv';

export interface EnvironmentsValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export declare const validate: EnvironmentsValidator;
export default validate;
