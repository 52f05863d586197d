package io.connlab.ui.backend;

import javafx.application.Platform;
import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;

/**
 * While the Backend tab is shown, the lanes-over-tabs divider gives it room for the fault buttons
 * and {@link #ROWS} connection rows at the window's type size (at 1280×720 with A+ twice the tab
 * showed only the buttons and the titles); leaving the tab gives the lanes their room back, unless
 * the divider was dragged meanwhile. Measured after layout, so any type size and language fits.
 */
public final class BackendRoom {

    public static final int ROWS = 3;
    private static final double ROW_EMS = 2.1;
    private static final double LANES_LEAST = 0.25; // the lanes' titles and states stay in view

    private final SplitPane lanesOverTabs;
    private final TableView<?> connections;
    private final ObservableDoubleValue fontSize;
    private double before = Double.NaN; // the divider before this moved it
    private double moved = Double.NaN;  // where this put it

    private BackendRoom(SplitPane lanesOverTabs, TableView<?> connections, ObservableDoubleValue fontSize) {
        this.lanesOverTabs = lanesOverTabs;
        this.connections = connections;
        this.fontSize = fontSize;
    }

    /** Keeps room for {@code connections}' rows while {@code backendTab} is selected; {@code fontSize} changes re-measure. */
    public static void keep(SplitPane lanesOverTabs, Tab backendTab, TableView<?> connections, ObservableDoubleValue fontSize) {
        BackendRoom room = new BackendRoom(lanesOverTabs, connections, fontSize);
        backendTab.selectedProperty().addListener((o, was, is) -> {
            if (is) room.later();
            else room.giveBack();
        });
        fontSize.addListener((o, a, b) -> {
            if (backendTab.isSelected()) room.later();
        });
        // the first rows bring their buttons, taller than the empty table's lines
        connections.getItems().addListener((javafx.collections.ListChangeListener<Object>) c -> {
            if (backendTab.isSelected()) room.later();
        });
    }

    private void later() {
        Platform.runLater(this::makeRoom); // after the tab's first layout, when the table's rows have heights
    }

    private void makeRoom() {
        Node header = connections.lookup(".column-header-background");
        Node row = connections.lookup(".table-row-cell");
        double total = lanesOverTabs.getHeight();
        if (header == null || total <= 0) return;
        // from the header's foot to the lower of the table's foot and the split's (a squeezed tab clips its
        // content rather than shrinking it; the placeholder hides the rows' flow, so not the flow's height)
        double headerFoot = header.localToScene(header.getLayoutBounds()).getMaxY();
        double tableFoot = connections.localToScene(connections.getLayoutBounds()).getMaxY() - connections.getInsets().getBottom();
        double splitFoot = lanesOverTabs.localToScene(lanesOverTabs.getLayoutBounds()).getMaxY() - 8; // the tab's padding
        double rowsRoom = Math.min(tableFoot, splitFoot) - headerFoot;
        double rowHeight = Math.max(fontSize.get() * ROW_EMS, row == null ? 0 : row.getLayoutBounds().getHeight());
        double missing = ROWS * rowHeight + 2 - rowsRoom;
        if (missing <= 1) return;
        double now = lanesOverTabs.getDividerPositions()[0];
        double wanted = Math.max(LANES_LEAST, now - missing / total);
        if (Double.isNaN(before)) before = now;
        moved = wanted;
        lanesOverTabs.setDividerPositions(wanted);
    }

    private void giveBack() {
        if (Double.isNaN(before)) return;
        double now = lanesOverTabs.getDividerPositions()[0];
        if (Math.abs(now - moved) < 0.01) lanesOverTabs.setDividerPositions(before);
        before = Double.NaN;
        moved = Double.NaN;
    }
}
