package dev.settle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each runnable example against the sandbox: it finishes and prints what it promises. */
class ExamplesIT extends SandboxFixture {

  private static String output(Consumer<PrintStream> example) {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    example.accept(new PrintStream(printed, true, StandardCharsets.UTF_8));
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void switchPreferredSwitchesOnBothPortalsAndRestoresAfterADecline() {
    String printed = output(out -> SwitchPreferred.run(settle, out));

    assertThat(printed)
        .contains("Account 100002 (portal I)")
        .contains("switched to Mastercard ending in 4444")
        .contains("Account 200001 (portal II)")
        .contains("switched to JCB ending in 0505")
        .contains("old method put back: true; preferred now: Mastercard ending in 4444");
    assertThat(printed.lines().filter(line -> line.startsWith("  stored: ")))
        .singleElement().asString().doesNotContain(";");
  }

  @Test
  void payPalPreferredSavesTheApprovedAccountAsThePreferredMethod() {
    String printed = output(out ->
        PayPalPreferred.run(settle, new SandboxControls(sandbox.baseUrl(), sandbox.apiKey()), out));

    assertThat(printed)
        .contains("1. Account 100002 (portal I) pays with Visa ending in 4242")
        .contains("/sandbox/paypal/approve?setup=pps_")
        .contains("approval_session_id=pps_")
        .contains("The setup is now APPROVED")
        .contains("4. Preferred method is now PayPal camille@example.com")
        .contains("5. Stored on the account: paypal (pm_");
  }

  @Test
  void payByBankTransferPrintsTheInstructionsWritesTheFilesAndEndsPaid(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) {
    String printed = output(out ->
        PayByBankTransfer.run(settle, new SandboxControls(sandbox.baseUrl(), sandbox.apiKey()), folder, out));

    assertThat(printed).contains("IBAN:      DE89 3704 0044 0532 0130 00").contains("Reference: RF")
        .containsPattern("The bank received (EUR [0-9.]+) quoting RF[0-9A-Z ]+; the sandbox reports it paid: \\1"
            + " applied to invoice in_\\w+ as payment py_\\w+, nothing left over")
        .contains("is now PAID; amount due EUR 0.00").doesNotContain("{");
    assertThat(folder.toFile().list()).hasSize(2);
  }

  @Test
  void observabilityTracesEachAttemptAndCountsEachCall() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    Map<String, Long> counts = Observability.run(settle.newBuilder(),
        new SandboxControls(sandbox.baseUrl(), sandbox.apiKey()), new PrintStream(buffer, true, StandardCharsets.UTF_8));
    String printed = buffer.toString(StandardCharsets.UTF_8);

    assertThat(printed).contains("trace payInvoice             attempt 1 -> 429").contains(", will retry")
        .contains("trace payInvoice             attempt 2 -> 200").doesNotContain(sandbox.apiKey());
    assertThat(counts).containsEntry("payInvoice ok", 1L).containsEntry("getAccount ok", 2L);
    assertThat(printed).contains("  operation              outcome    calls")
        .containsPattern("\n  payInvoice +ok +1\n").containsPattern("\n  getAccount +ok +2\n");
    assertThat(sandbox.faults().injected()).containsEntry(dev.settle.sandbox.SandboxFaults.Kind.RATE_LIMIT, 0L);
  }

  @Test
  void dunningRetriesTheFailingCardDayByDayAndTheNewCardBringsTheLicenseBack() {
    String printed = output(out ->
        Dunning.run(settle, new SandboxControls(sandbox.baseUrl(), sandbox.apiKey()), out));

    assertThat(printed).contains("The customer switches to Visa ending in 0341").contains("declines every charge");
    List<String> rows = printed.lines().filter(line -> line.matches("  \\d{4}-\\d\\d-\\d\\d  .*")).toList();
    assertThat(rows).extracting(row -> row.replaceAll("\\s+", " ").trim().replaceAll("INV-\\S+ ", "")).containsExactly(
        "2026-11-26 OPEN 1 2026-11-27 RENEWAL_FAILED",
        "2026-11-27 OPEN 2 2026-11-29 RENEWAL_FAILED",
        "2026-11-29 OPEN 3 2026-12-01 RENEWAL_FAILED",
        "2026-12-01 OPEN 4 2026-12-03 RENEWAL_FAILED",
        "2026-12-03 OPEN 5 none PAST_DUE",
        "2026-12-10 OPEN 5 none SUSPENDED",
        "2026-12-12 PAID 6 none ACTIVE");
    assertThat(printed).contains("switches to Mastercard ending in 4444").contains("tried at once")
        .contains("Every attempt on the renewal invoice (6):")
        .contains("The license is ACTIVE again and renews next on 2027-11-26.");
    List<String> attempts = printed.lines().filter(line -> line.matches("  \\d\\. .*")).toList();
    assertThat(attempts).hasSize(6);
    assertThat(attempts.subList(0, 5)).allSatisfy(line -> assertThat(line).contains("FAILED", "0341", "generic_decline"));
    assertThat(attempts.get(5)).contains("SUCCEEDED", "Mastercard ending in 4444").doesNotContain("declined");
    assertThat(printed).doesNotContain("4000000000000341", "5555555555554444");
  }

  @Test
  void renewalsChargeTheMethodPreferredAtEachRenewal() {
    String printed = output(out ->
        Renewals.run(settle, new SandboxControls(sandbox.baseUrl(), sandbox.apiKey()), out));

    assertThat(printed.lines().filter(line -> line.startsWith("Moved the sandbox clock a year, to ")))
        .hasSize(2).allMatch(line -> !line.contains("{"));
    List<String> charges = printed.lines().filter(line -> line.startsWith("  renewal invoice ")).collect(Collectors.toList());
    assertThat(charges).hasSize(2);
    assertThat(charges.get(0)).contains("SUCCEEDED").contains("charged to Mastercard ending in 4444");
    assertThat(charges.get(1)).contains("SUCCEEDED").contains("charged to Visa ending in 4242");
  }
}
