import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, createWriteStream, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The production nginx file (deploy/nginx/expedite.conf), which the cluster test and the bench run. */
export const NGINX_SITE = path.resolve("deploy/nginx/expedite.conf");

/**
 * deploy/nginx/expedite.conf with only its addresses changed (each must be found exactly once, so the
 * file cannot drift away from what the tests run), inside a minimal main configuration whose pid,
 * logs and temp folders all live under `prefix`.
 */
export function nginxConfigFor(
  site: string,
  ports: { listen: number; upstreams: [number, number] },
  prefix: string,
) {
  const swaps: [string, string][] = [
    ["server app-1:3000 ", `server 127.0.0.1:${ports.upstreams[0]} `],
    ["server app-2:3000 ", `server 127.0.0.1:${ports.upstreams[1]} `],
    ["listen 80;", `listen 127.0.0.1:${ports.listen};`],
    ["/var/log/nginx/expedite.access.log", path.join(prefix, "logs/access.log")],
  ];
  let swapped = site;
  for (const [from, to] of swaps) {
    if (swapped.split(from).length !== 2)
      throw new Error(`deploy/nginx/expedite.conf: expected "${from}" exactly once (the tests swap it)`);
    swapped = swapped.replace(from, to);
  }
  const main = `worker_processes 1;
daemon off;
pid ${prefix}/logs/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 1024; }
http {
  client_body_temp_path ${prefix}/tmp/body;
  proxy_temp_path ${prefix}/tmp/proxy;
  fastcgi_temp_path ${prefix}/tmp/fastcgi;
  uwsgi_temp_path ${prefix}/tmp/uwsgi;
  scgi_temp_path ${prefix}/tmp/scgi;
  include ${prefix}/expedite.conf;
}
`;
  return { main, site: swapped };
}

/**
 * Debian's nginx as a child process (daemon off) running the production file in front of two
 * instances. `prefix` must be a folder nginx's workers (nobody) can traverse.
 */
export function startNginx(options: {
  binary: string;
  prefix: string;
  listen: number;
  upstreams: [number, number];
}): { child: ChildProcess; accessLog: string; errorLog: string } {
  const { prefix } = options;
  chmodSync(prefix, 0o755);
  for (const sub of ["logs", "tmp"]) mkdirSync(path.join(prefix, sub), { recursive: true, mode: 0o755 });
  const config = nginxConfigFor(readFileSync(NGINX_SITE, "utf8"), options, prefix);
  writeFileSync(path.join(prefix, "nginx.conf"), config.main);
  writeFileSync(path.join(prefix, "expedite.conf"), config.site);
  const errorLog = path.join(prefix, "logs/error.log");
  const child = spawn(options.binary, ["-p", prefix, "-c", path.join(prefix, "nginx.conf"), "-e", errorLog], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = createWriteStream(path.join(prefix, "logs/nginx.out.log"));
  child.stdout.pipe(output);
  child.stderr.pipe(output);
  return { child, accessLog: path.join(prefix, "logs/access.log"), errorLog };
}
