package nl.monitor.keycloak;

import nl.monitor.testsupport.Axe;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NotFoundException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the Keycloak suite's browser tests do alike with a page of the dashboard or the questionnaire in headless
 * Chromium: sign in at Keycloak's own login page (Authorization Code + PKCE, checked on the way), click once clickable,
 * wait with a deadline, wait for the page's view to be ready, run a script, and run axe-core (test-support's {@link Axe})
 * for serious or critical violations. test-support's {@code HeadlessChromium} starts the browser; this class only drives
 * it.
 */
final class DashboardBrowser {

    static final Duration DEADLINE = Duration.ofSeconds(30);

    private final WebDriver driver;
    private final String issuer;

    /** {@code issuer}: the realm's issuer URL (the login page is asked for under it). */
    DashboardBrowser(WebDriver driver, String issuer) {
        this.driver = driver;
        this.issuer = issuer;
    }

    /**
     * On Keycloak's login page (waits for it): checks that the page was asked for with a code flow and PKCE of this
     * realm, then signs in.
     */
    void signInAtKeycloak(String user, String password) {
        visible(By.id("username"));
        assertThat(driver.getCurrentUrl()).startsWith(issuer + "/protocol/openid-connect/auth")
                .contains("code_challenge_method=S256").contains("response_type=code");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
    }

    /** Clicks the element once it is displayed and enabled, within the deadline (see {@link #visible(By)}). */
    void click(By by) {
        wait(DEADLINE).until(driver -> whileTheDocumentSettles(() -> {
            WebElement element = driver.findElement(by);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return null;
            }
            element.click();
            return true;
        }));
    }

    void click(String id) {
        click(By.id(id));
    }

    WebDriverWait wait(Duration deadline) {
        return new WebDriverWait(driver, deadline);
    }

    /** The element is displayed, within the deadline. */
    void visible(By by) {
        wait(DEADLINE).until(driver -> whileTheDocumentSettles(() -> {
            WebElement element = driver.findElement(by);
            return element.isDisplayed() ? element : null;
        }));
    }

    /**
     * One look at the page, where "not there yet" is {@code null} so the wait looks again. A redirect (signing in or out
     * passes through Keycloak) can replace the document between finding an element and using it: Chromium then answers
     * "stale element" or "Node with given id does not belong to the document"; both mean "not yet". Any other error
     * fails the wait at once.
     */
    private static <T> T whileTheDocumentSettles(Supplier<T> look) {
        try {
            return look.get();
        } catch (NotFoundException | StaleElementReferenceException e) {
            return null;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return null;
            }
            throw e;
        }
    }

    /** The dashboard's view ({@code #view}) has rendered its data (its {@code data-state} is "ready"). */
    void awaitReady() {
        awaitState("view", "ready");
    }

    /** The element's {@code data-state} attribute reaches the state, within the deadline. */
    void awaitState(String id, String state) {
        wait(DEADLINE).until(ExpectedConditions.attributeToBe(By.id(id), "data-state", state));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** axe-core's serious and critical violations of the page as it is now, one line each. */
    List<String> seriousViolations() {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(Axe.source());
        driver.manage().timeouts().scriptTimeout(DEADLINE);
        return Axe.serious(js.executeAsyncScript(Axe.RUN));
    }

    void assertNoSeriousViolations(String state) {
        assertThat(seriousViolations()).as(state).isEmpty();
    }
}
