package io.connlab.mock.sns;

import com.fasterxml.jackson.databind.JsonNode;
import io.connlab.mock.RoomName;
import io.connlab.mock.http.HttpIo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Publish's {@code MessageAttributes.entry.N.Name} / {@code .Value.DataType} /
 * {@code .Value.StringValue} / {@code .Value.BinaryValue}, checked as SNS checks them, and
 * their size: every part (name, type, value) counts toward the 256 KB message limit.
 * The mock's subscribers get the message text and its room (the String attribute {@code room},
 * ConnLab's own); the other attributes go no further.
 */
final class MessageAttributes {
    private static final Pattern PARAMETER = Pattern.compile(
            "MessageAttributes\\.entry\\.(\\d{1,9})\\.(Name|Value\\.DataType|Value\\.StringValue|Value\\.BinaryValue)");
    private static final Pattern TYPE = Pattern.compile("(String|Number|Binary)(\\..+)?");
    static final int MAX_NAME_LENGTH = 256;
    static final int MAX_TYPE_BYTES = 256;
    /** The attribute that names the message's room. */
    static final String ROOM = "room";

    private MessageAttributes() {
    }

    /** Checks every attribute in the request; returns their size in bytes (0 when there are none). */
    static long checkedSize(Map<String, String> p) throws SnsError {
        Map<Integer, String[]> entries = new TreeMap<>();
        for (Map.Entry<String, String> e : p.entrySet()) {
            if (!e.getKey().startsWith("MessageAttributes.")) continue;
            Matcher m = PARAMETER.matcher(e.getKey());
            if (!m.matches()) {
                throw SnsError.invalidParameter("MessageAttributes Reason: unknown parameter " + SnsError.shorten(e.getKey()));
            }
            String[] parts = entries.computeIfAbsent(Integer.parseInt(m.group(1)), n -> new String[4]);
            parts[part(m.group(2))] = e.getValue();
        }
        Set<String> names = new HashSet<>();
        long size = 0;
        for (String[] a : entries.values()) {
            String name = a[0];
            if (name == null || name.isEmpty()) throw SnsError.invalidParameter("MessageAttributes Reason: an entry has no Name");
            if (!names.add(name)) {
                throw valueInvalid("Message attribute name '" + SnsError.shorten(name) + "' is given more than once.");
            }
            checkName(name);
            size += utf8(name) + checkValue(name, a[1], a[2], a[3]);
        }
        return size;
    }

    /**
     * The message's room: the String attribute {@code room}, the default room without it. Call after
     * {@link #checkedSize}; a room that is no room name, or not a String, is {@code InvalidParameter}.
     */
    static String room(Map<String, String> p) throws SnsError {
        for (Map.Entry<String, String> e : p.entrySet()) {
            Matcher m = PARAMETER.matcher(e.getKey());
            if (!m.matches() || !m.group(2).equals("Name") || !ROOM.equals(e.getValue())) continue;
            String entry = "MessageAttributes.entry." + m.group(1) + ".Value.";
            if (!"String".equals(p.get(entry + "DataType"))) {
                throw SnsError.invalidParameter("MessageAttributes room Reason: must be of type String");
            }
            String room = p.get(entry + "StringValue");
            String problem = RoomName.problem(room);
            if (problem != null) throw SnsError.invalidParameter("MessageAttributes room Reason: " + problem);
            return room;
        }
        return RoomName.DEFAULT;
    }

    private static int part(String suffix) {
        return switch (suffix) {
            case "Name" -> 0;
            case "Value.DataType" -> 1;
            case "Value.StringValue" -> 2;
            default -> 3;
        };
    }

    /** A-Z a-z 0-9 _ - . ; not starting or ending with '.', no '..', at most 256 characters. */
    private static void checkName(String name) throws SnsError {
        if (name.length() > MAX_NAME_LENGTH) throw valueInvalid("Length of message attribute name must be less than 256 bytes.");
        if (name.startsWith(".")) {
            throw valueInvalid("Invalid message attribute name starting with character '.' was found.");
        }
        if (name.endsWith(".")) {
            throw valueInvalid("Invalid message attribute name ending with character '.' was found.");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c < 0x80 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.');
            if (!ok) {
                throw valueInvalid("Invalid non-alphanumeric character '#x" + Integer.toHexString(name.codePointAt(i)).toUpperCase()
                        + "' was found in the message attribute name. Can only include alphanumeric characters, hyphens,"
                        + " underscores, or dots.");
            }
            if (c == '.' && name.charAt(i - 1) == '.') {
                throw valueInvalid("Message attribute name can not have successive '.' character.");
            }
        }
    }

    /** Checks the type and its value; returns the bytes they count toward the message size. */
    private static long checkValue(String name, String type, String text, String binary) throws SnsError {
        String n = SnsError.shorten(name);
        if (type == null) {
            throw new SnsError(400, "ValidationError", "1 validation error detected: Value null at 'messageAttributes." + n
                    + ".member.dataType' failed to satisfy constraint: Member must not be null");
        }
        Matcher t = TYPE.matcher(type);
        if (!t.matches() || utf8(type) > MAX_TYPE_BYTES) {
            throw valueInvalid("The message attribute '" + n + "' has an invalid message attribute type, the set of supported"
                    + " type prefixes is Binary, Number, and String.");
        }
        boolean isBinary = t.group(1).equals("Binary");
        String field = isBinary ? "Binary" : "String";
        String value = isBinary ? binary : text;
        if (text == null && binary == null || value != null && value.isEmpty()) {
            throw valueInvalid("The message attribute '" + n + "' must contain non-empty message attribute value for message"
                    + " attribute type '" + SnsError.shorten(type) + "'.");
        }
        if (value == null) {
            throw valueInvalid("The message attribute '" + n + "' with type '" + SnsError.shorten(type) + "' must use field '"
                    + field + "'.");
        }
        long valueBytes = isBinary ? decodedBase64(n, value) : utf8(value);
        if (t.group(1).equals("Number")) checkNumber(n, value);
        if (type.equals("String.Array")) checkArray(n, value);
        return utf8(type) + valueBytes;
    }

    /** Up to 38 significant digits, from -10^126 to 10^126, as SNS documents for Number. */
    private static void checkNumber(String name, String value) throws SnsError {
        BigDecimal number;
        try {
            number = new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw valueInvalid("The message attribute '" + name + "' with type 'Number' must hold a number, not '"
                    + SnsError.shorten(value) + "'.");
        }
        BigDecimal abs = number.abs();
        boolean ok = number.stripTrailingZeros().precision() <= 38 && abs.compareTo(BigDecimal.TEN.pow(126)) <= 0
                && (abs.signum() == 0 || abs.compareTo(BigDecimal.ONE.movePointLeft(128)) >= 0);
        if (!ok) {
            throw valueInvalid("The message attribute '" + name + "' with type 'Number' must have at most 38 significant digits"
                    + " and lie between 10^-128 and 10^126.");
        }
    }

    /** A JSON array of strings, numbers, true, false or null. */
    private static void checkArray(String name, String value) throws SnsError {
        JsonNode array;
        try {
            array = HttpIo.JSON.readTree(value);
        } catch (java.io.IOException e) {
            array = null;
        }
        boolean ok = array != null && array.isArray();
        for (int i = 0; ok && i < array.size(); i++) ok = array.get(i).isValueNode();
        if (!ok) {
            throw valueInvalid("The message attribute '" + name + "' with type 'String.Array' must hold a JSON array of strings,"
                    + " numbers, true, false or null.");
        }
    }

    private static long decodedBase64(String name, String value) throws SnsError {
        try {
            return Base64.getDecoder().decode(value).length;
        } catch (IllegalArgumentException e) {
            throw valueInvalid("The message attribute '" + name + "' with type 'Binary' must hold base64, which its BinaryValue"
                    + " is not.");
        }
    }

    private static SnsError valueInvalid(String message) {
        return new SnsError(400, "ParameterValueInvalid", message);
    }

    private static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
