package org.jser2net.gensio.api;

import static org.jser2net.gensio.api.Stacks.flag;
import static org.jser2net.gensio.api.Stacks.layer;
import static org.jser2net.gensio.api.Stacks.opt;
import static org.jser2net.gensio.api.Stacks.stack;
import static org.jser2net.gensio.api.Stacks.terminal;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real ser2net and gensio stack strings (ser2net-behaviour.md, gensio-protocols.md, gensio(5),
 * ser2net.yaml(5)) with the structure they must parse to and their canonical print.
 */
class StackParserTableTest {

    static Stream<Arguments> realStacks() {
        return Stream.of(
                row("telnet(rfc2217),tcp,3001", null,
                        stack(layer("telnet", flag("rfc2217")), terminal("tcp", "3001"))),
                row("telnet(rfc2217),mux,certauth(),ssl(key=/etc/ser2net/ser2net.key,cert=/etc/ser2net/ser2net.crt),tcp,3001",
                        "telnet(rfc2217),mux,certauth,ssl(key=/etc/ser2net/ser2net.key,cert=/etc/ser2net/ser2net.crt),tcp,3001",
                        stack(layer("telnet", flag("rfc2217")), layer("mux"), layer("certauth"),
                                layer("ssl", opt("key", "/etc/ser2net/ser2net.key"), opt("cert", "/etc/ser2net/ser2net.crt")),
                                terminal("tcp", "3001"))),
                row("serialdev,/dev/ttyUSB0,115200n81,local", null,
                        stack(terminal("serialdev", "/dev/ttyUSB0", "115200n81", "local"))),
                row("serialdev,$T/ttyC,115200e71,local,rtscts", null,
                        stack(terminal("serialdev", "$T/ttyC", "115200e71", "local", "rtscts"))),
                row("keepopen(retry-time=2000,discard-badwrites),serialdev,/dev/ttyUSB0,115200n81,local", null,
                        stack(layer("keepopen", opt("retry-time", "2000"), flag("discard-badwrites")),
                                terminal("serialdev", "/dev/ttyUSB0", "115200n81", "local"))),
                row("conacc(retry-time=100),serialdev,/dev/ttyS0,9600n81", null,
                        stack(layer("conacc", opt("retry-time", "100")), terminal("serialdev", "/dev/ttyS0", "9600n81"))),
                row("ratelimit(xmit_len=1,xmit_delay=1m),sdev,/dev/ttyS0,9600", null,
                        stack(layer("ratelimit", opt("xmit_len", "1"), opt("xmit_delay", "1m")),
                                terminal("sdev", "/dev/ttyS0", "9600"))),
                row("ipmisol,lan -U user -P pass host,115200", null,
                        stack(terminal("ipmisol", "lan -U user -P pass host", "115200"))),
                row("ipmisol,lan -U ipmiusr -P test -p 9001 127.0.0.1,115200", null,
                        stack(terminal("ipmisol", "lan -U ipmiusr -P test -p 9001 127.0.0.1", "115200"))),
                row("tcp,ipv6,::1,2000", null, stack(terminal("tcp", "ipv6", "::1", "2000"))),
                row("tcp,::1,3000", null, stack(terminal("tcp", "::1", "3000"))),
                // Syntax only: gensio accepts no brackets, so the tcp terminal rejects "[::1]" later.
                row("tcp,[::1],3000", null, stack(terminal("tcp", "[::1]", "3000"))),
                row("tcp,ipv4,localhost,3000", null, stack(terminal("tcp", "ipv4", "localhost", "3000"))),
                row("tcp,ipv6,3000", null, stack(terminal("tcp", "ipv6", "3000"))),
                row("tcp,ipv6n4,::1,1234", null, stack(terminal("tcp", "ipv6n4", "::1", "1234"))),
                row("tcp,localhost,3000,ipv4,127.0.0.2,3001", null,
                        stack(terminal("tcp", "localhost", "3000", "ipv4", "127.0.0.2", "3001"))),
                row("tcp,127.0.0.1,3001", null, stack(terminal("tcp", "127.0.0.1", "3001"))),
                row("tcp(readbuf=100),localhost,4000", null,
                        stack(terminal("tcp", List.of(opt("readbuf", "100")), "localhost", "4000"))),
                row("telnet,tcp,localhost,4000", null, stack(layer("telnet"), terminal("tcp", "localhost", "4000"))),
                row("telnet(rfc2217=false),tcp,3005", null,
                        stack(layer("telnet", opt("rfc2217", "false")), terminal("tcp", "3005"))),
                row("telnet,sctp,2003", null, stack(layer("telnet"), terminal("sctp", "2003"))),
                row("sctp(laddr=\"localhost,4001\"),localhost,3023", null,
                        stack(terminal("sctp", List.of(opt("laddr", "localhost,4001")), "localhost", "3023"))),
                row("udp,2000", null, stack(terminal("udp", "2000"))),
                row("relpkt,udp,localhost,3000", null, stack(layer("relpkt"), terminal("udp", "localhost", "3000"))),
                row("echo", null, stack(layer("echo"))),
                row("echo(noecho)", null, stack(layer("echo", flag("noecho")))),
                row("echo(data=hello)", null, stack(layer("echo", opt("data", "hello")))),
                row("dummy", null, stack(layer("dummy"))),
                row("stdio(self)", null, stack(layer("stdio", flag("self")))),
                row("unix,/tmp/ser2net.sock", null, stack(terminal("unix", "/tmp/ser2net.sock"))),
                row("file(infile=/tmp/in,outfile=/tmp/out)", null,
                        stack(layer("file", opt("infile", "/tmp/in"), opt("outfile", "/tmp/out")))),
                row("xlt(nlcr),serialdev,/dev/ttyS0,9600n81", null,
                        stack(layer("xlt", flag("nlcr")), terminal("serialdev", "/dev/ttyS0", "9600n81"))),
                row("trace(dir=both,file=/tmp/t.log,raw),tcp,3000", null,
                        stack(layer("trace", opt("dir", "both"), opt("file", "/tmp/t.log"), flag("raw")),
                                terminal("tcp", "3000"))),
                row("telnet(rfc2217),mux(writebuf=65496,readbuf=1048128),certauth(enable-password,username=U,"
                        + "cert=c.pem,key=k.pem),ssl(CA=~/.gtlssh/server_certs/),tcp(readbuf=20000),ipv4,localhost,2000", null,
                        stack(layer("telnet", flag("rfc2217")),
                                layer("mux", opt("writebuf", "65496"), opt("readbuf", "1048128")),
                                layer("certauth", flag("enable-password"), opt("username", "U"),
                                        opt("cert", "c.pem"), opt("key", "k.pem")),
                                layer("ssl", opt("CA", "~/.gtlssh/server_certs/")),
                                terminal("tcp", List.of(opt("readbuf", "20000")), "ipv4", "localhost", "2000"))),
                // ser2net's own test harness runs the daemon through stdio with quoted -Y lines.
                row("stdio,/usr/sbin/ser2net -t 4 -Y 'connection: &y1#  accepter: tcp,127.0.0.1,3401'", null,
                        stack(terminal("stdio", "/usr/sbin/ser2net -t 4 -Y 'connection: &y1#  accepter: tcp,127.0.0.1,3401'"))),
                row("serialdev,/dev/ttyS0,9600n81,rs485=\"12:34,rts_on_send\"", null,
                        stack(terminal("serialdev", "/dev/ttyS0", "9600n81", "rs485=\"12:34,rts_on_send\""))));
    }

    private static Arguments row(String input, String canonical, StackSpec expected) {
        return Arguments.of(input, canonical == null ? input : canonical, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realStacks")
    void parsesToTheExpectedStructureAndPrintsCanonically(String input, String canonical, StackSpec expected) {
        StackSpec parsed = StackSpec.parse(input);
        assertEquals(expected, parsed);
        assertEquals(canonical, parsed.toString());
        assertEquals(parsed, StackSpec.parse(canonical));
        assertEquals(canonical, StackSpec.parse(canonical).toString());
    }
}
