// "Run now": which job. One of the defined jobs, nothing else.
import { z } from "zod";
import { JOB_IDS } from "../jobs/types";

export const runJobNowSchema = z.object({ jobId: z.enum(JOB_IDS) });
