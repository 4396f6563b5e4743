package dev.rapport.reminders;

import dev.rapport.local.RapportInfraTestResource;
import dev.rapport.local.contract.AuthContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.util.UUID;

@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class AuthTest extends AuthContract {

    @Override
    protected String protectedPath() {
        return "/v1/contacts/" + UUID.randomUUID() + "/summary";
    }
}
