/**
 * A minimal HTTP client for tests that look at responses rather than at a rendered page: it keeps
 * the session cookie, never follows redirects, and gives the raw bytes of each body.
 */
export interface RawResponse {
  status: number;
  headers: Headers;
  bytes: Buffer;
  text: string;
}

export class HttpClient {
  #cookie = "";
  constructor(readonly baseUrl: string) {}

  async request(path: string, init: RequestInit = {}): Promise<RawResponse> {
    const headers = new Headers(init.headers);
    if (this.#cookie && !headers.has("Cookie")) headers.set("Cookie", this.#cookie);
    // fetch would otherwise decode a compressed body: these tests look at what was sent.
    if (!headers.has("Accept-Encoding")) headers.set("Accept-Encoding", "identity");
    const response = await fetch(new URL(path, this.baseUrl), { ...init, headers, redirect: "manual" });
    const setCookie = response.headers.get("Set-Cookie");
    if (setCookie) this.#cookie = setCookie.split(";")[0]!;
    const bytes = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, bytes, text: bytes.toString("utf8") };
  }

  get(path: string, init: RequestInit = {}) {
    return this.request(path, init);
  }

  /** A form POST, as a browser without JavaScript sends it. */
  post(path: string, fields: Record<string, string | string[]>, init: RequestInit = {}) {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
    }
    return this.request(path, { ...init, method: "POST", body });
  }

  async logIn(email: string, password: string) {
    const response = await this.post("/login", { email, password });
    if (response.status !== 302) throw new Error(`Login as ${email} answered ${response.status}`);
    return response;
  }
}
