/**
 * In-memory gensios and helpers for tests of layers and of code that drives gensios: connected pipe
 * pairs, an in-memory {@code mem} terminal with accepters, a recording handler, and a registry
 * with test providers. No sockets, no OSGi.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.jser2net.gensio.core.testkit;
