package io.connlab.ui.dialog;

import io.connlab.ui.model.I18n;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ScrollPane;
import javafx.stage.Screen;
import javafx.stage.Window;

/**
 * What every dialog of the window shares with it: the window's font (the bundled CJK one, so
 * Chinese never falls back to a system font without it), type size (A+), stylesheets and
 * theme; a size that fits the screen it opens on, scrolling inside; and buttons in the
 * window's language (JavaFX's own OK and Cancel follow the JVM's locale, not the window's).
 */
public final class Dialogs {
    /** The share of the screen a dialog may take, leaving room for its title bar. */
    private static final double SCREEN_SHARE = 0.92;

    private Dialogs() {
    }

    /** "Cancel" in the window's language. */
    public static ButtonType cancel() {
        return new ButtonType(I18n.t("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    /** "OK" in the window's language. */
    public static ButtonType ok() {
        return new ButtonType(I18n.t("dialog.ok"), ButtonBar.ButtonData.OK_DONE);
    }

    /** Dresses a dialog's pane like {@code owner}'s window and fits it to the screen; its content scrolls when it must. */
    public static void dress(DialogPane pane, Window owner) {
        follow(pane, owner);
        Node content = pane.getContent();
        if (content != null && !(content instanceof ScrollPane)) {
            ScrollPane scroll = new ScrollPane(content);
            scroll.setFitToWidth(true);
            scroll.getStyleClass().add("edge-to-edge");
            pane.setContent(scroll);
        }
        Rectangle2D screen = screenOf(owner);
        pane.setMaxWidth(screen.getWidth() * SCREEN_SHARE);
        pane.setMaxHeight(screen.getHeight() * SCREEN_SHARE);
    }

    /** {@code root} takes {@code owner}'s font, type size, stylesheets and theme, and keeps following its type size. */
    public static void follow(Parent root, Window owner) {
        if (owner == null || owner.getScene() == null) return;
        Parent ownerRoot = owner.getScene().getRoot();
        root.getStylesheets().addAll(ownerRoot.getStylesheets());
        root.styleProperty().bind(ownerRoot.styleProperty());
        if (ownerRoot.getStyleClass().contains("dark") && !root.getStyleClass().contains("dark")) root.getStyleClass().add("dark");
    }

    /** The visual bounds of the screen {@code owner} is on (the primary screen without one). */
    public static Rectangle2D screenOf(Window owner) {
        if (owner != null) {
            var screens = Screen.getScreensForRectangle(owner.getX(), owner.getY(), Math.max(1, owner.getWidth()),
                    Math.max(1, owner.getHeight()));
            if (!screens.isEmpty()) return screens.get(0).getVisualBounds();
        }
        return Screen.getPrimary().getVisualBounds();
    }
}
