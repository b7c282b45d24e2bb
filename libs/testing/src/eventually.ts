/**
 * Retries `check` (an assertion block) until it passes or `ms` run out, then rethrows its last
 * failure: for effects that arrive asynchronously (worker deliveries, projections, health).
 */
export async function eventually<T>(
  check: () => Promise<T>,
  ms = 10_000,
  everyMs = 50,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  }
}
