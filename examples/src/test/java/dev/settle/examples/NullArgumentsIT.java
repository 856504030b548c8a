package dev.settle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import dev.settle.AccountClient;
import dev.settle.CallListener;
import dev.settle.HttpLogger;
import dev.settle.RequestOptions;
import dev.settle.RetryPolicy;
import dev.settle.SettleClient;
import dev.settle.banktransfer.BankTransfer;
import dev.settle.banktransfer.Bic;
import dev.settle.banktransfer.CreditorReference;
import dev.settle.banktransfer.Iban;
import dev.settle.card.CardDetails;
import dev.settle.card.CardProvider;
import dev.settle.exception.SettleException;
import dev.settle.exception.ValidationException;
import dev.settle.model.CustomerId;
import dev.settle.model.InvoiceId;
import dev.settle.model.LicenseId;
import dev.settle.model.Money;
import dev.settle.model.PaymentId;
import dev.settle.model.PaymentMethodDetails;
import dev.settle.model.PaymentMethodId;
import dev.settle.model.PaymentMethodInput;
import dev.settle.model.Portal;
import dev.settle.model.WebhookEndpointId;
import dev.settle.paypal.PayPal;
import dev.settle.paypal.PayPalSetupId;
import dev.settle.sandbox.SettleSandbox;
import dev.settle.spi.PaymentMethodProvider;
import dev.settle.spi.ProviderContext;
import dev.settle.webhooks.WebhookSigner;
import dev.settle.webhooks.WebhookVerifier;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okio.Buffer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The null rule, held to the whole public API by reflection: every public method and constructor
 * of the classes an application calls (the client and its facades, builders, value factories,
 * webhooks, the providers' public types, the sandbox and its helpers) refuses a null argument
 * with a {@link ValidationException} whose reason is {@code REQUIRED} and whose param names the
 * parameter, thrown by the call itself, {@code …Async} forms included.
 *
 * <p>Each reference parameter in turn gets null, the others a valid sample. The client points at
 * a closed loopback port and makes one attempt, so a method that forgets its check fails fast with
 * a connection error, or returns a future, instead of passing. The classes are found in the
 * modules' jars, so a public class added later is checked without being named here.
 */
class NullArgumentsIT {
  /** The modules whose public classes are checked, each by one of its classes. */
  private static final List<Class<?>> MODULES =
      List.of(SettleClient.class, CardDetails.class, PayPal.class, BankTransfer.class, SettleSandbox.class);

  /**
   * The deliberate exceptions, all in one place. Every parameter here takes null as its
   * documentation says and is annotated {@code @Nullable} (which {@link
   * #theNullableParametersAreExactlyTheListedOnes} holds both ways); called with null, it must not
   * fail with a {@code NullPointerException}.
   */
  private static final Set<String> NULLABLE = Set.of(
      // Checks that never throw: null is as invalid as any other text.
      "CardNumber.check(String)#0", "CardNumber.isValid(String)#0",
      "Iban.check(String)#0", "Iban.isValid(String)#0",
      "Bic.check(String)#0", "Bic.isValid(String)#0",
      "CreditorReference.check(String)#0", "CreditorReference.isValid(String)#0",
      // Builders that report every refused field at build(): null is left for it, as a blank is.
      "CardDetails.Builder.number(String)#0", "CardDetails.Builder.cvc(String)#0",
      "CardDetails.Builder.holderName(String)#0",
      "EpcQrCode.Builder.payeeName(String)#0", "EpcQrCode.Builder.iban(String)#0",
      "EpcQrCode.Builder.iban(Iban)#0", "EpcQrCode.Builder.bic(String)#0", "EpcQrCode.Builder.bic(Bic)#0",
      "EpcQrCode.Builder.amount(Money)#0", "EpcQrCode.Builder.purpose(String)#0",
      "EpcQrCode.Builder.reference(String)#0", "EpcQrCode.Builder.reference(CreditorReference)#0",
      "EpcQrCode.Builder.remittanceText(String)#0", "EpcQrCode.Builder.noteToPayer(String)#0",
      // A header a request lacks: refused as a missing header, which the verifier reports.
      "WebhookVerifier.verify(byte[],String,String,String)#1", "WebhookVerifier.verify(byte[],String,String,String)#2",
      "WebhookVerifier.verify(byte[],String,String,String)#3", "WebhookVerifier.verify(String,String,String,String)#1",
      "WebhookVerifier.verify(String,String,String,String)#2", "WebhookVerifier.verify(String,String,String,String)#3",
      // Wire values: an event without a type, a JSON field that was missing.
      "WebhookEventType.of(String)#0", "StrictJson.required(Object,String,String)#0",
      // Sandbox fixtures: a transfer's value date (null for the sandbox's now), an account's customer
      // id (null for the next free one), a license's renewal (null for one not yet activated).
      "SettleSandbox.receiveTransfer(long,String,String,Instant)#3",
      "SettleSandbox.createAccount(String,Portal,String,String)#0",
      "SettleSandbox.createLicense(String,String,int,long,Instant)#4");

  private enum Expectation { REQUIRED, NULLABLE, NOT_HELD }

  /**
   * What null must do to parameter {@code index} of {@code member}. Besides {@link #NULLABLE},
   * three kinds of setter that Immutables generates for the model's test builders are not held to
   * the rule: of an optional field (null sets none), of a whole list, map, {@code Optional} or
   * array (read before any check can run), and of an entry of an event's {@code data} map (kept as
   * sent, nulls included). {@link #members} leaves out methods whose contract a JDK type sets
   * ({@code equals}, {@code Comparable.compareTo}, {@code Clock.withZone}, an enum's {@code
   * valueOf}) and a program's {@code main}.
   */
  private static Expectation expectation(Executable member, int index, String name) {
    if (NULLABLE.contains(name)) {
      return Expectation.NULLABLE;
    }
    if (member instanceof Method method && generated(method)) {
      Class<?> parameter = method.getParameterTypes()[index];
      boolean whole = parameter.isArray() || Optional.class.isAssignableFrom(parameter)
          || Iterable.class.isAssignableFrom(parameter) || Map.class.isAssignableFrom(parameter)
          || Map.Entry.class.isAssignableFrom(parameter);
      boolean dataEntry = method.getName().equals("putData");
      if (whole || dataEntry) {
        return Expectation.NOT_HELD;
      }
      if (optionalField(method)) {
        return Expectation.NULLABLE;
      }
    }
    return Expectation.REQUIRED;
  }

  private static SettleClient client;
  private static SettleSandbox sandbox;
  private static final Map<Class<?>, Supplier<?>> SAMPLES = new HashMap<>();

  @BeforeAll
  static void samples() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    client = SettleClient.builder().baseUrl(URI.create("http://127.0.0.1:" + closedPort + "/"))
        .apiKey("sk_test_null_rule").retryPolicy(RetryPolicy.none()).build();
    sandbox = SettleSandbox.builder().build();
    AccountClient account = client.account(CustomerId.of("200001"));
    Path file = Files.createTempFile("settle-null-rule", ".pdf");
    Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    CardDetails card = CardDetails.builder().number("4242424242424242").expiry(12, 2040).cvc("123").build();
    Moshi moshi = new Moshi.Builder().build();

    sample(String.class, () -> "EUR");
    sample(byte[].class, () -> "{}".getBytes(StandardCharsets.UTF_8));
    sample(String[].class, () -> new String[] {"sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="});
    sample(URI.class, () -> URI.create("https://shop.example.com/paypal/return"));
    sample(Path.class, () -> file);
    sample(Duration.class, () -> Duration.ofSeconds(1));
    sample(Clock.class, () -> clock);
    sample(Instant.class, () -> Instant.parse("2026-01-01T00:00:00Z"));
    sample(YearMonth.class, () -> YearMonth.of(2040, 12));
    sample(BigDecimal.class, () -> new BigDecimal("119.00"));
    sample(Currency.class, () -> Currency.getInstance("EUR"));
    sample(Optional.class, Optional::empty);
    sample(Map.class, Map::of);
    sample(List.class, List::of);
    sample(Collection.class, List::of);
    sample(Iterable.class, List::of);
    sample(Function.class, () -> (Function<Object, Object>) value -> null);
    sample(Consumer.class, () -> (Consumer<Object>) value -> { });
    sample(Class.class, () -> PaymentMethodDetails.class);
    sample(Type.class, () -> String.class);
    sample(Object.class, () -> "value");
    sample(Moshi.class, () -> moshi);
    sample(JsonAdapter.class, () -> moshi.adapter(String.class));
    sample(JsonAdapter.Factory[].class, () -> new JsonAdapter.Factory[0]);
    sample(JsonReader.class, () -> JsonReader.of(new Buffer().writeUtf8("\"text\"")));

    sample(SettleClient.class, () -> client);
    sample(AccountClient.class, () -> account);
    sample(dev.settle.PaymentMethods.class, account::paymentMethods);
    sample(dev.settle.Invoices.class, account::invoices);
    sample(dev.settle.Licenses.class, account::licenses);
    sample(dev.settle.WebhookEndpoints.class, client::webhookEndpoints);
    sample(dev.settle.PagedIterable.class, () -> account.invoices().list());
    sample(dev.settle.InvoiceQuery.Builder.class, () -> {
      dev.settle.InvoiceQuery.Builder[] builder = new dev.settle.InvoiceQuery.Builder[1];
      account.invoices().list(query -> builder[0] = query);
      return builder[0];
    });
    sample(RequestOptions.class, RequestOptions::defaults);
    sample(RetryPolicy.class, RetryPolicy::none);
    sample(CallListener.class, () -> CallListener.NONE);
    sample(HttpLogger.class, () -> (HttpLogger) line -> { });
    sample(HttpLogger.Level.class, () -> HttpLogger.Level.NONE);
    sample(PaymentMethodProvider.class, CardProvider::new);
    sample(CardProvider.class, CardProvider::new);
    sample(dev.settle.paypal.PayPalProvider.class, dev.settle.paypal.PayPalProvider::new);
    sample(ProviderContext.class, NullArgumentsIT::unusableContext);
    sample(SettleException.class, () -> new SettleException("refused"));
    sample(CustomerId.class, () -> CustomerId.of("200001"));
    sample(InvoiceId.class, () -> InvoiceId.of("in_1"));
    sample(PaymentMethodId.class, () -> PaymentMethodId.of("pm_1"));
    sample(LicenseId.class, () -> LicenseId.of("lic_1"));
    sample(PaymentId.class, () -> PaymentId.of("py_1"));
    sample(WebhookEndpointId.class, () -> WebhookEndpointId.of("we_1"));
    sample(Money.class, () -> Money.ofMinor(11900, "EUR"));
    sample(Portal.class, () -> Portal.II);
    sample(dev.settle.model.PaymentMethod.class, () -> dev.settle.model.PaymentMethod.builder()
        .id(PaymentMethodId.of("pm_1")).kind("card").preferred(true).usableOffSession(true).createdAt(Instant.EPOCH)
        .details(dev.settle.card.Card.builder().brandName("visa").lastFour("4242").expiry(YearMonth.of(2040, 12)).build())
        .build());
    sample(PaymentMethodInput.class, () -> card);
    sample(CardDetails.class, () -> card);
    sample(WebhookVerifier.class, () -> WebhookVerifier.builder().secret("whsec_c2VjcmV0").build());
    sample(WebhookSigner.class, () -> WebhookSigner.create("whsec_c2VjcmV0", clock));
    sample(PayPal.class, () -> PayPal.of(account));
    sample(PayPalSetupId.class, () -> PayPalSetupId.of("pps_1"));
    sample(BankTransfer.class, () -> BankTransfer.of(account));
    sample(Iban.class, () -> Iban.of("DE89370400440532013000"));
    sample(Bic.class, () -> Bic.of("COBADEFFXXX"));
    sample(CreditorReference.class, () -> CreditorReference.of("RF18539007547034"));
    sample(SettleSandbox.class, () -> sandbox);
    String sandboxCustomer = sandbox.createAccount(SettleSandbox.Portal.II, "Null Rule", "EUR");
    sample(dev.settle.sandbox.InvoiceDraft.class, () -> {
      dev.settle.sandbox.InvoiceDraft[] draft = new dev.settle.sandbox.InvoiceDraft[1];
      sandbox.createInvoice(sandboxCustomer, invoice -> draft[0] = invoice.line("Seats", 9900));
      return draft[0];
    });
    sample(dev.settle.sandbox.InvoiceDraft.Collection.class, () -> dev.settle.sandbox.InvoiceDraft.Collection.MANUAL);
    sample(SettleSandbox.Portal.class, () -> SettleSandbox.Portal.II);
    sample(dev.settle.sandbox.SandboxClock.class, sandbox::clock);
    sample(dev.settle.sandbox.SandboxFaults.class, sandbox::faults);
    sample(dev.settle.sandbox.SandboxFaults.Rules.class, () -> sandbox.faults().all());
  }

  @AfterAll
  static void close() {
    client.close();
    sandbox.close();
  }

  @TestFactory
  Stream<DynamicTest> everyReferenceParameterRefusesNull() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    Set<String> methods = new TreeSet<>();
    for (Parameter parameter : heldParameters()) {
      if (parameter.member().getParameterTypes()[parameter.index()].isPrimitive() || !seen.add(parameter.name())) {
        continue;
      }
      methods.add(name(parameter.member()));
      tests.add(DynamicTest.dynamicTest(parameter.name(),
          () -> check(parameter.type(), parameter.member(), parameter.index(), parameter.expected())));
    }
    System.out.printf("The null rule: %d parameters of %d methods and constructors checked%n", tests.size(),
        methods.size());
    return tests.stream();
  }

  /**
   * A parameter is annotated {@code @Nullable} exactly when null is expected of it: one of {@link
   * #NULLABLE}, or a generated setter of an optional field.
   */
  @Test
  void theNullableParametersAreExactlyTheListedOnes() throws Exception {
    Set<String> annotated = new TreeSet<>();
    Set<String> nullable = new TreeSet<>();
    for (Parameter parameter : heldParameters()) {
      if (parameter.member().getAnnotatedParameterTypes()[parameter.index()].isAnnotationPresent(Nullable.class)) {
        annotated.add(parameter.name());
      }
      if (parameter.expected() == Expectation.NULLABLE) {
        nullable.add(parameter.name());
      }
    }
    assertThat(annotated).containsExactlyInAnyOrderElementsOf(nullable).containsAll(NULLABLE);
  }

  /** A parameter of the public API that the null rule holds, and what null must do to it. */
  private record Parameter(Class<?> type, Executable member, int index, String name, Expectation expected) {}

  /** Every parameter of every public method and constructor, but those the rule does not hold. */
  private static List<Parameter> heldParameters() throws Exception {
    List<Parameter> held = new ArrayList<>();
    for (Class<?> type : publicClasses()) {
      for (Executable member : members(type)) {
        for (int i = 0; i < member.getParameterCount(); i++) {
          String name = name(member) + "#" + i;
          Expectation expected = expectation(member, i, name);
          if (expected != Expectation.NOT_HELD) {
            held.add(new Parameter(type, member, i, name, expected));
          }
        }
      }
    }
    return held;
  }

  @Test
  void theWholeApiIsChecked() throws Exception {
    List<String> classes = publicClasses().stream().map(NullArgumentsIT::simpleName).toList();
    assertThat(classes).contains("SettleClient", "SettleClient.Builder", "PaymentMethods", "Invoices",
        "Licenses", "WebhookEndpoints", "PagedIterable", "RequestOptions.Builder", "Account.Builder",
        "Money", "WebhookVerifier.Builder", "WebhookSigner", "InvoicePaid.Builder", "ProviderApi",
        "CardDetails.Builder", "CardProvider", "PayPal", "BankTransfer", "EpcQrCode.Builder", "Iban",
        "SettleSandbox", "SettleSandbox.Builder", "SandboxFaults.Rules");
    Set<String> names = new TreeSet<>();
    for (Class<?> type : publicClasses()) {
      members(type).forEach(member -> names.add(name(member)));
    }
    assertThat(names).contains("PaymentMethods.remove(PaymentMethodId)",
        "PaymentMethods.removeAsync(PaymentMethodId,RequestOptions)", "Account.Builder.customerId(CustomerId)",
        "SettleClient.Builder.certificatePins(String,String[])", "SettleSandbox.createAccount(Portal,String,String)");
  }

  private static void check(Class<?> type, Executable member, int index, Expectation expected) throws Exception {
    Object[] args = new Object[member.getParameterCount()];
    for (int i = 0; i < args.length; i++) {
      args[i] = i == index ? null : sampleOf(member.getParameterTypes()[i], member);
    }
    Object receiver = member instanceof Method method && !Modifier.isStatic(method.getModifiers())
        ? receiverOf(type) : null;
    Throwable thrown = null;
    Object returned = null;
    try {
      member.setAccessible(true);
      returned = member instanceof Method method ? method.invoke(receiver, args)
          : ((Constructor<?>) member).newInstance(args);
    } catch (InvocationTargetException e) {
      thrown = e.getCause();
    }
    if (expected == Expectation.NULLABLE) {
      assertThat(thrown instanceof NullPointerException).as("%s takes null as documented, but threw %s",
          name(member), thrown).isFalse();
      return;
    }
    Object outcome = thrown == null ? "returned " + returned : thrown;
    assertThat(thrown).as("%s must refuse null as REQUIRED itself, but it %s", name(member), outcome)
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.reason()).isEqualTo(ValidationException.Reason.REQUIRED);
          assertThat(e.param()).isNotBlank();
        });
  }

  /** Public classes an application calls: not exceptions, records it is handed, or interfaces it implements. */
  private static List<Class<?>> publicClasses() throws IOException, URISyntaxException {
    List<Class<?>> classes = new ArrayList<>();
    for (Class<?> anchor : MODULES) {
      for (String name : classNames(Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI()))) {
        Class<?> type;
        try {
          type = Class.forName(name, false, anchor.getClassLoader());
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException(e);
        }
        if (userFacing(type)) {
          classes.add(type);
        }
      }
    }
    classes.sort(Comparator.comparing(Class::getName));
    return classes;
  }

  private static boolean userFacing(Class<?> type) {
    String packageName = type.getPackageName();
    if (packageName.startsWith("dev.settle.internal") || packageName.equals("dev.settle.exception")
        || type.isInterface() || type.isRecord() || type.isAnonymousClass() || type.isSynthetic()
        || Throwable.class.isAssignableFrom(type)
        || type.getSimpleName().equals("SettleSandboxExtension")) {   // JUnit calls it, not applications
      return false;
    }
    for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
      if (!Modifier.isPublic(t.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static List<String> classNames(Path location) throws IOException {
    List<String> entries = new ArrayList<>();
    if (Files.isDirectory(location)) {
      try (Stream<Path> files = Files.walk(location)) {
        files.map(location::relativize).map(Path::toString).forEach(entries::add);
      }
    } else {
      try (JarFile jar = new JarFile(location.toFile())) {
        jar.stream().map(entry -> entry.getName()).forEach(entries::add);
      }
    }
    return entries.stream()
        .filter(entry -> entry.endsWith(".class") && !entry.endsWith("module-info.class")
            && !entry.endsWith("package-info.class"))
        .map(entry -> entry.substring(0, entry.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
        .toList();
  }

  /** Public constructors and methods, without those whose contract a JDK type sets, and without a main. */
  private static List<Executable> members(Class<?> type) {
    List<Executable> members = new ArrayList<>();
    if (!Modifier.isAbstract(type.getModifiers())) {
      members.addAll(Arrays.asList(type.getConstructors()));
    }
    List<Method> methods = Arrays.stream(type.getMethods())
        .filter(method -> !method.getDeclaringClass().getName().startsWith("java."))
        .filter(method -> !setByJdk(type, method))
        .filter(method -> !method.getName().equals("main"))
        .filter(method -> !(type.isEnum() && method.getName().equals("valueOf")))
        .toList();
    for (Method method : methods) {
      boolean shadowed = method.isBridge() && methods.stream().anyMatch(other -> !other.isBridge()
          && other.getName().equals(method.getName()) && other.getParameterCount() == method.getParameterCount());
      if (!shadowed) {
        members.add(method);
      }
    }
    members.removeIf(member -> Arrays.stream(member.getParameterTypes()).allMatch(Class::isPrimitive));
    return members;
  }

  private static boolean setByJdk(Class<?> type, Method method) {
    List<Class<?>> supertypes = new ArrayList<>();
    for (Class<?> t = type; t != null; t = t.getSuperclass()) {
      supertypes.add(t);
      supertypes.addAll(Arrays.asList(t.getInterfaces()));
    }
    return supertypes.stream().filter(t -> t.getName().startsWith("java."))
        .flatMap(t -> Arrays.stream(t.getMethods()))
        .anyMatch(jdk -> jdk.getName().equals(method.getName())
            && jdk.getParameterCount() == method.getParameterCount());
  }

  /** Declared by an Immutables builder, which the model's public builders extend. */
  private static boolean generated(Method method) {
    Class<?> declaring = method.getDeclaringClass();
    return declaring.getSimpleName().startsWith("Immutable")
        || (declaring.getEnclosingClass() != null && declaring.getEnclosingClass().getSimpleName().startsWith("Immutable"));
  }

  /** A generated setter of a field whose accessor returns an {@code Optional}: null sets none. */
  private static boolean optionalField(Method setter) {
    Class<?> value = setter.getDeclaringClass().getEnclosingClass().getSuperclass();
    return Arrays.stream(value.getMethods()).anyMatch(accessor -> accessor.getName().equals(setter.getName())
        && accessor.getParameterCount() == 0 && accessor.getReturnType() == Optional.class);
  }

  private static Object receiverOf(Class<?> type) throws ReflectiveOperationException {
    if (type.getSimpleName().equals("Builder") && type.getEnclosingClass() != null) {
      try {
        return type.getEnclosingClass().getMethod("builder").invoke(null);
      } catch (NoSuchMethodException e) {
        // built another way: from the samples
      }
    }
    return sampleOf(type, null);
  }

  private static Object sampleOf(Class<?> type, @Nullable Executable member) {
    if (type == boolean.class) {
      return true;
    }
    if (type == long.class) {
      return 1L;
    }
    if (type == int.class) {
      return 1;
    }
    Supplier<?> sample = SAMPLES.get(type);
    if (sample == null) {
      throw new AssertionError("No sample " + type.getName() + (member == null ? "" : " for " + name(member))
          + ": add one to NullArgumentsIT's samples");
    }
    return sample.get();
  }

  private static <T> void sample(Class<T> type, Supplier<? extends T> sample) {
    SAMPLES.put(type, sample);
  }

  private static ProviderContext unusableContext() {
    return (ProviderContext) Proxy.newProxyInstance(NullArgumentsIT.class.getClassLoader(),
        new Class<?>[] {ProviderContext.class}, (proxy, method, args) -> {
          throw new AssertionError("A null argument must be refused before the context is used: " + method);
        });
  }

  private static String name(Executable member) {
    String owner = simpleName(member instanceof Method ? ((Method) member).getDeclaringClass() : member.getDeclaringClass());
    if (member instanceof Method method && generated(method)) {
      owner = simpleName(method.getDeclaringClass().getEnclosingClass()).replaceFirst("^Immutable", "") + ".Builder";
    }
    String parameters = Arrays.stream(member.getParameterTypes()).map(Class::getSimpleName)
        .collect(Collectors.joining(","));
    return owner + "." + (member instanceof Constructor ? "<init>" : member.getName()) + "(" + parameters + ")";
  }

  private static String simpleName(Class<?> type) {
    return type.getEnclosingClass() == null ? type.getSimpleName()
        : simpleName(type.getEnclosingClass()) + "." + type.getSimpleName();
  }
}
