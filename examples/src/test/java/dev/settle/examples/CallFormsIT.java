package dev.settle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.AccountClient;
import dev.settle.Invoices;
import dev.settle.Licenses;
import dev.settle.PagedIterable;
import dev.settle.PaymentMethods;
import dev.settle.RequestOptions;
import dev.settle.WebhookEndpoints;
import dev.settle.banktransfer.BankTransfer;
import dev.settle.paypal.PayPal;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * One shape for every call: each public operation of every facade, core's and the providers',
 * has a blocking and an {@code …Async} form, each with and without {@link RequestOptions}; a list
 * has its form with options (its {@code forEachAsync} is the asynchronous walk).
 */
class CallFormsIT {
  private static final List<Class<?>> FACADES = List.of(AccountClient.class, PaymentMethods.class,
      Invoices.class, Licenses.class, WebhookEndpoints.class, PayPal.class, BankTransfer.class);
  /** Methods that make no request: they lead to another facade or build one. */
  private static final Set<String> NOT_OPERATIONS =
      Set.of("customerId", "paymentMethods", "invoices", "licenses", "extension", "of");

  @Test
  void everyOperationHasItsFourForms() {
    List<String> missing = new ArrayList<>();
    int operations = 0;
    for (Class<?> facade : FACADES) {
      for (Method method : facade.getDeclaredMethods()) {
        if (!isOperation(method) || method.getName().endsWith("Async") || takesOptions(method)) {
          continue;
        }
        operations++;
        Class<?>[] plain = method.getParameterTypes();
        Class<?>[] withOptions = Arrays.copyOf(plain, plain.length + 1);
        withOptions[plain.length] = RequestOptions.class;
        String name = facade.getSimpleName() + "." + method.getName();
        require(facade, method.getName(), withOptions, method.getReturnType(), name + " with options", missing);
        if (method.getReturnType() != PagedIterable.class) {
          require(facade, method.getName() + "Async", plain, CompletableFuture.class, name + "Async", missing);
          require(facade, method.getName() + "Async", withOptions, CompletableFuture.class,
              name + "Async with options", missing);
        }
      }
    }
    assertThat(operations).as("operations found").isGreaterThan(25);
    assertThat(missing).as("missing forms").isEmpty();
  }

  @Test
  void everyAsyncFormHasABlockingTwin() {
    Set<String> orphans = new TreeSet<>();
    for (Class<?> facade : FACADES) {
      for (Method method : facade.getDeclaredMethods()) {
        if (isOperation(method) && method.getName().endsWith("Async")) {
          String blocking = method.getName().substring(0, method.getName().length() - "Async".length());
          try {
            facade.getMethod(blocking, method.getParameterTypes());
          } catch (NoSuchMethodException e) {
            orphans.add(facade.getSimpleName() + "." + method.getName());
          }
        }
      }
    }
    assertThat(orphans).isEmpty();
  }

  private static boolean isOperation(Method method) {
    int modifiers = method.getModifiers();
    return Modifier.isPublic(modifiers) && !Modifier.isStatic(modifiers) && !method.isSynthetic()
        && !NOT_OPERATIONS.contains(method.getName()) && !method.getName().equals("toString");
  }

  private static boolean takesOptions(Method method) {
    Class<?>[] types = method.getParameterTypes();
    return types.length > 0 && types[types.length - 1] == RequestOptions.class;
  }

  private static void require(Class<?> facade, String name, Class<?>[] parameters, Class<?> returns, String form,
      List<String> missing) {
    try {
      Method found = facade.getMethod(name, parameters);
      if (!returns.isAssignableFrom(found.getReturnType())) {
        missing.add(form + " returns " + found.getReturnType().getSimpleName());
      }
    } catch (NoSuchMethodException e) {
      missing.add(form);
    }
  }
}
