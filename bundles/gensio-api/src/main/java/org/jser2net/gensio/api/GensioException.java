package org.jser2net.gensio.api;

import java.io.IOException;

/** An I/O or protocol failure of a gensio, with a message fit for a person. */
public class GensioException extends IOException {

    private static final long serialVersionUID = 1L;

    public GensioException(String message) {
        super(message);
    }

    public GensioException(String message, Throwable cause) {
        super(message, cause);
    }
}
