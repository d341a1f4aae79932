// @ts-check
/**
 * Reads the body of every state-changing request before Remix sees it, so that no action ever
 * meets a body it cannot parse: only form posts (application/x-www-form-urlencoded, which is what
 * every form of the app sends) up to MAX_BODY_BYTES, decoded as UTF-8, with control characters
 * removed from every field. Anything else is answered here with a Danish message and changes
 * nothing (docs/decisions/0012). The one exception is a file upload on UPLOAD_PATHS
 * (multipart/form-data, same limit), which Remix parses and the route checks.
 */

export const MAX_BODY_BYTES = 1024 * 1024;

export const BODY_MESSAGES = {
  413: "Formularen er for stor til at blive modtaget (højst 1 MB).",
  415: "Sagslab modtager kun formularer sendt fra sine egne sider. Genindlæs siden, og prøv igen.",
  400: "Formularen kunne ikke læses. Genindlæs siden, og prøv igen.",
};

export class BodyError extends Error {
  /** @param {400 | 413 | 415} status */
  constructor(status) {
    super(BODY_MESSAGES[status]);
    this.status = status;
  }
}

// C0 and C1 control characters and DEL, except tab, line feed and carriage return (which a
// textarea sends). PostgreSQL refuses NUL in text; the others have no place in a form field.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** @param {string} value */
export const withoutControlCharacters = (value) => value.replace(CONTROL_CHARACTERS, "");

/**
 * The form fields of an urlencoded body, each name and value without control characters,
 * encoded again as a body.
 * @param {Buffer} bytes
 * @returns {string}
 */
export function cleanFormBody(bytes) {
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new BodyError(400);
  }
  const cleaned = new URLSearchParams();
  for (const [name, value] of new URLSearchParams(text)) {
    // A percent-encoded byte sequence that is not UTF-8 decodes to U+FFFD: the form was not ours.
    if (name.includes("\uFFFD") || value.includes("\uFFFD")) throw new BodyError(400);
    cleaned.append(withoutControlCharacters(name), withoutControlCharacters(value));
  }
  return cleaned.toString();
}

/**
 * The media type of a Content-Type header, lower case, without parameters.
 * @param {string | undefined} header
 */
function mediaType(header) {
  return (header ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/**
 * Reads and cleans the form body of a request. Throws BodyError for anything that is not a form
 * post of at most `limit` bytes; stops reading as soon as the limit is passed.
 * @param {import("node:http").IncomingMessage} request
 * @param {number} [limit]
 * @returns {Promise<string>}
 */
export async function readFormBody(request, limit = MAX_BODY_BYTES) {
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) throw new BodyError(413);
  const type = mediaType(request.headers["content-type"]);
  if (type !== "application/x-www-form-urlencoded") {
    // A body-less POST (a button in a form without fields still sends the type) is a form we did not send.
    throw new BodyError(415);
  }
  const charset = /charset="?([^";]+)/i.exec(String(request.headers["content-type"]))?.[1]?.toLowerCase();
  if (charset && charset !== "utf-8" && charset !== "utf8") throw new BodyError(415);

  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > limit) throw new BodyError(413);
    chunks.push(chunk);
  }
  return cleanFormBody(Buffer.concat(chunks));
}

/** Paths whose form uploads a file: the spreadsheet import. */
const UPLOAD_PATHS = new Set(["/admin/import"]);

/**
 * A file upload to one of UPLOAD_PATHS, posted by the browser itself or by Remix's client (which
 * adds ".data" to the path).
 * @param {string} path
 * @param {import("node:http").IncomingMessage} request
 */
export const isUpload = (path, request) =>
  UPLOAD_PATHS.has(path.replace(/\.data$/, "")) && mediaType(request.headers["content-type"]) === "multipart/form-data";

/**
 * Reads a file upload's body, whole, up to `limit` bytes. Its fields are parsed by Remix; the
 * route reads the file as data and strips control characters from what it keeps.
 * @param {import("node:http").IncomingMessage} request
 * @param {number} [limit]
 * @returns {Promise<Buffer>}
 */
export async function readUploadBody(request, limit = MAX_BODY_BYTES) {
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) throw new BodyError(413);
  if (!/boundary=/i.test(String(request.headers["content-type"]))) throw new BodyError(400);
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > limit) throw new BodyError(413);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
