/**
 * Demo mode: whether the portal runs with the demo city (a service, so that modules never read the
 * core's configuration), and the stable codes of the demo city's organisations.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.unionportal.api.demo;
