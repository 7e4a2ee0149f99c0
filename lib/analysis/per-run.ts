// A read several steps of one analysis run need: made on first use, then shared through the run's context.
import type { StepContext } from "./types";

export function perRun<T>(load: (ctx: StepContext) => Promise<T>): (ctx: StepContext) => Promise<T> {
  const cache = new WeakMap<StepContext, Promise<T>>();
  return (ctx) => {
    let value = cache.get(ctx);
    if (!value) cache.set(ctx, (value = load(ctx)));
    return value;
  };
}
