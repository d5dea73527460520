/** The portal's time: dates and "today" are in Asia/Shanghai, read from a clock that tests can fix. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.unionportal.api.time;
