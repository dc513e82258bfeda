package org.jser2net.ser2net.core.internal;

/** The service a port registers once its accepter has been tried; start-up counts these. */
public record PortMarker(String name) {
}
