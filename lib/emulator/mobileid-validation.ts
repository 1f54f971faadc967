// Field rules MobileID requests share (device names are length- and character-checked, as Signicat does since 2023).
import { z } from "zod";

export const deviceName = z
  .string("must be a string")
  .trim()
  .min(1, "cannot be empty")
  .max(64, "must be at most 64 characters")
  .regex(/^[^\p{Cc}<>]+$/u, "must not contain control characters or < >");

export const attributeKey = z
  .string()
  .min(1, "cannot be empty")
  .max(64, "must be at most 64 characters")
  .regex(/^[A-Za-z0-9_.-]+$/, "may hold letters, digits, _ . - only");

/** Attribute values are strings; in a PATCH, null removes the key. */
export const attributeValue = z.string("must be a string").max(1024, "must be at most 1024 characters");
