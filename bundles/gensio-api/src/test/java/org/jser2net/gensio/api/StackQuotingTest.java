package org.jser2net.gensio.api;

import static org.jser2net.gensio.api.Stacks.flag;
import static org.jser2net.gensio.api.Stacks.layer;
import static org.jser2net.gensio.api.Stacks.opt;
import static org.jser2net.gensio.api.Stacks.stack;
import static org.jser2net.gensio.api.Stacks.terminal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Quotes, escapes, whitespace and the grouping extension, checked against gensio's rules. */
class StackQuotingTest {

    private static String value(String stack) {
        return StackSpec.parse(stack).top().option("data").orElseThrow();
    }

    @Test
    void quotesAndEscapesAreDecodedInOptions() {
        assertEquals("a b", value("echo(data='a b')"));
        assertEquals("a,b)c", value("echo(data=\"a,b)c\")"));
        assertEquals("x y", value("echo(da\"ta=x y\")"));          // a quote may start mid-token
        assertEquals("x,y", value("echo(\"data=x,y\")"));
        assertEquals("a\"b", value("echo(data=\"a\\\"b\")"));      // escapes work inside quotes
        assertEquals("it's", value("echo(data=\"it's\")"));
        assertEquals("a,b c", value("echo(data=a\\,b\\ c)"));
        assertEquals("a\nb\tc\r\u0007\b\f\u000B", value("echo(data=a\\nb\\tc\\r\\a\\b\\f\\v)"));
        assertEquals("AAJ8q", value("echo(data=\\101\\x41\\x4a\\8\\q)"));
        assertEquals("\u00007", value("echo(data=\\0007)"));         // at most three octal digits
        assertEquals("\u00ffz", value("echo(data=\\xffz)"));        // at most two hex digits
        assertEquals("\u0001g", value("echo(data=\\1g)"));
        assertEquals("b=c", value("echo(data=b=c)"));                // split at the first '='
        assertEquals("", value("echo(data=)"));
        assertEquals("", value("echo(data='')"));
        assertEquals("ü€", value("echo(data=ü€)"));
    }

    @Test
    void whitespaceAndCommasSeparateOptionsAndEmptyOnesVanish() {
        assertEquals(stack(layer("telnet", flag("rfc2217"), opt("mode", "server")), terminal("tcp", "1")),
                StackSpec.parse("telnet( rfc2217 ,, mode=server\t\n),tcp,1"));
    }

    @Test
    void whitespaceBeforeATypeIsSkippedButArgumentsKeepTheirs() {
        StackSpec s = StackSpec.parse("  telnet(rfc2217),\n tcp,  localhost, 3000 ");
        assertEquals(stack(layer("telnet", flag("rfc2217")), terminal("tcp", "localhost", " 3000 ")), s);
        assertEquals("telnet(rfc2217),tcp,localhost, 3000 ", s.toString());
    }

    @Test
    void argumentsStayRawAndSplitOnlyAtUnprotectedCommas() {
        LayerSpec t = StackSpec.parse("stdio,sh -c 'echo a,b' \"x,y\" z\\,w,last").terminal();
        assertEquals(List.of("sh -c 'echo a,b' \"x,y\" z\\,w", "last"), t.args());
        assertEquals("sh -c 'echo a,b' \"x,y\" z\\,w,last", t.argText());
        assertEquals(List.of(""), StackSpec.parse("echo,").terminal().args());
        assertEquals(List.of("", "3000"), StackSpec.parse("tcp,,3000").terminal().args());
        assertEquals(List.of(), StackSpec.parse("tcp()").terminal().args());
        assertEquals(List.of("3000)"), StackSpec.parse("tcp,3000)").terminal().args());
    }

    @Test
    void wordsSplitsLikeGensioArgv() {
        String spaces = " \t\n\r\f\u000B";
        assertEquals(List.of("lan", "-U", "my user", "-P", "p q", "host"),
                StackSpec.words("lan -U 'my user'  -P p\\ q host", spaces));
        assertEquals(List.of("9600n81", "local", "rs485=12:34,rts_on_send"),
                StackSpec.words("9600n81, local,rs485=\"12:34,rts_on_send\"", spaces + ","));
        assertEquals(List.of("a)b"), StackSpec.words("a)b", spaces));
        assertThrows(StackSyntaxException.class, () -> StackSpec.words("don't", spaces));
    }

    @Test
    void anUnbalancedParenthesisInAValueParsesAsGensioDoes() {
        // gensio: '(' is ordinary and the first unquoted ')' ends the options.
        assertEquals("a(b", value("echo(data=a(b)"));
        assertEquals(stack(terminal("x", List.of(opt("y", "b(c")), "d)")),
                StackSpec.parse("x(y=b(c),d)", t -> false));
    }

    @Test
    void quotedOrGroupedStacksInValues() {
        StackSpec quoted = StackSpec.parse("conacc(x='mux(a=1,b=2)'),tcp,1");
        StackSpec grouped = StackSpec.parse("conacc(x=mux(a=1,b=2)),tcp,1");
        assertEquals(quoted, grouped);
        assertEquals("mux(a=1,b=2)", quoted.top().option("x").orElseThrow());
        assertEquals("conacc(x=\"mux(a=1,b=2)\"),tcp,1", grouped.toString());
        // A group is kept verbatim, so a nested stack keeps its own quoting.
        StackSpec nested = StackSpec.parse("keepopen(inner=ssl(key='a,b'),retry-time=5),tcp,1");
        assertEquals(layer("keepopen", opt("inner", "ssl(key='a,b')"), opt("retry-time", "5")), nested.top());
        assertEquals(nested, StackSpec.parse(nested.toString()));
    }

    @Test
    void printerQuotesOnlyWhereNeeded() {
        assertEquals("echo(data=a=b(c)", print(opt("data", "a=b(c")));
        assertEquals("echo(data=)", print(opt("data", "")));
        assertEquals("echo(data=\"a b\")", print(opt("data", "a b")));
        assertEquals("echo(data='say \"hi\"')", print(opt("data", "say \"hi\"")));
        assertEquals("echo(data=\"it's \\\"x\\\"\")", print(opt("data", "it's \"x\"")));
        assertEquals("echo(data=\"a\\\\b\")", print(opt("data", "a\\b")));
        assertEquals("echo(data=\"a\\nb\\001\\1772\")", print(opt("data", "a\nb\u0001\u007f2")));
        assertEquals("echo(\"a b\"=1,\"x)\")", StackPrinter.layer(layer("echo", opt("a b", "1"), flag("x)"))));
    }

    private static String print(Option o) {
        return StackPrinter.layer(layer("echo", o));
    }

    @Test
    void theFilterPredicateDecidesWhereArgumentsStart() {
        assertEquals(stack(layer("foo"), terminal("bar", "1")), StackSpec.parse("foo,bar,1", "foo"::equals));
        assertEquals(stack(terminal("foo", "bar", "1")), StackSpec.parse("foo,bar,1", t -> false));
    }

    @Test
    void valuesThatCannotBePrintedAreRejectedWhenBuilt() {
        assertThrows(IllegalArgumentException.class, () -> terminal("tcp", "a,b"));
        assertThrows(IllegalArgumentException.class, () -> terminal("tcp", "'a"));
        assertThrows(IllegalArgumentException.class, () -> terminal("tcp", "a\\"));
        assertThrows(IllegalArgumentException.class, () -> terminal("tcp", " a"));
        assertEquals(List.of("a", " b"), terminal("tcp", "a", " b").args());
        assertThrows(IllegalArgumentException.class, () -> layer("t cp"));
        assertThrows(IllegalArgumentException.class, () -> layer(""));
        assertThrows(IllegalArgumentException.class, () -> layer("echo", opt("a=b", "c")));
        assertThrows(IllegalArgumentException.class, () -> stack(terminal("tcp", "1"), layer("echo")));
    }
}
