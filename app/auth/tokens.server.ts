/**
 * Random tokens handed to a browser or sent by e-mail (session cookies, login state, invitation
 * and reset links). Only their SHA-256 is stored, so a copy of the database opens nothing.
 */
import { createHash, randomBytes } from "node:crypto";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** 32 random bytes, URL-safe, and the hash to store. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}
