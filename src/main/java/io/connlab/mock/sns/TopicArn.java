package io.connlab.mock.sns;

import java.util.regex.Pattern;

/**
 * A topic's ARN, {@code arn:aws:sns:REGION:ACCOUNT:NAME}, checked the way SNS checks it:
 * too few parts, another service or a bad name is an {@code InvalidParameter} naming the
 * parameter the ARN came in.
 */
record TopicArn(String partition, String region, String account, String name) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern FIFO_NAME = Pattern.compile("[A-Za-z0-9_-]{1,251}\\.fifo");

    static TopicArn parse(String arn, String parameter) throws SnsError {
        String[] parts = arn.split(":", -1);
        if (parts.length < 6) {
            throw SnsError.invalidParameter(parameter + " Reason: An ARN must have at least 6 elements, not " + parts.length);
        }
        if (parts.length > 6 || !"arn".equals(parts[0]) || !parts[1].startsWith("aws") || !"sns".equals(parts[2])
                || parts[3].isEmpty() || !parts[4].matches("[0-9]{12}") || !validName(parts[5])) {
            throw SnsError.invalidParameter(parameter);
        }
        return new TopicArn(parts[1], parts[3], parts[4], parts[5]);
    }

    static boolean validName(String name) {
        return NAME.matcher(name).matches() || FIFO_NAME.matcher(name).matches();
    }

    boolean fifo() {
        return name.endsWith(".fifo");
    }

    TopicArn withName(String otherName) {
        return new TopicArn(partition, region, account, otherName);
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":sns:" + region + ":" + account + ":" + name;
    }
}
