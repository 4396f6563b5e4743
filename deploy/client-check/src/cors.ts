// CORS as a browser enforces it: Chromium, driven by playwright-core, opens pages served from other origins on this
// machine and calls the API from inside them with fetch, so every cross-origin request, preflight included, is the
// browser's own (deploy/e2e BrowserCorsIT runs it against the local stack). Allowed origins (the local stack's
// http://localhost on any port) create with Idempotency-Key, update with If-Match and read ETag, Location, Link,
// Idempotent-Replayed and Content-Disposition; a disallowed origin's calls fail in the browser while the API answers
// the same calls from Node. Needs RAPPORT_TOKEN (a member of any workspace), the three services' origins
// (RAPPORT_CONTACTS_URL, RAPPORT_INTERACTIONS_URL, RAPPORT_REMINDERS_URL) and Chromium at /usr/bin/chromium (or
// CHROMIUM): playwright-core downloads no browser.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Page } from "playwright-core";

const token = setting("RAPPORT_TOKEN");
const api = {
  contacts: setting("RAPPORT_CONTACTS_URL"),
  interactions: setting("RAPPORT_INTERACTIONS_URL"),
  reminders: setting("RAPPORT_REMINDERS_URL"),
};
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const auth = { Authorization: `Bearer ${token}` };
// One word no other data of the workspace has, so searches find this run's contacts only.
const marker = "cors" + randomUUID().replaceAll("-", "").slice(0, 10);

function setting(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

let checks = 0;
const failures: string[] = [];

/** Runs one check and prints ok (with what it saw) or FAIL (with why); a failure does not stop the others. */
async function check(name: string, run: () => Promise<string>): Promise<void> {
  const started = Date.now();
  checks++;
  try {
    const saw = await run();
    console.log(`ok   ${name}: ${saw} (${Date.now() - started} ms)`);
  } catch (error) {
    failures.push(name);
    const why = String(error instanceof Error ? error.message : error).split("\n").filter((line) => line.trim() !== "");
    console.log([`FAIL ${name}`, ...why.map((line) => `     ${line}`)].join("\n"));
  }
}

/** A front end's origin: a page served by node:http on loopback, named by the host the browser is sent to. */
async function frontEnd(host: string): Promise<{ origin: string; server: Server }> {
  const server = createServer((request, response) => {
    if (request.url === "/") {
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      response.end(`<!doctype html><meta charset="utf-8"><title>A front end at ${host}</title>`);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { origin: `http://${host}:${(server.address() as AddressInfo).port}`, server };
}

type Call = { method?: string; headers?: Record<string, string>; body?: string };
type Answer = { status: number; headers: Record<string, string | null>; body: string };
type Outcome = Answer | { failed: string };

/**
 * fetch run by the page, so by the browser under its CORS rules: {@code read} names the response headers to read
 * (null when the browser hides them). A request the browser refuses answers {@code failed} with the page's error.
 */
async function fromPage(page: Page, url: string, call: Call, read: readonly string[] = []): Promise<Outcome> {
  return page.evaluate(async ({ url, call, read }) => {
    try {
      const response = await fetch(url, { ...call, signal: AbortSignal.timeout(20_000) });
      const headers: Record<string, string | null> = {};
      for (const name of read) {
        headers[name] = response.headers.get(name);
      }
      return { status: response.status, headers, body: await response.text() };
    } catch (error) {
      return { failed: String(error) };
    }
  }, { url, call, read: [...read] });
}

/** The answer of a call the browser let through, or an error saying what it did instead. */
function answered(outcome: Outcome, status: number): Answer {
  if ("failed" in outcome) {
    throw new Error(`the browser refused the call: ${outcome.failed}`);
  }
  assert.equal(outcome.status, status, `status (body: ${outcome.body.slice(0, 300)})`);
  return outcome;
}

/** A header the page must be able to read. */
function header(answer: Answer, name: string): string {
  const value = answer.headers[name];
  assert.ok(value, `${name} is not readable by the page (not sent, or not in Access-Control-Expose-Headers)`);
  return value;
}

/** The same preflight from Node, for a failure's message: what the API allows that origin. */
async function preflight(url: string, origin: string, method: string, headers: string): Promise<string> {
  try {
    const response = await fetch(url, { method: "OPTIONS", headers: {
      Origin: origin, "Access-Control-Request-Method": method, "Access-Control-Request-Headers": headers } });
    return `preflight from Node: ${response.status} ${[...response.headers].filter(([name]) => name.startsWith("access-control"))
      .map(([name, value]) => `${name}: ${value}`).join("; ")}`;
  } catch (error) {
    return `preflight from Node failed: ${String(error)}`;
  }
}

/** Runs a check's browser calls; when one fails, says what the API answers that preflight. */
async function explained<T>(url: string, origin: string, method: string, headers: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${await preflight(url, origin, method, headers)}`);
  }
}

if (!existsSync(executablePath)) {
  console.log(`FAIL Chromium is not at ${executablePath}: install it (Debian: apt-get install -y chromium) or set `
    + "CHROMIUM to a Chromium or Chrome executable; playwright-core downloads no browser.");
  process.exit(1);
}

// Two origins the local stack allows (http://localhost, any port) and one it does not: a *.localhost name, which
// Chromium resolves to loopback itself and which only looks like localhost.
const servers = await Promise.all([frontEnd("localhost"), frontEnd("localhost"), frontEnd("elsewhere.localhost")]);
const [allowed, alsoAllowed, disallowed] = servers.map((server) => server.origin) as [string, string, string];
const browser = await chromium.launch({ executablePath, headless: true, args: ["--no-sandbox"] });
try {
  console.log(`Chromium ${browser.version()}; allowed ${allowed} and ${alsoAllowed}, disallowed ${disallowed}`);
  const context = await browser.newContext();
  const consoleOf = new Map<Page, string[]>();
  const open = async (origin: string): Promise<Page> => {
    const page = await context.newPage();
    const lines: string[] = [];
    page.on("console", (message) => lines.push(message.text()));
    consoleOf.set(page, lines);
    const response = await page.goto(`${origin}/`);
    assert.equal(response?.status(), 200, `the page at ${origin}`);
    return page;
  };
  const [page, otherPage, foreignPage] = [await open(allowed), await open(alsoAllowed), await open(disallowed)];
  const contactsUrl = `${api.contacts}/v1/contacts`;
  const json = { ...auth, "Content-Type": "application/json" };

  let contact: { id: string; etag: string } | undefined;
  await check(`${allowed}: POST /v1/contacts with Idempotency-Key, and its replay`, () =>
    explained(contactsUrl, allowed, "POST", "authorization,content-type,idempotency-key", async () => {
      const key = randomUUID();
      const create: Call = { method: "POST", headers: { ...json, "Idempotency-Key": key },
        body: JSON.stringify({ displayName: `Ada ${marker}`, company: marker }) };
      const read = ["Location", "ETag", "Idempotent-Replayed"];
      const first = answered(await fromPage(page, contactsUrl, create, read), 201);
      const id = (JSON.parse(first.body) as { id: string }).id;
      const location = header(first, "Location");
      assert.ok(location.endsWith(`/v1/contacts/${id}`), `Location ${location} names the contact ${id}`);
      const etag = header(first, "ETag");
      const replay = answered(await fromPage(page, contactsUrl, create, read), 201);
      assert.equal(header(replay, "Idempotent-Replayed"), "true");
      assert.equal((JSON.parse(replay.body) as { id: string }).id, id, "the replay creates nothing");
      contact = { id, etag };
      return `201, Location ${location}, ETag ${etag}; the replay 201 with Idempotent-Replayed ${header(replay, "Idempotent-Replayed")}`;
    }));

  await check(`${allowed}: PATCH /v1/contacts/{id} with If-Match; a stale one is a readable 412 problem`, async () => {
    assert.ok(contact, "no contact: the create failed");
    const { id, etag } = contact;
    const url = `${contactsUrl}/${id}`;
    return explained(url, allowed, "PATCH", "authorization,content-type,if-match", async () => {
      const patch = (ifMatch: string, title: string): Call => ({ method: "PATCH",
        headers: { ...auth, "Content-Type": "application/merge-patch+json", "If-Match": ifMatch },
        body: JSON.stringify({ title }) });
      const updated = answered(await fromPage(page, url, patch(etag, "Countess"), ["ETag"]), 200);
      const next = header(updated, "ETag");
      assert.notEqual(next, etag, "a new ETag");
      const stale = answered(await fromPage(page, url, patch(etag, "Enchantress"), []), 412);
      const problem = JSON.parse(stale.body) as { type?: string };
      assert.equal(problem.type, "https://rapport.dev/problems/stale");
      contact = { id, etag: next };
      return `200 with ETag ${etag} → ${next}; the stale If-Match 412 ${problem.type}`;
    });
  });

  await check(`${allowed}: GET /v1/contacts?limit=1 exposes the Link to the next page`, async () => {
    // A second contact of this run, from Node, so the first page of one has a next.
    const second = await fetch(contactsUrl, { method: "POST", headers: json,
      body: JSON.stringify({ displayName: `Grace ${marker}`, company: marker }) });
    assert.equal(second.status, 201, "the second contact, from Node");
    const url = `${contactsUrl}?q=${marker}&limit=1`;
    return explained(url, allowed, "GET", "authorization", async () => {
      const first = answered(await fromPage(page, url, { headers: auth }, ["Link"]), 200);
      const { nextCursor } = JSON.parse(first.body) as { nextCursor: string | null };
      assert.ok(nextCursor, "a next page");
      const link = header(first, "Link");
      const next = /^<([^>]+)>;\s*rel="next"$/.exec(link)?.[1];
      assert.ok(next, `Link ${link} is rel="next"`);
      assert.equal(new URL(next, url).searchParams.get("cursor"), nextCursor, "the Link carries nextCursor");
      const followed = answered(await fromPage(page, new URL(next, url).href, { headers: auth }, ["Link"]), 200);
      assert.equal((JSON.parse(followed.body) as { items: unknown[] }).items.length, 1, "the next page");
      return `Link ${link}; followed by the page: 200`;
    });
  });

  await check(`${allowed}: GET /v1/contacts/export exposes Content-Disposition`, () => {
    const url = `${contactsUrl}/export?format=vcard&q=${marker}`;
    return explained(url, allowed, "GET", "authorization", async () => {
      const exported = answered(await fromPage(page, url, { headers: auth }, ["Content-Disposition", "Content-Type"]), 200);
      const disposition = header(exported, "Content-Disposition");
      assert.match(disposition, /^attachment; filename="[^"]+"$/);
      assert.equal(exported.body.match(/^BEGIN:VCARD/gm)?.length, 2, "this run's two contacts");
      return `Content-Disposition: ${disposition}`;
    });
  });

  await check(`${allowed}: a header the API sends but does not expose stays hidden from the page`, async () => {
    // The control: WWW-Authenticate is not in Access-Control-Expose-Headers, so the browser hides it while Node sees it.
    const fromNode = await fetch(contactsUrl);
    assert.equal(fromNode.status, 401);
    const sent = fromNode.headers.get("WWW-Authenticate");
    assert.ok(sent, "the API sends WWW-Authenticate on 401");
    const seen = answered(await fromPage(page, contactsUrl, {}, ["WWW-Authenticate", "Content-Type"]), 401);
    assert.equal(seen.headers["WWW-Authenticate"], null, "the browser hides what is not exposed");
    assert.equal(seen.headers["Content-Type"], "application/problem+json", "safelisted headers are readable");
    return `Node sees WWW-Authenticate: ${sent}, the page sees null; the 401 problem itself is readable`;
  });

  await check(`${alsoAllowed}: every service answers another localhost port`, async () => {
    assert.ok(contact, "no contact: the create failed");
    const { id, etag } = contact;
    const seen: string[] = [];
    for (const url of [`${contactsUrl}/${id}`, `${api.interactions}/v1/interactions?limit=1`,
      `${api.reminders}/v1/reminders?limit=1`]) {
      await explained(url, alsoAllowed, "GET", "authorization", async () => {
        answered(await fromPage(otherPage, url, { headers: auth }, []), 200);
        seen.push(`${new URL(url).pathname} 200`);
      });
    }
    const url = `${contactsUrl}/${id}`;
    return explained(url, alsoAllowed, "DELETE", "authorization,if-match", async () => {
      answered(await fromPage(otherPage, url, { method: "DELETE", headers: { ...auth, "If-Match": etag } }), 204);
      return `${seen.join(", ")}; DELETE with If-Match 204`;
    });
  });

  await check(`${disallowed}: the browser refuses every service's answer, which Node gets`, async () => {
    const seen: string[] = [];
    for (const url of [`${contactsUrl}?q=${marker}`, `${api.interactions}/v1/interactions?limit=1`,
      `${api.reminders}/v1/reminders?limit=1`]) {
      const outcome = await fromPage(foreignPage, url, { headers: auth });
      assert.ok("failed" in outcome, `${url} answered ${JSON.stringify(outcome).slice(0, 300)} to ${disallowed}`);
      assert.match(outcome.failed, /^TypeError: Failed to fetch/);
      const fromNode = await fetch(url, { headers: auth });
      assert.equal(fromNode.status, 200, `the API answers ${url} from Node`);
      seen.push(`${new URL(url).pathname}: ${outcome.failed}, from Node 200`);
    }
    // Chromium reports each refusal on the page's console, a moment after fetch rejects.
    const lines = consoleOf.get(foreignPage) ?? [];
    const blocked = (): string[] => lines.filter((line) => line.includes("blocked by CORS policy"));
    for (const deadline = Date.now() + 5_000; blocked().length < 3 && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal(blocked().length, 3, `the browser says CORS blocked the three: ${JSON.stringify(lines)}`);
    return `${seen.join("; ")}; Chromium: ${blocked()[0]}`;
  });

  await check(`${disallowed}: a POST with Idempotency-Key never reaches the API`, async () => {
    const name = `Mallory ${marker}`;
    const outcome = await fromPage(foreignPage, contactsUrl, { method: "POST",
      headers: { ...json, "Idempotency-Key": randomUUID() }, body: JSON.stringify({ displayName: name }) });
    assert.ok("failed" in outcome, `answered ${JSON.stringify(outcome).slice(0, 300)} to ${disallowed}`);
    const found = await fetch(`${contactsUrl}?q=${encodeURIComponent(name)}`, { headers: auth });
    assert.equal(found.status, 200);
    assert.deepEqual((await found.json() as { items: unknown[] }).items, [], "the preflight stopped the POST");
    return `${outcome.failed}; no contact created (searched from Node)`;
  });
} finally {
  await browser.close();
  for (const { server } of servers) {
    server.close();
  }
}

if (failures.length > 0) {
  console.log(`${failures.length} of ${checks} CORS checks failed.`);
  process.exitCode = 1;
} else {
  console.log(`CORS holds in a real browser: ${checks} checks passed.`);
}
