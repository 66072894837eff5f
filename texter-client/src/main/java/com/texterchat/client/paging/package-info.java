/**
 * Lazy iteration over Texter's paged list operations. {@link com.texterchat.client.paging.TexterPaging}, obtained
 * from {@link com.texterchat.client.TexterClient#paging()}, turns each paged list into a
 * {@link com.texterchat.client.paging.Paged} sequence of items that fetches the next page only when the caller
 * reaches it, so {@code stream().limit(10)} costs one request and a full walk costs one request per page.
 */
@NullMarked
package com.texterchat.client.paging;

import org.jspecify.annotations.NullMarked;
