/** The roles and what each may do. Client-safe: the layout uses it to show the right menu. */
import type { Role } from "~/db/schema";

export type { Role };

export const ROLES: Record<Role, string> = {
  learner: "Sagsbehandler",
  trainer: "Underviser",
  author: "Forfatter",
  admin: "Administrator",
};

export const ALL_ROLES = Object.keys(ROLES) as Role[];

/** Who may open each area. Everyone signed in may take the course. */
export const AREA_ROLES = {
  course: ALL_ROLES,
  trainer: ["trainer", "admin"],
  author: ["author", "admin"],
  admin: ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Area = keyof typeof AREA_ROLES;

export function mayEnter(role: Role, area: Area): boolean {
  return (AREA_ROLES[area] as readonly Role[]).includes(role);
}

export function isRole(value: string): value is Role {
  return Object.prototype.hasOwnProperty.call(ROLES, value);
}
