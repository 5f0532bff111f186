/**
 * What the runtime's own packages share and nothing else should use: not API, and free to change
 * in any release.
 */
package org.qapi4j.runtime.internal;
