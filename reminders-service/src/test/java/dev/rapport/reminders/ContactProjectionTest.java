package dev.rapport.reminders;

import dev.rapport.local.RapportInfraTestResource;
import dev.rapport.local.contract.ContactProjectionContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class ContactProjectionTest extends ContactProjectionContract {
}
