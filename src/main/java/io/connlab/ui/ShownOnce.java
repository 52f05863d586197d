package io.connlab.ui;

import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Tab;

/**
 * A tab whose content joins the scene the first time the tab is selected (issue 23): a tab the
 * first screen does not show costs its CSS and layout passes only when someone opens it, not in
 * the lab's first frame, where the window's start-up time goes (docs/PERFORMANCE.md). The content
 * is built beforehand as usual; only its place in the scene waits.
 */
final class ShownOnce {

    private ShownOnce() {
    }

    /** Sets {@code content} on {@code tab} now if it is selected, else on its first selection. */
    static void content(Tab tab, Node content) {
        if (tab.isSelected()) {
            tab.setContent(content);
            return;
        }
        ChangeListener<Boolean> first = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean is) {
                if (!is) return;
                tab.selectedProperty().removeListener(this);
                tab.setContent(content);
            }
        };
        tab.selectedProperty().addListener(first);
    }
}
