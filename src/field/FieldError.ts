/** Why a field data source gave nothing; never fails the gate, the report says it instead. */
export class FieldError extends Error {
  override name = 'FieldError';
}
