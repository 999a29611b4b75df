/**
 * Signatures: the entity, the customer's applications ({@code /signatures}) and the rules of a
 * signature's text; support's decisions come through {@link
 * com.smsportal.templates.signature.SignatureApplications#review}.
 */
package com.smsportal.templates.signature;
