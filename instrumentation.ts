/** Runs once when the server starts: refuse to start on an incomplete configuration. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("./lib/env");
    env();
  }
}
