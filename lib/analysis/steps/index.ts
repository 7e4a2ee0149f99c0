// Every step of an analysis run, in order. The pattern-side detectors (AUTO-001/002) join this list.
import type { AnalysisStep } from "../types";
import { antiPatternsStep } from "./anti-patterns";
import { errorRecoveryStep } from "./error-recovery";
import { evolutionStep } from "./evolution";

export const ANALYSIS_STEPS: AnalysisStep[] = [errorRecoveryStep, antiPatternsStep, evolutionStep];
