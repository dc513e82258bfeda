package org.jser2net.gensio.telnet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.jser2net.gensio.api.serial.SerialEvent;
import org.jser2net.gensio.api.serial.SerialEvent.Kind;
import org.junit.jupiter.api.Test;

/** The RFC 2217 client codec: requests byte for byte as gensio sends them, answers paired, timeouts. */
class ComPortClientTest implements ComPortLink {

    private final List<String> sent = new ArrayList<>();
    private final List<SerialEvent> notes = new ArrayList<>();
    private final List<Boolean> suspends = new ArrayList<>();
    private final ComPortClient client = new ComPortClient(this, 5_000);

    @Override
    public void send(byte[] data, int length) {
        sent.add(Hex.of(data, 0, length));
    }

    @Override
    public void event(SerialEvent event) {
        notes.add(event);
    }

    @Override
    public void suspend(boolean suspended) {
        suspends.add(suspended);
    }

    private void answer(String hex) {
        byte[] b = Hex.parse(hex);
        client.suboption(b, b.length);
    }

    @Test
    void gensiotsDumpIsSentAndAnsweredInAnyOrder() throws Exception {
        CompletableFuture<Object> sig = client.signature(0);
        CompletableFuture<Object> baud = client.baud(0, 0);
        CompletableFuture<Object> parity = client.value(Rfc2217.SET_PARITY, 0, 0);
        CompletableFuture<Object> size = client.value(Rfc2217.SET_DATASIZE, 0, 0);
        CompletableFuture<Object> stop = client.value(Rfc2217.SET_STOPSIZE, 0, 0);
        assertEquals(List.of("00", "0100000000", "0300", "0200", "0400"), sent);
        // ser2net's answers from the capture, shuffled: each finds its own request
        answer("6801");
        answer("64736572326e6574");
        answer("6608");
        answer("6500002580");
        answer("6701");
        assertEquals("ser2net", sig.get());
        assertEquals(9600, baud.get());
        assertEquals(1, parity.get());
        assertEquals(8, size.get());
        assertEquals(1, stop.get());
        assertFalse(client.hasPending());
    }

    @Test
    void controlAnswersArePairedByGroup() throws Exception {
        CompletableFuture<Object> dtr = client.control(Rfc2217.CONTROL_DTR, 1, 0);
        CompletableFuture<Object> flow = client.control(Rfc2217.CONTROL_FLOW, 3, 0);
        assertEquals(List.of("0508", "0503"), sent);
        answer("6903");
        assertTrue(flow.isDone());
        assertFalse(dtr.isDone(), "a flow answer does not complete the DTR request");
        answer("6909");
        assertEquals(2, dtr.get(), "the server says DTR is off");
        assertEquals(3, flow.get());
    }

    @Test
    void ciscoAnswerSwitchesTheEncoding() throws Exception {
        CompletableFuture<Object> first = client.baud(9600, 0);
        answer("6508");
        assertEquals(9600, first.get());
        client.baud(115200, 0);
        assertEquals("010e", sent.get(1));
    }

    @Test
    void notificationsAndFlowFromTheServer() throws Exception {
        CompletableFuture<Object> modem = client.modemMask(0xff, 0);
        assertEquals("0bff", sent.get(0));
        answer("6b30");
        assertEquals(0x30, modem.get());
        assertEquals(0x30, client.modemState());
        answer("6a10");
        answer("6c");
        answer("6d");
        assertEquals(List.of(SerialEvent.of(Kind.MODEM_STATE, 0x30), SerialEvent.of(Kind.LINE_STATE, 0x10)), notes);
        assertEquals(List.of(true, false), suspends);
        client.lineMask(0x10);
        client.flowState(true);
        assertEquals(List.of("0bff", "0a10", "08"), sent);
    }

    @Test
    void unansweredRequestsTimeOutAndOthersStay() {
        CompletableFuture<Object> early = client.value(Rfc2217.SET_DATASIZE, 7, 0);
        CompletableFuture<Object> late = client.value(Rfc2217.PURGE_DATA, 3, 4_000);
        client.expire(4_999);
        assertFalse(early.isDone());
        client.expire(5_000);
        assertTrue(early.isCompletedExceptionally());
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, early::get);
        assertTrue(e.getCause().getMessage().contains("SET-DATASIZE"), e.getCause().getMessage());
        assertFalse(late.isDone());
        answer("7003");
        assertEquals(3, late.join());
        client.value(Rfc2217.SET_PARITY, 2, 0);
        client.failAll("closed");
        assertFalse(client.hasPending());
    }

    @Test
    void serverCommandsAndGarbageAreIgnored() {
        CompletableFuture<Object> size = client.value(Rfc2217.SET_DATASIZE, 7, 0);
        answer("02");   // a client command, not an answer
        answer("66");   // an answer without a value
        answer("");
        answer("c8ff");
        assertFalse(size.isDone());
    }
}
