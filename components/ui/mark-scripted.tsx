"use client";
// Once any dashboard page has hydrated, this browser runs JavaScript: later pages may stream (ScriptedSuspense).
import { useEffect } from "react";
import { markScripted } from "../table/scripted-cookie";

export function MarkScripted() {
  useEffect(markScripted, []);
  return null;
}
