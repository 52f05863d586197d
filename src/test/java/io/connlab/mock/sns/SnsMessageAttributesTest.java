package io.connlab.mock.sns;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 8, item 7: MessageAttributes were neither validated nor counted toward the 256 KB.
 * Names, types and values are now checked as SNS checks them (ParameterValueInvalid), and every
 * part counts toward the message size. Talks to the mock with the AWS SDK and raw requests.
 */
class SnsMessageAttributesTest {
    @AutoClose
    private final SnsServer s = SnsServer.start();

    private void publish(String message, Map<String, MessageAttributeValue> attributes) {
        s.sns.publish(b -> b.topicArn(SnsServer.DEFAULT_ARN).message(message).messageAttributes(attributes));
    }

    private static MessageAttributeValue text(String type, String value) {
        return MessageAttributeValue.builder().dataType(type).stringValue(value).build();
    }

    @Test
    void wellFormedAttributesOfEveryTypeArePublished() {
        Map<String, MessageAttributeValue> a = new LinkedHashMap<>();
        a.put("store", text("String", "example_corp"));
        a.put("event.type-1_x", text("String.custom", "order_placed"));
        a.put("price", text("Number", "-12.50e3"));
        a.put("sizes", text("String.Array", "[\"S\", 2, true, null]"));
        a.put("thumb", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromByteArray(new byte[]{1, 2, 3})).build());
        publish("with attributes", a);
        assertEquals(1, s.api.published());
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @CsvSource(delimiter = '|', value = {
            ".starts          | String       | v         | Invalid message attribute name starting with character '.' was found.",
            "ends.            | String       | v         | Invalid message attribute name ending with character '.' was found.",
            "two..dots        | String       | v         | Message attribute name can not have successive '.' character.",
            "sp ace           | String       | v         | Invalid non-alphanumeric character '#x20' was found in the message attribute name.",
            "ok               | Text         | v         | has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.",
            "ok               | Number       | twelve    | with type 'Number' must hold a number",
            "ok               | Number       | 1e200     | between 10^-128 and 10^126",
            "ok               | String.Array | [1,[2]]   | must hold a JSON array",
            "ok               | String.Array | nope      | must hold a JSON array",
            "ok               | Binary       | v         | with type 'Binary' must use field 'Binary'."})
    void aBadNameTypeOrValueIsParameterValueInvalid(String name, String type, String value, String says) {
        InvalidParameterValueException e = assertThrows(InvalidParameterValueException.class,
                () -> publish("m", Map.of(name, text(type, value))));
        assertEquals("ParameterValueInvalid", e.awsErrorDetails().errorCode());
        assertTrue(e.awsErrorDetails().errorMessage().contains(says), e.awsErrorDetails().errorMessage());
        assertEquals(0, s.api.published());
    }

    @Test
    void aNameOver256CharactersIsRefused() {
        InvalidParameterValueException e = assertThrows(InvalidParameterValueException.class,
                () -> publish("m", Map.of("n".repeat(257), text("String", "v"))));
        assertEquals("Length of message attribute name must be less than 256 bytes.", e.awsErrorDetails().errorMessage());
    }

    @Test
    void attributesCountTowardTheMessageSize() {
        String message = "m".repeat(SnsApi.MAX_MESSAGE_BYTES - 100);
        publish(message, Map.of("n", text("String", "v".repeat(90)))); // 1 + 6 + 90 bytes: fits
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> publish(message, Map.of("n", text("String", "v".repeat(94))))); // 101 bytes: one too many
        assertEquals("Invalid parameter: Message too long", e.awsErrorDetails().errorMessage());
        assertEquals(1, s.api.published());
    }

    @Test
    void rawRequestsWithAMissingTypeOrValueOrMalformedParameterAreRefused() throws Exception {
        String publish = "Action=Publish&TopicArn=" + SnsServer.DEFAULT_ARN + "&Message=m";
        HttpResponse<String> noType = s.post(publish + "&MessageAttributes.entry.1.Name=a&MessageAttributes.entry.1.Value.StringValue=v");
        assertEquals(400, noType.statusCode());
        assertTrue(noType.body().contains("<Code>ValidationError</Code>"), noType.body());
        HttpResponse<String> noValue = s.post(publish + "&MessageAttributes.entry.1.Name=a&MessageAttributes.entry.1.Value.DataType=String");
        assertTrue(noValue.body().contains("must contain non-empty message attribute value"), noValue.body());
        HttpResponse<String> badBase64 = s.post(publish + "&MessageAttributes.entry.1.Name=a&MessageAttributes.entry.1.Value.DataType=Binary"
                + "&MessageAttributes.entry.1.Value.BinaryValue=%21%21%21");
        assertTrue(badBase64.body().contains("must hold base64"), badBase64.body());
        HttpResponse<String> unknown = s.post(publish + "&MessageAttributes.entry.1.Colour=red");
        assertEquals(400, unknown.statusCode());
        HttpResponse<String> twice = s.post(publish + "&MessageAttributes.entry.1.Name=a&MessageAttributes.entry.1.Value.DataType=String"
                + "&MessageAttributes.entry.1.Value.StringValue=v&MessageAttributes.entry.2.Name=a"
                + "&MessageAttributes.entry.2.Value.DataType=String&MessageAttributes.entry.2.Value.StringValue=w");
        assertTrue(twice.body().contains("more than once"), twice.body());
        assertEquals(0, s.api.published());
    }
}
