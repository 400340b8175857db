/** The county's admission console (录取): prepare, draw, compare and publish a round through {@code Admissions}. */
package org.oneenroll.web.admission;
