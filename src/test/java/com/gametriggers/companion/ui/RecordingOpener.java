package com.gametriggers.companion.ui;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the window asked to open instead of starting a file manager or browser; can be told to fail. */
public final class RecordingOpener implements Opener {

    private final List<Path> folders = new CopyOnWriteArrayList<>();
    private final List<URI> pages = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    /** From now on, every opening fails, as on a desktop without a file manager or browser. */
    public RecordingOpener failing() {
        failing = true;
        return this;
    }

    @Override
    public void openFolder(Path folder) throws IOException {
        folders.add(folder);
        if (failing) {
            throw new IOException("no file manager");
        }
    }

    @Override
    public void openPage(URI page) throws IOException {
        pages.add(page);
        if (failing) {
            throw new IOException("no browser");
        }
    }

    public List<Path> folders() {
        return List.copyOf(folders);
    }

    public List<URI> pages() {
        return List.copyOf(pages);
    }
}
