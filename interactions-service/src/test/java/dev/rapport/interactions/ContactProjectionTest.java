package dev.rapport.interactions;

import dev.rapport.directory.ContactProjectionContract;
import dev.rapport.testing.RapportInfraTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The contact directory's suite (authentication included) against this service's wiring of it. */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class ContactProjectionTest extends ContactProjectionContract {
}
