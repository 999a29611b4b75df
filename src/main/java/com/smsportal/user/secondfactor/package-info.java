/**
 * The second factor: who needs one (staff, and a tenant's customers when support requires it), TOTP
 * keys sealed with the portal's key, recovery codes kept as hashes, each code accepted once, the
 * enrolment page with its QR code drawn here, and an administrator's reset for a lost phone.
 */
package com.smsportal.user.secondfactor;
