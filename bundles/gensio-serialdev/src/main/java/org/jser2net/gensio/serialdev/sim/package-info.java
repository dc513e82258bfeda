/**
 * The simulated serial port behind the {@code serialsim} test device: tests drive its peer end through
 * {@link org.jser2net.gensio.serialdev.sim.SimPort} to check what a pty cannot show (parity, CS5 to CS7,
 * modem lines, breaks).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.jser2net.gensio.serialdev.sim;
