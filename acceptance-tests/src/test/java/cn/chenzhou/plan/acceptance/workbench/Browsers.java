package cn.chenzhou.plan.acceptance.workbench;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The browsers a test opened: a failed test leaves a picture of each page it failed on
 * ({@code target/workbench/failed-<test>-<n>.png}) and the page's text in the failure; every browser is closed after
 * the test.
 */
final class Browsers implements TestExecutionExceptionHandler, AfterEachCallback {
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        int n = 0;
        for (Workbench open : Workbench.open()) {
            try {
                open.screenshot("failed-" + context.getRequiredTestMethod().getName() + "-" + (++n));
                failure.addSuppressed(new AssertionError("the page when it failed (" + open.browser.getCurrentUrl() + "):\n"
                        + open.browser.findElement(org.openqa.selenium.By.tagName("body")).getText()));
            } catch (RuntimeException | java.io.IOException e) {
                failure.addSuppressed(e);
            }
        }
        throw failure;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Workbench.open().forEach(Workbench::close);
    }
}
