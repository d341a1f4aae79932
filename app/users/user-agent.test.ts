import { expect, test } from "vitest";
import { describeUserAgent } from "./user-agent";

test("a session's browser is named in Danish from its user agent", () => {
  expect(
    describeUserAgent(
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0",
    ),
  ).toBe("Edge på Windows");
  expect(
    describeUserAgent(
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Safari/604.1",
    ),
  ).toBe("Safari på iOS");
  expect(describeUserAgent("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0")).toBe(
    "Firefox på Linux",
  );
  expect(describeUserAgent("curl/8.5")).toBe("Anden browser");
  expect(describeUserAgent(null)).toBe("Ukendt browser");
});
