package org.jser2net.gensio.api.serial;

/** Flow control of a serial line (RFC 2217 SET-CONTROL values 1-3). */
public enum FlowControl {
    NONE(1), XONXOFF(2), RTSCTS(3);

    private final int rfc2217;

    FlowControl(int rfc2217) {
        this.rfc2217 = rfc2217;
    }

    public int rfc2217() {
        return rfc2217;
    }
}
