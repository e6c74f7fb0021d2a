import { execFile, execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * Hosts for tests that cross a network: each host is a Linux network namespace joined to a bridge
 * in this (the test runner's) namespace by a veth pair, with its own address. Processes started on a
 * host see only its network; the test runner reaches every host through the bridge.
 */
export type NetworkHost = {
  name: string;
  address: string;
  /** Starts `command` inside the host's namespace with `env` (of this process's environment only PATH and HOME; NODE_ENV production unless `env` sets it). */
  spawn: (command: string, args: string[], env: Record<string, string>) => ChildProcess;
  /** Kills every process in the host at once (SIGKILL), as a host that loses power. */
  kill: () => Promise<void>;
};

export type HostNetwork = {
  /** This namespace's address on the bridge: where the hosts reach services the test runner forwards. */
  gateway: string;
  addHost: (name: string) => Promise<NetworkHost>;
  /** Kills what runs on the hosts and removes them and the bridge. */
  close: () => Promise<void>;
};

/** Why hosts cannot be made on this machine (not root, no `ip netns`), or null when they can. */
export function hostNetworkUnavailable(): string | null {
  if (process.platform !== "linux") return "network namespaces need Linux";
  if (process.getuid?.() !== 0) return "network namespaces need root";
  const probe = `ccprobe${randomBytes(3).toString("hex")}`;
  try {
    execFileSync("ip", ["netns", "add", probe], { stdio: "pipe" });
    execFileSync("ip", ["netns", "del", probe], { stdio: "pipe" });
    return null;
  } catch (error) {
    return `\`ip netns add\` failed: ${(error as Error).message.split("\n")[0]}`;
  }
}

async function ip(...args: string[]): Promise<void> {
  await run("ip", args);
}

async function pidsOf(namespace: string): Promise<number[]> {
  const { stdout } = await run("ip", ["netns", "pids", namespace]).catch(() => ({ stdout: "" }));
  return stdout.split(/\s+/).filter(Boolean).map(Number);
}

async function killAll(namespace: string): Promise<void> {
  for (let round = 0; round < 20; round += 1) {
    const pids = await pidsOf(namespace);
    if (pids.length === 0) return;
    for (const pid of pids) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A bridge on a random 10.x.y.0/24 subnet; names carry a random tag so parallel runs never collide. */
export async function createHostNetwork(): Promise<HostNetwork> {
  const tag = randomBytes(2).toString("hex");
  const subnet = `10.${200 + (randomBytes(1)[0]! % 50)}.${randomBytes(1)[0]!}`;
  const bridge = `ccbr${tag}`;
  const gateway = `${subnet}.1`;
  const namespaces: string[] = [];
  await ip("link", "add", bridge, "type", "bridge");
  await ip("addr", "add", `${gateway}/24`, "dev", bridge);
  await ip("link", "set", bridge, "up");

  const addHost = async (name: string): Promise<NetworkHost> => {
    const index = namespaces.length;
    const namespace = `cc-${tag}-${name}`;
    const outside = `cc${tag}h${index}`;
    const inside = `cc${tag}p${index}`;
    const address = `${subnet}.${10 + index}`;
    await ip("netns", "add", namespace);
    namespaces.push(namespace);
    await ip("link", "add", outside, "type", "veth", "peer", "name", inside);
    await ip("link", "set", outside, "master", bridge);
    await ip("link", "set", outside, "up");
    await ip("link", "set", inside, "netns", namespace);
    const inHost = (...args: string[]) => ip("netns", "exec", namespace, "ip", ...args);
    await inHost("link", "set", "lo", "up");
    await inHost("link", "set", inside, "name", "eth0");
    await inHost("addr", "add", `${address}/24`, "dev", "eth0");
    await inHost("link", "set", "eth0", "up");
    await inHost("route", "add", "default", "via", gateway);
    return {
      name,
      address,
      spawn: (command, args, env) =>
        spawn("ip", ["netns", "exec", namespace, command, ...args], {
          env: { NODE_ENV: "production", PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? "/root", ...env },
          stdio: ["ignore", "pipe", "pipe"],
        }),
      kill: () => killAll(namespace),
    };
  };

  const close = async () => {
    for (const namespace of namespaces) {
      await killAll(namespace);
      await ip("netns", "del", namespace).catch(() => {});
    }
    await ip("link", "del", bridge).catch(() => {});
  };
  return { gateway, addHost, close };
}
