/**
 * Quick replies: {@link com.texterchat.dsl.quickreply.QuickReplies} starts the builders for Create Quick Reply
 * (contents, targets, display) and for the operation list of Update Existing Quick Reply, where every
 * operation holds exactly one key by construction.
 */
@NullMarked
package com.texterchat.dsl.quickreply;

import org.jspecify.annotations.NullMarked;
