/** Stops testcontainers started by the global setup (nothing to do with env-provided services). */
export default async function globalTeardown(): Promise<void> {
  const services = (globalThis as { __carebookServices?: { stop(): Promise<void> } }).__carebookServices;
  await services?.stop();
}
