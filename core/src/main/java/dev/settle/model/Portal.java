package dev.settle.model;

/**
 * The management portal an account lives on; the server decides which.
 *
 * <p>The two portals store payment methods differently, and Settle hides the difference behind
 * one API: on {@link #I} an account holds a single stored method, which is always the preferred
 * one, and changing it means removing the old method and adding the new one; on {@link #II} an
 * account holds many methods, at most one marked preferred.
 */
public enum Portal {
  /** One stored method, always preferred; switching is remove, then add. */
  I,
  /** Many stored methods, at most one preferred; switching is add, then mark. */
  II
}
