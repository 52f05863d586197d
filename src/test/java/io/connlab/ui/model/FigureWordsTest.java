package io.connlab.ui.model;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 21: a card's figures read "shortPoll.p50 = 408.8"; they are said in the window's words, with units, in its language. */
class FigureWordsTest {

    @AfterEach
    void backToEnglish() {
        I18n.use("en");
    }

    @Test
    void figuresAreSaidInWordsWithUnitsInBothLanguages() {
        assertEquals("Short poll: latency p50 408.8 ms", FigureWords.of("shortPoll.p50", 408.8));
        assertEquals("Pool: unpooled: 202 errors \"db-too-many-clients\"", FigureWords.of("unpooled.errors[\"db-too-many-clients\"]", 202));
        assertEquals("WebSocket: 1 closes with code 1009", FigureWords.of("websocket.closes[1009]", 1));
        assertEquals("Pool: pooled: connect p50 1.5 ms", FigureWords.of("pooled.connect.p50", 1.5));
        assertEquals("the run: 40 messages published", FigureWords.of("run.published", 40));
        I18n.use("zh");
        assertEquals("短轮询：延迟中位数 408.8 毫秒", FigureWords.of("shortPoll.p50", 408.8));
        assertEquals("长轮询：HTTP 504 响应 3 次", FigureWords.of("longPoll.status[504]", 3));
    }

    @Test
    void aFigureWithoutWordsIsShownAsItsExpression() {
        assertEquals("websocket.somethingNew = 2", FigureWords.of("websocket.somethingNew", 2));
    }
}
