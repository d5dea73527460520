/**
 * Downloads: CSV and XLSX files of plain tables, written with the JDK only; the {@link
 * org.unionportal.api.export.Download} a resource returns (the portal writes it with the right
 * headers); and the one masking policy of personal data in exports ({@link
 * org.unionportal.api.export.ExportPurpose}).
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.unionportal.api.export;
