package dev.rapport.kit.testapp;

import dev.rapport.kit.http.StrictJson;
import dev.rapport.kit.idempotency.IdempotentPost;
import dev.rapport.kit.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Notes of the caller's workspace: a POST read strictly and made idempotent as every service's are. */
@Path("/test/notes")
@RolesAllowed({Roles.MEMBER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class NoteResource {

    @Inject
    StrictJson strictJson;

    @Inject
    IdempotentPost idempotent;

    @Inject
    EntityManager em;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body, @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        return idempotent.run("POST /test/notes", idempotencyKey, body, () -> {
            NoteInput input = strictJson.read(strictJson.tree(body), NoteInput.class);
            Note note = new Note();
            note.body = input.body();
            note.createdAt = Instant.now();
            em.persist(note);
            return Response.status(201).entity(Map.of("id", note.id.toString(), "body", note.body)).build();
        });
    }

    /** Bodies of the workspace's notes, oldest first. */
    @GET
    public List<String> list() {
        return em.createQuery("select n.body from Note n order by n.id", String.class).getResultList();
    }

    @DELETE
    @Transactional
    public void deleteAll() {
        em.createQuery("delete from Note").executeUpdate();
    }
}
