/** What every sanitizer returns: a valid value, and a message for the user whenever the input was changed. */
export interface Sanitized<V> {
  readonly value: V;
  /** Set when the input was not used as given (clamped, rounded, or dropped for the default). */
  readonly notice?: string;
}
