package dev.rapport.reminders;

import dev.rapport.testing.LayersContract;

/** The package layout's import rules (DESIGN §1) on this service's classes. */
class LayersTest extends LayersContract {

    @Override
    protected String root() {
        return "dev.rapport.reminders";
    }
}
