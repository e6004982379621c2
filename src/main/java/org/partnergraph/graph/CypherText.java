package org.partnergraph.graph;

/**
 * Fills a statement template the way {@link String#formatted} does for the only specifiers statement templates
 * use: {@code %s}, {@code %1$s}, {@code %12$s} …, {@code %%} and {@code %n}. The read planner fills several templates
 * for every request it compiles; {@code String.formatted} parses its template with a regular expression each time,
 * which profiled as a visible share of the planner's CPU. Any other specifier is refused, so a template that needs
 * more says so at once instead of being filled wrongly.
 */
public final class CypherText {

    private CypherText() {
    }

    public static String fill(String template, Object... arguments) {
        StringBuilder out = new StringBuilder(template.length() + 64 * arguments.length);
        int next = 0;
        int length = template.length();
        for (int i = 0; i < length; i++) {
            char c = template.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i + 1 >= length) {
                throw new IllegalArgumentException("a lone % ends the template");
            }
            char d = template.charAt(i + 1);
            if (d == 's') {
                out.append(argument(arguments, next++));
                i++;
            } else if (d == '%') {
                out.append('%');
                i++;
            } else if (d == 'n') {
                out.append(System.lineSeparator());
                i++;
            } else if (d >= '1' && d <= '9') {
                int end = i + 1;
                int index = 0;
                while (end < length && Character.isDigit(template.charAt(end))) {
                    index = index * 10 + (template.charAt(end++) - '0');
                }
                if (end + 1 >= length || template.charAt(end) != '$' || template.charAt(end + 1) != 's') {
                    throw new IllegalArgumentException("unsupported specifier at " + i + ": "
                            + template.substring(i, Math.min(length, end + 2)));
                }
                out.append(argument(arguments, index - 1));
                i = end + 1;
            } else {
                throw new IllegalArgumentException("unsupported specifier at " + i + ": "
                        + template.substring(i, Math.min(length, i + 4)));
            }
        }
        return out.toString();
    }

    private static String argument(Object[] arguments, int index) {
        if (index >= arguments.length) {
            throw new IllegalArgumentException("the template refers to argument " + (index + 1) + " of "
                    + arguments.length);
        }
        return String.valueOf(arguments[index]);
    }
}
