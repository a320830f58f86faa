package dev.kiln.prep;

import dev.kiln.data.Checks;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An arithmetic expression over numeric columns, such as {@code charges / tenure} or
 * {@code log(1 + max(a, b)) ^ 2}: numbers, column names (or {@code `any name`} in back-quotes),
 * {@code + - * / ^}, unary minus, parentheses and the functions log, exp, sqrt, abs, min and max. Parsed
 * by {@link ExpressionParser}; evaluated column-wise without reflection or a script engine. Immutable.
 */
public sealed interface Expression {

    /** The value for every row of {@code frame}; NaN where an input is missing. */
    double[] evaluate(Frame frame);

    /** Calls {@code action} with every column name the expression reads. */
    void columns(Consumer<String> action);

    /** The expression parsed from {@code text}; {@link IllegalArgumentException} naming the position of a mistake. */
    static Expression parse(String text) {
        return new ExpressionParser(text).parse();
    }

    /** A number. */
    record Constant(double value) implements Expression {
        @Override
        public double[] evaluate(Frame frame) {
            double[] out = new double[frame.rowCount()];
            java.util.Arrays.fill(out, value);
            return out;
        }

        @Override
        public void columns(Consumer<String> action) {
        }
    }

    /** The values of a numeric column. */
    record ColumnRef(String name) implements Expression {
        @Override
        public double[] evaluate(Frame frame) {
            Checks.checkArgument(frame.has(name), "expression reads column '%s', which is absent", name);
            Checks.checkArgument(frame.column(name) instanceof NumericColumn,
                    "expression reads column '%s', which is %s, expected numeric", name, frame.column(name).kind().label());
            return ((NumericColumn) frame.column(name)).toArray();
        }

        @Override
        public void columns(Consumer<String> action) {
            action.accept(name);
        }
    }

    /** {@code left op right} for op in {@code + - * / ^}. */
    record Binary(char op, Expression left, Expression right) implements Expression {
        @Override
        public double[] evaluate(Frame frame) {
            double[] a = left.evaluate(frame);
            double[] b = right.evaluate(frame);
            for (int i = 0; i < a.length; i++) {
                a[i] = switch (op) {
                    case '+' -> a[i] + b[i];
                    case '-' -> a[i] - b[i];
                    case '*' -> a[i] * b[i];
                    case '/' -> a[i] / b[i];
                    case '^' -> Math.pow(a[i], b[i]);
                    default -> throw new IllegalStateException("unknown operator " + op);
                };
            }
            return a;
        }

        @Override
        public void columns(Consumer<String> action) {
            left.columns(action);
            right.columns(action);
        }
    }

    /** {@code -operand}. */
    record Negate(Expression operand) implements Expression {
        @Override
        public double[] evaluate(Frame frame) {
            double[] a = operand.evaluate(frame);
            for (int i = 0; i < a.length; i++) {
                a[i] = -a[i];
            }
            return a;
        }

        @Override
        public void columns(Consumer<String> action) {
            operand.columns(action);
        }
    }

    /** A function call: log, exp, sqrt, abs (one argument), min, max (two or more). */
    record Call(String function, List<Expression> arguments) implements Expression {
        /** The functions an expression may call. */
        public static final Set<String> FUNCTIONS = Set.of("log", "exp", "sqrt", "abs", "min", "max");

        public Call {
            arguments = List.copyOf(arguments);
        }

        @Override
        public double[] evaluate(Frame frame) {
            double[] a = arguments.get(0).evaluate(frame);
            for (int k = 1; k < arguments.size(); k++) {
                double[] b = arguments.get(k).evaluate(frame);
                for (int i = 0; i < a.length; i++) {
                    a[i] = function.equals("min") ? Math.min(a[i], b[i]) : Math.max(a[i], b[i]);
                }
            }
            if (arguments.size() == 1) {
                for (int i = 0; i < a.length; i++) {
                    a[i] = switch (function) {
                        case "log" -> Math.log(a[i]);
                        case "exp" -> Math.exp(a[i]);
                        case "sqrt" -> Math.sqrt(a[i]);
                        case "abs" -> Math.abs(a[i]);
                        default -> a[i];
                    };
                }
            }
            return a;
        }

        @Override
        public void columns(Consumer<String> action) {
            arguments.forEach(a -> a.columns(action));
        }
    }
}
