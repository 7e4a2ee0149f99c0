// Option values the CLI refuses before doing anything: a value outside a fixed set (commander's choices)
// or a number that is not one (an argParser throwing InvalidArgumentError). Both are bad usage: exit 2,
// with commander's line naming the option and what it accepts.
import { InvalidArgumentError, Option } from "commander";

export const PATTERN_STATUSES = ["active", "quarantined", "draft", "archived"] as const;
export const CANDIDATE_STATUSES = ["pending", "approved", "auto_approved", "rejected"] as const;

/** `--flag <value>` limited to these values. */
export function choiceOption(flags: string, description: string, values: readonly string[]): Option {
  return new Option(flags, description).choices(values);
}

/** A parser for whole numbers from min to max (say, seconds), for `.option(flags, text, parser, default)`. */
export function wholeNumber(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`give a whole number from ${min} to ${max}.`);
    }
    return n;
  };
}
