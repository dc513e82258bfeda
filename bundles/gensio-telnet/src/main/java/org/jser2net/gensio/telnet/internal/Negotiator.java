package org.jser2net.gensio.telnet.internal;

import static org.jser2net.gensio.telnet.internal.Telnet.DO;
import static org.jser2net.gensio.telnet.internal.Telnet.DONT;
import static org.jser2net.gensio.telnet.internal.Telnet.WILL;
import static org.jser2net.gensio.telnet.internal.Telnet.WONT;

/**
 * Telnet option negotiation by the Q method of RFC 1143: for each option, our side ("us": WILL/WONT
 * that we send, DO/DONT that we receive) and the peer's side ("him") are each in one state, with a
 * queue bit for a change of mind while a request is pending. It never answers a request that does
 * not change the state, so two ends can never loop, whatever the peer sends.
 *
 * <pre>
 *            request / peer asks and we agree
 *   NO ----------------------------------------> WANTYES --(agreed)--> YES
 *    ^                                              |                   |
 *    +----------------(refused)---------------------+   WANTNO <--------+ request off / peer stops
 *    +----------------------------------------------------+ (confirmed)
 * </pre>
 */
final class Negotiator {

    static final byte NO = 0;
    static final byte YES = 1;
    static final byte WANTNO = 2;
    static final byte WANTYES = 3;

    /** Which options each side may have on. */
    interface Policy {
        /** May we perform {@code option} (answer DO with WILL)? */
        boolean local(int option);

        /** May the peer perform {@code option} (answer WILL with DO)? */
        boolean remote(int option);
    }

    /** Where the negotiation's commands go and who hears about its outcomes. */
    interface Link {
        /** Send {@code IAC verb option}. */
        void send(int verb, int option);

        /** A request about {@code option} was settled: it is now on or off on that side. */
        void settled(int option, boolean local, boolean enabled);
    }

    private final byte[] us = new byte[256];
    private final byte[] him = new byte[256];
    private final boolean[] usOpposite = new boolean[256];
    private final boolean[] himOpposite = new boolean[256];
    private final Policy policy;
    private final Link link;

    Negotiator(Policy policy, Link link) {
        this.policy = policy;
        this.link = link;
    }

    /** Whether {@code option} is on for our side ({@code local}) or the peer's. */
    boolean enabled(int option, boolean local) {
        return (local ? us : him)[option] == YES;
    }

    /** The Q-method state of {@code option} on one side, for tests. */
    byte state(int option, boolean local) {
        return (local ? us : him)[option];
    }

    /** Asks to turn {@code option} on or off on one side (RFC 1143 "we want ..."). */
    void request(int option, boolean local, boolean enable) {
        byte[] s = local ? us : him;
        boolean[] q = local ? usOpposite : himOpposite;
        int yes = local ? WILL : DO;
        int no = local ? WONT : DONT;
        switch (s[option]) {
            case NO:
                if (enable) {
                    s[option] = WANTYES;
                    link.send(yes, option);
                }
                break;
            case YES:
                if (!enable) {
                    s[option] = WANTNO;
                    link.send(no, option);
                }
                break;
            case WANTNO:
                q[option] = enable;
                break;
            case WANTYES:
                q[option] = !enable;
                break;
            default:
                throw new AssertionError(s[option]);
        }
    }

    /** Handles {@code IAC verb option} from the peer. */
    void received(int verb, int option) {
        switch (verb) {
            case WILL: positive(him, himOpposite, option, false, DO, DONT); break;
            case DO: positive(us, usOpposite, option, true, WILL, WONT); break;
            case WONT: negative(him, himOpposite, option, false, DO, DONT); break;
            case DONT: negative(us, usOpposite, option, true, WILL, WONT); break;
            default: throw new IllegalArgumentException("not a negotiation verb: " + verb);
        }
    }

    /** The peer says WILL (for him) or DO (for us). */
    private void positive(byte[] s, boolean[] q, int option, boolean local, int yes, int no) {
        switch (s[option]) {
            case NO:
                if (local ? policy.local(option) : policy.remote(option)) {
                    s[option] = YES;
                    link.send(yes, option);
                    link.settled(option, local, true);
                } else {
                    link.send(no, option);
                }
                break;
            case YES:
                break;
            case WANTNO:
                // Our "no" was answered with "yes": RFC 1143 takes the peer at its word only when we
                // changed our mind meanwhile.
                s[option] = q[option] ? YES : NO;
                q[option] = false;
                link.settled(option, local, s[option] == YES);
                break;
            case WANTYES:
                if (q[option]) {
                    s[option] = WANTNO;
                    q[option] = false;
                    link.send(no, option);
                } else {
                    s[option] = YES;
                    link.settled(option, local, true);
                }
                break;
            default:
                throw new AssertionError(s[option]);
        }
    }

    /** The peer says WONT (for him) or DONT (for us). */
    private void negative(byte[] s, boolean[] q, int option, boolean local, int yes, int no) {
        switch (s[option]) {
            case NO:
                break;
            case YES:
                s[option] = NO;
                link.send(no, option);
                link.settled(option, local, false);
                break;
            case WANTNO:
                if (q[option]) {
                    s[option] = WANTYES;
                    q[option] = false;
                    link.send(yes, option);
                } else {
                    s[option] = NO;
                    link.settled(option, local, false);
                }
                break;
            case WANTYES:
                s[option] = NO;
                q[option] = false;
                link.settled(option, local, false);
                break;
            default:
                throw new AssertionError(s[option]);
        }
    }
}
