package io.connlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClientSeqsTest {
    private static final long NONE = ClientSeqs.NONE;

    @Test
    void inOrderDeliveriesLoseNothing() {
        ClientSeqs c = new ClientSeqs(NONE);
        for (long s = 1; s <= 100; s++) {
            assertEquals(ClientSeqs.Outcome.NEW, c.deliver(s, 1));
        }
        assertEquals(0, c.lost(100, 1));
    }

    @Test
    void repeatsAreDuplicatesWhetherBehindOrInsideTheWindow() {
        ClientSeqs c = new ClientSeqs(NONE);
        c.deliver(1, 1);
        c.deliver(2, 1);
        c.deliver(5, 1);
        assertEquals(ClientSeqs.Outcome.DUPLICATE, c.deliver(1, 1)); // below the floor
        assertEquals(ClientSeqs.Outcome.DUPLICATE, c.deliver(5, 1)); // in the window
        assertEquals(ClientSeqs.Outcome.NEW, c.deliver(3, 1));
    }

    @Test
    void holesUpToTheSettledSeqAreLostAndLaterOnesAreNotJudged() {
        ClientSeqs c = new ClientSeqs(NONE);
        for (long s : new long[] {1, 2, 4, 7, 8}) {
            c.deliver(s, 1);
        }
        // missing 3, 5, 6; settled at 8 -> 3 lost; settled at 10 -> 9, 10 missing too
        assertEquals(3, c.lost(8, 1));
        assertEquals(5, c.lost(10, 1));
        assertEquals(1, c.lost(4, 1)); // only 3 is judged
        c.deliver(5, 1); // late, out of order
        assertEquals(2, c.lost(8, 1));
    }

    @Test
    void aClientExpectedFromTheStartMissesWhatCameBeforeItsFirstDelivery() {
        ClientSeqs c = new ClientSeqs(NONE);
        c.deliver(11, 1); // seqs 1..10 never came
        assertEquals(10, c.lost(11, 1));
    }

    @Test
    void aLateJoinerIsJudgedFromItsOwnStartAndEarlierSeqsAreNotDuplicates() {
        ClientSeqs c = new ClientSeqs(50);
        assertEquals(ClientSeqs.Outcome.EARLY, c.deliver(49, 1)); // was in flight when it joined
        c.deliver(50, 1);
        c.deliver(52, 1);
        assertEquals(1, c.lost(52, 1)); // only 51; 1..49 were never expected
        assertEquals(0, c.lost(40, 1));
        assertEquals(50, c.expectedFrom(1));
    }

    @Test
    void aClientThatNeverReceivedMissedTheWholeRange() {
        ClientSeqs c = new ClientSeqs(NONE);
        assertEquals(20, c.lost(20, 1));
        assertEquals(0, new ClientSeqs(30).lost(20, 1));
    }

    @Test
    void aJumpBeyondTheWindowGivesUpOnTheSkippedSeqsInBoundedMemory() {
        ClientSeqs c = new ClientSeqs(NONE);
        c.deliver(1, 1);
        c.deliver(3, 1);
        long far = 1 + 3 * ClientSeqs.WINDOW;
        c.deliver(far, 1); // everything between 3 and far never came
        assertEquals(far - 3, c.lost(far, 1));
        // a huge jump (a client away a long time) costs no more memory or time
        long farther = far + 1_000_000_000L;
        c.deliver(farther, 1);
        assertEquals(farther - 4, c.lost(farther, 1)); // all but 1, 3 and far
    }

    @Test
    void longRunWithEveryTenthMissingCountsExactly() {
        ClientSeqs c = new ClientSeqs(NONE);
        for (long s = 1; s <= 100_000; s++) {
            if (s % 10 != 0) {
                c.deliver(s, 1);
            }
        }
        assertEquals(10_000, c.lost(100_000, 1));
        assertEquals(9_999, c.lost(99_999, 1));
    }

    @Test
    void outOfOrderWithinTheWindowIsNotLoss() {
        ClientSeqs c = new ClientSeqs(NONE);
        for (long s = 1000; s >= 1; s--) {
            assertEquals(ClientSeqs.Outcome.NEW, c.deliver(s, 1));
        }
        assertEquals(0, c.lost(1000, 1));
    }
}
