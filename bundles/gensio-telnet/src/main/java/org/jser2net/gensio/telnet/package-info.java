/**
 * The telnet layer's own controls beyond the byte stream and the serial-control contract: RFC 2217
 * modem-state and line-state notifications on the server side, and the NAWS window size. Found with
 * {@code gensio.capability(TelnetControl.class)} on a stack whose top layer is {@code telnet}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.jser2net.gensio.telnet;
