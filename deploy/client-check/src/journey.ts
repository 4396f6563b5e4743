// The journey a front end makes, written against the types generated from the combined document and run by the
// build against a running stack (deploy/e2e ClientJourneyIT): if a call needed a cast or the server answered what
// the types do not say, the contract lies. Needs RAPPORT_TOKEN (a member of any workspace: every check is scoped to this run's data) and the three
// services' origins (RAPPORT_CONTACTS_URL, RAPPORT_INTERACTIONS_URL, RAPPORT_REMINDERS_URL): locally each service
// has its own port; behind the Gateway all three are the same origin.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import createClient from "openapi-fetch";
import ICAL from "ical.js";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import type { paths } from "../generated/rapport";

const token = setting("RAPPORT_TOKEN");
const headers = { Authorization: `Bearer ${token}` };
const contacts = createClient<paths>({ baseUrl: setting("RAPPORT_CONTACTS_URL"), headers });
const interactions = createClient<paths>({ baseUrl: setting("RAPPORT_INTERACTIONS_URL"), headers });
const reminders = createClient<paths>({ baseUrl: setting("RAPPORT_REMINDERS_URL"), headers });
const MERGE_PATCH = { "Content-Type": "application/merge-patch+json" };
// One word no other data of the workspace has, so searches find this run's contacts only.
const marker = "journey" + randomUUID().replaceAll("-", "").slice(0, 10);
const phone = "+1 202 555 0147";

function setting(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    const result = await run();
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
    return result;
  } catch (error) {
    console.log(`FAIL ${name}`);
    throw error;
  }
}

/**
 * Polls until {@code check} holds: what one service did reaches the others through Kafka, not at once. A check that
 * throws (an answer not yet as expected) is tried again; the last failure is reported at the deadline.
 */
async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let failure: unknown;
  while (Date.now() < deadline) {
    try {
      if (await check()) {
        return;
      }
    } catch (error) {
      failure = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms${failure ? ` (last: ${String(failure)})` : ""}`);
}

function etag(response: Response): string {
  const value = response.headers.get("ETag");
  assert.ok(value, "an ETag");
  return value;
}

const today = new Date().toISOString().slice(0, 10);
const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

const grace = await step("create a contact with an Idempotency-Key, and replay it", async () => {
  const key = randomUUID();
  const body = {
    givenName: "Grace", familyName: "Hopper", nickname: "Amazing Grace", company: `Navy ${marker}`,
    emails: [{ address: `grace.${marker}@example.org` }], phones: [{ number: phone, label: "mobile" }],
  };
  const first = await contacts.POST("/v1/contacts", { params: { header: { "Idempotency-Key": key } }, body });
  assert.equal(first.response.status, 201);
  assert.ok(first.data);
  assert.ok(first.response.headers.get("Location")?.endsWith(`/v1/contacts/${first.data.id}`));
  const replay = await contacts.POST("/v1/contacts", { params: { header: { "Idempotency-Key": key } }, body });
  assert.equal(replay.response.status, 201);
  assert.equal(replay.response.headers.get("Idempotent-Replayed"), "true");
  assert.equal(replay.data?.id, first.data.id, "the replay creates nothing");
  return first.data;
});

await step("search and follow cursors to the last page", async () => {
  for (const name of ["Ada Lovelace", "Katherine Johnson", "Mary Jackson", "Dorothy Vaughan"]) {
    const { response } = await contacts.POST("/v1/contacts", { body: { displayName: name, company: `NASA ${marker}` } });
    assert.equal(response.status, 201);
  }
  const seen: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const { data, response } = await contacts.GET("/v1/contacts", {
      params: { query: { q: marker, limit: 2, sort: "name", ...(cursor ? { cursor } : {}) } },
    });
    assert.ok(data, `page ${pages + 1}: ${response.status}`);
    seen.push(...data.items.map((contact) => contact.displayName));
    assert.equal(response.headers.has("Link"), data.nextCursor !== null, "Link exactly when there is a next page");
    cursor = data.nextCursor ?? undefined;
    pages++;
  } while (cursor);
  assert.deepEqual(seen, ["Ada Lovelace", "Dorothy Vaughan", "Grace Hopper", "Katherine Johnson", "Mary Jackson"]);
  assert.equal(pages, 3);
});

await step("update with If-Match; a stale one is a 412 problem", async () => {
  const read = await contacts.GET("/v1/contacts/{id}", { params: { path: { id: grace.id } } });
  const before = etag(read.response);
  const updated = await contacts.PATCH("/v1/contacts/{id}", {
    params: { path: { id: grace.id }, header: { "If-Match": before } }, headers: MERGE_PATCH,
    body: { title: "Rear Admiral" },
  });
  assert.equal(updated.data?.title, "Rear Admiral");
  assert.notEqual(etag(updated.response), before);
  const stale = await contacts.PATCH("/v1/contacts/{id}", {
    params: { path: { id: grace.id }, header: { "If-Match": before } }, headers: MERGE_PATCH,
    body: { title: "Commodore" },
  });
  assert.equal(stale.response.status, 412);
  assert.equal(stale.error?.type, "https://rapport.dev/problems/stale");
});

await step("clear a field with null, and see the job change in the history", async () => {
  const read = await contacts.GET("/v1/contacts/{id}", { params: { path: { id: grace.id } } });
  assert.equal(read.data?.nickname, "Amazing Grace");
  const cleared = await contacts.PATCH("/v1/contacts/{id}", {
    params: { path: { id: grace.id }, header: { "If-Match": etag(read.response) } }, headers: MERGE_PATCH,
    body: { nickname: null },
  });
  assert.equal(cleared.response.status, 200);
  assert.equal(cleared.data?.nickname, null);
  const history = await contacts.GET("/v1/contacts/{id}/history", { params: { path: { id: grace.id } } });
  assert.ok(history.data?.some((entry) => JSON.stringify(entry.to ?? {}).includes("Rear Admiral")),
    `the title change is in the history: ${JSON.stringify(history.data)}`);
});

await step("import a vCard and poll the job until it is done", async () => {
  const vcard = [
    "BEGIN:VCARD", "VERSION:3.0", "N:Sammet;Jean;E.;;", "FN:Jean E. Sammet", `ORG:IBM ${marker}`,
    `EMAIL;TYPE=INTERNET:jean.${marker}@example.org`, "BDAY:--03-23", "END:VCARD", "",
  ].join("\r\n");
  const started = await contacts.POST("/v1/imports", {
    body: vcard, bodySerializer: (text) => text, headers: { "Content-Type": "text/vcard" },
  });
  assert.equal(started.response.status, 202, JSON.stringify(started.error));
  assert.ok(started.data);
  const job = started.data.id;
  let done = started.data;
  await eventually("the import finishes", async () => {
    const { data } = await contacts.GET("/v1/imports/{id}", { params: { path: { id: job } } });
    assert.ok(data);
    done = data;
    return data.status === "succeeded" || data.status === "failed";
  });
  assert.equal(done.status, "succeeded", JSON.stringify(done));
  assert.equal(done.counts?.created, 1, JSON.stringify(done.counts));
  const found = await contacts.GET("/v1/contacts", { params: { query: { q: `Sammet ${marker}` } } });
  assert.deepEqual(found.data?.items.map((contact) => contact.birthday), [{ month: 3, day: 23, year: null }]);
});

await step("export this run's contacts as vCard", async () => {
  const { data, response } = await contacts.GET("/v1/contacts/export", {
    params: { query: { format: "vcard", q: marker } }, parseAs: "text",
  });
  assert.equal(response.status, 200);
  assert.match(response.headers.get("Content-Type") ?? "", /^text\/vcard/);
  assert.equal((data ?? "").match(/^BEGIN:VCARD/gm)?.length, 6);
});

await step("find the duplicate, merge it, and undo the merge", async () => {
  // The same email as Grace (this run's own) and a second one of her own.
  const twin = await contacts.POST("/v1/contacts", {
    body: { displayName: "G. M. Hopper", phones: [{ number: phone }],
      emails: [{ address: `grace.${marker}@example.org` }, { address: `amazing.grace.${marker}@example.org` }] },
  });
  assert.ok(twin.data);
  const hopper = twin.data;
  const candidates = await contacts.GET("/v1/contacts/duplicates", { params: { query: { limit: 500 } } });
  const pair = candidates.data?.find((candidate) =>
    [candidate.a?.id, candidate.b?.id].sort().join() === [grace.id, hopper.id].sort().join());
  assert.ok(pair, `the two Graces are a candidate pair: ${JSON.stringify(candidates.data)}`);
  const merged = await contacts.POST("/v1/contacts/{id}/merge", {
    params: { path: { id: grace.id } }, body: { absorb: [hopper.id] },
  });
  assert.equal(merged.response.status, 200, JSON.stringify(merged.error));
  assert.ok(merged.data?.mergeId);
  assert.ok(merged.data.contact?.emails.some((email) => email.address === `amazing.grace.${marker}@example.org`));
  const undone = await contacts.POST("/v1/merges/{id}/undo", { params: { path: { id: merged.data.mergeId } } });
  assert.equal(undone.response.status, 200, JSON.stringify(undone.error));
  // Absorbed, it answered 308 to the survivor (which fetch follows); restored, it answers as itself.
  const back = await contacts.GET("/v1/contacts/{id}", { params: { path: { id: hopper.id } } });
  assert.equal(back.data?.id, hopper.id);
});

const followUpText = `Send Grace the COBOL paper ${marker}`;
const agendaHasFollowUp = async (): Promise<boolean> => {
  const { data } = await reminders.GET("/v1/agenda", { params: { query: { date: today, days: 7 } } });
  assert.ok(data);
  return [...data.overdue, ...data.today, ...data.upcoming].some((item) => item.text === followUpText);
};

await step("log an interaction with a follow-up, and see the agenda change", async () => {
  await eventually("interactions-service knows the contact", async () =>
    (await interactions.GET("/v1/contact-directory/interactions/{contactId}",
      { params: { path: { contactId: grace.id } } })).response.status === 200);
  const logged = await interactions.POST("/v1/interactions", {
    body: {
      kind: "call", occurredAt: new Date().toISOString(), timeZone: "Europe/London", initiatedBy: "me",
      participants: [{ contactId: grace.id }], summary: `Compilers and nanoseconds ${marker}`,
      followUp: { due: tomorrow, text: followUpText },
    },
  });
  assert.equal(logged.response.status, 201, JSON.stringify(logged.error));
  await eventually("the follow-up is on the agenda", agendaHasFollowUp);
});

await step("subscribe to the calendar feed and read it with ical.js", async () => {
  const feed = await reminders.POST("/v1/calendar-feeds", { body: { name: "Journey" } });
  assert.equal(feed.response.status, 201, JSON.stringify(feed.error));
  assert.ok(feed.data);
  const answer = await fetch(feed.data.url);
  assert.equal(answer.status, 200);
  assert.match(answer.headers.get("Content-Type") ?? "", /^text\/calendar/);
  const calendar = new ICAL.Component(ICAL.parse(await answer.text()));
  const summaries = calendar.getAllSubcomponents("vevent").map((event) => String(event.getFirstPropertyValue("summary")));
  assert.ok(summaries.some((summary) => summary.includes(followUpText)), `the follow-up is in the feed: ${summaries}`);
});

await step("a webhook receives a reminder as a signed CloudEvent (verified with standardwebhooks)", async () => {
  const received: { body: string; headers: IncomingHttpHeaders }[] = [];
  const receiver = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => { body += chunk; });
    request.on("end", () => {
      received.push({ body, headers: request.headers });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, resolve));
  try {
    const port = (receiver.address() as AddressInfo).port;
    const registered = await reminders.POST("/v1/webhooks", {
      body: { url: `http://localhost:${port}/hook`, eventTypes: ["dev.rapport.reminder.created.v1"], description: "Journey" },
    });
    assert.equal(registered.response.status, 201, JSON.stringify(registered.error));
    assert.ok(registered.data);
    const text = `Ask Grace about compilers ${marker}`;
    const reminder = await reminders.POST("/v1/reminders", { body: { text, due: tomorrow, contactId: grace.id } });
    assert.equal(reminder.response.status, 201, JSON.stringify(reminder.error));
    await eventually("the webhook receives the reminder", async () =>
      received.some((request) => request.body.includes(marker)));
    const delivery = received.find((request) => request.body.includes(marker))!;
    assert.match(String(delivery.headers["content-type"]), /^application\/cloudevents\+json/);
    const verified = new Webhook(registered.data.secret).verify(delivery.body, {
      "webhook-id": String(delivery.headers["webhook-id"]),
      "webhook-timestamp": String(delivery.headers["webhook-timestamp"]),
      "webhook-signature": String(delivery.headers["webhook-signature"]),
    }) as { type: string; subject: string; data: { text: string } };
    assert.equal(verified.type, "dev.rapport.reminder.created.v1");
    assert.equal(verified.subject, reminder.data?.id);
    assert.equal(verified.data.text, text);
    const deliveries = await reminders.GET("/v1/webhooks/{id}/deliveries", {
      params: { path: { id: registered.data.webhook.id } },
    });
    assert.ok(deliveries.data?.items.some((d) => d.eventId === delivery.headers["webhook-id"]), "the delivery is recorded");
    const removed = await reminders.DELETE("/v1/webhooks/{id}", { params: { path: { id: registered.data.webhook.id } } });
    assert.equal(removed.response.status, 204);
  } finally {
    receiver.close();
  }
});

await step("delete the contact and see it vanish in every service", async () => {
  const read = await contacts.GET("/v1/contacts/{id}", { params: { path: { id: grace.id } } });
  const deleted = await contacts.DELETE("/v1/contacts/{id}", {
    params: { path: { id: grace.id }, header: { "If-Match": etag(read.response) } },
  });
  assert.equal(deleted.response.status, 204);
  assert.equal((await contacts.GET("/v1/contacts/{id}", { params: { path: { id: grace.id } } })).response.status, 404);
  await eventually("interactions-service forgets the contact", async () =>
    (await interactions.GET("/v1/contact-directory/interactions/{contactId}",
      { params: { path: { contactId: grace.id } } })).response.status === 404);
  await eventually("reminders-service forgets the contact", async () =>
    (await reminders.GET("/v1/contact-directory/reminders/{contactId}",
      { params: { path: { contactId: grace.id } } })).response.status === 404);
  const left = await interactions.GET("/v1/interactions", { params: { query: { q: marker } } });
  assert.deepEqual(left.data?.items, [], "the interaction with only this contact is erased");
  await eventually("the follow-up leaves the agenda", async () => !(await agendaHasFollowUp()));
});

await step("follow the contacts changes feed: this run's contact was created, then deleted", async () => {
  const seen: string[] = [];
  await eventually("the deletion reaches the feed", async () => {
    seen.length = 0;
    let after: string | undefined;
    for (;;) {
      const page = await contacts.GET("/v1/changes/contacts", { params: { query: after ? { after, limit: 1000 } : { limit: 1000 } } });
      assert.equal(page.response.status, 200, JSON.stringify(page.error));
      assert.ok(page.data);
      seen.push(...page.data.items.filter((change) => change.subject === grace.id).map((change) => change.type));
      after = page.data.cursor;
      if (!page.data.more) {
        return seen.at(-1) === "dev.rapport.contact.deleted.v1";
      }
    }
  });
  assert.equal(seen[0], "dev.rapport.contact.created.v1", seen.join(", "));
});

console.log("The journey passed.");
