package com.gametriggers.companion.ui;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * Hands a folder to the file manager or a page to the browser. It may block while the system starts them: call it off
 * the FX thread.
 */
public interface Opener {

    void openFolder(Path folder) throws IOException;

    void openPage(URI page) throws IOException;
}
