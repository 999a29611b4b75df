/**
 * The safe rotation of a gateway account's password (spec section 6): the administrators' page
 * ({@code /admin/accounts/{id}/rotate-password}), the conversation with the gateway ({@code
 * PasswordRotation}: change, then check which password it accepts when the answer is lost), and the
 * retry that resolves the rotations in doubt. Each step on the account's row is the account
 * package's ({@code RotationSteps}).
 */
package com.smsportal.gatewayaccount.rotation;
