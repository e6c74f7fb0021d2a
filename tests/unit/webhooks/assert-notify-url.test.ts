import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { assertNotifyUrl, type ResolveHost } from "@/lib/webhooks/assert-notify-url";

const resolvesTo = (...addresses: string[]): ResolveHost => async () => addresses;
const neverResolves: ResolveHost = async (hostname) => {
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
};

async function refusal(url: string, options: Parameters<typeof assertNotifyUrl>[1] = {}) {
  const error = await assertNotifyUrl(url, { allowPrivateNetworks: false, resolve: resolvesTo("93.184.216.34"), ...options }).then(() => null, (caught: unknown) => caught);
  return error instanceof AppError ? { code: error.code, field: error.field } : error;
}

const refused = { code: "invalid_params", field: "notifyUrl" };

describe("assertNotifyUrl", () => {
  it.each([
    "https://127.0.0.1/hook",
    "https://127.1.2.3/",
    "https://10.0.0.5/",
    "https://172.16.0.1/",
    "https://172.31.255.255/",
    "https://192.168.1.10:8443/hook",
    "https://169.254.169.254/latest/meta-data/",
    "https://100.64.0.1/",
    "https://0.0.0.0/",
    "https://224.0.0.251/",
    "https://2130706433/", // 127.0.0.1 as one number
    "https://0x7f.1/", // and in hex
    "https://[::1]/",
    "https://[::]/",
    "https://[fe80::1]/",
    "https://[fd00::1]/",
    "https://[fc00::1]/",
    "https://[ff02::1]/",
    "https://[::ffff:127.0.0.1]/",
    "https://[::ffff:10.0.0.1]/",
    "https://[::ffff:7f00:1]/",
  ])("refuses the literal address in %s", async (url) => {
    expect(await refusal(url)).toEqual(refused);
  });

  it("refuses a host name that resolves to a private address, by any of its addresses", async () => {
    expect(await refusal("https://hooks.example/", { resolve: resolvesTo("127.0.0.1") })).toEqual(refused);
    expect(await refusal("https://hooks.example/", { resolve: resolvesTo("93.184.216.34", "10.1.1.1") })).toEqual(refused);
    expect(await refusal("https://hooks.example/", { resolve: resolvesTo("2606:4700::1", "fd12::1") })).toEqual(refused);
    expect(await refusal("https://hooks.example/", { resolve: neverResolves })).toEqual(refused);
  });

  it("refuses localhost through the system resolver", async () => {
    expect(await refusal("https://localhost/hook", { resolve: undefined })).toEqual(refused);
  });

  it("refuses plain http and other schemes, and what is not a URL", async () => {
    for (const url of ["http://93.184.216.34/hook", "ftp://93.184.216.34/", "file:///etc/passwd", "not a url", "https://"]) {
      expect(await refusal(url), url).toEqual(refused);
    }
  });

  it("accepts https to public addresses and names", async () => {
    expect(await refusal("https://93.184.216.34/hook")).toBeNull();
    expect(await refusal("https://[2606:4700::1111]:8443/hook")).toBeNull();
    expect(await refusal("https://hooks.example/x?y=1", { resolve: resolvesTo("93.184.216.34", "2606:4700::1") })).toBeNull();
  });

  it("with private networks allowed, accepts http and loopback but still only http(s)", async () => {
    expect(await refusal("http://127.0.0.1:8080/hook", { allowPrivateNetworks: true })).toBeNull();
    expect(await refusal("https://localhost/hook", { allowPrivateNetworks: true, resolve: undefined })).toBeNull();
    expect(await refusal("ftp://127.0.0.1/", { allowPrivateNetworks: true })).toEqual(refused);
  });
});
