package org.jser2net.gensio.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad stack strings: the exception names the zero-based position and what was expected. */
class StackSyntaxErrorTest {

    @ParameterizedTest(name = "[{0}] fails at {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``                           | 0  | empty stack",
        "`   `                        | 3  | empty stack",
        ",tcp                         | 0  | expected a gensio type",
        "(x),tcp                      | 0  | expected a gensio type",
        "telnet,,tcp,3000             | 7  | the child of \"telnet\"",
        "telnet                       | 6  | needs a child",
        "telnet(rfc2217)              | 15 | needs a child",
        "telnet,                      | 7  | but the string ends",
        "telnet, ,                    | 8  | expected a gensio type",
        "telnet(rfc2217               | 6  | unclosed '('",
        "telnet(rfc2217,tcp,3000      | 6  | unclosed '('",
        "telnet,ssl(                  | 10 | unclosed '('",
        "echo(data='abc)              | 10 | unclosed quote",
        "echo(data=\"a\\\"b)          | 10 | unclosed quote",
        "serialdev,/dev/ttyS0,'9600   | 21 | unclosed quote",
        "stdio,echo don't             | 14 | unclosed quote",
        "echo(data=abc\\              | 13 | trailing backslash",
        "tcp,3000\\                   | 8  | trailing backslash",
        "echo(data=\\xg)              | 10 | hex digit",
        "telnet(rfc2217)x,tcp,3000    | 15 | expected ',' or the end",
        "telnet(rfc2217) ,tcp,3000    | 15 | expected ',' or the end",
        "tcp ,3000                    | 3  | after type \"tcp\"",
        "t$cp,1                       | 1  | after type \"t\"",
        "echo(=x)                     | 5  | option name before '='",
        "echo(a,'')                   | 7  | empty option",
        "keepopen(x=mux(a=1)),        | 21 | the child of \"keepopen\"",
        "keepopen(x=mux(a=1           | 14 | unclosed '(' in an option value",
    })
    void reportsPositionAndExpectation(String input, int position, String expected) {
        StackSyntaxException e = assertThrows(StackSyntaxException.class, () -> StackSpec.parse(input));
        assertEquals(position, e.position(), e.getMessage());
        assertEquals(input, e.input());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains("at position " + position), e.getMessage());
    }

    @Test
    void nullIsAnEmptyStack() {
        StackSyntaxException e = assertThrows(StackSyntaxException.class, () -> StackSpec.parse(null));
        assertEquals(0, e.position());
    }
}
