/** A Graph error body, as Graph shapes one: what the fake Graph and its parts answer with. */
export function graphError(code: string, message: string): unknown {
  return { error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': 'fake-graph' } } };
}
