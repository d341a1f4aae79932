/**
 * A content check that throws inside the live stream's timer is logged; it must never become an
 * unhandled rejection, which ends the development server under Node 20.
 */
import { afterEach, expect, test, vi } from "vitest";

const contentVersion = vi.fn<() => Promise<string>>();
vi.mock("~/content/content.server", () => ({ contentVersion: () => contentVersion(), getCourse: vi.fn() }));

afterEach(() => {
  vi.restoreAllMocks();
});

test("a failing check in the refresh timer is logged, not left unhandled", async () => {
  const { liveContentResponse } = await import("./live.server");
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on("unhandledRejection", onUnhandled);
  const logged = vi.spyOn(console, "error").mockImplementation(() => {});
  const abort = new AbortController();
  try {
    contentVersion
      .mockResolvedValueOnce("v1")
      .mockRejectedValue(Object.assign(new Error("ENOENT: gone"), { code: "ENOENT" }));
    const response = liveContentResponse(abort.signal, { intervalMs: 10 });
    const reader = response.body!.getReader();
    await reader.read(); // the first version
    await vi.waitFor(() => expect(contentVersion.mock.calls.length).toBeGreaterThanOrEqual(3));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(unhandled).toEqual([]);
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ message: "ENOENT: gone" }));
  } finally {
    abort.abort();
    process.off("unhandledRejection", onUnhandled);
  }
});
