/** Error responses thrown from loaders and actions, with a Danish message (plain text). */

/** Throws a 400 response with a Danish message (for inputs that are not a visible form). */
export function badRequest(message: string): never {
  throw new Response(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export function notFound(message = "Siden findes ikke."): never {
  throw new Response(message, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export function forbidden(message = "Du har ikke adgang til denne side."): never {
  throw new Response(message, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
