/**
 * The bank's return file of a payout batch, read once for every module that pays through a bank file
 * ({@link org.unionportal.api.payout.BankReturnFile}): which transfers the bank paid and which it returned with its
 * reason, checked line by line against the batch, previewed before anything is recorded.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.unionportal.api.payout;
