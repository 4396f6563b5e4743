package dev.rapport.local;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LauncherTest {

    @Test
    void thePrintedTokenCommandPastesIntoAShellAsIs() {
        assertEquals("--data-dir=/tmp/rapport-1", Launcher.shellWord("--data-dir=/tmp/rapport-1"));
        assertEquals("'--data-dir=/home/ada/my stacks/it'\\''s'",
                Launcher.shellWord("--data-dir=/home/ada/my stacks/it's"));
    }
}
