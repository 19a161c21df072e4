/**
 * Verification: how real-name becomes verified. Person-to-ID checks (人证比对) of handlers and end users through the
 * configured providers (or none: manual review), the OPS review queue with maker-checker decisions, and end users'
 * one-time self-service links. Modules above it (card, order) open cases, implement {@link
 * com.realsim.verification.SelfServiceSubject} and listen to {@link com.realsim.verification.VerificationDecided}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Verification")
package com.realsim.verification;
