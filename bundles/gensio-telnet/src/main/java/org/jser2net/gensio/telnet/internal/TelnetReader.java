package org.jser2net.gensio.telnet.internal;

import static org.jser2net.gensio.telnet.internal.Telnet.IAC;
import static org.jser2net.gensio.telnet.internal.Telnet.SB;
import static org.jser2net.gensio.telnet.internal.Telnet.SE;

import java.nio.ByteBuffer;

/**
 * Splits a received telnet stream into data runs and commands, without copying the data: {@link
 * #next} handles the commands at the buffer's position and returns the length of the data run that
 * starts there; the caller hands that run on and consumes it with {@link #skip}. As in gensio,
 * {@code IAC IAC} is one data byte 255, {@code IAC x} with x below SB is a one-byte command, a
 * stray {@code IAC SE} is dropped, and inside a suboption {@code IAC IAC} is 255 while {@code IAC}
 * followed by anything but SE drops both bytes. Suboptions are kept up to {@link #MAX_SUBOPTION}
 * bytes; the rest of a longer one is dropped (and reported as truncated). CR, LF and NUL are data.
 */
final class TelnetReader {

    /** The largest suboption payload kept (after the option byte). */
    static final int MAX_SUBOPTION = 64;

    /** {@link #next} stopped before a command because {@link Commands#mayProcess} said no. */
    static final int STALLED = -1;

    /** Receives what the stream says besides data. */
    interface Commands {
        /** False to stop before the next command (e.g. no room for its answer); data still flows. */
        boolean mayProcess();

        /** A one-byte command: BREAK, DM, NOP, ... */
        void command(int command);

        /** {@code IAC WILL|WONT|DO|DONT option}. */
        void negotiate(int verb, int option);

        /**
         * {@code IAC SB option data IAC SE}; {@code data} holds {@code length} bytes (IAC doubling
         * undone) and is only valid during the call.
         */
        void suboption(int option, byte[] data, int length, boolean truncated);
    }

    private enum State { DATA, IAC, VERB, SB_OPTION, SB_DATA, SB_IAC }

    private final Commands commands;
    private final byte[] sub = new byte[MAX_SUBOPTION];
    private State state = State.DATA;
    /** The run at the position starts with the second byte of an IAC IAC pair: data, not a command. */
    private boolean literal;
    private int verb;
    private int subOption;
    private int subLength;
    private boolean subTruncated;

    TelnetReader(Commands commands) {
        this.commands = commands;
    }

    /**
     * Handles the commands at {@code in}'s position. Returns the length of the data run now at the
     * position (the caller consumes it with {@link #skip}), 0 when {@code in} is used up, or
     * {@link #STALLED} when a command waits for {@link Commands#mayProcess}.
     */
    int next(ByteBuffer in) {
        while (in.hasRemaining()) {
            int p = in.position();
            if (state == State.DATA) {
                int end = Telnet.indexOfIac(in, literal ? p + 1 : p, in.limit());
                if (end > p) {
                    return end - p;
                }
                if (!commands.mayProcess()) {
                    return STALLED;
                }
                in.position(p + 1);
                state = State.IAC;
                continue;
            }
            int b = in.get() & 0xff;
            switch (state) {
                case IAC:
                    if (b == IAC) {
                        in.position(p); // this second 255 is the data byte
                        literal = true;
                        state = State.DATA;
                    } else if (b < SB) {
                        state = State.DATA;
                        commands.command(b);
                    } else if (b == SB) {
                        state = State.SB_OPTION;
                    } else {
                        verb = b;
                        state = State.VERB;
                    }
                    break;
                case VERB:
                    state = State.DATA;
                    commands.negotiate(verb, b);
                    break;
                case SB_OPTION:
                    subOption = b;
                    subLength = 0;
                    subTruncated = false;
                    state = State.SB_DATA;
                    break;
                case SB_DATA:
                    if (b == IAC) {
                        state = State.SB_IAC;
                    } else {
                        store(b);
                    }
                    break;
                case SB_IAC:
                    if (b == SE) {
                        state = State.DATA;
                        commands.suboption(subOption, sub, subLength, subTruncated);
                    } else {
                        if (b == IAC) {
                            store(b);
                        }
                        state = State.SB_DATA;
                    }
                    break;
                default:
                    throw new AssertionError(state);
            }
        }
        return 0;
    }

    /** Consumes {@code n} bytes of the data run {@link #next} returned. */
    void skip(ByteBuffer in, int n) {
        if (n > 0) {
            in.position(in.position() + n);
            literal = false;
        }
    }

    /** True between commands (no partial command or suboption held). */
    boolean idle() {
        return state == State.DATA;
    }

    private void store(int b) {
        if (subLength < sub.length) {
            sub[subLength++] = (byte) b;
        } else {
            subTruncated = true;
        }
    }
}
