import { describe, expect, it } from "vitest";
import { addressBucket } from "@/lib/abuse/address-bucket";

describe("addressBucket", () => {
  it("counts an IPv4 address on its own", () => {
    expect(addressBucket("203.0.113.5")).toBe("203.0.113.5");
    expect(addressBucket("::ffff:203.0.113.5")).toBe("203.0.113.5");
  });

  it("counts every IPv6 address of one /64 together", () => {
    expect(addressBucket("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:DB8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:db8::5")).toBe("2001:db8:0:0::/64");
    expect(addressBucket("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });

  it("leaves what is not an address as it is", () => {
    expect(addressBucket("unknown")).toBe("unknown");
  });
});
