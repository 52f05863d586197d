package io.connlab.mock.poll;

/**
 * One published message as pollers see it.
 *
 * @param seq         position in the stream, from 1, with no holes
 * @param data        the published text, unchanged
 * @param publishedAt when the store took it, epoch milliseconds
 */
public record Message(long seq, String data, long publishedAt) {
}
