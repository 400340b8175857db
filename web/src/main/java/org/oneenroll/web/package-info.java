/**
 * The screens (Jakarta Faces with PrimeFaces) and REST resources. Packages mirror the ejb contexts; each
 * view bean holds view state and calls one boundary, nothing more.
 */
package org.oneenroll.web;
