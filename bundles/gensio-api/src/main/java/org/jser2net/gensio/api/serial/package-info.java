/**
 * The serial-control contract (what RFC 2217 can ask of a port) and serial events.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.jser2net.gensio.api.serial;
