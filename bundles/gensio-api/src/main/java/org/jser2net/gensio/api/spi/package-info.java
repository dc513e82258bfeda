/**
 * The service interfaces layer bundles implement: a {@link org.jser2net.gensio.api.spi.TerminalProvider}
 * for a bottom layer that owns I/O, a {@link org.jser2net.gensio.api.spi.FilterProvider} for a layer
 * that transforms its child's stream. Register them with service properties
 * {@code gensio.type=<name>} and {@code gensio.kind=terminal|filter}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.jser2net.gensio.api.spi;
