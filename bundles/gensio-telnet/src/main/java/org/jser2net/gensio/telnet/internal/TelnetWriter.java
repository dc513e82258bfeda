package org.jser2net.gensio.telnet.internal;

import java.nio.ByteBuffer;

import org.jser2net.gensio.api.Gensio;
import org.jser2net.gensio.api.GensioException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sending half of a telnet gensio. User data goes straight to the child up to the next 255;
 * from there it is doubled into the bounded {@link TelnetOutput}, which also carries the commands
 * and answers and is always emptied before more user data goes out. Writes take nothing while the
 * peer has suspended the flow (RFC 2217 FLOWCONTROL-SUSPEND) or after the child failed.
 */
final class TelnetWriter {

    private static final Logger LOG = LoggerFactory.getLogger(TelnetWriter.class);

    /** Hears when the output has been (partly) sent, to re-arm reads and write-ready. */
    interface Owner {
        void outputChanged();
    }

    private final Gensio child;
    private final TelnetOutput out;
    private final Owner owner;
    private boolean suspended;
    private GensioException failure;

    TelnetWriter(Gensio child, TelnetOutput out, Owner owner) {
        this.child = child;
        this.out = out;
        this.owner = owner;
    }

    /** Takes what the child (and the output's room) allow of {@code src}; see {@code Gensio.write}. */
    int write(ByteBuffer src) throws GensioException {
        if (failure != null) {
            throw failure;
        }
        if (!flush() || suspended) {
            return 0;
        }
        int start = src.position();
        while (src.hasRemaining()) {
            int limit = src.limit();
            int iac = Telnet.indexOfIac(src, src.position(), limit);
            if (iac > src.position()) {
                src.limit(iac);
                try {
                    child.write(src);
                } finally {
                    src.limit(limit);
                }
                if (src.position() < iac || iac == limit) {
                    break; // the child is full, or all is written
                }
            }
            out.encode(src);
            if (!flush()) {
                break;
            }
        }
        return src.position() - start;
    }

    /** Sends what the output holds; true when it is empty. Throws what the child's write threw. */
    boolean flush() throws GensioException {
        if (out.isEmpty()) {
            return true;
        }
        try {
            out.drainTo(child::write);
        } catch (GensioException e) {
            failure = e;
            throw e;
        }
        owner.outputChanged();
        return out.isEmpty();
    }

    /** As {@link #flush}, for event paths: a failing child reports its end itself. */
    void flushQuietly() {
        try {
            flush();
        } catch (GensioException e) {
            LOG.debug("telnet: cannot send to {}: {}", child.remoteAddress(), e.getMessage());
        }
    }

    boolean isEmpty() {
        return out.isEmpty();
    }

    boolean isSuspended() {
        return suspended;
    }

    /** Returns true when the state changed. */
    boolean suspend(boolean on) {
        boolean changed = suspended != on;
        suspended = on;
        return changed;
    }

    /** Fails all further writes with {@code error}, unless already failed; true if this was the first. */
    boolean fail(GensioException error) {
        if (failure != null) {
            return false;
        }
        failure = error;
        return true;
    }

    boolean hasFailed() {
        return failure != null;
    }

    /** Forgets the session: queued bytes, suspension, failure. */
    void reset() {
        out.clear();
        suspended = false;
        failure = null;
    }
}
