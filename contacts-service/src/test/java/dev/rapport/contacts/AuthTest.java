package dev.rapport.contacts;

import dev.rapport.testing.RapportInfraTestResource;
import dev.rapport.testing.AuthContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.util.UUID;

@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class AuthTest extends AuthContract {

    @Override
    protected String protectedPath() {
        return "/v1/contacts/" + UUID.randomUUID();
    }
}
