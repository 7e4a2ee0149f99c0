// Every step of an analysis run, in order.
import type { AnalysisStep } from "../types";
import { antiPatternsStep } from "./anti-patterns";
import { errorRecoveryStep } from "./error-recovery";
import { evolutionStep } from "./evolution";
import { executionPatternsStep } from "./execution-patterns";
import { filePatternsStep } from "./file-patterns";
import { outagesStep } from "./outages";

export const ANALYSIS_STEPS: AnalysisStep[] = [outagesStep, errorRecoveryStep, antiPatternsStep, evolutionStep, executionPatternsStep, filePatternsStep];
