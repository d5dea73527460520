/** CSV and XLSX files of plain tables, written with the JDK only (downloads of lists). */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.unionportal.api.export;
