package dev.settle.sandbox;

import dev.settle.SettleClient;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link SettleSandbox} for a JUnit 5 test class: started once before the class's first
 * test, reset to the demo data before each test, and closed after the class. Tests get the sandbox
 * and a {@link SettleClient} pointed at it, so each test starts from the same known state without
 * paying for a new server.
 *
 * <p>Declared with {@code @ExtendWith}, it injects parameters of either type into test methods,
 * lifecycle methods and constructors:
 *
 * <pre>{@code
 * @ExtendWith(SettleSandboxExtension.class)
 * class CheckoutTest {
 *   @Test
 *   void paysAnInvoice(SettleClient settle, SettleSandbox sandbox) { ... }
 * }
 * }</pre>
 *
 * <p>Registered on a static field, it also answers {@link #server()} and {@link #client()}:
 *
 * <pre>{@code
 * @RegisterExtension
 * static SettleSandboxExtension sandbox = SettleSandboxExtension.create();
 *
 * @Test
 * void paysAnInvoice() {
 *   sandbox.client().account(CustomerId.of("200001")).invoices()...;
 * }
 * }</pre>
 *
 * <p>{@code @Nested} classes share their outermost class's sandbox. Tests of one class must not
 * run concurrently with each other, since each resets the shared state; separate classes get
 * separate sandboxes. Needs JUnit Jupiter 5 on the test classpath (this artifact declares it
 * {@code provided}).
 */
@SuppressWarnings("exports") // JUnit's types: a module using the extension requires JUnit itself
public final class SettleSandboxExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SettleSandboxExtension.class);

  private volatile Running running;

  /** For {@code @ExtendWith}; in code, {@link #create()} reads better. */
  public SettleSandboxExtension() {}

  /** {@return an extension to register with {@code @RegisterExtension} on a static field} */
  public static SettleSandboxExtension create() {
    return new SettleSandboxExtension();
  }

  /**
   * The sandbox of the running test class.
   *
   * @return the sandbox
   * @throws IllegalStateException before the extension has started it
   */
  public SettleSandbox server() {
    return started().sandbox;
  }

  /**
   * A client of the running test class's sandbox, built once with its URL and API key.
   *
   * @return the client
   * @throws IllegalStateException before the extension has started the sandbox
   */
  public SettleClient client() {
    return started().client();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    running = running(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    running = running(context);
    running.sandbox.reset();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == SettleSandbox.class || type == SettleClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Running current = running(context);
    return parameter.getParameter().getType() == SettleSandbox.class ? current.sandbox : current.client();
  }

  private Running started() {
    Running current = running;
    if (current == null) {
      throw new IllegalStateException("The sandbox starts with the test class; register this extension with "
          + "@RegisterExtension on a static field, or ask for it from a test or lifecycle method");
    }
    return current;
  }

  /** The sandbox of the outermost test class around {@code context}, started on first use. */
  private static Running running(ExtensionContext context) {
    ExtensionContext outermostClass = context;
    Optional<ExtensionContext> parent = context.getParent();
    while (parent.isPresent() && parent.get().getParent().isPresent()) {
      outermostClass = parent.get();
      parent = outermostClass.getParent();
    }
    return outermostClass.getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, key -> new Running(), Running.class);
  }

  /**
   * A started sandbox and its client, closed by JUnit with the class's store. Both close
   * interfaces are implemented so that JUnit versions before 5.13, which only know the deprecated
   * one, close it too.
   */
  @SuppressWarnings("deprecation")
  private static final class Running implements AutoCloseable, ExtensionContext.Store.CloseableResource {
    final SettleSandbox sandbox = SettleSandbox.builder().build().start();
    private SettleClient client;

    synchronized SettleClient client() {
      if (client == null) {
        client = SettleClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).build();
      }
      return client;
    }

    @Override
    public void close() {
      sandbox.close();
    }
  }
}
