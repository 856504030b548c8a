/** Paying an invoice by bank transfer: instructions, IBAN, BIC and ISO 11649 references, EPC QR codes. */
module dev.settle.banktransfer {
  requires transitive dev.settle;
  requires retrofit2;
  requires static org.immutables.value;
  requires com.google.zxing;
  requires java.desktop;

  exports dev.settle.banktransfer;
}
