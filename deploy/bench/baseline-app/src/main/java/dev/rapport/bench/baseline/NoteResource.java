package dev.rapport.bench.baseline;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/** What every service has, once: an authenticated REST read and write, an event sent, an event consumed. */
@Path("/notes")
public class NoteResource {

    @Channel("out")
    Emitter<String> out;

    @GET
    @RolesAllowed("member")
    public List<Note> list() {
        return Note.listAll();
    }

    @POST
    @Transactional
    @RolesAllowed("member")
    public Note add(String body) {
        Note note = new Note();
        note.body = body;
        note.persist();
        out.send(body);
        return note;
    }

    @Incoming("in")
    @Blocking
    @Transactional
    public void consume(String body) {
        Note note = new Note();
        note.body = body;
        note.persist();
    }
}
