package dev.skillsync.fake;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The parts of a create-skill or create-version request: the text parts by name (the first of
 * each name) and the `files[]` by path.
 */
record MultipartUpload(Map<String, String> textParts, Map<String, byte[]> files) {

    private static final String FILES_PART = "files[]";
    private static final Pattern DISPOSITION_PARAMETER =
            Pattern.compile(";\\s*([A-Za-z0-9_*-]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^;\\s]*))");

    static MultipartUpload read(RecordedRequest request) {
        String boundary = boundary(request.getHeader("Content-Type"));
        Map<String, String> textParts = new LinkedHashMap<>();
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (MultipartReader reader = new MultipartReader(request.getBody().clone(), boundary)) {
            for (MultipartReader.Part part = reader.nextPart(); part != null; part = reader.nextPart()) {
                Map<String, String> disposition = disposition(part.headers().get("Content-Disposition"));
                String name = disposition.get("name");
                if (FILES_PART.equals(name)) {
                    addFile(files, disposition.get("filename"), part.body().readByteArray());
                } else if (name != null) {
                    textParts.putIfAbsent(name, part.body().readUtf8());
                }
            }
        } catch (IOException e) {
            throw ApiException.invalidRequest("Malformed multipart/form-data body: " + e.getMessage());
        }
        return new MultipartUpload(textParts, files);
    }

    /** The text part of this name, or null. */
    String text(String name) {
        return textParts.get(name);
    }

    /**
     * Refuses a text part the endpoint does not know, as the GA API refuses unknown fields.
     *
     * @throws ApiException 400 naming the first unknown part
     */
    void requireOnly(Set<String> knownTextParts) {
        textParts.keySet().stream()
                .filter(name -> !knownTextParts.contains(name))
                .findFirst()
                .ifPresent(name -> {
                    throw ApiException.invalidRequest("Unknown field '" + name + "' in the multipart/form-data body.");
                });
    }

    private static String boundary(String contentType) {
        MediaType mediaType = contentType == null ? null : MediaType.parse(contentType);
        if (mediaType == null
                || !mediaType.type().equals("multipart")
                || !mediaType.subtype().equals("form-data")) {
            throw ApiException.invalidRequest("Content-Type must be multipart/form-data, got '" + contentType + "'.");
        }
        String boundary = mediaType.parameter("boundary");
        if (boundary == null || boundary.isEmpty()) {
            throw ApiException.invalidRequest("The multipart/form-data Content-Type has no boundary.");
        }
        return boundary;
    }

    private static void addFile(Map<String, byte[]> files, String path, byte[] content) {
        if (path == null || path.isEmpty()) {
            throw ApiException.invalidRequest("Every 'files[]' part needs a filename holding the file's path.");
        }
        if (files.putIfAbsent(path, content) != null) {
            throw ApiException.invalidRequest("The file '" + path + "' was uploaded more than once.");
        }
    }

    private static Map<String, String> disposition(String header) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (header == null) {
            return parameters;
        }
        Matcher parameter = DISPOSITION_PARAMETER.matcher(header);
        while (parameter.find()) {
            String quoted = parameter.group(2);
            String value = quoted != null ? quoted.replaceAll("\\\\(.)", "$1") : parameter.group(3);
            parameters.put(parameter.group(1).toLowerCase(Locale.ROOT), value);
        }
        return parameters;
    }
}
