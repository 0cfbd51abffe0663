package org.modeldao.app.base;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.server.LoadDependenciesOnStartup;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Page shell of every view. Vaadin 25 has no default theme: Lumo is loaded explicitly, and the
 * project's stylesheet (frontend/styles, served from META-INF/resources) on top of it.
 *
 * <p>{@code @LoadDependenciesOnStartup}: the production bundle loads every component the app uses
 * with the page, instead of a chunk per view fetched after the view's first server response; that
 * extra round trip cost more than the parse it saved (docs/benchmarks.md, ui-pages).
 */
@Push
@LoadDependenciesOnStartup
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("context://styles/model-dao.css")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Model DAO");
    }
}
