/**
 * The home page's work to do (工作台): modules contribute counts for the signed-in user through
 * {@link org.unionportal.api.todo.WorkItems} services; the core lists them with links to the filtered lists.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.unionportal.api.todo;
