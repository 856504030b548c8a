package dev.settle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.POST;

/**
 * The contract and the Retrofit interfaces that speak it, held to each other: every operation of
 * {@code settle-api.yaml} has a method with its HTTP method, path template and name
 * ({@code operationId}), in core's interface or in the interface of the provider module that owns
 * it, and every method is an operation of the contract.
 */
class ContractInterfacesIT {
  /** Core's interface and each provider module's, by name: they are not public. */
  private static final List<String> INTERFACES = List.of(
      "dev.settle.internal.http.BillingService",
      "dev.settle.card.CardApi",
      "dev.settle.paypal.PayPalApi",
      "dev.settle.banktransfer.BankTransfer$Api");

  @Test
  void everyOperationHasAMethodAndEveryMethodAnOperation() throws Exception {
    assertThat(methods()).isEqualTo(operations());
  }

  /** "METHOD /path {template}" to operationId, from the contract. */
  private static Map<String, String> operations() {
    OpenAPI contract = new OpenAPIV3Parser().read(
        ContractInterfacesIT.class.getResource("/dev/settle/settle-api.yaml").toString());
    Map<String, String> operations = new TreeMap<>();
    contract.getPaths().forEach((path, item) -> item.readOperationsMap().forEach(
        (PathItem.HttpMethod method, Operation operation) ->
            operations.put(method + " " + path, operation.getOperationId())));
    assertThat(operations).hasSizeGreaterThan(20);
    return operations;
  }

  /** The same, from the interfaces' annotations and method names. */
  private static Map<String, String> methods() throws ClassNotFoundException {
    Map<String, String> methods = new TreeMap<>();
    TreeSet<String> duplicates = new TreeSet<>();
    for (String name : INTERFACES) {
      for (Method method : Class.forName(name).getDeclaredMethods()) {
        for (Annotation annotation : method.getAnnotations()) {
          String route = route(annotation);
          if (route != null && methods.put(route, method.getName()) != null) {
            duplicates.add(route);
          }
        }
      }
    }
    assertThat(duplicates).as("routes declared twice").isEmpty();
    return methods;
  }

  private static String route(Annotation annotation) {
    if (annotation instanceof GET get) {
      return "GET /" + get.value();
    }
    if (annotation instanceof POST post) {
      return "POST /" + post.value();
    }
    if (annotation instanceof DELETE delete) {
      return "DELETE /" + delete.value();
    }
    return null;
  }
}
