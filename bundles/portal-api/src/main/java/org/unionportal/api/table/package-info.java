/**
 * Reading uploaded tables (CSV in UTF-8, UTF-16 or GB18030, comma or tab separated; XLSX, first sheet) row by
 * row with the JDK only, for every import of the portal: rosters, registers, settlement files.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.unionportal.api.table;
