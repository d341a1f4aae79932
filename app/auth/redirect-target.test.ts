import { expect, test } from "vitest";
import { sameOriginPath } from "./redirect-target";

test("a local path, with its query and fragment, is kept", () => {
  expect(sameOriginPath("/moduler/bpa")).toBe("/moduler/bpa");
  expect(sameOriginPath("/underviser/hold/1?sorter=navn&retning=op#quiz")).toBe(
    "/underviser/hold/1?sorter=navn&retning=op#quiz",
  );
  expect(sameOriginPath("/moduler/k%C3%B8rsel")).toBe("/moduler/k%C3%B8rsel");
});

test("anything that a browser could follow to another host is refused", () => {
  const refused = [
    "//evil.example/",
    "/\\evil.example/",
    "\\\\evil.example",
    "/\t/evil.example/",
    "/%09/evil.example/",
    "/\r\n/evil.example",
    "/%0d%0aSet-Cookie:x=1",
    "/%2F/evil.example",
    "/%252F%252Fevil.example",
    "/%5Cevil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    " /moduler",
    "moduler",
    "/%",
    "/%E0%A4%A",
    "",
    "/" + "a".repeat(3000),
  ];
  for (const target of refused) expect(sameOriginPath(target), JSON.stringify(target)).toBeNull();
  expect(sameOriginPath(null)).toBeNull();
  expect(sameOriginPath(["/", "/"])).toBeNull();
});
