/**
 * Roles from the provider's groups (OIDC_ROLE_CLAIM, OIDC_ROLE_MAP). Pure: the environment module
 * parses the map at start, the sign-in applies it.
 */
import { ALL_ROLES, type Role } from "./roles";

export interface RoleMapping {
  group: string;
  role: Role;
}

/** `trainer:Sagslab-Undervisere,author:Sagslab-Forfattere` → pairs, in order; a role may be listed more than once. */
export function parseRoleMap(value: string): RoleMapping[] {
  return value
    .split(",")
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const colon = pair.indexOf(":");
      const role = pair.slice(0, colon).trim();
      const group = pair.slice(colon + 1).trim();
      if (colon < 1 || !group || !(ALL_ROLES as string[]).includes(role)) {
        throw new Error(
          `OIDC_ROLE_MAP: „${pair}“ skal have formen rolle:gruppe, hvor rollen er en af ${ALL_ROLES.join(", ")}.`,
        );
      }
      return { group, role: role as Role };
    });
}

/**
 * The role the groups give (the first mapping that matches; no match gives learner), or null to
 * leave the role alone: when the provider sent no groups at all, and for a role the map cannot
 * give (an administrator appointed in Sagslab, when the map names no administrator group), so a
 * map without an admin group never demotes the administrators.
 */
export function roleFromGroups(roleMap: RoleMapping[], currentRole: Role, groups: string[] | null): Role | null {
  if (groups === null) return null;
  const mappable = new Set<Role>(["learner", ...roleMap.map((entry) => entry.role)]);
  if (!mappable.has(currentRole)) return null;
  return roleMap.find((entry) => groups.includes(entry.group))?.role ?? "learner";
}
