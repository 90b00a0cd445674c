package com.gametriggers.companion.ui;

/**
 * Whether viewers' scans and link clicks can be counted now, and why, in one sentence.
 *
 * @param counted  the links are public (a typed address, or a running tunnel), so visits pass through the app
 * @param brief    two or three words for the status bar
 * @param sentence the whole story, for the sponsor pane, Settings and the status bar's tooltip
 */
public record PublicLinksStatus(boolean counted, String brief, String sentence) {
}
