// What a front end written against the generated types may rely on. Each line is a type-level assertion: when a
// document changes so that a generated type no longer says this, `npm run typecheck` (run by ./mvnw verify) fails.
// That the services really send these shapes is checked by every service test (testing/ResponsesMatchApiDocument).
// The types come from the combined document (../../openapi.yaml): the whole API as one origin serves it.
import type { components, paths } from "../generated/rapport";

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
type OptionalKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? K : never }[keyof T];
function holds<T extends true>(): void {}

type Contact = components["schemas"]["Contact"];
type ContactInput = components["schemas"]["ContactInput"];
type ContactPatch = components["schemas"]["ContactPatch"];
type Problem = components["schemas"]["Problem"];

// A response carries every property: none is optional. What may be null says so; ids and versions never are.
holds<Equals<OptionalKeys<Contact>, never>>();
holds<Equals<Contact["id"], string>>();
holds<Equals<Contact["version"], number>>();
holds<Equals<Contact["nickname"], string | null>>();
holds<Equals<Contact["visibility"], "workspace" | "private">>();
holds<Equals<OptionalKeys<components["schemas"]["Interaction"]>, never>>();
holds<Equals<OptionalKeys<components["schemas"]["Reminder"]>, never>>();

// Creating: what has a default may be left out.
holds<"visibility" extends OptionalKeys<ContactInput> ? true : false>();

// A merge patch: every field optional, and null clears it.
holds<Equals<OptionalKeys<ContactPatch>, keyof ContactPatch>>();
holds<null extends ContactPatch["nickname"] ? true : false>();
holds<null extends components["schemas"]["InteractionPatch"]["notes"] ? true : false>();
type UpdateContact = paths["/v1/contacts/{id}"]["patch"];
holds<Equals<UpdateContact["requestBody"]["content"]["application/merge-patch+json"], ContactPatch>>();

// Every error is one Problem: type, title and status always there.
holds<Equals<Problem["type"], string>>();
holds<Equals<Problem["status"], number>>();
type CreateContact = paths["/v1/contacts"]["post"];
holds<Equals<CreateContact["responses"][422]["content"]["application/problem+json"], Problem>>();
holds<Equals<CreateContact["responses"][503]["content"]["application/problem+json"], Problem>>();

// Over a rate limit: a 429 Problem saying when to try again.
holds<Equals<CreateContact["responses"][429]["content"]["application/problem+json"], Problem>>();
holds<Equals<CreateContact["responses"][429]["headers"]["RateLimit-Reset"], number>>();
holds<Equals<CreateContact["responses"][429]["headers"]["Retry-After"], number>>();

// Enumerated query parameters.
type ListContacts = NonNullable<paths["/v1/contacts"]["get"]["parameters"]["query"]>;
holds<Equals<ListContacts["sort"], "name" | "-name" | "updatedAt" | "-updatedAt" | "createdAt" | "-createdAt" | undefined>>();
holds<Equals<ListContacts["limit"], number | undefined>>();

// One origin: every service's backup and contact view has a path of its own.
holds<Equals<keyof paths & `/v1/backups/${string}`,
  "/v1/backups/contacts" | "/v1/backups/contacts/restore" | "/v1/backups/interactions"
  | "/v1/backups/interactions/restore" | "/v1/backups/reminders" | "/v1/backups/reminders/restore">>();
holds<Equals<paths["/v1/contact-directory/interactions/{contactId}"]["get"]["responses"][200]["content"]["application/json"],
  components["schemas"]["InteractionContactSummary"]>>();
holds<Equals<paths["/v1/contact-directory/reminders/{contactId}"]["get"]["responses"][200]["content"]["application/json"],
  components["schemas"]["ReminderContactSummary"]>>();
