package io.supplements.common;

/** An answer that is one page of several: {@link PageLinks} links the next one. */
public interface Paged {
    /** The cursor of the next page; null on the last one. */
    String linkCursor();
}
