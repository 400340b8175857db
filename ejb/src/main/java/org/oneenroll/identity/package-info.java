/**
 * Who is who: people's identifiers (ID numbers, phones), China's regions, staff accounts and their
 * roles and scope, and the protection of personal data at rest.
 */
package org.oneenroll.identity;
