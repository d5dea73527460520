/** Chinese resident identity numbers (GB 11643): check digit, birth date, gender, masking. */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.unionportal.api.identity;
