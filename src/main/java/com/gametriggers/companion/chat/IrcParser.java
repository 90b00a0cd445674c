package com.gametriggers.companion.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads one IRC line with IRCv3 tags. It never throws on input: a line it cannot read has a named problem. */
public final class IrcParser {

    private static final Pattern COMMAND = Pattern.compile("[A-Za-z]+|[0-9]{3}");

    /** A parsed line, or the kind of problem that made it unreadable (one short phrase, for logging per kind). */
    record Outcome(IrcMessage message, String problem) {

        static Outcome malformed(String problem) {
            return new Outcome(null, problem);
        }
    }

    private IrcParser() {
    }

    public static Optional<IrcMessage> parse(String line) {
        return Optional.ofNullable(read(line).message());
    }

    static Outcome read(String line) {
        String text = stripLineEnd(line == null ? "" : line);
        if (text.isBlank()) {
            return Outcome.malformed("empty line");
        }
        int pos = 0;
        Map<String, String> tags = Map.of();
        if (text.charAt(0) == '@') {
            int space = text.indexOf(' ');
            if (space < 0) {
                return Outcome.malformed("tags without a command");
            }
            tags = tags(text.substring(1, space));
            pos = skipSpaces(text, space);
        }
        String prefix = null;
        if (pos < text.length() && text.charAt(pos) == ':') {
            int space = text.indexOf(' ', pos);
            if (space < 0) {
                return Outcome.malformed("prefix without a command");
            }
            prefix = text.substring(pos + 1, space);
            pos = skipSpaces(text, space);
        }
        if (pos >= text.length()) {
            return Outcome.malformed("no command");
        }
        int end = wordEnd(text, pos);
        String command = text.substring(pos, end);
        if (!COMMAND.matcher(command).matches()) {
            return Outcome.malformed("invalid command");
        }
        List<String> params = new ArrayList<>();
        String trailing = null;
        pos = skipSpaces(text, end);
        while (pos < text.length()) {
            if (text.charAt(pos) == ':') {
                trailing = text.substring(pos + 1);
                break;
            }
            end = wordEnd(text, pos);
            params.add(text.substring(pos, end));
            pos = skipSpaces(text, end);
        }
        return new Outcome(new IrcMessage(tags, prefix, command, params, trailing), null);
    }

    private static Map<String, String> tags(String raw) {
        Map<String, String> tags = new HashMap<>();
        for (String pair : raw.split(";")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (!key.isEmpty()) {
                tags.put(key, equals < 0 ? "" : unescape(pair.substring(equals + 1)));
            }
        }
        return tags;
    }

    /** IRCv3 escaping; an unknown escape stands for the character itself and a lone final backslash is dropped. */
    static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\') {
                out.append(c);
            } else if (i + 1 < value.length()) {
                char escaped = value.charAt(++i);
                out.append(switch (escaped) {
                    case ':' -> ';';
                    case 's' -> ' ';
                    case 'r' -> '\r';
                    case 'n' -> '\n';
                    default -> escaped;
                });
            }
        }
        return out.toString();
    }

    private static String stripLineEnd(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return line.substring(0, end);
    }

    private static int skipSpaces(String text, int pos) {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
        return pos;
    }

    private static int wordEnd(String text, int pos) {
        int space = text.indexOf(' ', pos);
        return space < 0 ? text.length() : space;
    }
}
