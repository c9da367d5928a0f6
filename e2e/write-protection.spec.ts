// A shared server that a hostile page or client cannot write through or break: security
// headers and a CSP the pages run under without a violation, cross-site posts refused,
// chunked bodies cut off at the cap while they stream (API and form), and bad parameters
// answered 4xx, never 500. Against the built app (scripts/serve.ts), on loopback.
import { request as httpRequest } from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { FIXTURE, seedId } from "./helpers";

const base = () => new URL(test.info().project.use.baseURL!);

/** Sends `head` then up to `total` bytes, one MiB at a time, until the server answers; chunked
 *  (no Content-Length) unless `headers` declare a length. Resolves with the status, the answer
 *  and how many bytes had gone out by then. */
function streamPost(path: string, headers: Record<string, string>, head: Buffer, total: number): Promise<{ status: number; body: string; sent: number }> {
  return post(path, headers, head, total, false);
}

/** Sends the headers and `head`, then waits: for a server that answers before it reads a body. */
function postHeadOnly(path: string, headers: Record<string, string>, head: Buffer): Promise<{ status: number; body: string; sent: number }> {
  return post(path, headers, head, 0, true);
}

function post(path: string, headers: Record<string, string>, head: Buffer, total: number, hold: boolean): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    const u = base();
    let sent = 0;
    let answered = false;
    const req = httpRequest({ host: u.hostname, port: u.port, path, method: "POST", headers: "content-length" in headers ? headers : { ...headers, "transfer-encoding": "chunked" } }, (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, sent }));
    });
    req.on("error", (e) => (answered ? undefined : reject(e)));
    const chunk = Buffer.alloc(1 << 20, "a");
    const pump = () => {
      if (sent === 0) {
        req.write(head);
        sent += head.length;
      }
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered && !hold) req.end();
    };
    pump();
  });
}

test("every response carries the security headers: HTML, API, feed, raw log, static files", async ({ request }) => {
  const id = await seedId(request);
  const home = await request.get("/");
  const js = /\/_next\/static\/[^"]+\.js/.exec(await home.text())?.[0];
  expect(js, "a script under /_next/static").toBeTruthy();
  for (const path of ["/", `/b/${id}`, "/api/bisections", "/feed.atom", `/b/${id}/log.txt`, js!, "/no-such-page"]) {
    const h = (await request.get(path)).headers();
    expect(h["content-security-policy"], path).toMatch(/frame-ancestors 'none'/);
    expect(h["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'(;|$)/);
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
  }
});

async function watchCsp(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) seen.push(m.text());
  });
  await page.exposeFunction("reportCspViolation", (s: string) => seen.push(s));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { reportCspViolation(s: string): void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return seen;
}

test("the pages run their JavaScript under the CSP without a single violation", async ({ page, request }) => {
  const id = await seedId(request);
  const seen = await watchCsp(page);
  await page.goto("/");
  // the key handler is attached at hydration: press until it is
  await expect(async () => {
    await page.keyboard.press("/");
    await expect(page.getByRole("searchbox").first()).toBeFocused({ timeout: 500 });
  }).toPass();
  await page.goto(`/b/${id}`);
  await page.getByTestId("theme-toggle").click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", /dark|light/);
  await page.goto(`/b/${id}`);
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.goto(`/b/${id}/log#L3`);
  await page.locator('[id="L5"]').first().click();
  await page.goto("/upload");
  await page.getByLabel("Log text").fill("not a log\n");
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.locator("#upload-error")).toContainText("Not stored");
  expect(seen).toEqual([]);
});

test("a web page on another site cannot post a log to this server (text/plain form, no preflight)", async ({ page, request }) => {
  const target = `${base().origin}/api/bisections`;
  await page.route("http://attacker.test/", (r) =>
    r.fulfill({
      contentType: "text/html",
      body: `<form method="post" action="${target}" enctype="text/plain"><textarea name="bisecting cause commit starting from 0">x</textarea><button>go</button></form>`,
    }),
  );
  await page.goto("http://attacker.test/");
  const [res] = await Promise.all([page.waitForResponse(target), page.getByRole("button", { name: "go" }).click()]);
  expect(res.status()).toBe(403);
  expect((await res.json()).error).toMatch(/cross-site write refused/);
  // the server's own pages and clients without a browser still write
  expect([200, 201]).toContain((await request.post("/api/bisections", { headers: { "content-type": "text/plain" }, data: FIXTURE })).status());
});

test("a chunked upload without Content-Length is cut off at the cap while it streams: API", async () => {
  const r = await streamPost("/api/bisections", { "content-type": "text/plain" }, Buffer.from(FIXTURE), 300 << 20);
  expect(r.status).toBe(413);
  expect(JSON.parse(r.body).error).toMatch(/a log may be at most 10485760 bytes/);
  // answered long before the 300 MiB offered were sent (the socket buffers a few MiB)
  expect(r.sent).toBeLessThan(40 << 20);
});

test("the form's post is refused before it is read: chunked (411) or declared over the cap (413), with why", async ({ request }) => {
  // the form as a browser without JavaScript posts it: its hidden action fields, then the log
  const html = await (await request.get("/upload")).text();
  const fields = [...html.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)];
  expect(fields.length, "the form's hidden action fields").toBeGreaterThan(0);
  const boundary = "----bisectview-e2e";
  const parts = fields.map((m) => `--${boundary}\r\nContent-Disposition: form-data; name="${m[1]}"\r\n\r\n${(m[2] ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&")}\r\n`);
  const head = Buffer.from(`${parts.join("")}--${boundary}\r\nContent-Disposition: form-data; name="log"\r\n\r\n`);
  const headers = { "content-type": `multipart/form-data; boundary=${boundary}`, origin: base().origin };
  // Next's own bodySizeLimit would stop a chunked one at 12 MB, but with a bare 500
  // both answered while the client holds the rest of its body back: nothing past the head is read
  const chunked = await postHeadOnly("/upload", headers, head);
  expect(chunked.status).toBe(411);
  expect(chunked.body).toContain("A form post must say its Content-Length");
  const declared = await postHeadOnly("/upload", { ...headers, "content-length": String(300 << 20) }, head);
  expect(declared.status).toBe(413);
  expect(declared.body).toContain(`The upload is ${300 << 20} bytes; a log may be at most 10485760 bytes (10 MiB). Nothing was stored.`);
});

test("bad parameters get a 4xx with the reason, never a 500", async ({ page, request }) => {
  for (const [path, status] of [
    ["/api/bisections?q=%00", 400],
    ["/api/bisections?path=%00", 400],
    [`/api/bisections?q=${"z".repeat(5_000)}`, 400],
    ["/api/bisections?page=abc", 400],
    ["/feed.atom?q=%00", 400],
    ["/feed.atom?path=kernel%00", 400],
    ["/b/%00", 404],
    ["/b/%00/log", 404],
    ["/b/%00/log.txt", 400],
    ["/api/bisections/%00", 400],
    ["/c/%00", 404],
    ["/compare?a=%00&b=%01", 200],
  ] as const) {
    expect((await request.get(path)).status(), path.slice(0, 60)).toBe(status);
  }
  // the JSON and the feed refuse what the lenient page would leave out, with why
  for (const [path, error] of [
    ["/api/bisections?verdcit=clean", /^"verdcit": not a parameter of the list \(it reads q, path, /],
    ["/api/bisections?verdict=clean&verdict=doubtful", /^verdict: given more than once; give it once$/],
    ["/api/bisections?page=0x10", /^page: must be a whole number \(got "0x10"\)$/],
    // Next's own URL leaves __proto__ out; the server reads the query as sent (lib/sent-query.ts)
    ["/api/bisections?__proto__=1", /^"__proto__": not a parameter of the list/],
  ] as const) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(400);
    expect((await res.json()).error).toMatch(error);
  }
  const feed = await request.get("/feed.atom?path=kernel/&pth=x");
  expect(feed.status()).toBe(400);
  expect(await feed.text()).toMatch(/^bad feed filter: "pth": not a parameter of the list/);
  const proto = await request.get("/feed.atom?__proto__=x");
  expect(proto.status()).toBe(400);
  expect(await proto.text()).toMatch(/^bad feed filter: "__proto__": not a parameter of the list/);
  await page.goto("/?__proto__=1&verdict=clean");
  await expect(page.getByTestId("ignored-params")).toContainText("__proto__: not a parameter of the list");
  for (const qs of ["q=%00", "path=%00", `q=${"z".repeat(5_000)}`]) {
    const res = await page.goto(`/?${qs}`);
    expect(res?.status(), qs.slice(0, 20)).toBeLessThan(500);
    await expect(page.getByTestId("bad-params")).toContainText(/must (not contain control characters|be at most 200 characters)/);
  }
});

test("a method a URL does not answer is a 405 with Allow and a sentence", async ({ request }) => {
  const id = await seedId(request);
  const cases: [string, string, string, RegExp][] = [
    ["DELETE", "/api/bisections", "GET, POST, HEAD, OPTIONS", /^application\/json/],
    ["PUT", `/api/bisections/${id}`, "GET, HEAD, OPTIONS", /^application\/json/],
    ["PATCH", `/api/bisections/${id}/marks`, "GET, POST, HEAD, OPTIONS", /^application\/json/],
    ["POST", "/api/health", "GET, HEAD, OPTIONS", /^application\/json/],
    ["POST", `/b/${id}/log.txt`, "GET, HEAD, OPTIONS", /^text\/plain/],
    ["DELETE", "/feed.atom", "GET, HEAD, OPTIONS", /^text\/plain/],
  ];
  for (const [method, url, allow, type] of cases) {
    const res = await request.fetch(url, { method });
    expect(res.status(), `${method} ${url}`).toBe(405);
    expect(res.headers().allow).toBe(allow);
    expect(res.headers()["content-type"]).toMatch(type);
    expect(await res.text()).toContain(`${method} is not answered here: this URL takes GET`);
  }
  // pages: Next would render them for any method; the server answers what they do not take
  for (const [method, url] of [["PUT", `/b/${id}`], ["DELETE", "/"], ["PATCH", "/upload"]]) {
    const res = await request.fetch(url, { method });
    expect(res.status(), `${method} ${url}`).toBe(405);
    expect(res.headers().allow).toBe("GET, HEAD, POST, OPTIONS");
    expect(await res.text()).toBe(`${method} is not answered here: this URL takes GET, and POST from its own forms\n`);
  }
  const options = await request.fetch(`/b/${id}`, { method: "OPTIONS" });
  expect(options.status()).toBe(204);
  expect(options.headers().allow).toBe("GET, HEAD, POST, OPTIONS");
  // a path nothing serves is a 404 whatever the method (it was the pages' 405)
  for (const method of ["PUT", "DELETE"]) {
    const res = await request.fetch("/nonexistent", { method });
    expect(res.status(), method).toBe(404);
    expect(await res.text()).toMatch(new RegExp(`^${method} /nonexistent: no page or API here`));
  }
  // public/robots.txt is served, and keeps crawlers off the raw logs and the API
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  expect(await robots.text()).toContain("Disallow: /b/*/log.txt");
});

test("a URL past Node's header limit is a 431 that says why", async ({ request }) => {
  const res = await request.get(`/?q=${"a".repeat(100_000)}`);
  expect(res.status()).toBe(431);
  expect(await res.text()).toMatch(/^the request's URL and headers are over 16384 bytes; a search or filter that long is not read/);
});
