package io.connlab.ui;

import io.connlab.ui.model.I18n;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** {@link ProjectorTest}'s 1280×720 check with the window in Chinese, built as the app builds it after the language menu. */
@ExtendWith(ApplicationExtension.class)
class ProjectorInChineseTest extends OnDemoWindow {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        I18n.use("zh"); // as ConnLabApp does when 中文 is chosen: the words are read as the views are built
        open(stage);
    }

    @AfterEach
    void backToEnglish() {
        I18n.use("en");
    }

    @Test
    void at1280x720WithAPlusTwiceTheToolbarTakesTwoRowsAndNothingIsCut(FxRobot robot) {
        ProjectorTest.assertFitsAProjector(robot, stage, window);
    }
}
