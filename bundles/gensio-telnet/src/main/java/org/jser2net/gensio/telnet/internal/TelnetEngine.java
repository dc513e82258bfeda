package org.jser2net.gensio.telnet.internal;

import static org.jser2net.gensio.telnet.internal.Telnet.DONT;
import static org.jser2net.gensio.telnet.internal.Telnet.OPT_BINARY;
import static org.jser2net.gensio.telnet.internal.Telnet.OPT_COM_PORT;
import static org.jser2net.gensio.telnet.internal.Telnet.OPT_ECHO;
import static org.jser2net.gensio.telnet.internal.Telnet.OPT_NAWS;
import static org.jser2net.gensio.telnet.internal.Telnet.OPT_SGA;

import java.nio.ByteBuffer;

/**
 * One end of a telnet session as gensio plays it, without I/O: parses what arrives ({@link #next}),
 * negotiates options by the Q method, and queues everything it must send in a {@link TelnetOutput}.
 *
 * <p>Server (ser2net's accepter): opens with WILL SGA, DO SGA, WILL ECHO, DONT ECHO, DO BINARY,
 * WILL BINARY, then DO COM-PORT with {@code rfc2217} and DO NAWS with {@code winsize}; it performs
 * SGA, ECHO, BINARY (and COM-PORT) and lets the client do SGA, BINARY, COM-PORT and NAWS as
 * configured. Client: opens with WILL COM-PORT and WILL NAWS as configured (else says nothing);
 * performs SGA, ECHO, BINARY, COM-PORT, NAWS and lets the server do BINARY. Everything else is
 * refused (WILL gets DONT, DO gets WONT).
 */
final class TelnetEngine implements TelnetReader.Commands, Negotiator.Link, Negotiator.Policy {

    /** Room kept free in the output before a command is parsed, for its answer. */
    static final int REPLY_RESERVE = 512;

    /** What the session reports to the layer that runs it. */
    interface Events {
        /** A one-byte command arrived (BREAK, DM, ...). */
        void command(int command);

        /** An option was switched on or off on one side. */
        void settled(int option, boolean local, boolean enabled);

        /** A suboption of an option this end handles (COM-PORT, NAWS) arrived. */
        void suboption(int option, byte[] data, int length, boolean truncated);

        /** Something to send did not fit in the output: the peer does not read. */
        void overflow();
    }

    private final boolean server;
    private final boolean rfc2217;
    private final boolean winsize;
    private final TelnetOutput out;
    private final Events events;
    private final TelnetReader reader = new TelnetReader(this);
    private final Negotiator negotiator = new Negotiator(this, this);

    TelnetEngine(boolean server, boolean rfc2217, boolean winsize, TelnetOutput out, Events events) {
        this.server = server;
        this.rfc2217 = rfc2217;
        this.winsize = winsize;
        this.out = out;
        this.events = events;
    }

    /** Queues this end's opening negotiation. */
    void start() {
        if (server) {
            negotiator.request(OPT_SGA, true, true);
            negotiator.request(OPT_SGA, false, true);
            negotiator.request(OPT_ECHO, true, true);
            send(DONT, OPT_ECHO); // tells the client not to echo; the peer's ECHO stays off either way
            negotiator.request(OPT_BINARY, false, true);
            negotiator.request(OPT_BINARY, true, true);
            if (rfc2217) {
                negotiator.request(OPT_COM_PORT, false, true);
            }
            if (winsize) {
                negotiator.request(OPT_NAWS, false, true);
            }
        } else {
            if (rfc2217) {
                negotiator.request(OPT_COM_PORT, true, true);
            }
            if (winsize) {
                negotiator.request(OPT_NAWS, true, true);
            }
        }
    }

    boolean isServer() {
        return server;
    }

    /** See {@link TelnetReader#next}. */
    int next(ByteBuffer in) {
        return reader.next(in);
    }

    /** See {@link TelnetReader#skip}. */
    void skip(ByteBuffer in, int n) {
        reader.skip(in, n);
    }

    /** True between commands. */
    boolean idle() {
        return reader.idle();
    }

    /** Whether {@code option} is on for this end ({@code local}) or the peer. */
    boolean enabled(int option, boolean local) {
        return negotiator.enabled(option, local);
    }

    /** The negotiator, for tests. */
    Negotiator negotiator() {
        return negotiator;
    }

    /** Queues a suboption; reports an overflow and returns false when it does not fit. */
    boolean sendSuboption(int option, byte[] data, int length) {
        if (!out.suboption(option, data, length)) {
            events.overflow();
            return false;
        }
        return true;
    }

    /** Queues the two-byte command {@code IAC command}. */
    boolean sendCommand(int command) {
        if (!out.command(command)) {
            events.overflow();
            return false;
        }
        return true;
    }

    @Override
    public void send(int verb, int option) {
        if (!out.command(verb, option)) {
            events.overflow();
        }
    }

    @Override
    public void settled(int option, boolean local, boolean enabled) {
        events.settled(option, local, enabled);
    }

    @Override
    public boolean local(int option) {
        switch (option) {
            case OPT_SGA:
            case OPT_ECHO:
            case OPT_BINARY:
                return true;
            case OPT_COM_PORT:
                return rfc2217;
            case OPT_NAWS:
                return winsize && !server;
            default:
                return false;
        }
    }

    @Override
    public boolean remote(int option) {
        switch (option) {
            case OPT_BINARY:
                return true;
            case OPT_SGA:
                return server;
            case OPT_COM_PORT:
                return rfc2217 && server;
            case OPT_NAWS:
                return winsize && server;
            default:
                return false;
        }
    }

    @Override
    public boolean mayProcess() {
        return out.room() >= REPLY_RESERVE;
    }

    @Override
    public void command(int command) {
        events.command(command);
    }

    @Override
    public void negotiate(int verb, int option) {
        negotiator.received(verb, option);
    }

    @Override
    public void suboption(int option, byte[] data, int length, boolean truncated) {
        if ((option == OPT_COM_PORT && rfc2217) || (option == OPT_NAWS && winsize)) {
            events.suboption(option, data, length, truncated);
        }
    }
}
