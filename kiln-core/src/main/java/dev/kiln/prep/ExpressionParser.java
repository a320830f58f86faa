package dev.kiln.prep;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser of {@link Expression}s. Grammar, lowest precedence first:
 * <pre>
 * sum     = product (('+' | '-') product)*
 * product = unary (('*' | '/') unary)*
 * unary   = '-' unary | power
 * power   = atom ('^' unary)?          (right-associative; -2^2 = -4)
 * atom    = number | name | `quoted name` | function '(' sum (',' sum)* ')' | '(' sum ')'
 * </pre>
 * Not thread-safe; one parser per text.
 */
final class ExpressionParser {
    private final String text;
    private int position;

    ExpressionParser(String text) {
        this.text = text;
    }

    Expression parse() {
        Expression expression = sum();
        skipSpaces();
        if (position < text.length()) {
            throw error("unexpected '" + text.charAt(position) + "'");
        }
        return expression;
    }

    private Expression sum() {
        Expression left = product();
        while (accept('+') || accept('-')) {
            char op = text.charAt(position - 1);
            left = new Expression.Binary(op, left, product());
        }
        return left;
    }

    private Expression product() {
        Expression left = unary();
        while (accept('*') || accept('/')) {
            char op = text.charAt(position - 1);
            left = new Expression.Binary(op, left, unary());
        }
        return left;
    }

    private Expression unary() {
        if (accept('-')) {
            return new Expression.Negate(unary());
        }
        return power();
    }

    private Expression power() {
        Expression base = atom();
        if (accept('^')) {
            return new Expression.Binary('^', base, unary());
        }
        return base;
    }

    private Expression atom() {
        skipSpaces();
        if (position >= text.length()) {
            throw error("expected a number, a column or '('");
        }
        char ch = text.charAt(position);
        if (accept('(')) {
            Expression inner = sum();
            expect(')');
            return inner;
        }
        if (ch == '`') {
            int end = text.indexOf('`', position + 1);
            if (end < 0) {
                throw error("unclosed back-quote");
            }
            String name = text.substring(position + 1, end);
            position = end + 1;
            return new Expression.ColumnRef(name);
        }
        if (Character.isDigit(ch) || ch == '.') {
            return number();
        }
        if (Character.isLetter(ch) || ch == '_') {
            int start = position;
            while (position < text.length() && (Character.isLetterOrDigit(text.charAt(position))
                    || text.charAt(position) == '_' || text.charAt(position) == '.')) {
                position++;
            }
            String name = text.substring(start, position);
            if (accept('(')) {
                return call(name, start);
            }
            return new Expression.ColumnRef(name);
        }
        throw error("unexpected '" + ch + "'");
    }

    private Expression call(String function, int start) {
        if (!Expression.Call.FUNCTIONS.contains(function)) {
            position = start;
            throw error("unknown function '" + function + "' (known: abs, exp, log, max, min, sqrt)");
        }
        List<Expression> arguments = new ArrayList<>();
        arguments.add(sum());
        while (accept(',')) {
            arguments.add(sum());
        }
        expect(')');
        boolean pairwise = function.equals("min") || function.equals("max");
        if (pairwise ? arguments.size() < 2 : arguments.size() != 1) {
            position = start;
            throw error(function + " takes " + (pairwise ? "two or more arguments" : "one argument") + ", got " + arguments.size());
        }
        return new Expression.Call(function, arguments);
    }

    private Expression number() {
        int start = position;
        while (position < text.length() && (Character.isDigit(text.charAt(position)) || text.charAt(position) == '.')) {
            position++;
        }
        if (position < text.length() && (text.charAt(position) == 'e' || text.charAt(position) == 'E')) {
            position++;
            if (position < text.length() && (text.charAt(position) == '+' || text.charAt(position) == '-')) {
                position++;
            }
            while (position < text.length() && Character.isDigit(text.charAt(position))) {
                position++;
            }
        }
        try {
            return new Expression.Constant(Double.parseDouble(text.substring(start, position)));
        } catch (NumberFormatException e) {
            position = start;
            throw error("bad number '" + text.substring(start, Math.min(text.length(), start + 12)) + "'");
        }
    }

    private boolean accept(char expected) {
        skipSpaces();
        if (position < text.length() && text.charAt(position) == expected) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(char expected) {
        if (!accept(expected)) {
            throw error("expected '" + expected + "'");
        }
    }

    private void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException("expression '" + text + "' at position " + (position + 1) + ": " + message);
    }
}
