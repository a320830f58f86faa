package dev.kiln.data.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.data.Checks;
import dev.kiln.data.Frame;
import dev.kiln.data.InvalidDataException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A line-oriented log (UTF-8, optionally {@code .gz}; one path or a glob): each line matched in whole by a regular
 * expression whose named groups ({@code (?<level>\w+)}) become the columns, or, with {@code json}, one JSON
 * object per line. Blank lines are ignored. A line that does not fit fails with its file and line, or with
 * {@code onError = "skip"} is skipped and counted in a note.
 */
public record LogSource(String path, String pattern, boolean json, String onError) implements Source {
    private static final Pattern GROUP = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public LogSource {
        Checks.checkArgument(path != null && !path.isBlank(), "log path must not be blank");
        Checks.checkArgument(json == (pattern == null), "log source needs exactly one of pattern and json");
        onError = onError == null ? "fail" : onError;
        Checks.checkArgument(onError.equals("fail") || onError.equals("skip"), "on_error must be fail or skip: '%s'", onError);
        if (pattern != null) {
            Pattern.compile(pattern);
            Checks.checkArgument(GROUP.matcher(pattern).find(), "pattern has no named group such as (?<level>\\w+): '%s'", pattern);
        }
    }

    @Override
    public Frame read(SourceContext context) throws IOException {
        Pattern compiled = pattern == null ? null : Pattern.compile(pattern);
        List<String> groups = new ArrayList<>();
        if (pattern != null) {
            GROUP.matcher(pattern).results().forEach(m -> groups.add(m.group(1)));
        }
        TextTable table = new TextTable(context.missing());
        long skipped = 0;
        for (Path file : Globs.expand(context, path, this)) {
            skipped += readFile(file, compiled, groups, table);
        }
        if (skipped > 0) {
            context.notes().accept(describe() + ": skipped " + skipped + " line(s) that did not match");
        }
        return table.toFrame(context.kinds(), describe());
    }

    private long readFile(Path file, Pattern compiled, List<String> groups, TextTable table) throws IOException {
        long skipped = 0;
        long lineNumber = 0;
        try (BufferedReader reader = open(file)) {
            for (String line; (line = reader.readLine()) != null; ) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                if (!addLine(line, compiled, groups, table)) {
                    if (onError.equals("fail")) {
                        throw new InvalidDataException(file + ":" + lineNumber + ": line does not "
                                + (json ? "hold a JSON object" : "match the pattern"));
                    }
                    skipped++;
                }
            }
        } catch (CharacterCodingException e) {
            throw new InvalidDataException(file + ":" + (lineNumber + 1) + ": invalid UTF-8 byte sequence");
        }
        return skipped;
    }

    private static boolean addLine(String line, Pattern compiled, List<String> groups, TextTable table) {
        if (compiled == null) {
            try {
                JsonNode node = MAPPER.readTree(line);
                return JsonRecords.add(table, node);
            } catch (IOException e) {
                return false;
            }
        }
        Matcher m = compiled.matcher(line);
        if (!m.matches()) {
            return false;
        }
        table.newRow();
        for (String group : groups) {
            table.set(group, m.group(group));
        }
        return true;
    }

    private static BufferedReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    }

    @Override
    public String describe() {
        return "log " + path;
    }
}
