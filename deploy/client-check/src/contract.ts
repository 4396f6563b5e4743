// What a front end written against the generated types may rely on. Each line is a type-level assertion: when a
// document changes so that a generated type no longer says this, `npm run typecheck` (run by ./mvnw verify) fails.
// That the services really send these shapes is checked by every service test (testing/ResponsesMatchApiDocument).
import type { components as Contacts, paths as ContactPaths } from "../generated/contacts";
import type { components as Interactions } from "../generated/interactions";
import type { components as Reminders } from "../generated/reminders";

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
type OptionalKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? K : never }[keyof T];
function holds<T extends true>(): void {}

type Contact = Contacts["schemas"]["Contact"];
type ContactInput = Contacts["schemas"]["ContactInput"];
type ContactPatch = Contacts["schemas"]["ContactPatch"];
type Problem = Contacts["schemas"]["Problem"];

// A response carries every property: none is optional. What may be null says so; ids and versions never are.
holds<Equals<OptionalKeys<Contact>, never>>();
holds<Equals<Contact["id"], string>>();
holds<Equals<Contact["version"], number>>();
holds<Equals<Contact["nickname"], string | null>>();
holds<Equals<Contact["visibility"], "workspace" | "private">>();
holds<Equals<OptionalKeys<Interactions["schemas"]["Interaction"]>, never>>();
holds<Equals<OptionalKeys<Reminders["schemas"]["Reminder"]>, never>>();

// Creating: what has a default may be left out.
holds<"visibility" extends OptionalKeys<ContactInput> ? true : false>();

// A merge patch: every field optional, and null clears it.
holds<Equals<OptionalKeys<ContactPatch>, keyof ContactPatch>>();
holds<null extends ContactPatch["nickname"] ? true : false>();
holds<null extends Interactions["schemas"]["InteractionPatch"]["notes"] ? true : false>();
type UpdateContact = ContactPaths["/v1/contacts/{id}"]["patch"];
holds<Equals<UpdateContact["requestBody"]["content"]["application/merge-patch+json"], ContactPatch>>();

// Every error is one Problem: type, title and status always there.
holds<Equals<Problem["type"], string>>();
holds<Equals<Problem["status"], number>>();
type CreateContact = ContactPaths["/v1/contacts"]["post"];
holds<Equals<CreateContact["responses"][422]["content"]["application/problem+json"], Problem>>();
holds<Equals<CreateContact["responses"][503]["content"]["application/problem+json"], Problem>>();

// Enumerated query parameters.
type ListContacts = NonNullable<ContactPaths["/v1/contacts"]["get"]["parameters"]["query"]>;
holds<Equals<ListContacts["sort"], "name" | "-name" | "updatedAt" | "-updatedAt" | "createdAt" | "-createdAt" | undefined>>();
holds<Equals<ListContacts["limit"], number | undefined>>();
